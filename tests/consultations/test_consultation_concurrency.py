"""Two copies of the same POST racing each other store one submission (PostgreSQL)."""

import threading

import pytest
from django.conf import settings
from django.db import connection

from consultations.intake import record_submission
from consultations.models import Answer, Submission

pytestmark = pytest.mark.skipif(
    not settings.USING_POSTGRES, reason="concurrent writers need PostgreSQL"
)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_retries_store_one_submission_with_all_its_answers(ai_page):
    issue = ai_page.issues.get(number=1)
    answers = [(issue, q, f"answer {q.number}") for q in issue.questions.all()]
    details = {"name": "Racer", "email": "r@example.org", "stakeholder_type": "individual",
               "country": "FR", "language": "en", "consent": "anonymous"}
    start = threading.Barrier(4)
    results, errors = [], []

    def post():
        try:
            start.wait()
            results.append(record_submission(ai_page, details, answers, idempotency_key="same"))
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Submission.objects.count() == 1
    assert {submission.pk for submission, _created in results} == {Submission.objects.get().pk}
    assert sum(created for _submission, created in results) == 1
    assert Answer.objects.count() == len(answers)
