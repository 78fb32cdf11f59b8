"""Fixtures shared by the whole suite: the site tree and a real browser (Debian's chromium)."""

import os
import shutil

import pytest
from django.core.management import call_command


@pytest.fixture
def site_root(db):
    """Locales, the English and Chinese home pages and the Site, as `make setup` makes them."""
    from home.management.commands.load_initial_data import Command

    command = Command()
    home = command.ensure_home_pages()
    command.ensure_site(home)
    return home


@pytest.fixture
def cache_table(db):
    call_command("createcachetable", verbosity=0)


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium_path():
    path = shutil.which("chromium")
    if path is None:
        message = "Debian's chromium is not installed (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(message + " and REQUIRE_BROWSER=1")
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls that tests make
    # between browser steps are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Django keeps the post-migration snapshot (used by serialized rollback) on the connection
    object, but connections are context-local: once Playwright's event loop runs, this thread
    sees other connection objects without it. Keep it on the connection class instead."""
    from django.db import connections

    for alias in connections:
        connection = connections[alias]
        if hasattr(connection, "_test_serialized_contents"):
            type(connection)._test_serialized_contents = connection._test_serialized_contents


def pytest_collection_modifyitems(items):
    """Every test that flushes the database (transactional or live server) also restores the
    migrated snapshot: a flush followed by post_migrate would otherwise leave content types and
    groups that a later restore collides with."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        flushes = {"transactional_db", "live_server"} & set(item.fixturenames) or (
            marker is not None and marker.kwargs.get("transaction")
        )
        if flushes and "django_db_serialized_rollback" not in item.fixturenames:
            item.fixturenames.append("django_db_serialized_rollback")


@pytest.fixture
def page(browser, transactional_db, django_db_serialized_rollback, live_server):
    """A fresh browser tab; relative URLs resolve against pytest-django's live server.
    Live-server tests flush the database afterwards; the serialized rollback restores what the
    migrations created (staff groups and their permissions, locales, the page tree)."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture
def staff_login(page):
    """Sign a user in through the Wagtail admin login form in the browser."""

    def login(username, password):
        page.goto("/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/admin/")

    return login
