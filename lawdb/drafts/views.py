from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import FileResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from . import exports
from .forms import DraftCheckForm
from .models import DraftCheck
from .report import build_report, draft_metadata
from .tasks import run_draft_check

ADD_PERMISSION = "drafts.add_draftcheck"
CHECKS_PER_PAGE = 25
# Shared pages must not leak the token to other sites through the Referer header.
SHARED_HEADERS = {"Referrer-Policy": "no-referrer", "X-Robots-Tag": "noindex"}


def adviser_required(view):
    """Anonymous visitors go to the login page; signed-in users without the role get a 403."""
    return login_required(permission_required(ADD_PERMISSION, raise_exception=True)(view))


def owned(view):
    """Resolve ``pk`` to a check the signed-in user may see; 404 for anybody else's."""

    @login_required
    @wraps(view)
    def wrapper(request, pk):
        draft = get_object_or_404(
            DraftCheck.objects.visible_to(request.user).select_related("jurisdiction", "amends"),
            pk=pk,
        )
        return view(request, draft, shared=False)

    return wrapper


def shared(view):
    """Resolve the secret of a shared link to its check; read-only, no sign-in needed."""

    @wraps(view)
    def wrapper(request, token):
        draft = get_object_or_404(
            DraftCheck.objects.select_related("jurisdiction", "amends"), share_token=token
        )
        response = view(request, draft, shared=True)
        for header, value in SHARED_HEADERS.items():
            response.headers[header] = value
        return response

    return wrapper


def report_links(draft, shared):
    """URLs of the report's status endpoint and exports, for its owner or for a shared link."""
    if shared:
        args, prefix = [draft.share_token], "drafts:shared_"
    else:
        args, prefix = [draft.pk], "drafts:"
    return {
        name: reverse(f"{prefix}{name}", args=args)
        for name in ("report", "status", "export_pdf", "export_docx")
    }


@adviser_required
def check_draft(request):
    if request.method == "POST":
        form = DraftCheckForm(request.user, request.POST, request.FILES)
        if form.is_valid():
            draft = form.save()
            run_draft_check.enqueue(draft.pk)
            return redirect(draft)
    else:
        form = DraftCheckForm(request.user)
    return render(request, "drafts/check_draft.html", {"form": form})


@adviser_required
def my_checks(request):
    checks = DraftCheck.objects.filter(owner=request.user).select_related("jurisdiction")
    page = Paginator(checks.defer("source_text", "result"), CHECKS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "drafts/my_checks.html", {"checks": page})


@require_safe
def report(request, draft, shared):
    show = "conflicts" if request.GET.get("show") == "conflicts" else "all"
    context = {
        "draft": draft,
        "shared": shared,
        "links": report_links(draft, shared),
        "report": build_report(draft.result, show) if draft.result else None,
        "metadata": draft_metadata(draft),
    }
    if not shared and draft.share_token:
        context["share_url"] = request.build_absolute_uri(
            reverse("drafts:shared_report", args=[draft.share_token])
        )
    return render(request, "drafts/report.html", context)


@require_safe
def status(request, draft, shared):
    return JsonResponse(
        {
            "status": draft.status,
            "status_display": draft.get_status_display(),
            "progress": draft.progress,
            "finished": draft.is_finished,
        },
        headers={"Cache-Control": "no-store"},
    )


@require_safe
def export_pdf(request, draft, shared):
    return _export(request, draft, shared, exports.render_pdf, "pdf")


@require_safe
def export_docx(request, draft, shared):
    return _export(request, draft, shared, exports.render_docx, "docx")


def _export(request, draft, shared, render_file, extension):
    if not draft.result:
        messages.error(request, _("The report is not ready yet."))
        return redirect(report_links(draft, shared)["report"])
    content, content_type = render_file(request, draft, build_report(draft.result, "flagged"))
    return FileResponse(
        content,
        as_attachment=True,
        filename=f"{exports.file_stem(draft)}.{extension}",
        content_type=content_type,
    )


@require_POST
@owned
def share(request, draft, shared):
    if request.POST.get("action") == "revoke":
        draft.unshare()
        messages.success(request, _("The shared link no longer works."))
    elif draft.share_token:
        draft.share()
        messages.success(
            request, _("Anyone with the new link can read this report; earlier links stop working.")
        )
    else:
        draft.share()
        messages.success(request, _("Anyone with the link can read this report."))
    return redirect(draft)
