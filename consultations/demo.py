"""Demo data for this app, loaded by `manage.py load_initial_data`: every consultation in
fixtures/consultations/ as an English page and its Chinese translation. Safe to run again."""

import json
from datetime import date, datetime, timedelta

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page

from home.models import HomePage

from .models import (
    ConsultationIndexPage,
    ConsultationKind,
    ConsultationPage,
    Issue,
    IssueKind,
    PaperVersion,
    Question,
)

FIXTURES_DIR = settings.BASE_DIR / "fixtures" / "consultations"
CHINESE = "zh-hans"
INDEX_TITLES = {"en": "Consultations", CHINESE: "征求意见"}
INDEX_INTROS = {
    "en": "Comment on issue papers and draft laws in your own language. No account is needed.",
    CHINESE: "用您自己的语言就议题文件和法律草案发表意见，无需注册账户。",
}
# A consultation whose period is over is reopened for the demo, so that visitors can comment.
DEMO_OPEN_BEFORE = timedelta(days=14)
DEMO_OPEN_AFTER = timedelta(days=60)
SCHEDULE_NOTES = {
    "en": "Originally open from {opens} to {closes}; the dates were moved so that the demo "
          "accepts comments.",
    CHINESE: "原征求意见期为 {opens} 至 {closes}；为演示目的已调整日期，以便接受意见。",
}
# The revised paper of the model case, in our own words.
PAPER_VERSIONS = {
    "ai-and-ip": [
        {
            "published_on": date(2020, 5, 21),
            "en": {
                "label": "Revised Issues Paper (WIPO/IP/AI/2/GE/20/1 REV)",
                "what_changed": "The revised paper has 16 issues instead of 13: deep fakes, "
                                "general policy issues and a separate issue on the "
                                "infringement of data-related rights were added, and the "
                                "questions on inventorship, authorship and data were reworded.",
                "how_comments_were_used": "More than 250 comments were received and published. "
                                          "They led to the new issues and to clearer wording; "
                                          "the revised paper was discussed at the second "
                                          "session of the Conversation.",
            },
            CHINESE: {
                "label": "议题文件修订稿（WIPO/IP/AI/2/GE/20/1 REV）",
                "what_changed": "修订稿共有16个议题（原为13个）：新增深度伪造、一般政策问题以及"
                                "与数据相关权利侵权的单独议题，并重新表述了关于发明权、作者身份和"
                                "数据的问题。",
                "how_comments_were_used": "共收到并公布了250多份意见。这些意见促成了新议题和更清晰"
                                          "的表述；修订稿在对话会第二届会议上进行了讨论。",
            },
        }
    ]
}


def load(stdout, only=None):
    """Create what is missing; ``only`` limits the load to the consultations with these slugs."""
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    chinese = Locale.objects.get(language_code=CHINESE)
    index = ensure_index(english, chinese)
    for path in sorted(FIXTURES_DIR.glob("*.json")):
        fixture = json.loads(path.read_text(encoding="utf-8"))
        if only is not None and fixture["slug"] not in only:
            continue
        if ConsultationPage.objects.filter(slug=fixture["slug"], locale=english).exists():
            stdout.write(f"Consultation {fixture['slug']} exists; kept.")
            continue
        page = create_consultation(index, fixture)
        translate_consultation(page, fixture, chinese)
        stdout.write(f"Consultation {fixture['slug']} created in English and Chinese.")


def ensure_index(english, chinese):
    home = HomePage.objects.get(locale=english)
    index = ConsultationIndexPage.objects.filter(locale=english).first()
    if index is None:
        index = home.add_child(instance=ConsultationIndexPage(
            title=INDEX_TITLES["en"], slug="consultations", intro=INDEX_INTROS["en"],
        ))
        index.save_revision().publish()
    if not index.has_translation(chinese):
        translation = index.copy_for_translation(chinese)
        translation.title = INDEX_TITLES[CHINESE]
        translation.intro = INDEX_INTROS[CHINESE]
        translation.save_revision().publish()
    return index


def comment_period(fixture, language):
    """(opens, closes, note): the fixture's period, or one around today if it is over."""
    opens = datetime.fromisoformat(fixture["opens"])
    closes = datetime.fromisoformat(fixture["closes"])
    if closes > timezone.now():
        return opens, closes, ""
    now = timezone.now().replace(second=0, microsecond=0)
    note = SCHEDULE_NOTES[language].format(
        opens=opens.strftime("%Y-%m-%d %H:%M %z"), closes=closes.strftime("%Y-%m-%d %H:%M %z")
    )
    return now - DEMO_OPEN_BEFORE, now + DEMO_OPEN_AFTER, note


def issue_rows(fixture, language):
    """The fixture's issues (or a draft law's articles) as Issue field values with questions."""
    content = fixture["translations"][language]
    if fixture["kind"] == ConsultationKind.DRAFT_LAW:
        return [
            {"kind": IssueKind.ARTICLE, "number": int(article["number"]), "area": "",
             "title": article["heading"], "background": article["text"], "questions": []}
            for article in content["articles"]
        ]
    areas = {area["key"]: area["name"] for area in content.get("areas", [])}
    return [
        {"kind": IssueKind.ISSUE, "number": int(issue["number"]),
         "area": areas.get(issue["area"], ""), "title": issue["title"],
         "background": issue.get("background", ""), "questions": issue.get("questions", [])}
        for issue in content["issues"]
    ]


def page_fields(fixture, language):
    content = fixture["translations"][language]
    opens, closes, note = comment_period(fixture, language)
    options = fixture.get("publication_options", ["named", "anonymous", "not_published"])
    return {
        "title": content["title"],
        "introduction": content.get("introduction", ""),
        "privacy_notice": content.get("privacy_notice", ""),
        "opens_at": opens,
        "closes_at": closes,
        "schedule_note": note,
        "offers_named": "named" in options,
        "offers_anonymous": "anonymous" in options,
        "offers_not_published": "not_published" in options,
    }


def create_consultation(index, fixture):
    draft_law = Page.objects.filter(slug=fixture.get("law") or "", locale=index.locale).first()
    page = ConsultationPage(
        slug=fixture["slug"], reference=fixture.get("reference", ""), kind=fixture["kind"],
        draft_law=draft_law, **page_fields(fixture, "en"),
    )
    # sort_order as the admin's inline panels would set it: the paper's order.
    for position, row in enumerate(issue_rows(fixture, "en")):
        questions = row.pop("questions")
        issue = Issue(sort_order=position, **row)
        issue.questions = [
            Question(sort_order=index, number=q["number"], text=q["text"])
            for index, q in enumerate(questions)
        ]
        page.issues.add(issue)
    for version in PAPER_VERSIONS.get(fixture["slug"], []):
        page.paper_versions.add(
            PaperVersion(published_on=version["published_on"], **version["en"])
        )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate_consultation(page, fixture, locale):
    """The Chinese translation: Wagtail's copy (same translation_key, issues copied), then the
    Chinese texts filled in issue by issue and question by question."""
    language = locale.language_code
    if language not in fixture["translations"] or page.has_translation(locale):
        return
    translation = page.copy_for_translation(locale)
    for field, value in page_fields(fixture, language).items():
        setattr(translation, field, value)
    # Assigning the lists keeps the edited children in memory, where the revision reads them.
    rows = {row["number"]: row for row in issue_rows(fixture, language)}
    issues = list(translation.issues.all())
    for issue in issues:
        row = rows.get(issue.number, {})
        for field in ("area", "title", "background"):
            setattr(issue, field, row.get(field, getattr(issue, field)))
        texts = {q["number"]: q["text"] for q in row.get("questions", [])}
        questions = list(issue.questions.all())
        for question in questions:
            question.text = texts.get(question.number, question.text)
        issue.questions = questions
    translation.issues = issues
    versions = PAPER_VERSIONS.get(fixture["slug"], [])
    paper_versions = list(translation.paper_versions.all())
    for paper_version, version in zip(paper_versions, versions, strict=False):
        for field, value in version[language].items():
            setattr(paper_version, field, value)
    translation.paper_versions = paper_versions
    translation.save_revision().publish()
