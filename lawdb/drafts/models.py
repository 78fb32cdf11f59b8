import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# 32 random bytes: a shared link cannot be guessed or enumerated.
SHARE_TOKEN_BYTES = 32


class DraftCheckQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Reports are private: their owner sees them, and superusers; nobody else."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(owner=user)

    def in_progress(self, since):
        """Checks queued or running that were submitted after ``since``."""
        return self.filter(
            status__in=[DraftCheck.Status.QUEUED, DraftCheck.Status.RUNNING], created__gte=since
        )


class DraftCheck(models.Model):
    """One run of the alignment checker over a draft law submitted by a legislative adviser."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        CHINESE = "zh", _("Chinese")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="draft_checks",
        help_text=_("The adviser who submitted the draft; the report is private to them."),
    )
    title = models.CharField(
        _("title"), max_length=255, help_text=_("A name for the draft, shown in 'My checks'.")
    )
    jurisdiction = models.ForeignKey(
        "lawdb.Jurisdiction",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="draft_checks",
        help_text=_("The jurisdiction whose draft law this is."),
    )
    amends = models.ForeignKey(
        "lawdb.LegalTextPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="draft_checks",
        help_text=_("The law in force that the draft amends; the report aligns the two."),
    )
    source_filename = models.CharField(
        max_length=255,
        blank=True,
        help_text=_("Name of the uploaded file; empty when the text was pasted."),
    )
    source_text = models.TextField(help_text=_("The text of the draft as it was checked."))
    language = models.CharField(
        max_length=8,
        choices=Language.choices,
        help_text=_("Language of the draft; the checker explains its findings in it."),
    )
    status = models.CharField(
        max_length=16,
        choices=Status.choices,
        default=Status.QUEUED,
        help_text=_("Where the background check stands."),
    )
    progress = models.PositiveSmallIntegerField(
        default=0,
        validators=[MaxValueValidator(100)],
        help_text=_("Share of the provisions checked so far, in per cent."),
    )
    error_message = models.TextField(
        blank=True, help_text=_("Why the check failed, in words fit to show to the adviser.")
    )
    result = models.JSONField(
        null=True,
        blank=True,
        help_text=_(
            "The checker's report (findings and compliance matrix) and the alignment "
            "against the law in force."
        ),
    )
    share_token = models.CharField(
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Secret of the read-only shared link; empty while the report is private."),
    )
    created = models.DateTimeField(auto_now_add=True, help_text=_("When the draft was submitted."))
    updated = models.DateTimeField(auto_now=True, help_text=_("When the check last changed."))

    objects = DraftCheckQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("draft check")
        verbose_name_plural = _("draft checks")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="drafts_progress_at_most_100"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("drafts:report", args=[self.pk])

    @property
    def is_finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

    def share(self):
        """Make (or replace) the shared link; an earlier link stops working."""
        self.share_token = secrets.token_urlsafe(SHARE_TOKEN_BYTES)
        self.save(update_fields=["share_token", "updated"])

    def unshare(self):
        self.share_token = None
        self.save(update_fields=["share_token", "updated"])
