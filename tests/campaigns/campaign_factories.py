"""Helpers for the campaigns tests: submissions made through the consultations app's own
intake, and a small generated docket of form-letter campaigns with known truth."""

import itertools
import random

from consultations import intake
from consultations.models import SubmissionStatus

_keys = itertools.count()


def add_submission(page, text, *, name="Ada Commenter", consent="named", status=None,
                   email=None, ip_hash=""):
    """A confirmed submission whose general comment is ``text`` (no clustering is run)."""
    number = next(_keys)
    submission, _created = intake.record_submission(
        page,
        {"name": name, "email": email or f"person{number}@example.org", "organisation": "",
         "capacity": "personal", "stakeholder_type": "individual", "country": "KE",
         "language": "en", "consent": consent},
        [(None, None, text)],
        idempotency_key=f"test-{number}",
        status=status or SubmissionStatus.PENDING,
        ip_hash=ip_hash,
    )
    return submission


# --- a small generated docket with known truth ------------------------------------------------

SALUTATIONS = ["Dear Secretariat,", "To whom it may concern:", "Hello,", "Dear colleagues,", ""]
SIGNOFFS = ["Sincerely,", "Best regards,", "Thank you,", "Respectfully,", ""]
SYNONYMS = {"must": "should", "inventor": "creator", "protect": "safeguard",
            "works": "creations", "clear": "plain", "rules": "provisions"}
PERSONAL = [
    "I am a patent attorney in Nairobi.", "As a novelist this matters to me.",
    "I teach computer science at a small college.", "My start-up trains translation models.",
    "I have filed three patents myself.",
]
TEMPLATES = [
    ["Only a natural person must be named as the inventor of a patent.",
     "An AI system cannot hold rights or sign a declaration.",
     "The Secretariat should keep the current rules and say so clearly in the paper."],
    ["Training data must be licensed when it includes protected works.",
     "Authors deserve to know when their works were used to train a model.",
     "A clear opt-out register would protect creators without stopping research."],
    ["Copyright should not protect output generated without human creativity.",
     "Granting rights to machine output would flood registries with claims.",
     "The public domain must stay open for works that no person created."],
    ["Developing countries need capacity building before any new AI rules.",
     "IP offices should share examination tools and training openly.",
     "Technical assistance must come before harmonised obligations on patents."],
]
UNIQUE = [
    "The inventive step test already copes with AI tools; the skilled person simply uses them.",
    "I disagree with the paper on deepfakes: personality rights are a matter for national law.",
    "Data is not property; protecting datasets would harm open science in Africa.",
    "Design law needs no change because AI-generated designs still need a human applicant.",
    "The paper should consider how IP offices themselves use AI to classify applications.",
    "Trade secrets are the real protection for models and nobody has proposed changing them.",
    "Patent offices must publish the prompts used when AI drafted a claim set.",
    "A sui generis right for AI outputs would be a mistake and should be dropped.",
    "Only a human can be an author; the paper should state that plainly for copyright.",
    "Capacity building is welcome but should focus on examiners rather than legislation.",
]


def mail_merge_copy(rng, template):
    """A campaign copy with the variations form letters carry."""
    sentences = [
        " ".join(SYNONYMS.get(w, w) if rng.random() < 0.3 else w for w in s.split())
        for s in template
    ]
    if rng.random() < 0.3:
        rng.shuffle(sentences)
    if rng.random() < 0.5:
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(PERSONAL))
    name = rng.choice(["Wei Chen", "Mary Okafor", "Luis Silva", "Ingrid Novak"])
    return "\n".join(filter(None, [rng.choice(SALUTATIONS), " ".join(sentences),
                                   rng.choice(SIGNOFFS), name]))


def generated_docket(seed=7, copies=(12, 8, 5, 3)):
    """[(text, truth label)] shuffled: campaigns of the given sizes plus unique comments."""
    rng = random.Random(seed)
    items = [(mail_merge_copy(rng, template), f"campaign-{i}")
             for i, (template, n) in enumerate(zip(TEMPLATES, copies, strict=True))
             for _ in range(n)]
    items += [(text, f"unique-{i}") for i, text in enumerate(UNIQUE)]
    rng.shuffle(items)
    return items
