"""Demo data for this app, loaded by `manage.py load_initial_data`: the PLT/STLT catalogue,
jurisdictions, laws (imported through the same pipeline as uploads) and judgments from
fixtures/demo/. Idempotent: what exists is kept, missing versions are imported."""

import datetime
import json
from pathlib import Path

from django.conf import settings
from wagtail.models import Locale

from home.models import HomePage
from nlp.segment import segment

from .importing import import_version
from .models import (
    JudgmentCitation,
    JudgmentIndexPage,
    JudgmentPage,
    Jurisdiction,
    LawIndexPage,
    LegalTextPage,
    TreatyMembership,
)
from .treaty_catalogue import load_treaty_catalogue

DEMO_DIR = settings.BASE_DIR / "fixtures" / "demo"
INDEX_TITLES = {
    "en": {"laws": "Laws", "judgments": "Judgments"},
    "zh-hans": {"laws": "法律法规", "judgments": "司法判决"},
}


def read_fixture(name):
    return json.loads((DEMO_DIR / name).read_text(encoding="utf-8"))


def as_date(value):
    return datetime.date.fromisoformat(value) if value else None


def load(stdout):
    stdout.write(f"Treaty catalogue: {load_treaty_catalogue()} provisions.")
    load_jurisdictions()
    law_parents, judgment_parents = ensure_index_pages()
    laws = load_laws(law_parents, stdout)
    load_judgments(judgment_parents, laws)
    stdout.write(
        f"lawdb: {Jurisdiction.objects.count()} jurisdictions, "
        f"{LegalTextPage.objects.count()} laws, {JudgmentPage.objects.count()} judgments."
    )


def load_jurisdictions():
    for raw in read_fixture("jurisdictions.json")["jurisdictions"]:
        jurisdiction, _created = Jurisdiction.objects.update_or_create(
            iso_code=raw["iso"],
            defaults={
                "name_en": raw["name_en"],
                "name_zh": raw["name_zh"],
                "region": raw["region"],
                "development_status": raw["development_status"],
            },
        )
        for order, membership in enumerate(raw["treaties"]):
            TreatyMembership.objects.update_or_create(
                jurisdiction=jurisdiction,
                treaty=membership["treaty"],
                defaults={"since": as_date(membership["since"]), "sort_order": order},
            )


def ensure_child(parent, model, slug, title):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = parent.add_child(instance=model(title=title, slug=slug))
    page.save_revision().publish()
    return page


def ensure_index_pages():
    """A law index and a judgment index under each locale's home page."""
    law_parents, judgment_parents = {}, {}
    for code, titles in INDEX_TITLES.items():
        home = HomePage.objects.get(locale=Locale.objects.get(language_code=code))
        law_parents[code] = ensure_child(home, LawIndexPage, "laws", titles["laws"])
        judgment_parents[code] = ensure_child(
            home, JudgmentIndexPage, "judgments", titles["judgments"]
        )
    return law_parents, judgment_parents


def load_laws(parents, stdout):
    fixtures = read_fixture("laws.json")["laws"]
    laws = {}
    for raw in fixtures:
        parent = parents[raw["language"]]
        law = LegalTextPage.objects.child_of(parent).filter(slug=raw["slug"]).first()
        if law is None:
            law = LegalTextPage(
                slug=raw["slug"],
                title=raw["title_original"],
                jurisdiction=Jurisdiction.objects.get(iso_code=raw["jurisdiction"]),
                kind=raw["kind"],
                subject=raw["subject"],
                title_original=raw["title_original"],
                title_en=raw["title_en"] or "",
                number=raw["number"] or "",
                year=raw["year"],
                date_adopted=as_date(raw["adopted"]),
                date_in_force=as_date(raw["in_force"]),
                date_repealed=as_date(raw["repealed"]),
                status=raw["status"],
                official_source=raw["official_source"] or "",
                language=raw["language"],
                illustrative=raw["illustrative"],
            )
            law.tags.add(*raw["tags"])
            parent.add_child(instance=law)
            law.save_revision().publish()
        laws[raw["slug"]] = law
    for raw in fixtures:
        law = laws[raw["slug"]]
        if raw.get("amends") and law.amends_id is None:
            law.amends = laws[raw["amends"]]
            law.save_revision().publish()
        existing = set(law.versions.values_list("effective_date", flat=True))
        for version in raw["versions"]:
            # An undated draft is dated 1 January of its year, so a rerun finds it again.
            day = as_date(version["effective_date"]) or datetime.date(raw["year"], 1, 1)
            if day in existing:
                continue
            path = DEMO_DIR / "laws" / version["file"]
            import_version(law, path.read_bytes(), Path(path).name, day, version["note"])
            stdout.write(f"  imported {law.slug} {day}")
    return laws


def provision_eid(law, label):
    """The eid of a provision cited as "Section 9" or "第八条", if the law has it: the
    segmenter turns the label into the same eid it gave the provision on import."""
    segments = segment(label, "zh" if law.language == "zh-hans" else "en")
    version = law.current_version()
    if not segments or version is None:
        return ""
    eid = segments[-1].eid
    return eid if version.provisions.filter(eid=eid).exists() else ""


def load_judgments(parents, laws):
    for raw in read_fixture("judgments.json")["judgments"]:
        parent = parents[raw["language"]]
        if JudgmentPage.objects.child_of(parent).filter(slug=raw["slug"]).exists():
            continue
        judgment = JudgmentPage(
            slug=raw["slug"],
            title=raw["parties"],
            jurisdiction=Jurisdiction.objects.get(iso_code=raw["jurisdiction"]),
            court=raw["court"],
            level=raw["level"],
            decision_date=as_date(raw["date"]),
            case_number=raw["case_number"],
            parties=raw["parties"],
            subject=raw["subject"],
            procedure_type=raw["procedure_type"],
            summary=raw["summary"],
            full_text=raw["full_text"],
            outcome=raw["outcome"],
            language=raw["language"],
            illustrative=raw["illustrative"],
        )
        judgment.keywords.add(*raw["keywords"])
        seen = set()
        for cited in raw["cited_provisions"]:
            law = laws[cited["law"]]
            eid = provision_eid(law, cited["provision"])
            if (law.pk, eid) not in seen:
                seen.add((law.pk, eid))
                judgment.citations.add(JudgmentCitation(law=law, provision_eid=eid))
        parent.add_child(instance=judgment)
        judgment.save_revision().publish()
