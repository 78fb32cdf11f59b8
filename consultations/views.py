"""Public views. Most are routes of ConsultationPage (see ConsultationPage's @path methods), so
they are served in the page's language under its URL: /consultations/<slug>/submit/ and
/zh-hans/consultations/<slug>/submit/."""

from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation

from . import antiabuse, exports, intake
from .compilation import build_compilation
from .countries import country_name
from .forms import GENERAL_COMMENT_FIELD, FalseAttributionForm, SubmissionForm, answer_field_name
from .models import ConsultationPage, Submission, keyed_hash
from .tasks import send_confirmation_email

# The submission fields the commenter fills in (the e-mail address only when submitting).
DETAIL_FIELDS = (
    "name", "organisation", "capacity", "stakeholder_type", "country", "language", "consent",
)


def consultation_list(request):
    language = translation.get_language()
    consultations = (
        ConsultationPage.objects.live().filter(locale__language_code=language)
        .order_by("-closes_at")
    )
    return render(request, "consultations/consultation_list.html",
                  {"consultations": consultations})


def page_render(request, page, template, context=None, status=200):
    """Render one of the page's routes with the page's usual context."""
    response = page.render(
        request, template=template, context_overrides=context or {},
    )
    response.status_code = status
    return response


def too_many_requests(request, page, retry_after):
    response = page_render(
        request, page, "consultations/rate_limited.html",
        {"retry_after_minutes": max(1, round(retry_after / 60))}, status=429,
    )
    response["Retry-After"] = str(retry_after)
    return response


def closed_response(request, page):
    return page_render(request, page, "consultations/closed.html", status=403)


def private(response):
    """Pages that show the private link: not cached, not indexed, never sent as a referrer."""
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


def receipt(request, page, submission, created):
    return private(page_render(
        request, page, "consultations/receipt.html",
        {
            "submission": submission,
            "created": created,
            "manage_url": page.subpage_url("manage_submission", token=submission.edit_token()),
        },
        status=201 if created else 200,
    ))


def submit(request, page):
    """The submission form. A POST is answered only once the submission is stored; a retried POST
    (same form token) gets the same receipt."""
    if request.method != "POST":
        if not page.is_open():
            return closed_response(request, page)
        form = SubmissionForm(
            consultation=page,
            initial={"form_token": antiabuse.new_form_token(),
                     "language": translation.get_language()},
        )
        return page_render(request, page, "consultations/submit.html", {"form": form})

    token = antiabuse.read_form_token(request.POST.get("form_token"))
    if token is not None:
        existing = Submission.objects.filter(idempotency_key=token.key).first()
        if existing is not None and existing.consultation_id == page.pk:
            return receipt(request, page, existing, created=False)
    if not page.is_open():
        return closed_response(request, page)
    ip_address = antiabuse.client_ip(request)
    try:
        antiabuse.check_rate_limit("submit-ip", ip_address, "RATE_LIMIT_IP")
    except antiabuse.RateLimited as limited:
        return too_many_requests(request, page, limited.retry_after)

    form = SubmissionForm(request.POST, request.FILES, consultation=page)
    if not form.is_valid():
        # A fresh token: a form rejected for being too fast or expired can be sent again.
        form.data = form.data.copy()
        form.data["form_token"] = antiabuse.new_form_token()
        return page_render(request, page, "consultations/submit.html", {"form": form},
                           status=400)
    try:
        antiabuse.check_rate_limit("submit-email", form.cleaned_data["email"].lower(),
                                   "RATE_LIMIT_EMAIL")
    except antiabuse.RateLimited as limited:
        return too_many_requests(request, page, limited.retry_after)

    details = {name: form.cleaned_data[name] for name in DETAIL_FIELDS + ("email",)}
    # A database that is saturated or away raises here with nothing stored; the overload
    # middleware answers 503 + Retry-After, and the retry's token cannot create a duplicate.
    submission, created = intake.record_submission(
        page, details, form.answers(),
        idempotency_key=form.token.key,
        attachments=form.cleaned_data["attachments"],
        ip_hash=keyed_hash(ip_address, "ip"),
    )
    if created:
        page_url = request.build_absolute_uri(page.url)
        transaction.on_commit(lambda: send_confirmation_email.enqueue(submission.pk, page_url))
    return receipt(request, page, submission, created)


def confirm(request, page, reference, token):
    submission = intake.confirm(reference, token)
    if submission is None or submission.consultation.translation_key != page.translation_key:
        return page_render(request, page, "consultations/confirm_failed.html", status=404)
    return private(page_render(request, page, "consultations/confirmed.html",
                               {"submission": submission}))


def initial_from(submission):
    initial = {name: getattr(submission, name) for name in DETAIL_FIELDS}
    for answer in submission.answers.select_related("issue", "question"):
        if answer.issue is None:
            initial[GENERAL_COMMENT_FIELD] = answer.text
        else:
            name = answer_field_name(
                answer.issue.number, answer.question.number if answer.question else None
            )
            initial[name] = answer.text
    return initial


def manage_submission(request, page, token):
    """The private link: see, edit or withdraw one's submission until the deadline."""
    submission = Submission.objects.with_edit_token(token).filter(consultation=page).first()
    if submission is None:
        raise Http404
    editable = submission.is_editable()
    form = None
    if editable:
        if request.method == "POST" and request.POST.get("action") == "withdraw":
            intake.withdraw(submission)
            return page_render(request, page, "consultations/withdrawn.html",
                               {"submission": submission})
        if request.method == "POST":
            form = SubmissionForm(request.POST, consultation=page, editing=True)
            if form.is_valid():
                details = {name: form.cleaned_data[name] for name in DETAIL_FIELDS}
                intake.replace_answers(submission, details, form.answers())
                return private(page_render(
                    request, page, "consultations/manage.html",
                    {"submission": submission, "saved": True, "editable": True,
                     "form": SubmissionForm(initial=initial_from(submission),
                                            consultation=page, editing=True)},
                ))
        else:
            form = SubmissionForm(initial=initial_from(submission), consultation=page,
                                  editing=True)
    return private(page_render(
        request, page, "consultations/manage.html",
        {"submission": submission, "form": form, "editable": editable},
        status=400 if form is not None and form.is_bound else 200,
    ))


def comments(request, page, issue_number=None):
    """Published comments of the consultation, or of one issue."""
    compilation = build_compilation(page)
    sections = compilation.issues
    if issue_number is not None:
        sections = [s for s in sections if s.issue.number == issue_number]
        if not sections:
            raise Http404
    return page_render(request, page, "consultations/comments.html", {
        "compilation": compilation, "sections": sections, "issue_number": issue_number,
    })


def comment_detail(request, page, reference):
    """A published comment's permalink, with the 'falsely attributed to me' form."""
    submission = (
        page.submissions_of_all_translations().published().filter(reference=reference).first()
    )
    if submission is None:
        raise Http404
    form = FalseAttributionForm()
    reported = False
    if request.method == "POST":
        try:
            antiabuse.check_rate_limit("report-ip", antiabuse.client_ip(request),
                                       "RATE_LIMIT_REPORT_IP")
        except antiabuse.RateLimited as limited:
            return too_many_requests(request, page, limited.retry_after)
        form = FalseAttributionForm(request.POST)
        if form.is_valid():
            form.instance.submission = submission
            form.save()
            reported, form = True, FalseAttributionForm()
    answers = submission.answers.select_related("issue", "question").prefetch_related(
        "redactions")
    titles = {issue.number: issue for issue in page.issues.all()}
    return page_render(request, page, "consultations/comment_detail.html", {
        "submission": submission,
        "answers": [
            (titles.get(a.issue.number) if a.issue else None, a.question, a.public_text())
            for a in answers
        ],
        "report_form": form, "reported": reported,
        "country": country_name(submission.country),
    }, status=400 if form.is_bound and form.errors else 200)


def compilation_view(request, page):
    compilation = build_compilation(page)
    return page_render(request, page, "consultations/compilation.html", {
        "compilation": compilation, "charts": compilation.charts(),
        "download_formats": DOWNLOAD_FORMATS,
    })


DOWNLOAD_FORMATS = [("pdf", "PDF"), ("docx", "Word (DOCX)"), ("xlsx", "Excel (XLSX)"),
                    ("csv", "CSV")]


def compilation_download(request, page, fmt):
    maker = exports.MAKERS.get(fmt)
    if maker is None:
        raise Http404
    content, content_type = maker(build_compilation(page), request)
    response = HttpResponse(content, content_type=content_type)
    filename = f"{page.slug}-compilation-{page.locale.language_code}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

