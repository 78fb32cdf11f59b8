"""A commenter's comment, from the Chinese form to the published compilation, in a real browser:
submit in Chinese → confirm by the e-mailed link → a moderator approves it in the admin → the
compilation shows it and its PDF downloads. Screenshots of each page go to docs/screenshots/."""

import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import mail
from pypdf import PdfReader

from consultations import demo
from consultations.models import Submission, SubmissionStatus
from consultations.moderation import MODERATOR_PERMISSIONS
from home.roles import MODERATORS, grant_permissions

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
COMMENT = "应当由自然人作为发明人，人工智能只是工具。"


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def test_chinese_comment_from_form_to_compilation(
        page, site_root, settings, django_user_model, staff_login, tmp_path):
    settings.CONSULTATIONS = {"MIN_FILL_SECONDS": 0}
    demo.load(io.StringIO())
    mail.outbox.clear()

    page.goto("/consultations/ai-and-ip/")
    shoot(page, "consultation-en")
    page.goto("/zh-hans/consultations/ai-and-ip/")
    assert page.locator("h1").inner_text() == "关于知识产权政策和人工智能的议题文件草案"
    assert page.get_by_text("正在征求意见").first.is_visible()
    shoot(page, "consultation-zh")

    page.get_by_role("link", name="提交您的意见").first.click()
    page.wait_for_load_state()
    page.get_by_label("您的姓名").fill("王芳")
    # The unsent draft survives a reload (localStorage).
    page.wait_for_function("Object.keys(localStorage).length > 0")
    page.reload()
    assert page.get_by_label("您的姓名").input_value() == "王芳"
    assert page.get_by_text("已恢复您尚未发送的草稿。").is_visible()

    page.get_by_label("电子邮件地址").fill("wang.fang@example.cn")
    page.get_by_label("利益攸关方类型").select_option("academia")
    page.get_by_label("国家").select_option("CN")
    page.get_by_label("意见所用语言").select_option("zh-hans")
    page.get_by_text("议题 1：发明权和所有权").click()  # unfold the issue
    page.locator("#id_answer_1_i").fill(COMMENT)
    page.get_by_label("署名公布我的意见").check()
    shoot(page, "submission-form-zh")
    page.get_by_role("button", name="发送我的意见").click()

    page.get_by_role("heading", name="感谢您：我们已收到您的意见").wait_for()
    submission = Submission.objects.get()
    assert submission.reference in page.locator(".receipt-reference").inner_text()
    assert page.evaluate("Object.keys(localStorage).length") == 0  # the draft is cleared
    shoot(page, "receipt-zh")

    (message,) = mail.outbox
    confirm_url = next(u for u in re.findall(r"https?://\S+", message.body) if "/confirm/" in u)
    page.goto(urlsplit(confirm_url).path)
    page.get_by_role("heading", name="您的电子邮件地址已确认").wait_for()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PENDING

    # Browser tests flush the database, migration-made groups included: grant them again.
    grant_permissions(apps, MODERATORS, "wagtailadmin", ["access_admin"])
    grant_permissions(apps, MODERATORS, "consultations", MODERATOR_PERMISSIONS)
    moderator = django_user_model.objects.create_user("mod", "mod@staff.invalid", "Mod-pass-42!")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    staff_login("mod", "Mod-pass-42!")
    page.goto("/admin/snippets/consultations/submission/?status=pending")
    shoot(page, "moderation-queue")
    page.get_by_role("link", name=submission.reference).click()
    page.get_by_label("Reason (recorded in the audit log)").fill("On topic.")
    shoot(page, "moderation-submission")
    page.get_by_role("button", name="Approve", exact=True).click()
    page.get_by_text(f"Submission {submission.reference}: Approved.").wait_for()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.APPROVED
    page.goto("/admin/consultations/statistics/")
    assert page.locator("svg.chart").count() == 4
    shoot(page, "statistics")

    page.goto("/zh-hans/consultations/ai-and-ip/compilation/")
    assert page.get_by_text(COMMENT).is_visible()
    assert page.locator("svg.chart").count() == 3
    shoot(page, "compilation-zh")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF").click()
    pdf_path = tmp_path / "compilation.pdf"
    download_info.value.save_as(pdf_path)
    text = "".join(p.extract_text() for p in PdfReader(pdf_path).pages)
    assert submission.reference in text and "王芳" in text
    assert "wang.fang@example.cn" not in text
