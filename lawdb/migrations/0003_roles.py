"""Secretariat editors maintain the knowledge base; legislative advisers read it in the admin.
Page permissions (laws, judgments) come from the editors' page permissions on the root."""

from django.db import migrations

from home.roles import ADVISERS, EDITORS, grant_permissions

MODELS = ["jurisdiction", "treatymembership", "treaty", "treatyprovision", "legaltextversion", "provision"]
READ_ONLY = ["jurisdiction", "treaty", "treatyprovision", "legaltextversion", "provision"]


def grant(apps, schema_editor):
    grant_permissions(
        apps,
        EDITORS,
        "lawdb",
        [f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")],
    )
    grant_permissions(apps, ADVISERS, "lawdb", [f"view_{model}" for model in READ_ONLY])


class Migration(migrations.Migration):
    dependencies = [("lawdb", "0002_provision_search_index"), ("home", "0002_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
