"""What the intake endpoint needs to know about a consultation, cached in the process for a few
seconds so that a crowd of submissions does not read the page, its issues and its questions on
every request."""

import time
from dataclasses import dataclass

from consultations.models import ConsultationPage

# A deadline or a question changed in the admin reaches every process within this many seconds;
# a submission accepted in that window is still recorded (the answers' issues are re-read then).
TTL_SECONDS = 10
# Unknown slugs are cached too (as None); a flood of made-up slugs only empties the cache.
MAX_ENTRIES = 1000


@dataclass(frozen=True)
class ConsultationSnapshot:
    pk: int
    path: str  # the page's URL path, for the links in the confirmation e-mail
    opens_at: object
    closes_at: object
    comments_published: bool
    consents: frozenset
    # {(issue number, question number or None)}: what an answer may refer to
    answerable: frozenset

    def is_open(self, now):
        # As ConsultationPage.status(): a period must be set, and published means closed.
        return (not self.comments_published and self.opens_at is not None
                and self.closes_at is not None and self.opens_at <= now < self.closes_at)


# {(slug, language): (expires at, snapshot or None)}; plain dict operations are atomic under
# the GIL, and two threads loading the same snapshot at once is harmless.
_cache: dict = {}


def load(slug, language):
    page = (ConsultationPage.objects.live()
            .filter(slug=slug, locale__language_code=language).first())
    if page is None:
        return None
    answerable = set()
    for issue in page.issues_with_questions():
        answerable.add((issue.number, None))
        answerable.update((issue.number, question.number) for question in issue.questions.all())
    return ConsultationSnapshot(
        pk=page.pk, path=page.url or "", opens_at=page.opens_at, closes_at=page.closes_at,
        comments_published=page.comments_published,
        consents=frozenset(value for value, _label in page.publication_choices()),
        answerable=frozenset(answerable),
    )


def consultation_snapshot(slug, language):
    """The live consultation ``slug`` in ``language``, or None; at most TTL_SECONDS old."""
    now = time.monotonic()
    entry = _cache.get((slug, language))
    if entry is None or entry[0] < now:
        if len(_cache) >= MAX_ENTRIES:
            _cache.clear()
        _cache[(slug, language)] = entry = (now + TTL_SECONDS, load(slug, language))
    return entry[1]


def clear():
    """Forget every snapshot (tests, and after changing a consultation in the same process)."""
    _cache.clear()
