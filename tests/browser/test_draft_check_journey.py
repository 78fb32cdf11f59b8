"""An adviser checks a DOCX draft in a real browser: upload → progress → report → PDF, in
English and in Chinese. The legal texts are illustrative, written for this test."""

import io

import docx
import pypdf
import pytest
from django.apps import apps
from django.test import override_settings

from home.roles import ADVISERS, grant_permissions

pytestmark = pytest.mark.browser

PASSWORD = "correct-horse-battery-9"

DRAFT_EN = [
    "Patents (Amendment) Bill (illustrative)",
    "Section 1. Short title",
    "This Act may be cited as the Patents (Amendment) Act.",
    "Section 2. Signature",
    "The application shall bear the handwritten signature of the applicant, notarised and "
    "legalised.",
    "Section 3. Means of filing",
    "Any communication may be filed on paper or electronically, at the option of the applicant.",
]
DRAFT_ZH = [
    "专利申请规定修正草案（示例）",
    "第一条 为了规范专利申请的提交，制定本规定。",
    "第二条 申请文件必须由申请人亲笔签名，并经公证机关公证。",
    "第三条 申请人可以以纸件形式或者电子形式提交申请文件。",
]


def docx_file(name, paragraphs):
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    output = io.BytesIO()
    document.save(output)
    mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    return {"name": name, "mimeType": mime, "buffer": output.getvalue()}


@pytest.fixture
def adviser(django_user_model, site_root):
    """An adviser, with the role as the migrations define it (transactional tests flush
    the groups that data migrations create)."""
    from lawdb.models import Jurisdiction
    from lawdb.treaty_catalogue import load_treaty_catalogue

    grant_permissions(apps, ADVISERS, "wagtailadmin", ["access_admin"])
    grant_permissions(apps, ADVISERS, "drafts", ["add_draftcheck"])
    user = django_user_model.objects.create_user("adviser-ana", "ana@example.org", PASSWORD)
    user.groups.add(apps.get_model("auth", "Group").objects.get(name=ADVISERS))
    Jurisdiction.objects.create(
        iso_code="KE",
        name_en="Kenya",
        name_zh="肯尼亚",
        region="africa",
        development_status="developing",
    )
    load_treaty_catalogue()
    return user


@pytest.fixture
def slow_worker():
    """Tasks wait in a queue (as with `manage.py db_worker`) until the test runs them, so the
    browser sees the progress bar first."""
    from lawdb.drafts.models import DraftCheck
    from lawdb.drafts.tasks import run_draft_check

    def run_queued_checks():
        for check in DraftCheck.objects.filter(status=DraftCheck.Status.QUEUED):
            run_draft_check.call(check.pk)

    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ):
        yield run_queued_checks


def check_a_draft(page, slow_worker, prefix, upload, labels):
    page.goto(f"{prefix}/check/")
    page.locator("#id_upload").set_input_files(upload)
    page.locator("#id_jurisdiction").select_option(label=labels["jurisdiction"])
    page.get_by_role("button", name=labels["submit"]).click()

    # The check waits for the worker: the report page shows a progress bar and polls.
    page.wait_for_url(f"**{prefix}/check/*/")
    progress = page.locator("progress#draft-progress-bar")
    assert progress.is_visible()
    assert progress.get_attribute("value") is None  # indeterminate until the worker reports

    slow_worker()
    # The page notices by itself that the check is done and shows the report.
    page.get_by_role("heading", name=labels["matrix"]).wait_for()
    assert page.locator("progress").count() == 0
    conflict = page.locator(".draft-finding-conflict").first
    assert conflict.locator(".badge-conflict").inner_text() == labels["conflict"]
    assert any(labels["evidence"] in mark for mark in conflict.locator("mark").all_inner_texts())
    assert page.get_by_role("link", name="PLT Art. 8(4)(b)").first.is_visible()

    with page.expect_download() as download_info:
        page.get_by_role("link", name=labels["download"]).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    reader = pypdf.PdfReader(download.path())
    return "\n".join(p.extract_text() for p in reader.pages)


def test_an_adviser_checks_a_docx_draft_in_english(page, staff_login, adviser, slow_worker):
    staff_login("adviser-ana", PASSWORD)
    text = check_a_draft(
        page,
        slow_worker,
        "",
        docx_file("patents-amendment-bill.docx", DRAFT_EN),
        {
            "jurisdiction": "Kenya",
            "submit": "Check the draft",
            "matrix": "Compliance matrix",
            "conflict": "Conflict",
            "evidence": "notarised",
            "download": "Download PDF",
        },
    )
    assert page.locator("h1").inner_text() == "patents-amendment-bill"
    assert "PLT Art. 8(4)(b)" in text
    assert "Compliance matrix" in text


def test_an_adviser_checks_a_docx_draft_in_chinese(page, staff_login, adviser, slow_worker):
    staff_login("adviser-ana", PASSWORD)
    text = check_a_draft(
        page,
        slow_worker,
        "/zh-hans",
        docx_file("专利申请规定修正草案.docx", DRAFT_ZH),
        {
            "jurisdiction": "肯尼亚",
            "submit": "检查草案",
            "matrix": "合规矩阵",
            "conflict": "冲突",
            "evidence": "公证",
            "download": "下载 PDF",
        },
    )
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert "PLT Art. 8(4)(b)" in text
    assert "合规矩阵" in text
    assert "公证" in text
