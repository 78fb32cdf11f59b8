"""Legislative advisers may check drafts; their reports stay private (see DraftCheck.visible_to)."""

from django.db import migrations

from home.roles import ADVISERS, grant_permissions, revoke_permissions


def grant(apps, schema_editor):
    grant_permissions(apps, ADVISERS, "drafts", ["add_draftcheck"])


def revoke(apps, schema_editor):
    revoke_permissions(apps, ADVISERS, "drafts", ["add_draftcheck"])


class Migration(migrations.Migration):
    dependencies = [
        ("drafts", "0001_initial"),
        ("home", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
