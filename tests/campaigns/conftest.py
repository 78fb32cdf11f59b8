"""Fixtures for the campaigns tests: the demo consultation and staff users."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from consultations import demo
from consultations.models import ConsultationPage
from home.roles import EDITORS, MODERATORS


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    """Rate-limit counters live in the cache; forms may be sent at once."""
    settings.CONSULTATIONS = {"MIN_FILL_SECONDS": 0}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def ai_page(site_root):
    demo.load(io.StringIO())
    return ConsultationPage.objects.get(slug="ai-and-ip", locale__language_code="en")


@pytest.fixture
def ai_page_zh(ai_page):
    return ConsultationPage.objects.get(slug="ai-and-ip", locale__language_code="zh-hans")


def make_staff(django_user_model, username, group_name=None):
    user = django_user_model.objects.create_user(username, f"{username}@staff.invalid", "pw-1!x")
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def moderator(db, django_user_model):
    return make_staff(django_user_model, "moderator", MODERATORS)


@pytest.fixture
def editor(db, django_user_model):
    return make_staff(django_user_model, "editor", EDITORS)
