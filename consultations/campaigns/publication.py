"""Publishing campaigns as ACUS Recommendation 2021-1 asks: one representative copy with the exact
count of comments it stands for and the names of those who consented to be named (never an
e-mail address); and statistics that count unique comments and campaigns separately."""

from dataclasses import dataclass, field

from django.db.models import Sum

from consultations.models import PublicationConsent

from .models import Campaign


@dataclass
class CampaignEntry:
    """A published campaign: the member shown as its copy, how many published comments it
    stands for, and the consenting signatories' names (with organisation)."""

    campaign: Campaign
    representative: object  # the Submission shown
    count: int
    signatories: list = field(default_factory=list)  # [(name, organisation)]

    @property
    def anonymous_count(self):
        return self.count - len(self.signatories)


@dataclass
class PublishedEntry:
    """One item of the published list: a unique comment, or a campaign's representative."""

    submission: object
    campaign: CampaignEntry | None = None


@dataclass
class CampaignCollapse:
    """For a consultation's publication: the campaign shown for each representative, and the
    other members, whose copies are not listed one by one."""

    by_representative: dict
    hidden: set


def collapse_campaigns(consultation):
    """Group the consultation's published submissions by campaign. A campaign appears when at
    least two of its members are published; its representative is the campaign's own if that
    one is published, else the published member closest to it."""
    published = (
        consultation.submissions_of_all_translations().published()
        .select_related("campaign_membership")
        .order_by("created_at", "pk")
    )
    members = {}
    for submission in published:
        membership = getattr(submission, "campaign_membership", None)
        if membership is not None:
            members.setdefault(membership.campaign_id, []).append(submission)
    campaigns = Campaign.objects.in_bulk(
        [pk for pk, group in members.items() if len(group) > 1]
    )
    by_representative, hidden = {}, set()
    for pk, campaign in campaigns.items():
        group = members[pk]
        shown = min(group, key=lambda s: (
            not s.campaign_membership.is_representative, -s.campaign_membership.similarity,
            s.created_at, s.pk,
        ))
        by_representative[shown.pk] = CampaignEntry(
            campaign=campaign, representative=shown, count=len(group),
            signatories=[(s.name, s.organisation) for s in group
                         if s.consent == PublicationConsent.NAMED],
        )
        hidden.update(s.pk for s in group if s.pk != shown.pk)
    return CampaignCollapse(by_representative, hidden)


def published_comments_with_campaigns(consultation):
    """The published comments in order of arrival: each unique comment once, and each
    campaign once (where its representative arrived) with its count and signatories."""
    collapse = collapse_campaigns(consultation)
    published = consultation.submissions_of_all_translations().published().order_by(
        "created_at", "pk"
    )
    return [
        PublishedEntry(submission, collapse.by_representative.get(submission.pk))
        for submission in published
        if submission.pk not in collapse.hidden
    ]


@dataclass
class CampaignStatistics:
    received: int  # confirmed submissions (not withdrawn)
    unique_comments: int  # clustered on their own
    campaigns: int
    campaign_members: int
    largest_campaign: int
    not_yet_clustered: int  # confirmed moments ago: the background task has not run yet


def campaign_statistics(consultation):
    """Unique comments vs campaigns vs campaign members among the received submissions."""
    received = consultation.submissions_of_all_translations().counted()
    clustered = received.filter(campaign_membership__isnull=False).count()
    campaigns = Campaign.objects.of_consultation(consultation).campaigns()
    totals = campaigns.aggregate(members=Sum("size"))
    largest = campaigns.largest_first().values_list("size", flat=True).first()
    total = received.count()
    members = totals["members"] or 0
    return CampaignStatistics(
        received=total,
        unique_comments=clustered - members,
        campaigns=campaigns.count(),
        campaign_members=members,
        largest_campaign=largest or 0,
        not_yet_clustered=total - clustered,
    )
