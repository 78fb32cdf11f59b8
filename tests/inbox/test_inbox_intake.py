"""The JSON intake endpoint: stored before it is acknowledged, recorded by its task with every
answer, idempotent, and every bad request refused with a clear error and nothing stored."""

import datetime
import io
import json
import threading

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from inbox_factories import URL, build_submission

from consultations.inbox import snapshot
from consultations.inbox.api import MAX_BODY_BYTES
from consultations.inbox.models import InboxState, InboxSubmission
from consultations.inbox.tasks import record
from consultations.models import Answer, Submission


def nothing_stored():
    return not InboxSubmission.objects.exists() and not Submission.objects.exists()


def test_a_submission_is_acknowledged_then_recorded_with_all_its_answers(
    ai_page, post_json, submission
):
    body = submission()
    response = post_json(body)

    assert response.status_code == 202
    ack = response.json()
    assert ack["status"] == "received"
    assert ack["status_url"].endswith(f"{URL}/{ack['reference']}")
    row = InboxSubmission.objects.get()
    assert str(row.id) == ack["reference"]
    assert row.idempotency_key == body["idempotency_key"]
    assert row.payload["email"] == "ada@example.org" and "form_token" not in row.payload
    # The task (run at once in tests) recorded it as the web form would have.
    assert row.state == InboxState.RECORDED
    recorded = row.submission
    assert recorded.consultation == ai_page
    assert recorded.idempotency_key == body["idempotency_key"]
    assert (recorded.name, recorded.email, recorded.country) == (
        "Ada Commenter", "ada@example.org", "KE")
    answers = {(a.issue.number if a.issue else None, a.question.number if a.question else None):
               a.text for a in recorded.answers.select_related("issue", "question")}
    assert answers == {(1, "i"): "A human should be named as the inventor.",
                       (3, None): "Inventive step needs no special rule.",
                       (None, None): "Thank you for the consultation."}
    assert [message.to for message in mail.outbox] == [["ada@example.org"]]
    assert "/consultations/ai-and-ip/confirm/" in mail.outbox[0].body


def test_the_json_api_needs_no_csrf_cookie(ai_page, submission):
    """No cookie or session is read, so CSRF protection has nothing to protect (api.py)."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, submission(), content_type="application/json")
    assert response.status_code == 202


def test_a_retry_with_the_same_key_returns_the_same_reference_and_stores_nothing_more(
    ai_page, post_json, submission
):
    body = submission()
    first, again = post_json(body), post_json(body)

    assert (first.status_code, again.status_code) == (202, 200)
    assert again.json()["reference"] == first.json()["reference"]
    assert again.json()["status"] == "recorded"
    assert InboxSubmission.objects.count() == Submission.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_task_run_twice_records_one_submission(ai_page, post_json, submission):
    post_json(submission())
    row = InboxSubmission.objects.get()
    # As if the first run had crashed after recording but before marking the row.
    InboxSubmission.objects.filter(pk=row.pk).update(state=InboxState.RECEIVED)
    record(row.reference, "http://testserver/consultations/ai-and-ip/")
    record(row.reference, "http://testserver/consultations/ai-and-ip/")

    row.refresh_from_db()
    assert row.state == InboxState.RECORDED
    assert Submission.objects.count() == 1 and Answer.objects.count() == 3
    assert len(mail.outbox) == 1  # no second confirmation for the same submission


@pytest.mark.django_db(transaction=True)
def test_the_intake_post_is_three_queries_without_page_routing(ai_page, settings, submission):
    """The design's point: no Wagtail routing, no session, no form; one lookup for a retry, then
    the row and its task row in one transaction (the task itself runs later, in a worker)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client = Client()
    client.post(URL, submission(), content_type="application/json")  # warms the snapshot
    with CaptureQueriesContext(connection) as queries:
        response = client.post(URL, submission(email="bo@example.org"),
                               content_type="application/json")

    assert response.status_code == 202
    sql = [query["sql"] for query in queries.captured_queries]
    statements = [s for s in sql if s.split()[0] not in ("BEGIN", "COMMIT", "SAVEPOINT")]
    assert len(statements) <= 3, statements
    assert sql.count("COMMIT") == 1  # the row and its task row commit together
    assert not any("wagtailcore" in statement or "django_session" in statement
                   for statement in sql)
    assert InboxSubmission.objects.filter(state=InboxState.RECEIVED).count() == 2
    assert not Submission.objects.exists()  # recorded by the worker, not by the request


@pytest.mark.skipif(not settings.USING_POSTGRES, reason="concurrent writers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_retries_store_one_row_and_one_submission(ai_page, settings):
    # Copies racing past the retry lookup each count against the e-mail's quota (5 an hour).
    settings.CONSULTATIONS = {"MIN_FILL_SECONDS": 0, "RATE_LIMIT_EMAIL": (100, 3600)}
    body = json.dumps(build_submission())
    barrier = threading.Barrier(8)
    statuses, references = [], set()

    def post():
        try:
            barrier.wait()
            response = Client().post(URL, body, content_type="application/json")
            statuses.append(response.status_code)
            references.add(response.json().get("reference"))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [200] * 7 + [202]
    assert len(references) == 1
    assert InboxSubmission.objects.count() == 1
    assert Submission.objects.count() == 1 and Answer.objects.count() == 3


def test_after_the_deadline_the_submission_is_refused_and_nothing_stored(
    ai_page, post_json, submission
):
    ai_page.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    ai_page.opens_at = ai_page.closes_at - datetime.timedelta(days=30)
    ai_page.save()
    snapshot.clear()

    response = post_json(submission())
    assert response.status_code == 403
    assert response.json()["error"] == "closed"
    assert "not open for comments" in response.json()["message"]
    assert nothing_stored()


def test_a_retry_after_the_deadline_still_gets_its_reference(ai_page, post_json, submission):
    body = submission()
    reference = post_json(body).json()["reference"]
    ai_page.closes_at = timezone.now() - datetime.timedelta(seconds=1)
    ai_page.save()
    snapshot.clear()

    again = post_json(body)
    assert again.status_code == 200 and again.json()["reference"] == reference


@pytest.mark.parametrize("content, status, error", [
    ('{"name": "Ada", ', 400, "invalid"),
    ("[1, 2]", 400, "invalid"),
    ("x" * (MAX_BODY_BYTES + 1), 413, "too_large"),
])
def test_malformed_or_oversized_bodies_are_refused(ai_page, post_json, content, status, error):
    response = post_json(content)
    assert response.status_code == status
    assert response.json()["error"] == error and response.json()["message"]
    assert nothing_stored()


@pytest.mark.parametrize("overrides, status, error, field", [
    ({"email": "not-an-address"}, 400, "invalid", "email"),
    ({"country": "XX"}, 400, "invalid", "country"),
    ({"nickname": "extra"}, 400, "invalid", "nickname"),
    ({"answers": []}, 400, "invalid", "answers"),
    ({"answers": [{"issue": 99, "question": None, "text": "?"}]}, 400, "unknown_question",
     "answers.0"),
    ({"answers": [{"issue": 1, "question": "xx", "text": "?"}]}, 400, "unknown_question",
     "answers.0"),
    ({"answers": [{"issue": 1, "question": "i", "text": "x" * 20_001}]}, 413, "too_long", None),
    ({"capacity": "organisation"}, 400, "invalid", "organisation"),
    ({"form_token": "forged"}, 400, "token", None),
    ({"idempotency_key": "someone-elses-key"}, 400, "token", None),
])
def test_invalid_submissions_get_a_clear_error_and_store_nothing(
    ai_page, post_json, submission, overrides, status, error, field
):
    response = post_json(submission(**overrides))
    assert response.status_code == status, response.content
    problem = response.json()
    assert problem["error"] == error and problem["message"]
    if field:
        assert field in {entry["field"] for entry in problem["fields"]}
    assert nothing_stored()


def test_an_unknown_consultation_is_404(ai_page, post_json, submission):
    response = post_json(submission(), url="/api/v1/consultations/no-such/submissions")
    assert response.status_code == 404 and response.json()["error"] == "not_found"


def test_rate_limited_senders_get_429_with_retry_after(ai_page, post_json, submission, settings):
    settings.CONSULTATIONS = {"MIN_FILL_SECONDS": 0, "RATE_LIMIT_IP": (2, 3600)}
    responses = [post_json(submission(email=f"p{n}@example.org")) for n in range(3)]

    assert [r.status_code for r in responses] == [202, 202, 429]
    assert int(responses[2]["Retry-After"]) >= 1
    assert responses[2].json()["error"] == "rate_limited"
    assert InboxSubmission.objects.count() == 2


def test_a_form_filled_too_fast_is_refused(ai_page, post_json, submission, settings):
    settings.CONSULTATIONS = {"MIN_FILL_SECONDS": 60}
    response = post_json(submission())
    assert response.status_code == 400 and response.json()["error"] == "too_fast"
    assert nothing_stored()


def test_the_form_token_endpoint_gives_a_token_the_intake_accepts(ai_page, client, post_json):
    token = client.get("/api/v1/consultations/ai-and-ip/form-token").json()
    assert token["min_fill_seconds"] == 0
    body = build_submission(form_token=token["form_token"],
                            idempotency_key=token["idempotency_key"])
    assert post_json(body).status_code == 202


def test_the_status_endpoint_never_shows_personal_data(ai_page, client, post_json, submission):
    ack = post_json(submission(email="secret-person@example.org", name="Secret Person")).json()
    response = client.get(ack["status_url"])

    assert response.status_code == 200
    status = response.json()
    assert status["status"] == "recorded"
    assert status["submission_reference"] == Submission.objects.get().reference
    text = response.content.decode()
    assert "secret-person" not in text and "Secret Person" not in text
    assert client.get(f"{URL}/not-a-reference").status_code == 404
    other = "/api/v1/consultations/another/submissions/" + ack["reference"]
    assert client.get(other).status_code == 404


def test_a_database_outage_is_a_503_with_retry_after_not_a_500(ai_page, post_json, submission):
    def refuse(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    body = submission()
    snapshot.clear()
    with connection.execute_wrapper(refuse):  # every query of the request fails
        response = post_json(body)

    assert response.status_code == 503 and int(response["Retry-After"]) >= 1
    assert response.json()["error"] == "unavailable"
    assert nothing_stored()
    assert post_json(body).status_code == 202  # the retry, once it is back


def test_errors_are_translated(ai_page, post_json, submission):
    response = post_json(submission(answers=[{"issue": 99, "question": None, "text": "?"}]),
                         HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.json()["message"] == "第 1 条答复所指的议题或问题不在本次征求意见中。"


def test_rows_whose_task_never_ran_are_recorded_by_drain_inbox(ai_page, submission):
    body = build_submission()
    payload = {key: value for key, value in body.items()
               if key not in ("form_token", "idempotency_key")}
    row, created = InboxSubmission.objects.accept(
        consultation_id=ai_page.pk, idempotency_key=body["idempotency_key"], payload=payload,
        ip_hash="", on_accepted=lambda row: None,  # the task was lost
    )
    InboxSubmission.objects.filter(pk=row.pk).update(
        received_at=timezone.now() - datetime.timedelta(hours=1))

    call_command("drain_inbox", "--older-than", "10", stdout=io.StringIO())
    row.refresh_from_db()
    assert created and row.state == InboxState.RECORDED
    assert row.submission.answers.count() == 3


def test_a_row_whose_question_was_removed_is_rejected_with_its_reason(
    ai_page, post_json, submission, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    post_json(submission(answers=[{"issue": 1, "question": "i", "text": "On (i)."}]))
    ai_page.issues.get(number=1).questions.filter(number="i").delete()
    row = InboxSubmission.objects.get()
    record(row.reference, "http://testserver/")

    row.refresh_from_db()
    assert row.state == InboxState.REJECTED and "no longer has" in row.error
    assert not Submission.objects.exists()
