"""The JSON intake endpoint: /api/v1/consultations/<slug>/submissions (write-ahead intake, see
docs/scaling.md). A POST is checked cheaply (schema, sizes, the signed form token, the deadline,
the issues and questions, rate limits), stored as received in one short transaction together
with the task that records it, and only then acknowledged (202). Recording it as a Submission
with its answers, and the confirmation e-mail, happen in the task.

The request path is kept lean on purpose: no Wagtail page routing (the consultation comes from
a per-process snapshot), no session, no form rendering; 3 queries for a new submission, plus
what the cache backend of the rate limits costs.

CSRF: these endpoints read no cookie and no session (the form token in the body is the
credential), so a cross-site request gains nothing a direct one would not; django-ninja leaves
them CSRF-exempt, which is correct here.
"""

import functools
import json
import random
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from config import overload
from consultations import antiabuse
from consultations.api import in_language
from consultations.countries import COUNTRY_CHOICES
from consultations.forms import MAX_ANSWER_CHARS, MAX_TOTAL_CHARS
from consultations.models import Capacity, PublicationConsent, StakeholderType, keyed_hash

from .models import InboxSubmission
from .snapshot import consultation_snapshot
from .tasks import record_inbox_submission

router = Router(tags=["submissions"])

# 200,000 characters of Chinese are 600 KB of UTF-8 (more if \u-escaped); the body is refused
# above this before it is read.
MAX_BODY_BYTES = 2 * 1024 * 1024
MAX_ANSWERS = 200
CHOICES = {
    "capacity": frozenset(Capacity.values),
    "stakeholder_type": frozenset(StakeholderType.values),
    "country": frozenset(code for code, _name in COUNTRY_CHOICES),
    "language": frozenset(code for code, _name in settings.LANGUAGES),
    "consent": frozenset(PublicationConsent.values),
}


# Plain pydantic models for the body: ninja's Schema adds a Django-object getter to every
# attribute access, a noticeable share of this endpoint's CPU.
class AnswerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    issue: int | None = Field(None, description="The issue's number; null for a general comment.")
    question: str | None = Field(None, max_length=8,
                                 description="The question's number (i, ii…); null for a "
                                             "comment on the issue as a whole.")
    text: str = Field(min_length=1)


class SubmissionIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200)
    email: str = Field(min_length=3, max_length=254)
    organisation: str = Field("", max_length=300)
    capacity: str
    stakeholder_type: str
    country: str
    language: str
    consent: str
    answers: list[AnswerIn] = Field(min_length=1, max_length=MAX_ANSWERS)
    idempotency_key: str = Field(max_length=100)
    form_token: str = Field(max_length=500)

    @field_validator("email")
    @classmethod
    def valid_email(cls, value):
        try:
            validate_email(value)
        except DjangoValidationError:
            raise ValueError("not a valid e-mail address") from None
        return value

    @field_validator("capacity", "stakeholder_type", "country", "language", "consent")
    @classmethod
    def one_of_the_choices(cls, value, info):
        allowed = CHOICES[info.field_name]
        if value not in allowed:
            raise ValueError(f"must be one of: {', '.join(sorted(allowed))}")
        return value


class Acknowledgement(Schema):
    reference: str
    status: str = Field(description="received, recorded or rejected")
    status_url: str


class Status(Schema):
    reference: str
    status: str = Field(description="received, recorded or rejected")
    received_at: str
    processed_at: str | None
    submission_reference: str | None = Field(
        description="The submission's public reference (C-…) once recorded."
    )
    error: str = Field(description="Why it was rejected, if it was.")


class FormTokenOut(Schema):
    form_token: str
    idempotency_key: str
    min_fill_seconds: int


class Problem(Schema):
    error: str = Field(description="A stable code, e.g. invalid, closed, rate_limited.")
    message: str = Field(description="A sentence for people, in the request's language.")
    fields: list[dict] = Field(default_factory=list)


def problem(status, code, message, *, fields=(), retry_after=None):
    response = JsonResponse({"error": code, "message": message, "fields": list(fields)},
                            status=status)
    response["Cache-Control"] = "no-store"
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


def api_view(view):
    """Messages in the language the client asks for (LocaleMiddleware would say English: the
    API has no language prefix). A database that is down or out of connections is temporary:
    503 + Retry-After, never a 500; nothing was acknowledged, and a retry with the same key
    cannot store twice."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        with translation.override(translation.get_language_from_request(request)):
            try:
                return view(request, *args, **kwargs)
            except overload.UNAVAILABLE as error:
                overload.logger.warning("Database unavailable, answering 503: %s", error)
                base = overload.setting("RETRY_AFTER_SECONDS")
                return problem(503, "unavailable", _("The service is busy. Nothing was saved; "
                                                     "please send it again in a moment."),
                               retry_after=random.randint(base, 2 * base))

    return wrapper


def acknowledgement(request, slug, row, status):
    response = JsonResponse({
        "reference": row.reference,
        "status": row.state,
        "status_url": request.build_absolute_uri(
            reverse("api:inbox_status", kwargs={"slug": slug, "reference": row.reference})
        ),
    }, status=status)
    response["Cache-Control"] = "no-store"
    return response


def content_problem(data, snapshot):
    """What is wrong with a schema-valid submission for this consultation, as a Problem
    response, or None."""
    if data.consent not in snapshot.consents:
        return problem(400, "invalid", _("This consultation does not offer that publication "
                                         "choice."), fields=[{"field": "consent"}])
    if data.capacity == Capacity.ORGANISATION and not data.organisation:
        return problem(400, "invalid", _("Name the organisation you comment for."),
                       fields=[{"field": "organisation"}])
    seen = set()
    for position, answer in enumerate(data.answers):
        target = (answer.issue, answer.question)
        if answer.issue is None and answer.question is not None or (
            answer.issue is not None and target not in snapshot.answerable
        ):
            return problem(400, "unknown_question", _("Answer %(position)d refers to an issue or "
                                                      "question this consultation does not "
                                                      "have.") % {"position": position + 1},
                           fields=[{"field": f"answers.{position}"}])
        if target in seen:
            return problem(400, "invalid", _("Answer %(position)d repeats an earlier answer's "
                                             "issue and question.") % {"position": position + 1},
                           fields=[{"field": f"answers.{position}"}])
        seen.add(target)
    return None


@router.post("/{slug}/submissions", url_name="inbox_submit",
             response={200: Acknowledgement, 202: Acknowledgement, 400: Problem, 403: Problem,
                       404: Problem, 413: Problem, 429: Problem, 503: Problem})
@api_view
def submit(request, slug: str, lang: str = "en"):
    """Submit comments as JSON: ``name``, ``email``, ``organisation``, ``capacity``,
    ``stakeholder_type``, ``country``, ``language``, ``consent``, ``answers`` (a list of
    ``{issue, question, text}``; issue null for a general comment, question null for the issue
    as a whole), and ``form_token`` with its ``idempotency_key`` from
    ``GET …/form-token``. 202 once stored: the submission is recorded and the confirmation
    e-mail sent shortly after. Sending the same token again returns the same reference (200)."""
    # Content-Length first, so that an oversized body is refused before it is read.
    if (int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES
            or len(request.body) > MAX_BODY_BYTES):
        return problem(413, "too_large", _("The submission is too large."))
    try:
        data = SubmissionIn.model_validate(json.loads(request.body))
    except (ValueError, TypeError) as error:  # bad JSON, or ValidationError (a ValueError)
        fields = [{"field": ".".join(map(str, e["loc"])), "problem": e["msg"]}
                  for e in error.errors()] if isinstance(error, ValidationError) else []
        return problem(400, "invalid", _("The submission is not valid JSON of the expected "
                                         "form."), fields=fields)
    texts = [answer.text for answer in data.answers]
    if max(map(len, texts)) > MAX_ANSWER_CHARS or sum(map(len, texts)) > MAX_TOTAL_CHARS:
        return problem(413, "too_long", _(
            "Your comments are too long (at most %(answer)d characters per answer and "
            "%(total)d in all); please attach a file on the web form instead."
        ) % {"answer": MAX_ANSWER_CHARS, "total": MAX_TOTAL_CHARS})
    token = antiabuse.read_form_token(data.form_token)
    if token is None or token.key != data.idempotency_key:
        return problem(400, "token", _("The form token has expired or does not match the key. "
                                       "Get a new one and send the submission again."))
    snapshot = consultation_snapshot(slug, in_language(lang))
    if snapshot is None:
        return problem(404, "not_found", _("There is no such consultation."))

    existing = InboxSubmission.objects.filter(idempotency_key=token.key).first()
    if existing is not None and existing.consultation_id == snapshot.pk:
        return acknowledgement(request, slug, existing, 200)  # a retry: the same reference
    if not snapshot.is_open(timezone.now()):
        return problem(403, "closed", _("This consultation is not open for comments."))
    if token.filled_too_fast():
        return problem(400, "too_fast", _("The form was sent too quickly. Please check it and "
                                          "send it again."))
    if (wrong := content_problem(data, snapshot)) is not None:
        return wrong

    ip_address = antiabuse.client_ip(request)
    try:
        # The web form's scopes: one quota per address and per e-mail across both paths.
        antiabuse.check_rate_limit("submit-ip", ip_address, "RATE_LIMIT_IP")
        antiabuse.check_rate_limit("submit-email", data.email.lower(), "RATE_LIMIT_EMAIL")
    except antiabuse.RateLimited as limited:
        return problem(429, "rate_limited", _("Too many submissions from you; please try again "
                                              "later."), retry_after=limited.retry_after)

    page_url = request.build_absolute_uri(snapshot.path)
    row, created = InboxSubmission.objects.accept(
        consultation_id=snapshot.pk, idempotency_key=token.key,
        payload=data.model_dump(exclude={"form_token", "idempotency_key"}),
        ip_hash=keyed_hash(ip_address, "ip"),
        on_accepted=lambda row: record_inbox_submission.enqueue(row.reference, page_url),
    )
    return acknowledgement(request, slug, row, 202 if created else 200)


@router.get("/{slug}/submissions/{reference}", url_name="inbox_status",
            response={200: Status, 404: Problem, 503: Problem})
@api_view
def submission_status(request, slug: str, reference: str):
    """Where a submission is: received, recorded (with its public reference) or rejected. No
    personal data: the reference is random and the answer names nobody."""
    try:
        key = uuid.UUID(reference)
    except ValueError:
        key = None
    row = key and (InboxSubmission.objects.select_related("submission")
                   .filter(pk=key, consultation__slug=slug).first())
    if not row:
        return problem(404, "not_found", _("There is no such submission."))
    response = JsonResponse({
        "reference": row.reference,
        "status": row.state,
        "received_at": row.received_at.isoformat(),
        "processed_at": row.processed_at.isoformat() if row.processed_at else None,
        "submission_reference": row.submission.reference if row.submission else None,
        "error": row.error,
    })
    response["Cache-Control"] = "no-store"
    return response


@router.get("/{slug}/form-token", url_name="inbox_form_token",
            response={200: FormTokenOut, 403: Problem, 404: Problem, 503: Problem})
@api_view
def form_token(request, slug: str, lang: str = "en"):
    """A signed form token for one submission; send it (and its key) no sooner than
    ``min_fill_seconds`` later."""
    snapshot = consultation_snapshot(slug, in_language(lang))
    if snapshot is None:
        return problem(404, "not_found", _("There is no such consultation."))
    if not snapshot.is_open(timezone.now()):
        return problem(403, "closed", _("This consultation is not open for comments."))
    value = antiabuse.new_form_token()
    response = JsonResponse({
        "form_token": value,
        "idempotency_key": antiabuse.read_form_token(value).key,
        "min_fill_seconds": antiabuse.setting("MIN_FILL_SECONDS"),
    })
    response["Cache-Control"] = "no-store"
    return response
