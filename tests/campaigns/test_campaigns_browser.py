"""A moderator finds a form-letter campaign in the Wagtail admin, reads a member's redline,
rejects the whole campaign with a reason and splits a member out, in a real browser."""

from pathlib import Path

import pytest
from campaign_factories import add_submission
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from consultations.campaigns.clustering import cluster_submission
from consultations.models import AuditLogEntry, Submission, SubmissionStatus
from home.roles import MODERATORS

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
LETTER = ("Only a natural person can be named as the inventor. An AI system cannot hold "
          "rights. Keep the current rules and say so in the paper.")


def test_moderator_rejects_and_splits_a_campaign(page, ai_page, django_user_model,
                                                  staff_login):
    for n, extra in enumerate(["", " I am a patent attorney in Nairobi.", " Thanks!"]):
        submission = add_submission(ai_page, "Dear Secretariat,\n" + LETTER + extra,
                                    name=f"Signer {n}")
        cluster_submission(submission.pk)
    moderator = django_user_model.objects.create_user("mod", "mod@staff.invalid", "pw-1!x-long")
    moderator.groups.add(Group.objects.get(name=MODERATORS))

    staff_login("mod", "pw-1!x-long")
    page.get_by_role("link", name="Campaigns").first.click()
    page.get_by_role("link", name="3 comments").click()
    expect(page.get_by_role("heading", name="Representative text")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#members-heading").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "campaign-detail.png"))
    expect(page.locator("ins", has_text="Nairobi")).to_be_visible()

    page.get_by_label("Decision").select_option("rejected")
    page.get_by_label("Reason").fill("Signatures added without consent")
    page.get_by_role("button", name="Apply to every member").click()
    expect(page.get_by_text("3 submissions changed.")).to_be_visible()
    assert set(Submission.objects.values_list("status", flat=True)) == {
        SubmissionStatus.REJECTED}
    assert AuditLogEntry.objects.filter(action="rejected", actor=moderator).count() == 3

    nairobi = Submission.objects.get(name="Signer 1")
    page.get_by_label(f"Move {nairobi.reference} out").check()
    page.get_by_label("Make each a comment of its own").check()
    page.get_by_role("button", name="Split the chosen members out").click()
    expect(page.get_by_text("1 members moved out.")).to_be_visible()
    assert nairobi.campaign_membership.campaign.size == 1
