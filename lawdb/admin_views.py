from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import ImportVersionForm
from .importing import import_document

IMPORT_PERMISSION = "lawdb.add_legaltextversion"


class ImportVersionView(WagtailAdminTemplateMixin, FormView):
    """The admin upload: a file becomes a version of a law, segmented into provisions."""

    template_name = "wagtailadmin/generic/form.html"
    form_class = ImportVersionForm
    page_title = gettext_lazy("Import a law's text")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"law": self.request.GET.get("law")}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("lawdb_import"),
            submit_button_label=_("Import"),
            submit_button_active_label=_("Importing…"),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        version = import_document(
            data["law"], form.document, data["file"].name, data["effective_date"], data["note"]
        )
        messages.success(
            self.request,
            _("Imported %(version)s: %(count)d provisions.")
            % {"version": version, "count": version.provisions.count()},
        )
        return redirect("wagtailadmin_pages:edit", data["law"].pk)
