"""The project shell: pages answer, errors are styled, roles exist, settings refuse bad config."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from django.urls import path

from home.roles import ADVISERS, EDITORS, MODERATORS

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def shell(site_root, cache_table):
    return site_root


def test_home_page_shows_live_counts_in_english(client, shell):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "What Concord holds" in html
    labels = [item["label"] for item in response.context["counts"]]
    assert len(labels) == 4


def test_home_page_in_chinese(client, shell):
    response = client.get("/zh-hans/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-hans">' in html
    assert "Concord 收录内容" in html
    assert "征求意见" in html


@pytest.mark.parametrize(
    "url", ["/admin/login/", "/search/?q=x", "/search/", "/zh-hans/search/?q=专利"]
)
def test_entry_points_answer(client, shell, url):
    assert client.get(url).status_code == 200


def test_unknown_url_gets_styled_404(client, shell):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert "concord.css" in response.content.decode()


def broken_view(request):
    raise RuntimeError("secret internal detail")


urlpatterns = [path("boom/", broken_view)]


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_server_error_is_styled_without_traceback(client, db):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html
    assert "secret internal detail" not in html
    assert "Traceback" not in html


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_settings_refuse_to_start_without(missing):
    env = {**os.environ, "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "concord.example.org"}
    env.pop(missing)
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_roles_exist_and_may_use_the_admin(db):
    for name in (ADVISERS, MODERATORS, EDITORS):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()


def test_postgres_contrib_app_follows_the_database():
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    assert ("django.contrib.postgres" in settings.INSTALLED_APPS) == on_postgres


def test_site_source_root_does_not_shadow_the_standard_library():
    import site

    assert hasattr(site, "getsitepackages"), "the stdlib site module must stay importable"
    import config.settings.base as base

    assert base.SITE_DIR.name == "site"


def test_home_pages_exist_once_after_repeated_setup(shell, tmp_path, settings):
    from home.management.commands.load_initial_data import Command
    from home.models import HomePage

    command = Command()
    command.ensure_site(command.ensure_home_pages())
    assert HomePage.objects.count() == 2
    assert sorted(HomePage.objects.values_list("locale__language_code", flat=True)) == [
        "en", "zh-hans"
    ]


def test_demo_admin_credentials_are_printed_and_stable(db, settings, tmp_path, capsys):
    from io import StringIO

    settings.VAR_DIR = tmp_path
    first, second = StringIO(), StringIO()
    call_command("load_initial_data", stdout=first)
    call_command("load_initial_data", stdout=second)
    password = (tmp_path / "demo-admin-password.txt").read_text().strip()
    assert f"password '{password}'" in first.getvalue()
    assert f"password '{password}'" in second.getvalue()


def test_permission_denied_is_styled(client, shell, django_user_model):
    """A signed-in user without the adviser role meets the styled 403 page."""
    user = django_user_model.objects.create_user("reader", "r@example.org", "pw-123456789")
    client.force_login(user)
    response = client.get("/check/")
    assert response.status_code == 403
    assert "Access denied" in response.content.decode()


@pytest.mark.parametrize(
    "redis_url, backend",
    [("", "django.core.cache.backends.db.DatabaseCache"),
     ("redis://127.0.0.1:6379/0", "django.core.cache.backends.redis.RedisCache")],
)
def test_cache_backend_follows_redis_url(redis_url, backend):
    env = {**os.environ, "REDIS_URL": redis_url, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c",
         "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"],
        cwd=REPO, env=env, capture_output=True, text=True,
    )
    assert result.stdout.strip().splitlines()[-1] == backend


def test_home_counts_a_translated_consultation_once(client, shell):
    from consultations import demo
    from consultations.models import ConsultationPage

    demo.load(io.StringIO())
    open_pages = ConsultationPage.objects.live().open_for_comments()
    english = open_pages.filter(locale__language_code="en").count()
    assert english >= 1 and open_pages.count() == 2 * english  # each one has a translation
    counts = {str(item["label"]): item["count"] for item in client.get("/").context["counts"]}
    assert counts["Open consultations"] == english
