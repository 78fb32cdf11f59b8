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
    """Keep the database snapshot that Django takes after migrating. It lives on the connection
    object, and Django's connections are context-local: once Playwright's event loop runs, this
    thread sees another connection object without it."""
    from django.db import connections

    MIGRATED_SNAPSHOTS.update(
        (alias, connections[alias]._test_serialized_contents)
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    )


MIGRATED_SNAPSHOTS = {}


@pytest.fixture
def migrated_snapshot(browser, django_db_setup):
    """Put the post-migration snapshot on the connections this (browser) test will use."""
    from django.db import connections

    for alias, snapshot in MIGRATED_SNAPSHOTS.items():
        connections[alias]._test_serialized_contents = snapshot


@pytest.fixture
def page(browser, migrated_snapshot, transactional_db, django_db_serialized_rollback, live_server):
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
