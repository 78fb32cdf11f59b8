"""Fixtures for the intake endpoint: the demo consultation, a fresh cache and snapshot, and a
builder of valid JSON submissions with their signed form tokens."""

import io
import json

import pytest
from django.core.cache import cache
from inbox_factories import URL, build_submission

from consultations import demo
from consultations.inbox import snapshot
from consultations.models import ConsultationPage


@pytest.fixture(autouse=True)
def fresh_state(settings):
    """Rate-limit counters and consultation snapshots start empty; forms may be sent at once."""
    settings.CONSULTATIONS = {"MIN_FILL_SECONDS": 0}
    cache.clear()
    snapshot.clear()
    yield
    cache.clear()
    snapshot.clear()


@pytest.fixture
def ai_page(site_root):
    demo.load(io.StringIO(), only={"ai-and-ip"})
    return ConsultationPage.objects.get(slug="ai-and-ip", locale__language_code="en")


@pytest.fixture
def submission():
    """A builder of valid submission bodies (a fresh token each); keywords override fields."""
    return build_submission


@pytest.fixture
def post_json(client, django_capture_on_commit_callbacks):
    """POST a body as JSON, running what was scheduled after commit (the e-mail task)."""

    def send(body, url=URL, **headers):
        content = body if isinstance(body, (str, bytes)) else json.dumps(body)
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, content, content_type="application/json", **headers)

    return send
