"""Recording submissions: durable (one transaction for the submission, its answers and files,
before any acknowledgement) and idempotent (the idempotency key is unique, so a retried POST finds
the submission its first attempt created)."""

import hmac

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import (
    Answer,
    Attachment,
    AuditAction,
    AuditLogEntry,
    Submission,
    SubmissionSource,
    SubmissionStatus,
    keyed_hash,
)


def record_submission(consultation, details, answers, *, idempotency_key, attachments=(),
                      source=SubmissionSource.WEB, ip_hash="", status=None):
    """Store a submission with its answers and attachments; return (submission, created).

    ``details`` holds the Submission fields (name, email, …); ``answers`` is a list of
    (issue, question, text); ``attachments`` a list of (uploaded file, detected MIME type).
    A second call with the same ``idempotency_key`` returns the first submission unchanged.
    """
    existing = Submission.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            submission = Submission.objects.create(
                consultation=consultation, idempotency_key=idempotency_key, source=source,
                ip_hash=ip_hash,
                status=status or SubmissionStatus.PENDING_CONFIRMATION,
                **details,
            )
            Answer.objects.bulk_create(
                Answer(submission=submission, issue=issue, question=question, text=text)
                for issue, question, text in answers
            )
            for upload, content_type in attachments:
                Attachment.objects.create(
                    submission=submission, file=upload, original_name=upload.name[:255],
                    content_type=content_type, size=upload.size,
                )
            AuditLogEntry.objects.create(
                submission=submission,
                action=AuditAction.IMPORTED if source == SubmissionSource.EMAIL_IMPORT
                else AuditAction.SUBMITTED,
            )
    except IntegrityError:
        # A concurrent retry won the race on the unique key: return what it stored.
        existing = Submission.objects.filter(idempotency_key=idempotency_key).first()
        if existing is None:
            raise
        return existing, False
    return submission, True


def confirmation_token(reference):
    # Letters and digits only: Wagtail routes path segments made of [\w-].
    return keyed_hash(reference, "confirm")[:32]


def confirm(reference, token):
    """Confirm the submission a link names; return it, or None for a bad link."""
    if not hmac.compare_digest(confirmation_token(reference), token):
        return None
    with transaction.atomic():
        submission = Submission.objects.select_for_update().filter(reference=reference).first()
        if submission and submission.status == SubmissionStatus.PENDING_CONFIRMATION:
            submission.status = SubmissionStatus.PENDING
            submission.confirmed_at = timezone.now()
            submission.save(update_fields=["status", "confirmed_at", "updated_at"])
            AuditLogEntry.objects.create(submission=submission, action=AuditAction.CONFIRMED)
    return submission


def replace_answers(submission, details, answers):
    """The commenter's edit: new details and answers in one transaction; an approved submission
    goes back to moderation (the new text has not been reviewed)."""
    with transaction.atomic():
        for field, value in details.items():
            setattr(submission, field, value)
        if submission.status in (SubmissionStatus.APPROVED,):
            submission.status = SubmissionStatus.PENDING
        submission.save()
        submission.answers.all().delete()
        Answer.objects.bulk_create(
            Answer(submission=submission, issue=issue, question=question, text=text)
            for issue, question, text in answers
        )
        AuditLogEntry.objects.create(submission=submission, action=AuditAction.EDITED)


def withdraw(submission):
    with transaction.atomic():
        submission.status = SubmissionStatus.WITHDRAWN
        submission.save(update_fields=["status", "updated_at"])
        AuditLogEntry.objects.create(submission=submission, action=AuditAction.WITHDRAWN)
