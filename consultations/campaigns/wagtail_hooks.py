"""The campaigns' place in the Wagtail admin: a menu item for moderators and the views' URLs."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import VIEW_PERMISSION, CampaignDetailView, CampaignListView

urlpatterns = [
    path("", CampaignListView.as_view(), name="list"),
    path("<int:pk>/", CampaignDetailView.as_view(), name="detail"),
]


@hooks.register("register_admin_urls")
def register_campaign_urls():
    return [path("campaigns/", include((urlpatterns, "campaigns_admin")))]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_campaigns_menu_item():
    return ModeratorMenuItem(
        _("Campaigns"), reverse("campaigns_admin:list"), icon_name="group", order=310
    )
