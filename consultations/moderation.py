"""What moderators do to submissions. Every action writes an audit log entry in the same
transaction as the change."""

from django.db import transaction
from django.utils import timezone

from .models import (
    AuditAction,
    AuditLogEntry,
    ModerationNote,
    Redaction,
    ReportStatus,
    SubmissionStatus,
)

# What the "Secretariat moderators" group may do here (granted by migration 0002).
MODERATOR_PERMISSIONS = [
    "view_submission", "change_submission", "add_submission",
    "view_answer", "view_attachment",
    "add_redaction", "view_redaction",
    "add_moderationnote", "view_moderationnote",
    "view_auditlogentry",
    "view_falseattributionreport", "change_falseattributionreport",
]

# Moderators decide only on confirmed submissions; a withdrawn one stays withdrawn.
DECIDABLE = {SubmissionStatus.PENDING, SubmissionStatus.APPROVED, SubmissionStatus.REJECTED}


def decide(submissions, status, user, reason=""):
    """Approve or reject submissions; return how many changed. Unconfirmed and withdrawn ones
    are skipped."""
    action = {SubmissionStatus.APPROVED: AuditAction.APPROVED,
              SubmissionStatus.REJECTED: AuditAction.REJECTED}[status]
    changed = 0
    now = timezone.now()
    with transaction.atomic():
        for submission in submissions:
            if submission.status not in DECIDABLE or submission.status == status:
                continue
            submission.status = status
            submission.moderated_at = now
            submission.save(update_fields=["status", "moderated_at", "updated_at"])
            AuditLogEntry.objects.create(
                submission=submission, action=action, actor=user, reason=reason
            )
            changed += 1
    return changed


def redact(answer, redacted_text, reason, user):
    with transaction.atomic():
        redaction = Redaction.objects.create(
            answer=answer, redacted_text=redacted_text, reason=reason, moderator=user
        )
        AuditLogEntry.objects.create(
            submission=answer.submission, action=AuditAction.REDACTED, actor=user, reason=reason
        )
    return redaction


def add_note(submission, text, user):
    with transaction.atomic():
        note = ModerationNote.objects.create(submission=submission, text=text, author=user)
        AuditLogEntry.objects.create(submission=submission, action=AuditAction.NOTE, actor=user)
    return note


def resolve_report(report, uphold, user, reason=""):
    """Uphold a false-attribution report (the submission is rejected) or dismiss it."""
    with transaction.atomic():
        report.status = ReportStatus.UPHELD if uphold else ReportStatus.DISMISSED
        report.save(update_fields=["status"])
        AuditLogEntry.objects.create(
            submission=report.submission, action=AuditAction.REPORT_RESOLVED, actor=user,
            reason=f"{report.get_status_display()}: {reason}".strip(": "),
        )
        if uphold:
            decide([report.submission], SubmissionStatus.REJECTED, user,
                   reason or "falsely attributed")
