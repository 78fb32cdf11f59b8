"""Legislative advisers may check drafts; their reports stay private (see DraftCheck.visible_to)."""

from django.db import migrations

from home.roles import ADVISERS, grant_permissions


def grant(apps, schema_editor):
    # Django's create_permissions() skips an app config without a models module, and the
    # migration-state stub has none, so grant_permissions() could not create this app's
    # permissions on a fresh database. Same workaround as lawdb's 0003_roles; it belongs
    # in home.roles.grant_permissions().
    app_config = apps.get_app_config("drafts")
    app_config.models_module = True
    try:
        grant_permissions(apps, ADVISERS, "drafts", ["add_draftcheck"])
    finally:
        app_config.models_module = None


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=ADVISERS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="drafts", codename="add_draftcheck")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("drafts", "0001_initial"),
        ("home", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
