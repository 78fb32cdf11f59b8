"""A GIN index on the provisions' stored tsvector. PostgreSQL only: on SQLite the column is
unused (search falls back to substring matching) and SQLite has no GIN indexes."""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

INDEX = GinIndex(fields=["search_document"], name="lawdb_provision_search_gin")


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("lawdb", "Provision"), INDEX)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("lawdb", "Provision"), INDEX)


class Migration(migrations.Migration):
    dependencies = [("lawdb", "0001_initial")]

    operations = [migrations.RunPython(add_index, remove_index)]
