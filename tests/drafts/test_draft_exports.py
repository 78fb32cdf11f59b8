"""The report as PDF (WeasyPrint) and DOCX (python-docx): findings and matrix in both."""

import io

import docx
import pypdf
import pytest
from django.urls import reverse

from lawdb.drafts.models import DraftCheck

pytestmark = pytest.mark.django_db


def pdf_text(content):
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages), reader


def docx_text(content):
    document = docx.Document(io.BytesIO(content))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(paragraphs + cells), document


def test_the_pdf_export_holds_the_findings_and_the_matrix(adviser_client, checked_draft):
    response = adviser_client.get(reverse("drafts:export_pdf", args=[checked_draft.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        f"draft-check-{checked_draft.pk}-patents-amendment-bill.pdf"
        in response["Content-Disposition"]
    )
    text, reader = pdf_text(b"".join(response.streaming_content))
    assert "Patents (Amendment) Bill" in text
    assert "PLT Art. 8(4)(b)" in text
    assert "Compliance matrix" in text
    assert "Not addressed" in text
    assert "Alignment with the law in force" in text
    # Neutral provisions are counted, not printed.
    assert "Short title" not in text.split("Alignment with the law in force")[0]
    assert "1 provision does not deal with a filing formality" in text.replace("\n", " ")
    # Citations are links to the treaty provision pages.
    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/URI" in annotation.get_object().get("/A", {})
    ]
    assert any("/treaties/" in link for link in links)


def test_a_chinese_report_prints_in_a_cjk_font(
    adviser_client, jurisdiction, treaty_catalogue, draft_zh
):
    adviser_client.post(
        "/zh-hans/check/",
        {"title": "专利申请规定修正草案", "text": draft_zh, "jurisdiction": jurisdiction.pk},
    )
    check = DraftCheck.objects.get()
    response = adviser_client.get(f"/zh-hans/check/{check.pk}/report.pdf")
    assert response["Content-Disposition"].endswith(f'draft-check-{check.pk}.pdf"')
    text, reader = pdf_text(b"".join(response.streaming_content))
    assert "专利申请规定修正草案" in text
    assert "公证" in text
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    # Every font is the CJK face: nothing fell back to a font without Chinese glyphs.
    assert all("Noto-Sans-CJK-SC" in font for font in fonts), fonts


def test_the_docx_export_holds_the_findings_and_the_matrix(adviser_client, checked_draft):
    response = adviser_client.get(reverse("drafts:export_docx", args=[checked_draft.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    text, document = docx_text(b"".join(response.streaming_content))
    assert "Patents (Amendment) Bill" in text
    assert "PLT Art. 8(4)(b)" in text
    assert "Suggested wording" in text
    matrix, alignment = document.tables
    assert [cell.text for cell in matrix.rows[0].cells] == [
        "Treaty obligation",
        "Provisions",
        "Status",
    ]
    statuses = {row.cells[2].text for row in matrix.rows[1:]}
    assert {"Conflict", "Not addressed"} <= statuses
    assert {row.cells[0].text for row in alignment.rows[1:]} == {"New", "Changed", "Deleted"}
    # Evidence is highlighted in the provision text.
    highlighted = [
        run.text
        for paragraph in document.paragraphs
        for run in paragraph.runs
        if run.font.highlight_color is not None
    ]
    assert "notarised" in highlighted


def test_exports_work_through_a_shared_link_until_it_is_revoked(client, checked_draft):
    checked_draft.share()
    token = checked_draft.share_token
    for name in ("drafts:shared_export_pdf", "drafts:shared_export_docx"):
        assert client.get(reverse(name, args=[token])).status_code == 200
    checked_draft.unshare()
    for name in ("drafts:shared_export_pdf", "drafts:shared_export_docx"):
        assert client.get(reverse(name, args=[token])).status_code == 404


def test_no_export_before_the_check_is_done(adviser_client, adviser):
    check = DraftCheck.objects.create(
        owner=adviser, title="Bill", source_text="Section 1. Text.", language="en"
    )
    response = adviser_client.get(reverse("drafts:export_pdf", args=[check.pk]))
    assert response.status_code == 302
    assert response.url == check.get_absolute_url()
