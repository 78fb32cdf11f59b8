"""Secretariat moderators moderate submissions, redact answers, keep notes and handle
false-attribution reports; editors edit consultation pages through Wagtail's page permissions."""

from django.db import migrations

from consultations.moderation import MODERATOR_PERMISSIONS
from home.roles import MODERATORS, grant_permissions, revoke_permissions


def grant(apps, schema_editor):
    grant_permissions(apps, MODERATORS, "consultations", MODERATOR_PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, MODERATORS, "consultations", MODERATOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0001_initial"),
        ("home", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
