"""Campaigns: groups of confirmed submissions that are copies (or mail-merge variants) of one
text, found by nlp.dedup as submissions are confirmed.

Every clustered submission has a CampaignMembership; a Campaign with one member is a unique
comment, with two or more it is a campaign. Clustering is scoped to a consultation across its
translations (``consultation_key`` is the pages' shared ``translation_key``).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CampaignQuerySet(models.QuerySet):
    def of_consultation(self, consultation):
        return self.filter(consultation_key=consultation.translation_key)

    def campaigns(self):
        """Clusters of two or more submissions; singletons are unique comments."""
        return self.filter(size__gte=2)

    def unique_comments(self):
        return self.filter(size=1)

    def largest_first(self):
        return self.order_by("-size", "pk")


class Campaign(models.Model):
    """Submissions that are copies of one text; the representative is the most copied text."""

    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="+",
        help_text=_("The consultation (in the language of the first member) it belongs to."),
    )
    consultation_key = models.UUIDField(
        db_index=True,
        help_text=_("The translation key shared by every translation of the consultation: "
                    "clustering spans languages of one consultation."),
    )
    representative = models.ForeignKey(
        "consultations.Submission", null=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("The first submission of the most copied text: published as the copy."),
    )
    size = models.PositiveIntegerField(
        default=0, db_index=True, help_text=_("How many submissions belong to it."),
    )
    suspected_computer_generated = models.BooleanField(
        default=False,
        help_text=_("Flagged for review: many members arrived in a burst or from one address."),
    )
    suspicion_reason = models.CharField(
        max_length=200, blank=True, help_text=_("Why it was flagged."),
    )
    split_at = models.DateTimeField(
        null=True, blank=True,
        help_text=_("When a moderator last split it; split campaigns are never merged back "
                    "automatically."),
    )
    split_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("The moderator who last split it."),
    )
    created_at = models.DateTimeField(default=timezone.now, help_text=_("When it started."))
    updated_at = models.DateTimeField(auto_now=True, help_text=_("When it last changed."))

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign")
        ordering = ["-size", "pk"]

    def __str__(self):
        return _("Campaign %(pk)s (%(size)s comments)") % {"pk": self.pk, "size": self.size}


class MembershipQuerySet(models.QuerySet):
    def in_consultation(self, consultation_key):
        return self.filter(campaign__consultation_key=consultation_key)


class CampaignMembership(models.Model):
    """Where one confirmed submission was clustered."""

    submission = models.OneToOneField(
        "consultations.Submission", on_delete=models.CASCADE, related_name="campaign_membership",
        help_text=_("The clustered submission."),
    )
    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="memberships",
        help_text=_("The campaign (or unique comment) it belongs to."),
    )
    exact_key = models.CharField(
        max_length=32, db_index=True,
        help_text=_("Hash of the normalised text: equal for copies differing only in case, "
                    "punctuation, greeting or sign-off."),
    )
    similarity = models.PositiveSmallIntegerField(
        default=100, help_text=_("Similarity 0–100 to the campaign's representative text."),
    )
    is_representative = models.BooleanField(
        default=False, help_text=_("This submission is the campaign's representative copy."),
    )
    created_at = models.DateTimeField(default=timezone.now, help_text=_("When it was clustered."))

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign membership")
        ordering = ["pk"]


class SignatureBand(models.Model):
    """The LSH bucket index: for each band key, the first distinct text that fell in the
    bucket (its leader). A new text is compared with the campaigns of the leaders of its
    buckets, exactly as nlp.dedup.IncrementalClusterer does in memory."""

    consultation_key = models.UUIDField(
        help_text=_("The consultation's translation key: buckets are per consultation."),
    )
    band_key = models.CharField(
        max_length=18, help_text=_("Band number and MinHash band hash (nlp.dedup)."),
    )
    submission = models.ForeignKey(
        "consultations.Submission", on_delete=models.CASCADE, related_name="+",
        help_text=_("The bucket's leader: the first submission of the first text in it."),
    )

    class Meta:
        verbose_name = _("signature band")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation_key", "band_key"], name="campaigns_one_leader_per_bucket"
            )
        ]
