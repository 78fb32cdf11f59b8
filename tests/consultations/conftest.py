"""Fixtures for the consultations tests: the demo consultations, a moderator, filled forms."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from consultations import demo
from consultations.antiabuse import new_form_token
from consultations.intake import record_submission
from consultations.models import ConsultationPage, PublicationConsent, SubmissionStatus
from home.roles import EDITORS, MODERATORS


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def instant_forms(settings):
    settings.CONSULTATIONS = {"MIN_FILL_SECONDS": 0}


@pytest.fixture
def consultations(site_root):
    """The AI & IP consultation in English and Chinese (the draft-law one only where needed)."""
    demo.load(io.StringIO(), only={"ai-and-ip"})


@pytest.fixture
def ai_page(consultations):
    return ConsultationPage.objects.get(slug="ai-and-ip", locale__language_code="en")


@pytest.fixture
def ai_page_zh(consultations):
    return ConsultationPage.objects.get(slug="ai-and-ip", locale__language_code="zh-hans")


def make_staff(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(
        username, f"{username}@staff.invalid", "pw-123456!"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def moderator(db, django_user_model):
    return make_staff(django_user_model, "moderator", MODERATORS)


@pytest.fixture
def editor(db, django_user_model):
    return make_staff(django_user_model, "editor", EDITORS)


def build_form_data(**overrides):
    data = {
        "name": "Ada Commenter",
        "email": "ada@example.org",
        "organisation": "",
        "capacity": "personal",
        "stakeholder_type": "academia",
        "country": "KE",
        "language": "en",
        "consent": "named",
        "answer_1_i": "A human should be named as the inventor.",
        "answer_3": "Inventive step needs no special rule.",
        "general_comment": "Thank you for the consultation.",
        "form_token": new_form_token(),
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def form_data():
    """A builder of valid submission form data; keyword arguments override fields."""
    return build_form_data


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """client.post, running what the view scheduled for after its commit (the e-mail)."""

    def send(url, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return send


@pytest.fixture
def submit(post):
    """POST the submission form of a page; returns the response."""

    def send(page, **overrides):
        return post(page.subpage_url("submit"), build_form_data(**overrides))

    return send


COMMENTER_EMAIL = "never-publish-me@example.org"


def create_submission(page, *, consent=PublicationConsent.NAMED,
                      status=SubmissionStatus.APPROVED, key="k1", name="Wang Fang",
                      country="CN", stakeholder="academia", language="en", answers=None):
    issues = {issue.number: issue for issue in page.issues.all()}
    issue_1 = issues[1]
    answers = answers or [
        (issue_1, issue_1.questions.get(number="i"), f"{name}: a natural person is the inventor."),
        (issues[2], None, f"{name} on issue 2 as a whole."),
        (None, None, f"{name}'s general remark."),
    ]
    submission, _created = record_submission(
        page,
        {"name": name, "email": COMMENTER_EMAIL, "organisation": "Tsinghua Lab", "capacity":
         "organisation", "stakeholder_type": stakeholder, "country": country,
         "language": language, "consent": consent},
        answers, idempotency_key=key, status=status,
    )
    return submission


@pytest.fixture
def add_submission(db):
    """A builder of stored submissions (approved and named unless told otherwise)."""
    return create_submission


@pytest.fixture
def commenter_email():
    """The address create_submission gives every commenter: it must never be published."""
    return COMMENTER_EMAIL
