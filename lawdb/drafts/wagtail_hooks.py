"""Advisers sign in through the Wagtail admin: give them a way from there to their drafts."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


class AdviserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("drafts.add_draftcheck")


@hooks.register("register_admin_menu_item")
def register_check_a_draft_menu_item():
    return AdviserMenuItem(
        _("Check a draft"), reverse("drafts:check_draft"), icon_name="doc-full", order=900
    )
