"""Secretariat moderators moderate submissions, redact answers, keep notes and handle
false-attribution reports; editors edit consultation pages through Wagtail's page permissions."""

from django.db import migrations

from consultations.moderation import MODERATOR_PERMISSIONS
from home.roles import MODERATORS, grant_permissions


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # The historical app config has no models_module, which makes create_permissions (called
    # by grant_permissions) skip or fail; mark it as having models while permissions are made.
    app_config = apps.get_app_config("consultations")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    grant_permissions(apps, MODERATORS, "consultations", MODERATOR_PERMISSIONS)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=MODERATORS).first()
    if group is not None:
        group.permissions.remove(*Permission.objects.filter(
            content_type__app_label="consultations", codename__in=MODERATOR_PERMISSIONS
        ))


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("home", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
