"""Who may check drafts and read reports: advisers only, each their own; shared links read-only."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from home.roles import MODERATORS
from lawdb.drafts.models import DraftCheck

pytestmark = pytest.mark.django_db


@pytest.fixture
def check_of(adviser):
    """A queued check (no checker run needed to test who may see it)."""

    def make(owner=adviser, title="Patents (Amendment) Bill"):
        return DraftCheck.objects.create(
            owner=owner, title=title, source_text="Section 1. Text.", language="en"
        )

    return make


def report_urls(check):
    return [
        reverse("drafts:report", args=[check.pk]),
        reverse("drafts:status", args=[check.pk]),
        reverse("drafts:export_pdf", args=[check.pk]),
        reverse("drafts:export_docx", args=[check.pk]),
    ]


@pytest.mark.parametrize("url_name", ["drafts:check_draft", "drafts:my_checks"])
def test_anonymous_visitors_are_sent_to_the_login_page(client, url_name):
    url = reverse(url_name)
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == f"{reverse('wagtailadmin_login')}?next={url}"


def test_anonymous_visitors_cannot_open_a_report(client, check_of):
    for url in report_urls(check_of()):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("wagtailadmin_login"))


def test_users_without_the_adviser_role_get_403_and_cannot_submit(client, make_user):
    client.force_login(make_user("moderator-mo", adviser=False))
    assert client.get(reverse("drafts:check_draft")).status_code == 403
    assert client.get(reverse("drafts:my_checks")).status_code == 403
    response = client.post(reverse("drafts:check_draft"), {"text": "Section 1. A draft."})
    assert response.status_code == 403
    assert not DraftCheck.objects.exists()


def test_an_adviser_cannot_see_another_advisers_report(client, make_user, check_of):
    theirs = check_of(owner=make_user("adviser-ben"))
    client.force_login(make_user("adviser-cai"))
    for url in report_urls(theirs):
        assert client.get(url).status_code == 404
    assert client.post(reverse("drafts:share", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.share_token is None
    assert theirs.title not in client.get(reverse("drafts:my_checks")).content.decode()


def test_the_owner_and_superusers_see_a_report(client, adviser, make_user, check_of):
    check = check_of()
    client.force_login(adviser)
    assert client.get(check.get_absolute_url()).status_code == 200
    assert check.title in client.get(reverse("drafts:my_checks")).content.decode()
    client.force_login(make_user("root", superuser=True))
    assert client.get(check.get_absolute_url()).status_code == 200


def test_visible_to_keeps_reports_private(adviser, make_user, check_of):
    mine, theirs = check_of(), check_of(owner=make_user("adviser-ben"))
    assert list(DraftCheck.objects.visible_to(adviser)) == [mine]
    root = make_user("root", superuser=True)
    assert set(DraftCheck.objects.visible_to(root)) == {mine, theirs}
    assert not DraftCheck.objects.visible_to(make_user("moderator-mo", adviser=False)).exists()


def test_reports_are_private_until_shared(adviser_client, check_of):
    check = check_of()
    assert check.share_token is None
    html = adviser_client.get(check.get_absolute_url()).content.decode()
    assert "Create a shared link" in html


def test_a_shared_link_is_read_only_and_works_without_signing_in(client, adviser, check_of):
    check = check_of()
    client.force_login(adviser)
    response = client.post(reverse("drafts:share", args=[check.pk]), {"action": "share"})
    assert response.status_code == 302
    check.refresh_from_db()
    assert len(check.share_token) >= 40
    shared_url = reverse("drafts:shared_report", args=[check.share_token])
    assert shared_url in client.get(check.get_absolute_url()).content.decode()

    client.logout()
    response = client.get(shared_url)
    assert response.status_code == 200
    assert response.headers["Referrer-Policy"] == "no-referrer"
    html = response.content.decode()
    assert check.title in html
    assert "read-only" in html
    assert reverse("drafts:share", args=[check.pk]) not in html
    assert (
        client.get(reverse("drafts:shared_status", args=[check.share_token])).json()["status"]
        == "queued"
    )
    # Read-only: a shared link accepts no changes.
    assert client.post(shared_url).status_code == 405


def test_a_revoked_or_replaced_link_stops_working(client, adviser, check_of):
    check = check_of()
    check.share()
    first = reverse("drafts:shared_report", args=[check.share_token])
    client.force_login(adviser)
    client.post(reverse("drafts:share", args=[check.pk]), {"action": "regenerate"})
    check.refresh_from_db()
    second = reverse("drafts:shared_report", args=[check.share_token])
    assert second != first
    client.post(reverse("drafts:share", args=[check.pk]), {"action": "revoke"})
    check.refresh_from_db()
    assert check.share_token is None
    client.logout()
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 404


def test_sharing_needs_a_post(adviser_client, check_of):
    check = check_of()
    assert adviser_client.get(reverse("drafts:share", args=[check.pk])).status_code == 405
    check.refresh_from_db()
    assert check.share_token is None


def test_the_form_is_in_chinese_under_zh_hans(adviser_client):
    response = adviser_client.get("/zh-hans/check/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-hans">' in html
    assert "草案检查" in html


def test_the_admin_menu_leads_advisers_to_their_drafts(client, adviser, make_user):
    client.force_login(adviser)
    assert reverse("drafts:check_draft") in client.get("/admin/").content.decode()
    moderator = make_user("moderator-mo", adviser=False)
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert reverse("drafts:check_draft") not in response.content.decode()
