"""Incremental and batch clustering of submissions into campaigns, in the database.

The incremental path mirrors nlp.dedup.IncrementalClusterer step by step, with its state in
tables instead of memory: the LSH bucket leaders are SignatureBand rows, a "group" (copies of
one normalised text) is the memberships sharing an ``exact_key``, a cluster is a Campaign. So
placing submissions one by one gives the same campaigns as the batch ``nlp.dedup.cluster`` on
the same arrival order (``recluster`` below, and the tests).

Concurrency: a worker first claims the empty buckets of its text (a unique index, conflicts
ignored). A concurrent worker whose text shares a bucket blocks on that insert until the first
commits, then sees it as the bucket's leader, so two similar texts arriving together are still
compared. Campaign rows are then locked (select_for_update, in primary-key order) before they
change.
"""

from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Min
from django.db.models.functions import Coalesce, TruncSecond
from django.utils import timezone
from django.utils.translation import gettext

from consultations.models import Answer, Submission, SubmissionStatus
from nlp.dedup import THRESHOLD, can_merge_clusters, cluster, is_same_campaign, signature

from .models import Campaign, CampaignMembership, SignatureBand

# What counts as confirmed and clustered (as in SubmissionQuerySet.counted()).
CLUSTERED_STATUSES = {SubmissionStatus.PENDING, SubmissionStatus.APPROVED,
                      SubmissionStatus.REJECTED}

DEFAULTS = {
    # A campaign is checked for signs of automation when its size reaches this, then at every
    # doubling (the check is an aggregate over its members).
    "SUSPICION_MIN_SIZE": 8,
    "SAME_ADDRESS_MEMBERS": 5,  # members sent from one IP address (hashed)
    "SAME_SECOND_MEMBERS": 5,  # members received within one second
}


def setting(name):
    return getattr(settings, "CAMPAIGNS", {}).get(name, DEFAULTS[name])


# --- comment texts ------------------------------------------------------------------------


def _answer_order(answer):
    # Issue numbers are the same in every translation; general comments come last.
    issue = answer["issue__number"]
    return (issue is None, issue or 0, answer["question__sort_order"] or 0, answer["pk"])


def comment_texts(submission_ids):
    """{submission id: its answers joined in paper order}: the text that is clustered."""
    answers = {}
    rows = Answer.objects.filter(submission_id__in=list(submission_ids)).values(
        "pk", "submission_id", "text", "issue__number", "question__sort_order"
    )
    for row in rows:
        answers.setdefault(row["submission_id"], []).append(row)
    return {
        pk: "\n\n".join(a["text"] for a in sorted(answers.get(pk, []), key=_answer_order))
        for pk in submission_ids
    }


def comment_text(submission_id):
    return comment_texts([submission_id])[submission_id]


# --- incremental ----------------------------------------------------------------------------


class _Retry(Exception):
    """A campaign we read was merged away by a concurrent worker before we locked it."""


def cluster_submission(submission_id):
    """Place one submission (join a campaign or start one); return its membership, or None
    when the submission is not (or no longer) a confirmed comment. Idempotent: an already
    placed submission with unchanged text is left alone; a changed text is placed again."""
    submission = (
        Submission.objects.select_related("consultation").filter(pk=submission_id).first()
    )
    membership = CampaignMembership.objects.filter(submission_id=submission_id).first()
    if submission is None or submission.status not in CLUSTERED_STATUSES:
        if membership is not None:
            with transaction.atomic():
                _leave(membership)
        return None
    sig = signature(comment_text(submission.pk))
    if membership is not None and membership.exact_key == sig.exact_key:
        return membership
    for _attempt in range(5):
        try:
            with transaction.atomic():
                if membership is not None:
                    _leave(membership)
                    membership = None
                return _place(submission, sig)
        except _Retry:
            continue
        except IntegrityError:
            # The same submission's task ran twice at once and the other one placed it.
            return CampaignMembership.objects.get(submission_id=submission_id)
    raise RuntimeError(f"could not place submission {submission_id}: campaigns kept changing")


def _locked(campaign_ids):
    return list(
        Campaign.objects.select_for_update().filter(pk__in=campaign_ids).order_by("pk")
    )


def _place(submission, sig):
    key = submission.consultation.translation_key
    # Claim the buckets nobody leads yet (IncrementalClusterer: bucket_leader.setdefault).
    SignatureBand.objects.bulk_create(
        [SignatureBand(consultation_key=key, band_key=band, submission=submission)
         for band in sorted(sig.band_keys())],
        ignore_conflicts=True,
    )
    copies = CampaignMembership.objects.in_consultation(key).filter(exact_key=sig.exact_key)
    first_copy = copies.order_by("pk").first()
    if first_copy is not None:  # a copy of a text already seen: join its group
        (campaign,) = _locked([first_copy.campaign_id]) or _retry()
        return _join_copy(campaign, submission, sig)

    leaders = SignatureBand.objects.filter(
        consultation_key=key, band_key__in=sig.band_keys()
    ).exclude(submission=submission).values("submission_id")
    leader_campaigns = CampaignMembership.objects.filter(submission_id__in=leaders)
    campaign_ids = set(leader_campaigns.values_list("campaign_id", flat=True))
    campaigns = _locked(campaign_ids)
    if {c.pk for c in campaigns} != campaign_ids:
        _retry()
    rep_signatures = _representative_signatures(campaigns)
    scored = [(sig.similarity(rep_signatures[c.pk]), c) for c in campaigns]
    matches = sorted(
        ((score, c) for score, c in scored if is_same_campaign(score)),
        key=lambda pair: (-pair[0], pair[1].pk),
    )
    if not matches:
        campaign = Campaign.objects.create(
            consultation=submission.consultation, consultation_key=key,
            representative=submission, size=0,
        )
        return _add_member(campaign, submission, sig.exact_key, 100, representative=True)

    score, root = matches[0]
    membership = _add_member(root, submission, sig.exact_key, score)
    merged = False
    for _score, other in matches[1:]:
        # Two campaigns that one comment joins merge by the batch path's rule (their
        # representatives close enough to each other); a moderator's split is never undone.
        if root.split_at or other.split_at:
            continue
        if can_merge_clusters(rep_signatures[root.pk].similarity(rep_signatures[other.pk])):
            root, loser = sorted((root, other), key=lambda c: c.pk)
            rep_signatures[root.pk] = _merge(root, loser, rep_signatures)
            merged = True
    if merged:
        _refresh_similarities(root, rep_signatures[root.pk])
        membership.refresh_from_db()
    return membership


def _retry():
    raise _Retry


# exact_key -> Signature. A signature is a function of the normalised text alone, which the
# exact key names, so entries never go stale; it spares a hot campaign's every join from
# re-reading and re-sketching the same representative.
_signature_cache = OrderedDict()
_SIGNATURE_CACHE_SIZE = 10_000


def _signature_of(membership):
    sig = _signature_cache.get(membership.exact_key)
    if sig is None:
        sig = signature(comment_text(membership.submission_id))
        _signature_cache[membership.exact_key] = sig
        if len(_signature_cache) > _SIGNATURE_CACHE_SIZE:
            _signature_cache.popitem(last=False)
    return sig


def _representative_signatures(campaigns):
    representatives = CampaignMembership.objects.filter(
        campaign__in=campaigns, is_representative=True
    )
    return {m.campaign_id: _signature_of(m) for m in representatives}


def _add_member(campaign, submission, exact_key, similarity, representative=False):
    membership = CampaignMembership.objects.create(
        submission=submission, campaign=campaign, exact_key=exact_key,
        similarity=similarity, is_representative=representative,
    )
    campaign.size += 1
    if representative:
        campaign.representative = submission
    campaign.save(update_fields=["size", "representative", "updated_at"])
    size = campaign.size
    # The check aggregates over all members: run it at the minimum size and every doubling.
    if size >= setting("SUSPICION_MIN_SIZE") and not size & (size - 1):
        flag_if_suspicious(campaign)
    return membership


def _group_rank(campaign, exact_key):
    """(-copies, first membership pk) of a text within a campaign: lower is a better
    representative (IncrementalClusterer._better: most copied, earliest on ties)."""
    group = campaign.memberships.filter(exact_key=exact_key).aggregate(
        copies=Count("pk"), first=Min("pk")
    )
    return (-group["copies"], group["first"])


def _join_copy(campaign, submission, sig):
    representative = campaign.memberships.get(is_representative=True)
    similarity = 100 if representative.exact_key == sig.exact_key else None
    if similarity is None:
        similarity = sig.similarity(_signature_of(representative))
    membership = _add_member(campaign, submission, sig.exact_key, similarity)
    if representative.exact_key != sig.exact_key and (
        _group_rank(campaign, sig.exact_key) < _group_rank(campaign, representative.exact_key)
    ):
        _set_representative(campaign, sig.exact_key)
        membership.refresh_from_db()
    return membership


def _set_representative(campaign, exact_key):
    first = campaign.memberships.filter(exact_key=exact_key).order_by("pk").first()
    campaign.memberships.filter(is_representative=True).update(is_representative=False)
    campaign.memberships.filter(pk=first.pk).update(is_representative=True)
    campaign.representative_id = first.submission_id
    campaign.save(update_fields=["representative", "updated_at"])
    _refresh_similarities(campaign, _signature_of(first))


def _merge(root, loser, rep_signatures):
    """Move the loser's members into root; return the signature of root's representative."""
    root_rep = root.memberships.get(is_representative=True)
    loser_rep = loser.memberships.get(is_representative=True)
    loser.memberships.update(campaign=root)
    root.size += loser.size
    root.suspected_computer_generated |= loser.suspected_computer_generated
    root.suspicion_reason = root.suspicion_reason or loser.suspicion_reason
    root.save(update_fields=["size", "suspected_computer_generated", "suspicion_reason",
                             "updated_at"])
    loser.delete()
    if _group_rank(root, loser_rep.exact_key) < _group_rank(root, root_rep.exact_key):
        root.memberships.filter(pk=root_rep.pk).update(is_representative=False)
        root.representative_id = loser_rep.submission_id
        root.save(update_fields=["representative", "updated_at"])
        return rep_signatures[loser.pk]
    root.memberships.filter(pk=loser_rep.pk).update(is_representative=False)
    return rep_signatures[root.pk]


def _refresh_similarities(campaign, rep_signature):
    """Recompute every member's similarity to a new representative, once per distinct text."""
    firsts = dict(
        campaign.memberships.values("exact_key").annotate(first=Min("submission_id"))
        .values_list("exact_key", "first")
    )
    texts = comment_texts(list(firsts.values()))
    for exact_key, first in firsts.items():
        campaign.memberships.filter(exact_key=exact_key).update(
            similarity=rep_signature.similarity(signature(texts[first]))
        )


def _leave(membership):
    """Take a submission out of its campaign (withdrawn, or its text changed)."""
    campaign = _locked([membership.campaign_id])[0]
    SignatureBand.objects.filter(submission_id=membership.submission_id).delete()
    membership.delete()
    campaign.size -= 1
    if campaign.size == 0:
        campaign.delete()
        return
    campaign.save(update_fields=["size", "updated_at"])
    if membership.is_representative:
        _elect_representative(campaign)


def _elect_representative(campaign):
    best = (
        campaign.memberships.values("exact_key")
        .annotate(copies=Count("pk"), first=Min("pk"))
        .order_by("-copies", "first")
        .first()
    )
    _set_representative(campaign, best["exact_key"])


def split(campaign, submission_ids, moderator, separately=False):
    """A moderator's split: move the chosen members out into a new campaign (or each into a
    campaign of its own). Both sides are marked as split so that clustering never merges them
    back. Returns the new campaigns."""
    with transaction.atomic():
        campaign = _locked([campaign.pk])[0]
        moving = list(campaign.memberships.filter(submission_id__in=submission_ids))
        if not moving or len(moving) == campaign.size:
            raise ValueError("choose some members, but not all of them")
        groups = [[m] for m in moving] if separately else [moving]
        now = timezone.now()
        created = []
        for group in groups:
            new = Campaign.objects.create(
                consultation=campaign.consultation, consultation_key=campaign.consultation_key,
                size=len(group), split_at=now, split_by=moderator,
            )
            CampaignMembership.objects.filter(pk__in=[m.pk for m in group]).update(
                campaign=new, is_representative=False
            )
            _elect_representative(new)
            created.append(new)
        campaign.size -= len(moving)
        campaign.split_at, campaign.split_by = now, moderator
        campaign.save(update_fields=["size", "split_at", "split_by", "updated_at"])
        if not campaign.memberships.filter(is_representative=True).exists():
            _elect_representative(campaign)
    return created


def flag_if_suspicious(campaign):
    """Flag a campaign that looks computer-generated: many members sent from one address or
    received within one second."""
    if campaign.suspected_computer_generated:
        return
    submissions = Submission.objects.filter(campaign_membership__campaign=campaign)
    same_address = (
        submissions.exclude(ip_hash="").values("ip_hash").annotate(n=Count("pk"))
        .aggregate(most=Max("n"))["most"]
    )
    # Aggregating over an aggregate needs a subquery on some databases: take the top row.
    same_second = (
        submissions.annotate(second=TruncSecond("created_at")).values("second")
        .annotate(n=Count("pk")).order_by("-n").values_list("n", flat=True).first()
    )
    reason = ""
    if (same_address or 0) >= setting("SAME_ADDRESS_MEMBERS"):
        reason = gettext("%(count)d members sent from one address") % {"count": same_address}
    elif (same_second or 0) >= setting("SAME_SECOND_MEMBERS"):
        reason = gettext("%(count)d members received within one second") % {
            "count": same_second}
    if reason:
        campaign.suspected_computer_generated = True
        campaign.suspicion_reason = reason[:200]
        campaign.save(update_fields=["suspected_computer_generated", "suspicion_reason"])


# --- batch ------------------------------------------------------------------------------------


def arrival_order(submissions):
    """The order clustering sees submissions in: when they were confirmed (imports: created)."""
    return submissions.annotate(arrived=Coalesce("confirmed_at", "created_at")).order_by(
        "arrived", "pk"
    )


@dataclass
class ReclusterResult:
    submissions: int
    campaigns: int
    unique: int


def recluster(consultation, threshold=THRESHOLD):
    """Recompute a consultation's campaigns from scratch with the batch nlp.dedup.cluster."""
    key = consultation.translation_key
    submissions = arrival_order(
        Submission.objects.filter(consultation__translation_key=key, status__in=CLUSTERED_STATUSES)
    )
    pages = dict(submissions.values_list("pk", "consultation_id"))
    ids = list(submissions.values_list("pk", flat=True))
    texts = comment_texts(ids)
    assignments = cluster(((pk, texts[pk]) for pk in ids), threshold)
    signatures = {pk: signature(texts[pk]) for pk in ids}
    with transaction.atomic():
        Campaign.objects.filter(consultation_key=key).delete()
        SignatureBand.objects.filter(consultation_key=key).delete()
        members = {}
        for assignment in assignments:
            members.setdefault(assignment.cluster, []).append(assignment)
        campaigns = Campaign.objects.bulk_create(
            Campaign(
                consultation_id=pages[int(name)], consultation_key=key, size=len(group),
                representative_id=next(a.id for a in group if a.representative),
            )
            for name, group in members.items()
        )
        campaign_of = {name: c for name, c in zip(members, campaigns, strict=True)}
        CampaignMembership.objects.bulk_create(
            CampaignMembership(
                submission_id=a.id, campaign=campaign_of[a.cluster],
                exact_key=signatures[a.id].exact_key, similarity=a.similarity,
                is_representative=a.representative,
            )
            for a in assignments
        )
        leaders = {}
        for pk in ids:
            for band in signatures[pk].band_keys():
                leaders.setdefault(band, pk)
        SignatureBand.objects.bulk_create(
            SignatureBand(consultation_key=key, band_key=band, submission_id=pk)
            for band, pk in leaders.items()
        )
        for campaign in campaigns:
            if campaign.size >= setting("SUSPICION_MIN_SIZE"):
                flag_if_suspicious(campaign)
    unique = sum(1 for c in campaigns if c.size == 1)
    return ReclusterResult(len(ids), len(campaigns) - unique, unique)
