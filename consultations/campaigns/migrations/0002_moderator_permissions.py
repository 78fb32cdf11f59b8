"""Secretariat moderators see campaigns, act on them and split them."""

from django.db import migrations

from home.roles import MODERATORS, grant_permissions, revoke_permissions

MODERATOR_PERMISSIONS = ["view_campaign", "change_campaign", "view_campaignmembership"]


def grant(apps, schema_editor):
    grant_permissions(apps, MODERATORS, "campaigns", MODERATOR_PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_permissions(apps, MODERATORS, "campaigns", MODERATOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0001_initial"),
        ("home", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
