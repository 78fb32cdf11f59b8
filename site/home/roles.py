"""The three staff roles. Groups are created by a data migration; each app grants its own
model permissions to them in its migrations, through grant_permissions()."""

from django.utils.translation import gettext_lazy as _

ADVISERS = "Legislative advisers"
MODERATORS = "Secretariat moderators"
EDITORS = "Secretariat editors"

ROLE_DESCRIPTIONS = {
    ADVISERS: _("Check draft laws against PLT/STLT obligations; their reports are private."),
    MODERATORS: _("Moderate, redact and publish public comments; handle campaign clusters."),
    EDITORS: _("Create and publish laws, judgments, treaty provisions and consultations."),
}


def grant_permissions(apps, group_name, app_label, codenames):
    """Give a group model permissions inside a migration. post_migrate has not run yet when a
    data migration executes, so an app's permissions are created here if they are missing."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def find():
        return Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        )

    permissions = find()
    if permissions.count() < len(codenames):
        from django.contrib.auth.management import create_permissions

        # create_permissions() skips an app config without a models module, and the
        # migration-state stub has none: mark it as having models while permissions are made.
        app_config = apps.get_app_config(app_label)
        had_models_module = getattr(app_config, "models_module", None)
        app_config.models_module = had_models_module or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = had_models_module
        permissions = find()
    missing = set(codenames) - set(permissions.values_list("codename", flat=True))
    if missing:
        raise LookupError(f"Unknown permissions in {app_label}: {sorted(missing)}")
    group, _created = Group.objects.get_or_create(name=group_name)
    group.permissions.add(*permissions)


def revoke_permissions(apps, group_name, app_label, codenames):
    """The reverse of grant_permissions, for a data migration's backwards step."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=group_name).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )
