"""The write-ahead inbox: a submission as received from the JSON intake endpoint, stored before
it is acknowledged and recorded as a consultations.Submission afterwards by a task."""

import uuid

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InboxState(models.TextChoices):
    RECEIVED = "received", _("Received, waiting to be recorded")
    RECORDED = "recorded", _("Recorded")
    REJECTED = "rejected", _("Rejected")


class InboxSubmissionQuerySet(models.QuerySet):
    def received(self):
        """Acknowledged but not yet recorded (or rejected)."""
        return self.filter(state=InboxState.RECEIVED)

    def waiting_since(self, cutoff):
        """Received before ``cutoff`` and still not recorded: their task failed or was lost."""
        return self.received().filter(received_at__lt=cutoff)

    def accept(self, *, consultation_id, idempotency_key, payload, ip_hash, on_accepted):
        """Store one received submission unless its key is already in; return (row, created).

        ``on_accepted(row)`` runs in the same transaction as the INSERT (it enqueues the task
        that records the row), so the acknowledgement never precedes either write. The unique
        key decides between concurrent retries: the loser's INSERT fails and it returns the
        winner's row. No savepoint: the transaction is the outermost one.
        """
        try:
            with transaction.atomic():
                row = self.create(
                    consultation_id=consultation_id, idempotency_key=idempotency_key,
                    payload=payload, ip_hash=ip_hash,
                )
                on_accepted(row)
        except IntegrityError:
            return self.get(idempotency_key=idempotency_key), False
        return row, True


class InboxSubmission(models.Model):
    """One submission exactly as the intake endpoint received and acknowledged it."""

    id = models.UUIDField(
        primary_key=True, default=uuid.uuid4, editable=False,
        help_text=_("The reference given to the sender in the acknowledgement; random, so a "
                    "status URL cannot be guessed from another."),
    )
    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.PROTECT,
        related_name="inbox_submissions",
        help_text=_("The consultation (in the language it was submitted on)."),
    )
    idempotency_key = models.CharField(
        max_length=100, unique=True, editable=False,
        help_text=_("The key of the signed form token: a retried POST finds this row instead "
                    "of storing another; the recorded Submission carries the same key."),
    )
    payload = models.JSONField(
        help_text=_("The commenter's details and answers exactly as received (after the "
                    "request's schema check); holds the e-mail address, so never shown."),
    )
    received_at = models.DateTimeField(
        default=timezone.now, editable=False,
        help_text=_("When the submission was received and acknowledged."),
    )
    state = models.CharField(
        max_length=10, choices=InboxState.choices, default=InboxState.RECEIVED,
        help_text=_("Received (acknowledged), recorded as a submission, or rejected."),
    )
    submission = models.ForeignKey(
        "consultations.Submission", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The submission this row was recorded as, once recorded."),
    )
    processed_at = models.DateTimeField(
        null=True, blank=True,
        help_text=_("When the row was recorded or rejected."),
    )
    error = models.TextField(
        blank=True, help_text=_("Why the row was rejected when it was recorded; empty otherwise."),
    )
    ip_hash = models.CharField(
        max_length=64, blank=True, editable=False,
        help_text=_("Keyed hash of the sender's IP address, for abuse investigation."),
    )

    objects = InboxSubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("inbox submission")
        # The only query by state: the sweep of rows whose task failed (drain_inbox).
        indexes = [models.Index(fields=["state", "received_at"], name="inbox_state_received")]

    def __str__(self):
        return f"{self.id} · {self.state}"

    @property
    def reference(self):
        return str(self.id)
