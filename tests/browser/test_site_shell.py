"""The site shell as a visitor meets it, in a real browser."""

import pytest

pytestmark = pytest.mark.browser


def test_home_page_renders_with_landmarks(page, site_root, cache_table):
    page.goto("/")
    assert page.locator("h1").inner_text() == "Concord"
    assert page.locator("main#main").count() == 1
    assert page.get_by_role("navigation", name="Main").is_visible()
    # The skip link is the first focusable element and leads to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"


def test_switching_language_changes_the_interface(page, site_root, cache_table):
    page.goto("/")
    assert page.get_by_role("link", name="Consultations").first.is_visible()
    page.get_by_role("button", name="中文").click()
    page.wait_for_url("**/zh-hans/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert page.locator("h1").inner_text() == "Concord 知识库"
    assert page.get_by_role("link", name="征求意见").first.is_visible()
    page.get_by_role("button", name="English").click()
    page.wait_for_url(lambda url: "/zh-hans/" not in url)
    assert page.locator("html").get_attribute("lang") == "en"


def test_admin_signs_in(page, site_root, django_user_model, staff_login):
    django_user_model.objects.create_superuser("editor-in-chief", "e@example.org", "s3cret-pass!")
    staff_login("editor-in-chief", "s3cret-pass!")
    assert "Dashboard" in page.title() or page.locator("h1").count() >= 1
    assert page.url.endswith("/admin/")
