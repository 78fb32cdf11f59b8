"""Publication: comments per consultation and issue, permalinks, the compilation and its
downloads, the open-data API. An e-mail address is never published anywhere."""

import csv
import io

import docx
import openpyxl
import pytest
from pypdf import PdfReader

from consultations.models import PublicationConsent, Submission, SubmissionStatus


@pytest.fixture
def published(ai_page, ai_page_zh, add_submission):
    named = add_submission(ai_page, key="named")
    anonymous = add_submission(ai_page_zh, key="anon", consent=PublicationConsent.ANONYMOUS,
                               name="Li Lei", country="KE", stakeholder="business",
                               language="zh-hans")
    add_submission(ai_page, key="private", consent=PublicationConsent.NOT_PUBLISHED,
                   name="Private Person")
    add_submission(ai_page, key="pending", status=SubmissionStatus.PENDING, name="Not Yet")
    return named, anonymous


def test_comments_page_shows_approved_consented_comments_of_every_language(commenter_email, 
        client, ai_page, published):
    named, anonymous = published
    html = client.get(ai_page.subpage_url("comments")).content.decode()
    assert "Wang Fang: a natural person is the inventor." in html
    assert "Li Lei on issue 2" in html  # written on the Chinese page, shown on the English one
    assert "Anonymous" in html and "Li Lei</span>" not in html
    assert "Private Person" not in html and "Not Yet" not in html
    assert named.reference in html and commenter_email not in html


def test_issue_comments_and_permalink(commenter_email, client, ai_page, published):
    named, _anonymous = published
    html = client.get(ai_page.subpage_url("issue_comments", number=2)).content.decode()
    assert "on issue 2 as a whole" in html and "natural person is the inventor" not in html
    response = client.get(ai_page.subpage_url("comment", reference=named.reference))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Wang Fang" in html and "Tsinghua Lab" in html and "China" in html
    assert commenter_email not in html
    private = Submission.objects.get(name="Private Person")
    assert client.get(ai_page.subpage_url("comment", reference=private.reference)
                      ).status_code == 404


def test_redacted_text_is_published_and_the_original_kept(client, ai_page, published, moderator):
    from consultations import moderation

    named, _ = published
    answer = named.answers.get(issue__number=1)
    moderation.redact(answer, "[name removed]: a natural person is the inventor.",
                      "third-party personal data", moderator)
    html = client.get(ai_page.subpage_url("comments")).content.decode()
    assert "[name removed]: a natural person" in html
    assert "Wang Fang: a natural person" not in html
    answer.refresh_from_db()
    assert answer.text.startswith("Wang Fang:")


def test_compilation_groups_by_issue_and_question_with_counts_and_charts(commenter_email, 
        client, ai_page_zh, published):
    html = client.get(ai_page_zh.subpage_url("compilation")).content.decode()
    assert "发明权和所有权" in html  # titles in the page's language
    assert html.count("<svg") == 3
    assert "Wang Fang: a natural person is the inventor." in html
    assert commenter_email not in html


def test_compilation_pdf_has_the_comments_and_chinese_text(
        commenter_email, client, ai_page_zh, published):
    response = client.get(ai_page_zh.subpage_url("compilation_download", fmt="pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Wang Fang" in text and "发明权" in text
    assert commenter_email not in text


def test_compilation_docx_xlsx_csv_open_and_hold_no_email(
        commenter_email, client, ai_page, published):
    url = lambda fmt: ai_page.subpage_url("compilation_download", fmt=fmt)  # noqa: E731
    document = docx.Document(io.BytesIO(client.get(url("docx")).content))
    docx_text = "\n".join(p.text for p in document.paragraphs)
    assert "Wang Fang: a natural person is the inventor." in docx_text
    assert "Inventorship and ownership" in docx_text

    workbook = openpyxl.load_workbook(io.BytesIO(client.get(url("xlsx")).content))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][0] == "reference" and len(rows) == 1 + 6
    region_sheet = workbook.worksheets[3]
    assert ("Africa", 1) in list(region_sheet.iter_rows(values_only=True))

    content = client.get(url("csv")).content.decode("utf-8-sig")
    records = list(csv.DictReader(io.StringIO(content)))
    assert {r["author"] for r in records} == {"Wang Fang", "Anonymous"}
    for blob in (docx_text, str(rows), content):
        assert commenter_email not in blob and "Private Person" not in blob


def test_unknown_download_format_is_404(client, ai_page):
    assert client.get(ai_page.subpage_url("compilation_download", fmt="exe")).status_code == 404


def test_spreadsheet_formulas_are_neutralised(client, ai_page, add_submission):
    issue = ai_page.issues.get(number=1)
    add_submission(ai_page, key="formula", answers=[(issue, None, "=HYPERLINK(\"x\")")])
    content = client.get(ai_page.subpage_url("compilation_download", fmt="csv")).content
    assert "'=HYPERLINK" in content.decode("utf-8-sig")


def test_api_lists_consultations_and_issues_in_both_languages(client, ai_page):
    listing = client.get("/api/v1/consultations/").json()
    assert "ai-and-ip" in {c["slug"] for c in listing}
    detail = client.get("/api/v1/consultations/ai-and-ip/?lang=zh").json()
    assert detail["language"] == "zh-hans" and len(detail["issues"]) == 13
    first = detail["issues"][0]
    assert first["number"] == 1 and first["title"] == "发明权和所有权"
    assert [q["number"] for q in first["questions"]] == ["i", "ii", "iii"]
    english = client.get("/api/v1/consultations/ai-and-ip/?lang=en").json()
    assert english["issues"][0]["title"] == "Inventorship and ownership"
    assert sum(len(i["questions"]) for i in english["issues"]) == 41
    assert client.get("/api/v1/consultations/nope/").status_code == 404


def test_api_comments_are_published_only_and_without_email(
        commenter_email, client, ai_page, published):
    response = client.get("/api/v1/consultations/ai-and-ip/comments/")
    assert response.status_code == 200
    payload = response.json()
    items = payload["items"]
    assert {item["author"] for item in items} == {"Wang Fang", "Anonymous"}
    assert {item["region"] for item in items} == {"asia_pacific", "africa"}
    assert commenter_email not in response.content.decode()
    assert "email" not in response.content.decode()
