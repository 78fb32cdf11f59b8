"""Load the PLT/STLT catalogue (fixtures/treaties/plt_stlt.json, shared with nlp.checker)
into Treaty and TreatyProvision rows. Idempotent: rows are matched by code and citation."""

import json

from django.db import transaction

from nlp import catalogue

from .models import Treaty, TreatyProvision


@transaction.atomic
def load_treaty_catalogue(path=None):
    """Create or update every treaty and provision of the catalogue; return the count of
    provisions. Raises ``nlp.catalogue.CatalogueError`` for an invalid file."""
    path = path or catalogue.DEFAULT_PATH
    try:
        with open(path, encoding="utf-8") as file:
            data = json.load(file)
    except (OSError, ValueError) as exc:
        raise catalogue.CatalogueError(f"cannot read treaty catalogue {path}: {exc}") from exc
    problems = catalogue.validate(data)
    if problems:
        raise catalogue.CatalogueError("; ".join(problems[:5]))
    treaties = {}
    for raw in data["treaties"]:
        treaties[raw["code"]], _created = Treaty.objects.update_or_create(
            code=raw["code"],
            defaults={
                "name_en": raw["name_en"],
                "name_zh": raw["name_zh"],
                "adopted": raw.get("adopted"),
                "in_force": raw.get("in_force"),
            },
        )
    by_citation = {}
    # Parents are saved before their children: a child's citation extends its parent's.
    ordered = sorted(enumerate(data["provisions"]), key=lambda item: item[1]["citation"].count("("))
    for order, raw in ordered:
        by_citation[raw["citation"]], _created = TreatyProvision.objects.update_or_create(
            citation=raw["citation"],
            defaults={
                "treaty": treaties[raw["treaty"]],
                "parent": by_citation.get(raw["parent"]),
                "kind": raw["kind"],
                "number": raw["number"],
                "heading_en": raw["heading_en"],
                "heading_zh": raw["heading_zh"],
                "summary_en": raw["summary_en"],
                "summary_zh": raw["summary_zh"],
                "is_summary": raw["is_summary"],
                "official_text": raw["official_text"] or "",
                "obligation": raw["obligation"],
                "categories": raw["categories"],
                "sort_order": order,
            },
        )
    return len(by_citation)
