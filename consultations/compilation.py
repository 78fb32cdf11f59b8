"""The consolidated compilation: every published comment of a consultation (all translations),
grouped by issue and question, with counts by stakeholder type and region and their charts.
The HTML page and every download (PDF, DOCX, XLSX, CSV) are made from this one structure."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from .campaigns.publication import collapse_campaigns
from .charts import bar_chart_svg
from .countries import REGIONS, country_name, region_label
from .models import Answer, Issue, Question, StakeholderType, Submission


@dataclass
class PublishedComment:
    submission: Submission
    text: str
    campaign: object = None  # a CampaignEntry when this is a campaign's published copy

    @property
    def author(self):
        return self.submission.display_name()

    @property
    def organisation(self):
        return self.submission.display_organisation()

    @property
    def country(self):
        return country_name(self.submission.country)


@dataclass
class QuestionSection:
    question: Question
    comments: list = field(default_factory=list)


@dataclass
class IssueSection:
    issue: Issue
    questions: list
    comments_on_issue: list = field(default_factory=list)
    submission_count: int = 0


@dataclass
class Compilation:
    consultation: object
    issues: list
    general_comments: list
    submission_count: int
    by_issue: list
    by_stakeholder: list
    by_region: list

    def charts(self):
        """(title, SVG) for each chart."""
        return [
            (title, bar_chart_svg(title, rows)) for title, rows in (
                (_("Comments per issue"), self.by_issue),
                (_("Comments per stakeholder type"), self.by_stakeholder),
                (_("Comments per region"), self.by_region),
            )
        ]

    def rows(self):
        """One flat row per published comment, for the spreadsheet and CSV downloads."""
        for section in self.issues:
            for question_section in section.questions:
                for comment in question_section.comments:
                    yield _row(comment, section.issue, question_section.question)
            for comment in section.comments_on_issue:
                yield _row(comment, section.issue, None)
        for comment in self.general_comments:
            yield _row(comment, None, None)


ROW_HEADERS = [
    "reference", "date", "author", "organisation", "country", "region", "stakeholder_type",
    "language", "issue", "question", "text",
]


def _row(comment, issue, question):
    submission = comment.submission
    return [
        submission.reference,
        submission.created_at.date().isoformat(),
        str(comment.author),
        comment.organisation,
        comment.country,
        str(region_label(submission.region)),
        submission.get_stakeholder_type_display(),
        submission.language,
        issue.number if issue else "",
        question.number if question else "",
        comment.text,
    ]


def breakdowns(submissions):
    """(by stakeholder type, by region) as lists of (label, count) for ``submissions``."""
    stakeholder_counts = Counter(s.stakeholder_type for s in submissions)
    region_counts = Counter(s.region for s in submissions)
    return (
        [(str(label), stakeholder_counts[value]) for value, label in StakeholderType.choices],
        [(str(label), region_counts[key]) for key, label in REGIONS.items()],
    )


def published_answers(consultation):
    """Published answers of every translation, with what the compilation shows prefetched."""
    submissions = consultation.submissions_of_all_translations().published()
    return (
        Answer.objects.filter(submission__in=submissions)
        .select_related("submission", "issue", "question")
        .prefetch_related(Prefetch("redactions"))
        .order_by("submission__created_at", "pk")
    )


def build_compilation(consultation):
    """The compilation in ``consultation``'s language (titles from this translation)."""
    issues = list(consultation.issues_with_questions())
    sections = {
        issue.number: IssueSection(
            issue, [QuestionSection(q) for q in issue.questions.all()]
        )
        for issue in issues
    }
    # A campaign is shown once, as one copy with its exact count; counts include every member.
    collapse = collapse_campaigns(consultation)
    general, submitters_by_issue, submissions = [], {}, {}
    for answer in published_answers(consultation):
        comment = PublishedComment(
            answer.submission,
            answer.public_text(),
            collapse.by_representative.get(answer.submission_id),
        )
        submissions[answer.submission_id] = answer.submission
        shown = answer.submission_id not in collapse.hidden
        section = sections.get(answer.issue.number) if answer.issue else None
        if section is None:
            if shown:
                general.append(comment)
            continue
        submitters_by_issue.setdefault(answer.issue.number, set()).add(answer.submission_id)
        if not shown:
            continue
        if answer.question is None:
            section.comments_on_issue.append(comment)
            continue
        for question_section in section.questions:
            if question_section.question.number == answer.question.number:
                question_section.comments.append(comment)
                break
    for number, section in sections.items():
        section.submission_count = len(submitters_by_issue.get(number, ()))
    by_stakeholder, by_region = breakdowns(submissions.values())
    return Compilation(
        consultation=consultation,
        issues=list(sections.values()),
        general_comments=general,
        submission_count=len(submissions),
        by_issue=[(str(s.issue.label()), s.submission_count) for s in sections.values()],
        by_stakeholder=by_stakeholder,
        by_region=by_region,
    )
