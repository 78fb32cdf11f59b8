"""Consultations in the read-only open-data API: /api/v1/consultations/… Published comments
only, never an e-mail address (the schemas below have no such field)."""

import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from .countries import country_name, region_of
from .models import ConsultationPage, Submission

router = Router(tags=["consultations"])
LANGUAGES = {"en": "en", "zh": "zh-hans", "zh-hans": "zh-hans"}


class QuestionOut(Schema):
    number: str
    text: str


class IssueOut(Schema):
    number: int
    kind: str
    area: str
    title: str
    questions: list[QuestionOut]


class ConsultationSummary(Schema):
    slug: str
    language: str
    title: str
    reference: str
    kind: str
    status: str
    opens_at: datetime.datetime | None
    closes_at: datetime.datetime | None
    url: str


class ConsultationOut(ConsultationSummary):
    introduction: str
    privacy_notice: str
    issues: list[IssueOut]


class AnswerOut(Schema):
    issue: int | None
    question: str | None
    text: str


class CommentOut(Schema):
    reference: str
    date: datetime.date
    author: str = Field(description="The name, or “Anonymous”, as the commenter consented.")
    organisation: str
    country: str | None
    region: str | None
    stakeholder_type: str
    language: str
    answers: list[AnswerOut]


def in_language(lang):
    return LANGUAGES.get((lang or "en").lower(), "en")


def summary(page):
    return {
        "slug": page.slug, "language": page.locale.language_code, "title": page.title,
        "reference": page.reference, "kind": page.kind, "status": page.status().value,
        "opens_at": page.opens_at, "closes_at": page.closes_at, "url": page.full_url or page.url,
    }


def consultation_or_404(slug, lang):
    return get_object_or_404(
        ConsultationPage.objects.live(), slug=slug, locale__language_code=in_language(lang)
    )


@router.get("/", response=list[ConsultationSummary])
def list_consultations(request, lang: str = "en"):
    """Every published consultation, in English (``lang=en``) or Chinese (``lang=zh``)."""
    pages = ConsultationPage.objects.live().filter(locale__language_code=in_language(lang))
    return [summary(page) for page in pages.order_by("-closes_at")]


@router.get("/{slug}/", response=ConsultationOut)
def consultation_detail(request, slug: str, lang: str = "en"):
    """One consultation with its issues (or a draft law's articles) and their questions."""
    page = consultation_or_404(slug, lang)
    return {
        **summary(page),
        "introduction": page.introduction,
        "privacy_notice": page.privacy_notice,
        "issues": [
            {"number": issue.number, "kind": issue.kind, "area": issue.area,
             "title": issue.title,
             "questions": [{"number": q.number, "text": q.text} for q in issue.questions.all()]}
            for issue in page.issues_with_questions()
        ],
    }


@router.get("/{slug}/comments/", response=list[CommentOut])
@paginate(PageNumberPagination, page_size=100)
def consultation_comments(request, slug: str, lang: str = "en"):
    """Published comments of every language version: approved, with publication consent."""
    page = consultation_or_404(slug, lang)
    submissions = (
        page.submissions_of_all_translations().published()
        .prefetch_related("answers__issue", "answers__question", "answers__redactions")
        .order_by("created_at", "pk")
    )
    return [comment(submission) for submission in submissions]


def comment(submission: Submission):
    return {
        "reference": submission.reference,
        "date": submission.created_at.date(),
        "author": str(submission.display_name()),
        "organisation": submission.display_organisation(),
        "country": country_name(submission.country, "en") if submission.country else None,
        "region": region_of(submission.country),
        "stakeholder_type": submission.stakeholder_type,
        "language": submission.language,
        "answers": [
            {"issue": a.issue.number if a.issue else None,
             "question": a.question.number if a.question else None,
             "text": a.public_text()}
            for a in submission.answers.all()
        ],
    }
