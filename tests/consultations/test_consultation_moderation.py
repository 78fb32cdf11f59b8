"""Moderation in the Wagtail admin: the queue, decisions, redactions, notes, reports, the
statistics, and who may do what."""

import pytest
from django.urls import reverse

from consultations.models import (
    AuditLogEntry,
    FalseAttributionReport,
    ReportStatus,
    Submission,
    SubmissionStatus,
)

QUEUE = "wagtailsnippets_consultations_submission:list"
MODERATE = "wagtailsnippets_consultations_submission:edit"


@pytest.fixture
def pending(ai_page, add_submission):
    return add_submission(ai_page, key="p1", status=SubmissionStatus.PENDING)


def test_moderator_sees_the_queue_with_filters(client, moderator, pending, ai_page):
    client.force_login(moderator)
    response = client.get(reverse(QUEUE))
    assert response.status_code == 200
    assert pending.reference in response.content.decode()
    for query in ("status=pending", f"consultation={ai_page.pk}", "issue=1",
                  "stakeholder_type=academia", "country=CN", "language=en"):
        html = client.get(reverse(QUEUE) + "?" + query).content.decode()
        assert pending.reference in html, query
    assert pending.reference not in client.get(reverse(QUEUE) + "?country=KE").content.decode()
    assert pending.reference not in client.get(reverse(QUEUE) + "?issue=9").content.decode()


def test_moderator_approves_and_rejects_with_a_reason_in_the_audit_log(
        client, moderator, pending, commenter_email):
    client.force_login(moderator)
    url = reverse(MODERATE, args=[pending.pk])
    html = client.get(url).content.decode()
    assert commenter_email in html  # moderators need the address
    client.post(url, {"action": "approve", "reason": "on topic"})
    pending.refresh_from_db()
    assert pending.status == SubmissionStatus.APPROVED
    entry = AuditLogEntry.objects.filter(submission=pending).last()
    assert (entry.action, entry.actor, entry.reason) == ("approved", moderator, "on topic")
    client.post(url, {"action": "reject", "reason": "spam after all"})
    pending.refresh_from_db()
    assert pending.status == SubmissionStatus.REJECTED


def test_bulk_approve_with_reason(client, moderator, ai_page, add_submission):
    first = add_submission(ai_page, key="b1", status=SubmissionStatus.PENDING)
    second = add_submission(ai_page, key="b2", status=SubmissionStatus.PENDING)
    unconfirmed = add_submission(ai_page, key="b3",
                                 status=SubmissionStatus.PENDING_CONFIRMATION)
    client.force_login(moderator)
    url = reverse("wagtail_bulk_action", args=["consultations", "submission", "approve"])
    query = f"?id={first.pk}&id={second.pk}&id={unconfirmed.pk}&next=/admin/"
    assert client.get(url + query).status_code == 200
    response = client.post(url + query, {"reason": "batch of good ones"})
    assert response.status_code == 302
    statuses = dict(Submission.objects.values_list("pk", "status"))
    assert statuses[first.pk] == statuses[second.pk] == SubmissionStatus.APPROVED
    assert statuses[unconfirmed.pk] == SubmissionStatus.PENDING_CONFIRMATION
    assert AuditLogEntry.objects.filter(reason="batch of good ones").count() == 2


def test_redaction_keeps_the_original_and_is_logged(client, moderator, pending):
    client.force_login(moderator)
    answer = pending.answers.filter(issue__isnull=False).first()
    client.post(reverse(MODERATE, args=[pending.pk]), {
        "action": "redact", "answer": answer.pk, "redacted_text": "[redacted]",
        "reason": "phone number",
    })
    answer.refresh_from_db()
    assert answer.public_text() == "[redacted]" and answer.text != "[redacted]"
    redaction = answer.redactions.get()
    assert (redaction.reason, redaction.moderator) == ("phone number", moderator)
    assert AuditLogEntry.objects.filter(action="redacted", reason="phone number").exists()
    # A redaction without a reason is refused.
    client.post(reverse(MODERATE, args=[pending.pk]), {
        "action": "redact", "answer": answer.pk, "redacted_text": "x", "reason": ""})
    assert answer.redactions.count() == 1


def test_internal_notes_are_not_public(client, moderator, pending, ai_page):
    client.force_login(moderator)
    client.post(reverse(MODERATE, args=[pending.pk]),
                {"action": "note", "text": "Check with the delegation."})
    assert pending.notes.get().text == "Check with the delegation."
    pending.status = SubmissionStatus.APPROVED
    pending.save()
    client.logout()
    html = client.get(ai_page.subpage_url("comment", reference=pending.reference)).content
    assert b"Check with the delegation" not in html


def test_false_attribution_report_reaches_the_queue_and_is_upheld(
        client, moderator, ai_page, add_submission):
    approved = add_submission(ai_page, key="fa")
    url = ai_page.subpage_url("comment", reference=approved.reference)
    response = client.post(url, {"reporter_name": "Wang Fang", "reporter_email": "w@x.org",
                                 "explanation": "I never wrote this."})
    assert response.status_code == 200 and b"Thank you" in response.content
    report = FalseAttributionReport.objects.get()
    client.force_login(moderator)
    html = client.get(reverse(QUEUE) + "?reported=true").content.decode()
    assert approved.reference in html
    assert approved.reference not in client.get(reverse(QUEUE) + "?reported=false").content.decode()
    client.post(reverse(MODERATE, args=[approved.pk]),
                {"action": "resolve_report", "report": report.pk, "uphold": "on",
                 "reason": "confirmed by phone"})
    report.refresh_from_db()
    approved.refresh_from_db()
    assert report.status == ReportStatus.UPHELD
    assert approved.status == SubmissionStatus.REJECTED


@pytest.mark.parametrize("who", ["anonymous", "editor", "adviser"])
def test_others_cannot_moderate(client, who, editor, pending, django_user_model):
    from django.contrib.auth.models import Group

    from home.roles import ADVISERS

    if who == "editor":
        client.force_login(editor)
    elif who == "adviser":
        adviser = django_user_model.objects.create_user("adv", "a@staff.invalid", "pw-123456!")
        adviser.groups.add(Group.objects.get(name=ADVISERS))
        client.force_login(adviser)
    url = reverse(MODERATE, args=[pending.pk])
    response = client.post(url, {"action": "approve", "reason": ""})
    assert response.status_code in (302, 403)
    pending.refresh_from_db()
    assert pending.status == SubmissionStatus.PENDING
    assert client.get(reverse(QUEUE)).status_code in (302, 403)
    assert client.get(reverse("consultations_statistics")).status_code in (302, 403)


def test_editors_may_edit_consultation_pages(client, editor, ai_page):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[ai_page.pk]))
    assert response.status_code == 200
    assert b"Issues / articles" in response.content


def test_statistics_for_the_secretariat(client, moderator, pending, ai_page):
    client.force_login(moderator)
    response = client.get(reverse("consultations_statistics") + f"?consultation={ai_page.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="chart"') == 4 and "Submissions per region" in html
