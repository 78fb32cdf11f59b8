"""Roles: editors import and edit; advisers read; the public cannot reach the admin. Bad
uploads in the admin: a clear message and nothing saved."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lawdb_samples import ACT_2019, PASSWORD

from lawdb.models import LegalTextVersion


def upload(client, law, data, name="law.txt", day="2024-01-01"):
    return client.post(
        reverse("lawdb_import"),
        {"law": law.pk, "effective_date": day, "note": "n", "file": SimpleUploadedFile(name, data)},
    )


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(reverse("lawdb_import"))
    assert response.status_code == 302 and "/admin/login/" in response.url


def refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard."""
    redirected = response.status_code == 302 and response.url == "/admin/"
    return response.status_code == 403 or redirected


def test_adviser_may_read_but_not_import(client, adviser, patents_act):
    client.login(username="adviser", password=PASSWORD)
    assert refused(client.get(reverse("lawdb_import")))
    before = LegalTextVersion.objects.count()
    assert refused(upload(client, patents_act, ACT_2019.encode()))
    assert LegalTextVersion.objects.count() == before
    assert client.get(reverse("wagtailsnippets_lawdb_jurisdiction:list")).status_code == 200
    assert refused(client.get(reverse("wagtailsnippets_lawdb_jurisdiction:add")))
    assert refused(client.get(reverse("wagtailadmin_pages:edit", args=[patents_act.pk])))


def test_editor_imports_through_the_admin(client, editor, patents_act):
    client.login(username="editor", password=PASSWORD)
    assert client.get(reverse("lawdb_import")).status_code == 200
    response = upload(client, patents_act, ACT_2019.encode())
    assert response.status_code == 302
    version = patents_act.versions.get(effective_date=datetime.date(2024, 1, 1))
    assert version.provisions.filter(eid="sec_9").exists()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[patents_act.pk])).status_code == 200
    assert client.get(reverse("laws:index")).status_code == 200
    assert (
        client.get(reverse("laws:index"), {"jurisdiction": patents_act.jurisdiction_id}).status_code
        == 200
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("law.txt", b"\xff\xfe\x00\x00binary\x00\x00\x00", "UTF-8"),
        ("law.docx", b"PK\x03\x04 not really a zip", "corrupt"),
        ("law.pdf", b"plain words, not a PDF", "content is plain text"),
        (
            "law.xml",
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><akomaNtoso>&e;</akomaNtoso>',
            "DOCTYPE",
        ),
    ],
)
def test_bad_upload_shows_a_message_and_saves_nothing(
    client, editor, patents_act, name, data, message
):
    client.login(username="editor", password=PASSWORD)
    before = LegalTextVersion.objects.count()
    response = upload(client, patents_act, data, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert LegalTextVersion.objects.count() == before


def test_groups_hold_lawdb_permissions(db):
    from django.contrib.auth.models import Group

    from home.roles import ADVISERS, EDITORS

    editors = set(Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True))
    advisers = set(Group.objects.get(name=ADVISERS).permissions.values_list("codename", flat=True))
    assert {"add_legaltextversion", "change_jurisdiction", "change_treatyprovision"} <= editors
    assert {"view_jurisdiction", "view_treatyprovision"} <= advisers
    assert "add_legaltextversion" not in advisers
