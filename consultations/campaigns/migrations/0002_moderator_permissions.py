"""Secretariat moderators see campaigns, act on them and split them."""

from django.db import migrations

from home.roles import MODERATORS, grant_permissions

MODERATOR_PERMISSIONS = ["view_campaign", "change_campaign", "view_campaignmembership"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # The historical app config has no models_module, so create_permissions would skip it.
    app_config = apps.get_app_config("campaigns")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    grant_permissions(apps, MODERATORS, "campaigns", MODERATOR_PERMISSIONS)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=MODERATORS).first()
    if group is not None:
        group.permissions.remove(*Permission.objects.filter(
            content_type__app_label="campaigns", codename__in=MODERATOR_PERMISSIONS
        ))


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0001_initial"),
        ("home", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
