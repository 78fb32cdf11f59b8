"""Reading views: the law page (TOC, anchors, versions, compare, flags, exports), lists with
filters, jurisdiction profiles, treaty pages, judgments."""

import datetime
import json

import pytest
from defusedxml.ElementTree import fromstring
from django.urls import reverse
from lawdb_samples import ACT_2019

from lawdb.importing import import_version
from lawdb.models import JudgmentCitation, JudgmentIndexPage, JudgmentPage


def test_law_page_has_toc_anchors_citations_and_illustrative_note(client, patents_act):
    response = client.get(patents_act.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="#sec_7"' in html  # table of contents
    assert 'id="sec_7__para_1"' in html  # one anchor per provision, id = eid
    assert 'data-copy="Patents Act, 2001 (KE), Section 7(1)"' in html
    assert "not an official text" in html
    assert "Version in force from 2019-09-01" in html
    assert "electronic signature" in html


def test_earlier_version_stays_readable_at_its_own_url(client, patents_act):
    old = patents_act.versions.get(effective_date=datetime.date(2002, 5, 1))
    response = client.get(old.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "in person at the counter" in html
    assert "You are reading the version in force from 2002-05-01" in html
    # A date between two versions shows the version then in force.
    between = client.get(patents_act.url + "versions/2010-06-30/")
    assert "in person at the counter" in between.content.decode()
    assert client.get(patents_act.url + "versions/1990-01-01/").status_code == 404
    assert client.get(patents_act.url + "versions/not-a-date/").status_code == 404


def test_compare_two_versions_shows_a_redline(client, patents_act):
    response = client.get(patents_act.url + "compare/")
    assert response.status_code == 302
    assert response.url.endswith("compare/2002-05-01/2019-09-01/")
    html = client.get(response.url).content.decode()
    assert "<del>" in html and "<ins>" in html
    assert "redline-new" in html  # section 9 is new
    assert "redline-deleted" in html  # section 8 was deleted
    chosen = client.get(patents_act.url + "compare/", {"from": "2019-09-01", "to": "2002-05-01"})
    assert chosen.url.endswith("compare/2019-09-01/2002-05-01/")


def test_draft_bill_compares_with_the_law_in_force(client, patents_act, make_law, kenya):
    bill = make_law(kenya, "amendment-bill", kind="draft_bill", status="draft", amends=patents_act)
    draft = ACT_2019.replace("by an electronic signature", "by a handwritten signature on paper")
    import_version(bill, draft.encode(), "bill.txt", datetime.date(2026, 1, 1))
    response = client.get(bill.url + "compare/", follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0].endswith("compare/in-force/2026-01-01/")
    assert "Changes this draft would make to Patents Act, 2001" in html
    assert "<del>electronic</del>" in html or "<del>an electronic</del>" in html
    assert "handwritten" in html
    law_page = client.get(patents_act.url).content.decode()
    assert "Draft bills amending this law" in law_page


def test_flags_tab_lists_checker_findings_with_treaty_links(client, patents_act):
    old = patents_act.versions.get(effective_date=datetime.date(2002, 5, 1))
    response = client.get(old.get_absolute_url() + "flags/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="flag-sec_7__para_1"' in html
    assert "badge-conflict" in html
    assert 'href="/treaties/PLT/#plt-' in html
    assert "Suggested wording" in html


def test_exports(client, patents_act):
    akn = client.get(patents_act.url + "export/akn/")
    assert akn["Content-Type"] == "application/akn+xml"
    root = fromstring(akn.content)
    assert root.tag.endswith("akomaNtoso")
    data = json.loads(client.get(patents_act.url + "versions/2002-05-01/export/json/").content)
    assert data["version"]["effective_date"] == "2002-05-01"


def test_law_list_filters(client, patents_act, chinese_regulation):
    url = reverse("lawdb:law_list")
    everything = client.get(url).content.decode()
    assert "Patents Act, 2001" in everything and "专利申请电子提交办法" in everything
    kenyan = client.get(url, {"jurisdiction": "KE"}).content.decode()
    assert "Patents Act, 2001" in kenyan and "专利申请电子提交办法" not in kenyan
    regions = client.get(url, {"region": "asia_pacific", "year_from": 2019}).content.decode()
    assert "专利申请电子提交办法" in regions and "Patents Act, 2001" not in regions


def test_chinese_law_page_and_interface(client, chinese_regulation):
    response = client.get(chinese_regulation.url, HTTP_ACCEPT_LANGUAGE="zh-hans")
    html = response.content.decode()
    assert response.status_code == 200
    assert chinese_regulation.url.startswith("/zh-hans/")
    assert 'id="art_3__item_1"' in html
    assert "目录" in html  # the interface is in Chinese under /zh-hans/


def test_jurisdiction_profile(client, patents_act, kenya):
    html = client.get(kenya.get_absolute_url()).content.decode()
    assert "Kenya" in html and "Patents" in html and "Paris Convention" in html
    assert patents_act.url in html
    assert client.get("/jurisdictions/ZZ/").status_code == 404


def test_treaty_page_links_national_provisions(client, patents_act):
    response = client.get(reverse("lawdb:treaty_detail", args=["PLT"]))
    html = response.content.decode()
    assert 'id="plt-art-8-1"' in html
    assert "summaries in our own words" in html
    assert f"{patents_act.url}#sec_7__para_1" in html
    cite = client.get(reverse("lawdb:treaty_citation", args=["PLT Rule 9(3)"]))
    assert cite.url == "/treaties/PLT/#plt-rule-9-3"


@pytest.fixture
def judgment(patents_act, index_pages, kenya):
    parent = index_pages[1]["en"]
    page = JudgmentPage(
        title="Acme Ltd v Registrar",
        slug="acme-v-registrar",
        jurisdiction=kenya,
        court="High Court",
        level="first_instance",
        decision_date=datetime.date(2021, 3, 18),
        case_number="JR 1 of 2021",
        parties="Acme Ltd v Registrar",
        subject="patents",
        procedure_type="judicial review",
        summary="A scanned signature <b>is</b> curable.",
        outcome="Quashed",
        illustrative=True,
    )
    page.keywords.add("electronic signature")
    page.citations.add(JudgmentCitation(law=patents_act, provision_eid="sec_7__para_2"))
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_judgment_page_and_list(client, judgment, patents_act):
    html = client.get(judgment.url).content.decode()
    assert "High Court" in html and "electronic signature" in html
    assert f"{patents_act.url}#sec_7__para_2" in html
    assert "&lt;b&gt;is&lt;/b&gt;" in html  # plain text, escaped
    listing = client.get(reverse("lawdb:judgment_list"), {"level": "appellate"}).content.decode()
    assert "Acme Ltd" not in listing
    assert "Acme Ltd" in client.get(reverse("lawdb:judgment_list")).content.decode()
    assert JudgmentIndexPage.objects.count() == 2
