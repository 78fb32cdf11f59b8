"""The submission path under load: shedding with 503 + Retry-After (never a 500), database
outages answered with 503, and idempotent POSTs (retried and concurrent)."""

import threading

import pytest
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.test import Client

from config.overload import OverloadMiddleware
from consultations.antiabuse import new_form_token
from consultations.models import Answer, AuditLogEntry, Submission


def form_data(**overrides):
    data = {
        "name": "Ada Commenter", "email": "ada@example.org", "organisation": "",
        "capacity": "personal", "stakeholder_type": "academia", "country": "KE",
        "language": "en", "consent": "named",
        "answer_1_i": "A human should be named as the inventor.",
        "general_comment": "Thank you for the consultation.",
        "form_token": new_form_token(), "website": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def submit_url(ai_page):
    return ai_page.subpage_url("submit")


def test_retried_post_with_the_same_token_creates_one_submission(client, submit_url):
    data = form_data()
    statuses = [client.post(submit_url, data).status_code for _ in range(3)]
    assert statuses == [201, 200, 200]
    submission = Submission.objects.get()
    assert Answer.objects.filter(submission=submission).count() == 2
    assert AuditLogEntry.objects.filter(action="submitted").count() == 1


def test_a_busy_process_sheds_further_submissions_but_not_pages(settings, rf):
    settings.OVERLOAD = {"MAX_INFLIGHT_SUBMISSIONS": 1, "RETRY_AFTER_SECONDS": 3}
    inside, release = threading.Event(), threading.Event()

    def slow_view(request):
        inside.set()
        release.wait(10)
        return HttpResponse(status=201)

    middleware = OverloadMiddleware(slow_view)
    first = {}
    worker = threading.Thread(target=lambda: first.setdefault(
        "response", middleware(rf.post("/consultations/ai-and-ip/submit/"))))
    worker.start()
    try:
        assert inside.wait(10)
        shed = middleware(rf.post("/consultations/ai-and-ip/submit/"))
        other = OverloadMiddleware(lambda request: HttpResponse("page"))
        assert other(rf.get("/consultations/ai-and-ip/submit/")).status_code == 200
    finally:
        release.set()
        worker.join()
    assert shed.status_code == 503 and 3 <= int(shed["Retry-After"]) <= 6
    assert first["response"].status_code == 201
    release.clear()
    inside.clear()
    assert middleware(rf.post("/consultations/ai-and-ip/submit/")).status_code == 201


def test_shed_submissions_are_not_stored(client, submit_url, settings):
    settings.OVERLOAD = {"MAX_INFLIGHT_SUBMISSIONS": 0}
    response = client.post(submit_url, form_data())
    assert response.status_code == 503 and response["Retry-After"]
    assert "Nothing was saved" in response.content.decode()
    assert client.get(submit_url).status_code == 200
    assert not Submission.objects.exists()


def test_database_outage_is_a_503_with_retry_after_not_a_500(client, submit_url):
    def refuse(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    data = form_data()
    with connection.execute_wrapper(refuse):  # every query of the request fails
        post = client.post(submit_url, data)
        page = client.get(submit_url)
    for response in (post, page):
        assert response.status_code == 503 and int(response["Retry-After"]) >= 1
        assert response["Cache-Control"] == "no-store"
    assert not Submission.objects.exists()
    assert client.post(submit_url, data).status_code == 201  # the retry, once it is back


def test_the_busy_page_is_translated(client, submit_url, settings):
    from django.test import RequestFactory

    from config.overload import service_unavailable

    request = RequestFactory().post("/zh-hans" + submit_url, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "请稍后再试" in service_unavailable(request, "busy").content.decode()


def test_rate_limited_submitters_get_429_with_retry_after(client, submit_url, settings):
    settings.CONSULTATIONS = {"MIN_FILL_SECONDS": 0, "RATE_LIMIT_IP": (2, 3600)}
    codes = [client.post(submit_url, form_data(email=f"p{n}@example.org")).status_code
             for n in range(3)]
    assert codes == [201, 201, 429]
    assert Submission.objects.count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent transactions")
@pytest.mark.django_db(transaction=True)
def test_concurrent_posts_with_the_same_token_create_one_submission(site_root, settings):
    import io

    from consultations import demo
    from consultations.models import ConsultationPage

    settings.OVERLOAD = {"MAX_INFLIGHT_SUBMISSIONS": 16}
    demo.load(io.StringIO())
    page = ConsultationPage.objects.get(slug="ai-and-ip", locale__language_code="en")
    url, data = page.subpage_url("submit"), form_data()
    barrier = threading.Barrier(8)
    statuses = []

    def post():
        try:
            barrier.wait()
            statuses.append(Client().post(url, data).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # One creates it; the others find it (200) or, racing past the lookup before it was
    # committed, hit the per-e-mail limit (429) and get the receipt when they retry.
    assert statuses.count(201) == 1 and set(statuses) <= {200, 201, 429}
    submission = Submission.objects.get()
    retry = Client().post(url, data)
    assert retry.status_code == 200 and submission.reference in retry.content.decode()
    assert Answer.objects.filter(submission=submission).count() == 2
    assert AuditLogEntry.objects.count() == 1
