"""Submitting a draft: bad input gets a clear error and saves nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lawdb.drafts.forms import MAX_UPLOAD_BYTES
from lawdb.drafts.models import DraftCheck

pytestmark = pytest.mark.django_db


@pytest.fixture
def submit(adviser_client, jurisdiction):
    def post(url=None, **data):
        data.setdefault("jurisdiction", jurisdiction.pk)
        return adviser_client.post(url or reverse("drafts:check_draft"), data)

    return post


def assert_rejected(response, message):
    assert response.status_code == 200
    html = response.content.decode()
    assert "The draft was not submitted" in html
    assert message in html, html[html.find("error-summary") :][:800]
    assert not DraftCheck.objects.exists()


def test_a_text_file_named_pdf_is_rejected(submit):
    fake = SimpleUploadedFile("draft.pdf", b"Section 1. This is not a PDF at all.")
    assert_rejected(submit(upload=fake), "the content is plain text")


def test_a_text_file_that_is_not_utf8_is_rejected(submit):
    latin1 = SimpleUploadedFile("draft.txt", "Section 1. Gebühren für Anträge.".encode("latin-1"))
    assert_rejected(submit(upload=latin1), "not valid UTF-8")


def test_an_oversized_file_is_rejected(submit):
    big = SimpleUploadedFile("draft.txt", b"a" * (MAX_UPLOAD_BYTES + 1))
    assert_rejected(submit(upload=big), "The file is too large: the limit is 10 MB.")


def test_a_corrupt_docx_is_rejected(submit):
    broken = SimpleUploadedFile("draft.docx", b"PK\x03\x04 not really a zip archive")
    assert_rejected(submit(upload=broken), "This file cannot be read")


@pytest.mark.parametrize("name", ["draft.doc", "draft.exe", "draft"])
def test_other_file_types_are_rejected(submit, name):
    assert_rejected(
        submit(upload=SimpleUploadedFile(name, b"Section 1.")), "Upload a DOCX, PDF or TXT file."
    )


def test_a_draft_is_needed(submit):
    assert_rejected(submit(text="   "), "Paste the text of the draft or upload a file.")


def test_text_and_file_together_are_refused(submit):
    upload = SimpleUploadedFile("draft.txt", b"Section 1. Text.")
    assert_rejected(submit(text="Section 1. Text.", upload=upload), "not both")


def test_the_jurisdiction_is_required(submit):
    assert_rejected(submit(text="Section 1. Text.", jurisdiction=""), "This field is required.")


def test_the_law_in_force_must_belong_to_the_jurisdiction(submit, law_in_force):
    from lawdb.models import Jurisdiction

    other = Jurisdiction.objects.create(
        iso_code="GH",
        name_en="Ghana",
        name_zh="加纳",
        region="africa",
        development_status="developing",
    )
    response = submit(text="Section 1. Text.", jurisdiction=other.pk, amends=law_in_force.pk)
    assert_rejected(response, "Choose a law of the jurisdiction you picked above.")


def test_errors_are_translated(submit):
    response = submit(url="/zh-hans/check/", text="")
    assert "草案未提交" in response.content.decode()
    assert not DraftCheck.objects.exists()


def test_a_docx_upload_is_read_and_saved(submit, adviser, docx_bytes, draft_en, law_in_force):
    upload = SimpleUploadedFile("patents-amendment-bill.docx", docx_bytes(draft_en))
    response = submit(upload=upload, amends=law_in_force.pk)
    check = DraftCheck.objects.get()
    assert response.status_code == 302
    assert response.url == check.get_absolute_url()
    assert check.owner == adviser
    assert check.title == "patents-amendment-bill"
    assert check.source_filename == "patents-amendment-bill.docx"
    assert check.language == "en"
    assert "handwritten signature" in check.source_text
    assert check.amends == law_in_force


def test_pasted_text_is_saved_with_its_language(submit, draft_zh):
    response = submit(url="/zh-hans/check/", text=draft_zh, title="专利申请规定修正草案")
    check = DraftCheck.objects.get()
    assert response.url == f"/zh-hans/check/{check.pk}/"
    assert check.language == "zh"
    assert check.source_filename == ""
    assert check.title == "专利申请规定修正草案"


def test_an_adviser_cannot_flood_the_queue(submit, adviser):
    from lawdb.drafts.forms import MAX_CHECKS_IN_PROGRESS

    for number in range(MAX_CHECKS_IN_PROGRESS):
        DraftCheck.objects.create(
            owner=adviser, title=f"Waiting {number}", source_text="Section 1.", language="en"
        )
    response = submit(text="Section 1. Text.")
    assert "You already have 3 checks in progress" in response.content.decode()
    assert DraftCheck.objects.count() == MAX_CHECKS_IN_PROGRESS
