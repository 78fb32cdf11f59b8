"""The demo loader: fixtures imported through the pipeline, in the right locales, published,
and idempotent."""

import io

from lawdb import demo
from lawdb.models import (
    JudgmentCitation,
    JudgmentPage,
    Jurisdiction,
    LegalTextPage,
    LegalTextVersion,
    Provision,
    Region,
    TreatyProvision,
)


def test_demo_load_is_complete_and_idempotent(site_root):
    demo.load(io.StringIO())
    counts = [
        m.objects.count()
        for m in (Jurisdiction, LegalTextPage, LegalTextVersion, Provision, JudgmentPage)
    ]
    demo.load(io.StringIO())
    assert [
        m.objects.count()
        for m in (Jurisdiction, LegalTextPage, LegalTextVersion, Provision, JudgmentPage)
    ] == counts

    assert Jurisdiction.objects.count() >= 8
    assert set(Jurisdiction.objects.values_list("region", flat=True)) == set(Region.values)
    laws = LegalTextPage.objects.live()
    assert laws.count() >= 12
    assert laws.filter(language="zh-hans", locale__language_code="zh-hans").exists()
    assert laws.filter(language="en", locale__language_code="en").exists()
    assert not laws.exclude(illustrative=True).exists()
    bill = laws.get(kind="draft_bill")
    assert bill.amends.status == "in_force" and bill.current_version() is not None
    assert JudgmentPage.objects.live().count() >= 10
    assert JudgmentCitation.objects.exclude(provision_eid="").exists()
    assert TreatyProvision.objects.filter(citation="STLT Rule 6(4)").exists()
    # Every law was imported through the segmenter and checked.
    assert all(law.versions.exists() for law in laws)
    assert Provision.objects.filter(finding__label="conflict").exists()
    assert Provision.objects.current().filter(treaty_provisions__isnull=False).exists()
