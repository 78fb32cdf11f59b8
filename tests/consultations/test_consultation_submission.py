"""The public submission path: form, confirmation, private link, deadline and anti-abuse."""

import re
from datetime import timedelta

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from consultations.antiabuse import new_form_token
from consultations.models import Answer, AuditLogEntry, Submission, SubmissionStatus


def links_in(message):
    return re.findall(r"https?://\S+", message.body)


def test_get_form_renders_every_question_with_labels(client, ai_page):
    response = client.get(ai_page.subpage_url("submit"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('name="answer_') == 41 + 13
    assert 'for="id_answer_1_i"' in html and 'name="form_token"' in html
    assert "consultations/draft.js" in html


def test_valid_submission_is_stored_in_one_go_and_confirmed_by_link(client, ai_page, submit):
    response = submit(ai_page)
    assert response.status_code == 201
    submission = Submission.objects.get()
    html = response.content.decode()
    assert submission.reference in html and submission.edit_token() in html
    assert response["Cache-Control"] == "no-store"  # the private link is in it
    assert response["Referrer-Policy"] == "no-referrer"
    assert submission.status == SubmissionStatus.PENDING_CONFIRMATION
    assert Answer.objects.filter(submission=submission).count() == 3
    general = Answer.objects.get(submission=submission, issue=None)
    assert general.text == "Thank you for the consultation."
    assert Answer.objects.get(submission=submission, question__number="i").issue.number == 1

    (message,) = mail.outbox
    assert message.to == ["ada@example.org"] and submission.reference in message.subject
    confirm_url = next(url for url in links_in(message) if "/confirm/" in url)
    response = client.get(confirm_url.split("testserver", 1)[1])
    assert response.status_code == 200
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PENDING and submission.confirmed_at
    assert list(AuditLogEntry.objects.values_list("action", flat=True)) == [
        "submitted", "confirmed"
    ]


def test_bad_confirmation_link_changes_nothing(client, ai_page, submit):
    submit(ai_page)
    response = client.get(ai_page.subpage_url(
        "confirm", reference=Submission.objects.get().reference, token="0" * 32
    ))
    assert response.status_code == 404
    assert Submission.objects.get().status == SubmissionStatus.PENDING_CONFIRMATION


def test_chinese_submission_on_the_chinese_page(client, ai_page_zh, submit):
    response = submit(ai_page_zh, language="zh-hans", answer_1_i="应当由自然人作为发明人。")
    assert response.status_code == 201
    assert "感谢" in response.content.decode()
    submission = Submission.objects.get()
    assert submission.consultation == ai_page_zh and submission.language == "zh-hans"
    assert "确认" in mail.outbox[0].subject


def test_retried_post_with_the_same_token_returns_the_same_receipt(form_data, post, ai_page):
    data = form_data()
    first = post(ai_page.subpage_url("submit"), data)
    second = post(ai_page.subpage_url("submit"), data)
    assert first.status_code == 201 and second.status_code == 200
    submission = Submission.objects.get()
    assert submission.reference in second.content.decode()
    assert submission.edit_token() in second.content.decode()
    assert Answer.objects.count() == 3 and len(mail.outbox) == 1


def test_deadline_is_enforced_on_the_server(form_data, client, ai_page, submit):
    data = form_data()
    ai_page.closes_at = timezone.now() - timedelta(minutes=1)
    ai_page.save()
    response = client.post(ai_page.subpage_url("submit"), data)
    assert response.status_code == 403
    assert "The deadline has passed" in response.content.decode()
    assert not Submission.objects.exists()
    assert client.get(ai_page.subpage_url("submit")).status_code == 403


def test_honeypot_rejects_and_stores_nothing(ai_page, submit):
    response = submit(ai_page, website="http://spam.example")
    assert response.status_code == 400
    assert "could not be accepted" in response.content.decode()
    assert not Submission.objects.exists()


def test_form_sent_faster_than_a_person_can_is_refused(ai_page, submit, settings):
    settings.CONSULTATIONS = {"MIN_FILL_SECONDS": 60}
    response = submit(ai_page, form_token=new_form_token())
    assert response.status_code == 400
    assert "too quickly" in response.content.decode()
    assert not Submission.objects.exists()


def test_forged_token_is_refused(ai_page, submit):
    response = submit(ai_page, form_token="not-signed")
    assert response.status_code == 400 and not Submission.objects.exists()


def test_errors_are_summarised_at_the_top_with_links_to_fields(ai_page, submit):
    response = submit(ai_page, name="", email="not-an-address")
    assert response.status_code == 400
    html = response.content.decode()
    summary = html[html.index('id="error-summary"'):]
    assert summary.index('href="#id_name"') < summary.index('id="id_name"')
    assert 'href="#id_email"' in summary


def test_empty_submission_is_refused(ai_page, submit):
    response = submit(ai_page, answer_1_i="", answer_3="", general_comment="")
    assert response.status_code == 400 and "Answer at least one question" in (
        response.content.decode()
    )


def test_per_ip_rate_limit_answers_429_with_retry_after(ai_page, submit, settings):
    settings.CONSULTATIONS = {"MIN_FILL_SECONDS": 0, "RATE_LIMIT_IP": (2, 3600)}
    assert submit(ai_page, email="a@example.org").status_code == 201
    assert submit(ai_page, email="b@example.org").status_code == 201
    response = submit(ai_page, email="c@example.org")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert Submission.objects.count() == 2


def test_per_email_rate_limit(ai_page, submit, settings):
    settings.CONSULTATIONS = {"MIN_FILL_SECONDS": 0, "RATE_LIMIT_EMAIL": (1, 600)}
    assert submit(ai_page).status_code == 201
    response = submit(ai_page, email="ADA@example.org")
    assert response.status_code == 429 and int(response["Retry-After"]) <= 600


def test_user_text_is_escaped(client, ai_page, submit):
    submit(ai_page, name="<script>alert(1)</script>", answer_1_i="<b>bold</b>")
    submission = Submission.objects.get()
    submission.status = SubmissionStatus.APPROVED
    submission.save()
    html = client.get(ai_page.subpage_url("comments")).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html


def test_attachments_are_checked_by_content(form_data, ai_page, client, moderator, settings,
                                           tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pdf = SimpleUploadedFile("paper.pdf", b"%PDF-1.4\n%fake but starts right\n")
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00\x03binary")
    response = client.post(ai_page.subpage_url("submit"), {**form_data(), "attachments": [fake]})
    assert response.status_code == 400 and "Only PDF, DOCX, ODT" in response.content.decode()
    response = client.post(ai_page.subpage_url("submit"), {**form_data(), "attachments": [pdf]})
    assert response.status_code == 201
    attachment = Submission.objects.get().attachments.get()
    assert attachment.content_type == "application/pdf" and attachment.original_name == "paper.pdf"
    download = reverse("consultations_attachment", args=[attachment.pk])
    assert client.get(download).status_code == 302  # staff only: to the admin login
    client.force_login(moderator)
    response = client.get(download)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(
        b"%PDF-")


def test_at_most_ten_attachments(form_data, ai_page, client):
    files = [SimpleUploadedFile(f"note{i}.txt", b"text") for i in range(11)]
    response = client.post(ai_page.subpage_url("submit"), {**form_data(), "attachments": files})
    assert response.status_code == 400 and "at most 10 files" in response.content.decode()


def test_private_link_edits_and_withdraws_until_the_deadline(form_data, client, ai_page, submit):
    submit(ai_page)
    submission = Submission.objects.get()
    submission.status = SubmissionStatus.APPROVED
    submission.save()
    url = ai_page.subpage_url("manage_submission", token=submission.edit_token())
    assert client.get(url).status_code == 200
    data = form_data(answer_1_i="Changed my mind.", answer_3="", general_comment="")
    response = client.post(url, {**data, "action": "save"})
    assert response.status_code == 200, response.content.decode()[:2000]
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PENDING  # reviewed again
    assert list(submission.answers.values_list("text", flat=True)) == ["Changed my mind."]
    assert client.post(url, {"action": "withdraw"}).status_code == 200
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.WITHDRAWN
    assert client.get(ai_page.subpage_url("manage_submission", token="wrong")).status_code == 404


def test_private_link_is_read_only_after_the_deadline(client, ai_page, submit):
    submit(ai_page)
    submission = Submission.objects.get()
    ai_page.closes_at = timezone.now() - timedelta(seconds=1)
    ai_page.save()
    url = ai_page.subpage_url("manage_submission", token=submission.edit_token())
    client.post(url, {"action": "withdraw"})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PENDING_CONFIRMATION


def test_database_failure_answers_503_with_retry_after_not_500(ai_page, submit, monkeypatch):
    from django.db import OperationalError

    from consultations import intake

    def saturated(*args, **kwargs):
        raise OperationalError("too many connections")

    monkeypatch.setattr(intake, "record_submission", saturated)
    response = submit(ai_page)
    assert response.status_code == 503 and int(response["Retry-After"]) > 0
    assert not Submission.objects.exists()
