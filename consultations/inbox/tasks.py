"""Recording an inbox row as a consultations.Submission: the drain side of the write-ahead
intake. Idempotent: a row recorded twice (task retried, run twice, or swept by drain_inbox)
yields one submission, because the row is locked and record_submission is keyed by the same
idempotency key."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import task

from consultations.forms import plain_text
from consultations.intake import record_submission
from consultations.tasks import send_confirmation_email

from .models import InboxState, InboxSubmission

DETAIL_FIELDS = (
    "name", "email", "organisation", "capacity", "stakeholder_type", "country", "language",
    "consent",
)


def resolve_answers(consultation, received):
    """[(issue, question, text)] for the received answers, or None when one refers to an issue
    or question the consultation no longer has (edited since the row was accepted)."""
    issues = {issue.number: issue for issue in consultation.issues_with_questions()}
    answers = []
    for answer in received:
        issue = question = None
        if answer["issue"] is not None:
            issue = issues.get(answer["issue"])
            if issue is None:
                return None
            if answer["question"] is not None:
                question = next((q for q in issue.questions.all()
                                 if q.number == answer["question"]), None)
                if question is None:
                    return None
        # The same normalisation as the web form (NFC, no control characters).
        answers.append((issue, question, plain_text(answer["text"]).strip()))
    return answers


def record(inbox_id, page_url):
    """Record one inbox row (see the module docstring); a no-op for a row already done."""
    with transaction.atomic():
        row = (InboxSubmission.objects.select_for_update().select_related("consultation")
               .filter(pk=inbox_id).first())
        if row is None or row.state != InboxState.RECEIVED:
            return
        answers = resolve_answers(row.consultation, row.payload["answers"])
        row.processed_at = timezone.now()
        if answers is None:
            row.state = InboxState.REJECTED
            row.error = gettext("An answer refers to an issue or question that the "
                                "consultation no longer has.")
            row.save(update_fields=["state", "error", "processed_at"])
            return
        details = {name: plain_text(row.payload[name]).strip() for name in DETAIL_FIELDS}
        submission, created = record_submission(
            row.consultation, details, answers, idempotency_key=row.idempotency_key,
            ip_hash=row.ip_hash,
        )
        row.state, row.submission = InboxState.RECORDED, submission
        row.save(update_fields=["state", "submission", "processed_at"])
        if created:
            # As the web form does: the confirmation e-mail, once the submission is committed.
            transaction.on_commit(
                lambda: send_confirmation_email.enqueue(submission.pk, page_url)
            )


@task()
def record_inbox_submission(inbox_id, page_url):
    """``inbox_id`` as a string (task arguments are JSON); ``page_url`` is the absolute URL of
    the consultation page, for the links in the confirmation e-mail."""
    record(inbox_id, page_url)
