"""Secretariat editors maintain the knowledge base; legislative advisers read it in the admin.
Page permissions (laws, judgments) come from the editors' page permissions on the root."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from home.roles import ADVISERS, EDITORS, grant_permissions

MODELS = ["jurisdiction", "treatymembership", "treaty", "treatyprovision", "legaltextversion", "provision"]
READ_ONLY = ["jurisdiction", "treaty", "treatyprovision", "legaltextversion", "provision"]


def create_lawdb_permissions(apps):
    """post_migrate has not created this app's permissions yet. Django's create_permissions
    skips an app config without a models module, which a migration-state stub lacks."""
    app_config = apps.get_app_config("lawdb")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None


def grant(apps, schema_editor):
    create_lawdb_permissions(apps)
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
