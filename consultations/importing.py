"""Import of e-mailed submissions (DOCX, PDF, TXT): read the file, split it into answers per
issue and question with nlp.submissions, and record a pending submission. Shared by
`manage.py import_submission` and the admin upload view."""

import hashlib
from dataclasses import dataclass

from nlp.readers import read_document
from nlp.submissions import split_submission

from .intake import record_submission
from .models import PublicationConsent, SubmissionSource, SubmissionStatus

MAX_IMPORT_BYTES = 10 * 1024 * 1024


@dataclass
class ImportResult:
    parts: list  # [{"issue": N | None, "question": "i" | None, "text": ...}]
    language: str
    submission: object = None
    created: bool = False


def paper_in_language(consultation, language):
    """The consultation's translation in the document's language (the splitter matches question
    texts), falling back to the page given."""
    for translation in consultation.get_translations(inclusive=True):
        if translation.locale.language_code.split("-")[0] == language.split("-")[0]:
            return translation.specific
    return consultation


def issues_for_splitter(consultation):
    return [
        {"number": issue.number, "title": issue.title, "background": issue.background,
         "questions": [{"number": q.number, "text": q.text} for q in issue.questions.all()]}
        for issue in consultation.issues_with_questions()
    ]


def import_submission(consultation, data, filename, *, details=None, dry_run=False):
    """Split the file; unless ``dry_run``, store it as a pending submission. Raises
    nlp.errors.UnreadableInput for files that cannot be read. Importing the same file twice
    returns the first submission (the file's hash is the idempotency key)."""
    document = read_document(data, filename=filename, max_bytes=MAX_IMPORT_BYTES)
    language = "zh-hans" if document.lang.startswith("zh") else "en"
    paper = paper_in_language(consultation, language)
    parts = split_submission(document.text, issues_for_splitter(paper), lang=document.lang)
    result = ImportResult(parts=parts, language=language)
    if dry_run:
        return result
    issues = {issue.number: issue for issue in paper.issues_with_questions()}
    answers = []
    for part in parts:
        issue = issues.get(part["issue"]) if part["issue"] is not None else None
        question = None
        if issue is not None and part["question"]:
            question = next(
                (q for q in issue.questions.all() if q.number == part["question"]), None
            )
        answers.append((issue, question, part["text"]))
    fields = {
        "name": filename or "E-mailed submission", "email": "", "organisation": "",
        "stakeholder_type": "individual", "country": "", "language": language,
        # Nothing is published until a moderator records the sender's consent.
        "consent": PublicationConsent.NOT_PUBLISHED,
    } | {key: value for key, value in (details or {}).items() if value}
    digest = hashlib.sha256(paper.translation_key.bytes + data).hexdigest()
    result.submission, result.created = record_submission(
        paper, fields, answers, idempotency_key=f"import:{digest}",
        source=SubmissionSource.EMAIL_IMPORT, status=SubmissionStatus.PENDING,
    )
    return result
