"""Models: the treaty catalogue, versions in force on a date, citations, validation."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from lawdb.models import (
    Jurisdiction,
    LegalTextPage,
    Provision,
    Treaty,
    TreatyProvision,
    provision_label,
)
from lawdb.treaty_catalogue import load_treaty_catalogue
from nlp.catalogue import CITATION_RE, CatalogueError

REQUIRED_CITATIONS = [
    *(f"PLT Art. {n}" for n in (5, 6, 7, 8)),
    *(f"PLT Rule {n}" for n in (4, 7, 8, 9, 10)),
    *(f"STLT Art. {n}" for n in (3, 4, 5, 8)),
    *(f"STLT Rule {n}" for n in (3, 4, 5, 6)),
]


def test_catalogue_loads_the_required_provisions_idempotently(catalogue):
    count = TreatyProvision.objects.count()
    assert load_treaty_catalogue() == count
    assert TreatyProvision.objects.count() == count
    assert set(Treaty.objects.values_list("code", flat=True)) == {"PLT", "STLT"}
    citations = set(TreatyProvision.objects.values_list("citation", flat=True))
    assert set(REQUIRED_CITATIONS) <= citations
    assert all(CITATION_RE.match(citation) for citation in citations)


def test_catalogue_tree_and_obligations(catalogue):
    paragraph = TreatyProvision.objects.get(citation="PLT Art. 8(1)")
    assert paragraph.parent.citation == "PLT Art. 8"
    assert paragraph.treaty.code == "PLT"
    assert paragraph.is_summary
    with_obligation = TreatyProvision.objects.with_obligation()
    assert with_obligation.exists()
    assert all(
        set(p.obligation) >= {"must_accept", "may_require", "must_not_require", "exceptions"}
        for p in with_obligation
    )
    assert TreatyProvision.objects.get(citation="PLT Rule 9(3)").anchor == "plt-rule-9-3"


def test_invalid_catalogue_is_refused(db, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"treaties": [], "provisions": []}')
    with pytest.raises(CatalogueError):
        load_treaty_catalogue(path)
    assert not Treaty.objects.exists()


def test_version_in_force_on_a_date(patents_act):
    assert patents_act.version_on(datetime.date(2001, 1, 1)) is None
    assert patents_act.version_on(datetime.date(2010, 1, 1)).effective_date == datetime.date(
        2002, 5, 1
    )
    assert patents_act.current_version().effective_date == datetime.date(2019, 9, 1)
    current = patents_act.versions.get(is_current=True)
    assert current.effective_date == datetime.date(2019, 9, 1)
    assert (
        Provision.objects.current().filter(version__law=patents_act).count()
        == current.provisions.count()
    )


def test_provision_labels_and_citation(patents_act):
    provision = patents_act.current_version().provisions.get(eid="sec_7__para_2")
    assert provision.label == "Section 7(2)"
    assert patents_act.citation() == "Patents Act, 2001 (KE)"
    assert provision.get_absolute_url() == f"{patents_act.url}#sec_7__para_2"
    assert provision_label("article", "第十二条", "") == "第十二条"
    assert provision_label("paragraph", "(1)", "") == ""


def test_draft_bill_must_have_draft_status(kenya, make_law):
    law = make_law(kenya, "bill")
    law.kind = "draft_bill"
    with pytest.raises(ValidationError):
        law.full_clean()


def test_jurisdiction_queries(kenya):
    assert list(Jurisdiction.objects.party_to("Paris")) == [kenya]
    assert not Jurisdiction.objects.party_to("PLT").exists()
    assert kenya.get_absolute_url() == "/jurisdictions/KE/"


def test_every_field_has_help_text():
    from lawdb import models

    for model in (
        Jurisdiction,
        Treaty,
        TreatyProvision,
        LegalTextPage,
        Provision,
        models.LegalTextVersion,
        models.JudgmentPage,
        models.JudgmentCitation,
        models.TreatyMembership,
    ):
        own = [
            f
            for f in model._meta.get_fields()
            if getattr(f, "model", None) is model and f.concrete and not f.auto_created
        ]
        missing = [f.name for f in own if not f.help_text and f.name not in {"sort_order"}]
        assert missing == [], f"{model.__name__}: {missing}"
