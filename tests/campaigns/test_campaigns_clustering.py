"""Incremental clustering in the database: quality on a generated docket with known truth,
equality with the batch recomputation, the confirmation trigger and concurrency."""

import io
import itertools
import threading

import pytest
from campaign_factories import add_submission, generated_docket
from django.core.management import call_command
from django.db import connection

from consultations import intake, moderation
from consultations.campaigns.clustering import cluster_submission, recluster
from consultations.campaigns.models import Campaign, CampaignMembership, SignatureBand
from consultations.models import SubmissionStatus


def partition(memberships):
    """{submission id: (frozenset of its campaign's members, representative?, similarity)}."""
    members = {}
    for m in memberships:
        members.setdefault(m.campaign_id, set()).add(m.submission_id)
    return {
        m.submission_id: (frozenset(members[m.campaign_id]), m.is_representative, m.similarity)
        for m in memberships
    }


def pairwise_f1(predicted, truth):
    """Pairwise F1 of a clustering {item: label} against the truth {item: label}."""
    def pairs(labels):
        return {
            frozenset(pair)
            for pair in itertools.combinations(sorted(labels), 2)
            if labels[pair[0]] == labels[pair[1]]
        }

    found, true = pairs(predicted), pairs(truth)
    hits = len(found & true)
    if not hits:
        return 0.0
    precision, recall = hits / len(found), hits / len(true)
    return 2 * precision * recall / (precision + recall)


@pytest.fixture
def docket(ai_page):
    """The generated docket as confirmed submissions, each clustered as it arrives."""
    truth = {}
    for text, label in generated_docket():
        submission = add_submission(ai_page, text)
        truth[submission.pk] = label
        cluster_submission(submission.pk)
    return truth


def test_incremental_clustering_finds_the_campaigns_of_a_generated_docket(docket):
    predicted = {m.submission_id: m.campaign_id for m in CampaignMembership.objects.all()}
    assert predicted.keys() == docket.keys()
    assert pairwise_f1(predicted, docket) >= 0.95
    assert Campaign.objects.campaigns().count() == 4
    assert sorted(Campaign.objects.campaigns().values_list("size", flat=True)) == [3, 5, 8, 12]
    assert Campaign.objects.unique_comments().count() == 10
    for campaign in Campaign.objects.all():
        assert campaign.memberships.filter(is_representative=True).get().submission_id == (
            campaign.representative_id
        )
        assert campaign.size == campaign.memberships.count()


def test_recluster_command_gives_the_same_campaigns_as_incremental(docket, ai_page):
    incremental = partition(CampaignMembership.objects.all())
    bands = set(SignatureBand.objects.values_list("band_key", "submission_id"))
    call_command("recluster_campaigns", "--consultation", "ai-and-ip", stdout=io.StringIO())
    assert partition(CampaignMembership.objects.all()) == incremental
    assert set(SignatureBand.objects.values_list("band_key", "submission_id")) == bands
    # and after a recomputation, new submissions keep joining incrementally
    copy = add_submission(ai_page, generated_docket()[0][0] + " I agree.")
    assert cluster_submission(copy.pk).campaign.size > 1


def test_exact_copies_make_the_most_copied_text_the_representative(ai_page):
    base = "Only a natural person can be an inventor. AI systems cannot hold patents."
    variant = base + " I am an engineer and this matters to me a great deal."
    first = add_submission(ai_page, variant)
    cluster_submission(first.pk)
    for _ in range(2):
        cluster_submission(add_submission(ai_page, "Dear Sir,\n" + base + "\nRegards, Ann").pk)
    (campaign,) = Campaign.objects.all()
    assert campaign.size == 3
    representative = CampaignMembership.objects.get(is_representative=True)
    assert representative.submission_id == campaign.representative_id != first.pk
    assert representative.similarity == 100
    assert CampaignMembership.objects.get(submission=first).similarity < 100
    assert partition(CampaignMembership.objects.all()) == _after_recluster(ai_page)


def _after_recluster(page):
    recluster(page)
    return partition(CampaignMembership.objects.all())


def test_distinct_comments_on_one_topic_stay_apart(ai_page):
    texts = [
        "Only a natural person should be named as inventor; the paper gets this right.",
        "A natural person should not need to be named as inventor when AI did the work.",
        "The paper should ask whether a natural person or a company is the inventor.",
    ]
    for text in texts:
        cluster_submission(add_submission(ai_page, text).pk)
    assert Campaign.objects.campaigns().count() == 0
    assert Campaign.objects.unique_comments().count() == 3


def test_chinese_and_english_translations_are_one_clustering_scope(ai_page, ai_page_zh):
    text = "人工智能不能成为发明人。只有自然人才能被列为发明人，秘书处应当明确这一点。"
    a = cluster_submission(add_submission(ai_page_zh, text).pk)
    b = cluster_submission(add_submission(ai_page, "您好！\n" + text + "\n此致 敬礼").pk)
    assert a.campaign_id == b.campaign_id
    assert Campaign.objects.of_consultation(ai_page).get().size == 2


def test_unconfirmed_submissions_are_not_clustered_and_withdrawal_leaves(ai_page):
    pending = add_submission(ai_page, "Some text.", status=SubmissionStatus.PENDING_CONFIRMATION)
    assert cluster_submission(pending.pk) is None
    first = add_submission(ai_page, "AI cannot be an inventor. Keep the rules as they are.")
    second = add_submission(ai_page, "AI cannot be an inventor. Keep the rules as they are!")
    cluster_submission(first.pk)
    cluster_submission(second.pk)
    intake.withdraw(first)
    cluster_submission(first.pk)
    campaign = Campaign.objects.get()
    assert campaign.size == 1 and campaign.representative_id == second.pk
    assert CampaignMembership.objects.get().is_representative


def test_an_edited_text_moves_to_where_it_now_belongs(ai_page):
    letter = "AI cannot be an inventor. Keep the rules as they are. Say so in the paper."
    first = cluster_submission(add_submission(ai_page, letter).pk)
    edited = add_submission(ai_page, letter)
    cluster_submission(edited.pk)
    intake.replace_answers(edited, {}, [(None, None, "Something else entirely about data.")])
    moved = cluster_submission(edited.pk)
    assert moved.campaign_id != first.campaign_id
    assert Campaign.objects.get(pk=first.campaign_id).size == 1


def test_confirmation_enqueues_clustering_after_commit(ai_page, django_capture_on_commit_callbacks):
    letter = "AI cannot be an inventor. Keep the rules as they are. Say so in the paper."
    with django_capture_on_commit_callbacks(execute=True):
        submission = add_submission(ai_page, letter,
                                    status=SubmissionStatus.PENDING_CONFIRMATION)
    assert not CampaignMembership.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        intake.confirm(submission.reference, intake.confirmation_token(submission.reference))
    assert CampaignMembership.objects.get().submission_id == submission.pk
    # approving does not enqueue anything (the text did not change)
    with django_capture_on_commit_callbacks() as callbacks:
        moderation.decide([submission], SubmissionStatus.APPROVED, None)
    assert callbacks == []


def test_bursts_from_one_address_are_flagged(ai_page, settings):
    settings.CAMPAIGNS = {"SUSPICION_MIN_SIZE": 4, "SAME_ADDRESS_MEMBERS": 4}
    for n in range(4):
        cluster_submission(add_submission(
            ai_page, f"AI cannot be an inventor. Keep the rules as they are. Copy {n}.",
            ip_hash="same-address").pk)
    campaign = Campaign.objects.get()
    assert campaign.suspected_computer_generated
    assert "one address" in campaign.suspicion_reason


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_concurrent_workers_cluster_similar_texts_together(site_root):
    from consultations import demo
    from consultations.models import ConsultationPage

    demo.load(io.StringIO())
    page = ConsultationPage.objects.get(slug="ai-and-ip", locale__language_code="en")
    letter = "AI cannot be an inventor. Keep the rules as they are. Say so in the paper."
    submissions = [add_submission(page, f"{letter} Signed by person {n}.") for n in range(8)]
    barrier = threading.Barrier(len(submissions))
    errors = []

    def work(pk):
        try:
            barrier.wait()
            cluster_submission(pk)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(s.pk,)) for s in submissions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    (campaign,) = Campaign.objects.all()
    assert campaign.size == 8 == CampaignMembership.objects.count()
    assert CampaignMembership.objects.filter(is_representative=True).count() == 1
