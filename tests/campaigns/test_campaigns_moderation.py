"""Moderators' campaign views in the Wagtail admin, publication of campaigns and statistics."""

import pytest
from campaign_factories import add_submission
from django.template.loader import render_to_string
from django.urls import reverse

from consultations.campaigns.clustering import cluster_submission
from consultations.campaigns.filters import CampaignFilters
from consultations.campaigns.models import Campaign, CampaignMembership
from consultations.campaigns.publication import (
    campaign_statistics,
    published_comments_with_campaigns,
)
from consultations.models import AuditLogEntry, Submission, SubmissionStatus

LETTER = ("Only a natural person can be named as the inventor. An AI system cannot hold "
          "rights. Keep the current rules and say so in the paper.")


@pytest.fixture
def campaign(ai_page):
    """A campaign of four: the letter twice, a variant with a <script>, a variant with a name."""
    texts = [
        LETTER,
        "Dear Secretariat,\n" + LETTER + "\nRegards",
        LETTER + " <script>alert('x')</script> I am a developer.",
        LETTER + " I write as a patent attorney in Nairobi.",
    ]
    consents = ["named", "named", "anonymous", "named"]
    for n, (text, consent) in enumerate(zip(texts, consents, strict=True)):
        submission = add_submission(ai_page, text, name=f"Signer {n} <b>", consent=consent,
                                    email=f"signer{n}@example.org")
        cluster_submission(submission.pk)
    cluster_submission(add_submission(ai_page, "A unique view on data protection.").pk)
    return Campaign.objects.campaigns().get()


def detail_url(campaign):
    return reverse("campaigns_admin:detail", args=[campaign.pk])


def test_list_shows_size_excerpt_and_consultation(client, moderator, campaign, ai_page):
    client.force_login(moderator)
    response = client.get(reverse("campaigns_admin:list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "4 comments" in html and ai_page.title in html
    assert "Only a natural person can be named" in html
    assert "A unique view" not in html  # unique comments are not campaigns
    assert f'href="{detail_url(campaign)}"' in html


def test_detail_shows_escaped_redlines_and_members(client, moderator, campaign):
    client.force_login(moderator)
    html = client.get(detail_url(campaign)).content.decode()
    assert "<ins>" in html and "Nairobi" in html
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "Signer 0 &lt;b&gt;" in html and "<b>" not in html.split("Members")[1]
    assert "signer0@example.org" not in html
    assert html.count('name="members"') == 3  # the representative cannot be moved out


@pytest.mark.parametrize("user_fixture", ["editor", None])
def test_views_and_actions_need_the_moderator_permissions(client, request, campaign,
                                                          user_fixture):
    if user_fixture:
        client.force_login(request.getfixturevalue(user_fixture))
    for url in (reverse("campaigns_admin:list"), detail_url(campaign)):
        response = client.get(url)
        assert response.status_code in (302, 403)
    members = list(campaign.memberships.values_list("submission_id", flat=True))
    response = client.post(detail_url(campaign), {"action": "split", "members": members[1:2]})
    assert response.status_code in (302, 403)
    response = client.post(detail_url(campaign), {"action": "decide", "decision": "approved"})
    assert response.status_code in (302, 403)
    assert Submission.objects.filter(status=SubmissionStatus.APPROVED).count() == 0
    assert Campaign.objects.campaigns().get().size == 4
    # Wagtail answers a denied staff user with a redirect to the dashboard, others to login.
    location = client.get(reverse("campaigns_admin:list"))["Location"]
    assert location == "/admin/" if user_fixture else location.startswith("/admin/login/")


def test_reject_all_needs_a_reason_and_logs_each_submission(client, moderator, campaign):
    client.force_login(moderator)
    response = client.post(detail_url(campaign), {"action": "decide", "decision": "rejected"})
    assert response.status_code == 400
    assert not Submission.objects.filter(status=SubmissionStatus.REJECTED).exists()
    response = client.post(detail_url(campaign), {
        "action": "decide", "decision": "rejected", "reason": "Computer-generated signatures",
    })
    assert response.status_code == 302
    members = Submission.objects.filter(campaign_membership__campaign=campaign)
    assert {s.status for s in members} == {SubmissionStatus.REJECTED}
    log = AuditLogEntry.objects.filter(action="rejected")
    assert log.count() == 4
    assert {e.reason for e in log} == {"Computer-generated signatures"}
    assert {e.actor for e in log} == {moderator}
    unique = Submission.objects.exclude(campaign_membership__campaign=campaign).get()
    assert unique.status == SubmissionStatus.PENDING


def test_approve_all(client, moderator, campaign):
    client.force_login(moderator)
    client.post(detail_url(campaign), {"action": "decide", "decision": "approved"})
    assert Submission.objects.filter(status=SubmissionStatus.APPROVED).count() == 4


def test_split_into_a_new_campaign_and_into_singletons(client, moderator, campaign):
    client.force_login(moderator)
    movable = list(campaign.memberships.filter(is_representative=False)
                   .order_by("pk").values_list("submission_id", flat=True))
    response = client.post(detail_url(campaign), {"action": "split", "members": movable[1:]})
    assert response.status_code == 302
    new = Campaign.objects.exclude(pk=campaign.pk).get(size=2)
    assert response["Location"] == detail_url(new)
    campaign.refresh_from_db()
    assert campaign.size == 2 and campaign.split_at and campaign.split_by == moderator
    assert new.memberships.filter(is_representative=True).count() == 1
    assert set(new.memberships.values_list("submission_id", flat=True)) == set(movable[1:])

    response = client.post(detail_url(new), {"action": "split", "members": movable[2:],
                                             "separately": "on"})
    assert response.status_code == 302
    assert Campaign.objects.filter(size=1).count() == 3  # the unique one and two split out
    assert CampaignMembership.objects.filter(is_representative=True).count() == 4


def test_split_refuses_to_move_every_member(client, moderator, campaign):
    client.force_login(moderator)
    members = list(campaign.memberships.values_list("submission_id", flat=True))
    response = client.post(detail_url(campaign), {"action": "split", "members": members})
    assert response.status_code == 400
    assert Campaign.objects.campaigns().get().size == 4


def test_a_split_campaign_is_not_merged_back(client, moderator, campaign, ai_page):
    client.force_login(moderator)
    movable = list(campaign.memberships.filter(is_representative=False)
                   .values_list("submission_id", flat=True))
    client.post(detail_url(campaign), {"action": "split", "members": movable})
    cluster_submission(add_submission(ai_page, LETTER + " One more copy.").pk)
    assert Campaign.objects.campaigns().count() == 2


def test_publication_shows_one_copy_with_count_and_consenting_names(campaign, ai_page):
    Submission.objects.update(status=SubmissionStatus.APPROVED)
    entries = published_comments_with_campaigns(ai_page)
    assert len(entries) == 2
    (block,) = [e for e in entries if e.campaign]
    assert block.campaign.count == 4
    assert block.submission.pk == campaign.representative_id
    assert [name for name, _org in block.campaign.signatories] == [
        "Signer 0 <b>", "Signer 1 <b>", "Signer 3 <b>"]
    html = render_to_string("campaigns/includes/campaign_block.html", {"entry": block.campaign})
    assert "4 identical or near-identical comments" in html
    assert "Signer 0 &lt;b&gt;" in html and "1 person who asked not to be named" in html
    assert "@example.org" not in html


def test_publication_counts_only_published_members(campaign, ai_page):
    members = Submission.objects.filter(campaign_membership__campaign=campaign).order_by("pk")
    Submission.objects.filter(pk__in=[m.pk for m in members[:3]]).update(
        status=SubmissionStatus.APPROVED)
    Submission.objects.filter(pk=members[0].pk).update(consent="not_published")
    (entry,) = published_comments_with_campaigns(ai_page)
    assert entry.campaign.count == 2
    assert entry.submission.pk != members[0].pk  # an unpublished representative is replaced


def test_statistics_count_unique_comments_and_campaigns_separately(campaign, ai_page):
    add_submission(ai_page, "Confirmed a moment ago, not clustered yet.")
    stats = campaign_statistics(ai_page)
    assert (stats.received, stats.unique_comments, stats.campaigns, stats.campaign_members,
            stats.largest_campaign, stats.not_yet_clustered) == (6, 1, 1, 4, 4, 1)
    html = render_to_string("campaigns/includes/campaign_statistics.html", {"stats": stats})
    assert "Unique comments" in html


def test_queue_filters(campaign):
    class Filters(CampaignFilters):
        class Meta:
            model = Submission
            fields = []

    assert Filters({"clustering": "campaign"}, Submission.objects.all()).qs.count() == 4
    assert Filters({"clustering": "unique"}, Submission.objects.all()).qs.count() == 1
    assert Filters({"campaign": campaign.pk}, Submission.objects.all()).qs.count() == 4


def test_menu_item_only_for_moderators(client, moderator, editor):
    client.force_login(editor)
    assert reverse("campaigns_admin:list") not in client.get("/admin/").content.decode()
    client.force_login(moderator)
    assert reverse("campaigns_admin:list") in client.get("/admin/").content.decode()
