"""A reader's journey in a real browser: search "electronic signature", open the provision's
anchor on the law page, then compare two versions of the law."""

import datetime

import pytest

pytestmark = pytest.mark.browser

ACT_2001 = """\
1. Short title
This Act may be cited as the Patents Act, 2001.

7. Mode of filing
(1) An application shall be filed with the Office on paper, in person at the counter.
(2) The application shall bear the handwritten signature of the applicant.
"""

ACT_2019 = """\
1. Short title
This Act may be cited as the Patents Act, 2001.

7. Mode of filing
(1) An application shall be filed with the Office on paper or in electronic form.
(2) A communication filed in electronic form shall be signed by an electronic signature.
"""


@pytest.fixture
def patents_act(site_root):
    from lawdb.demo import ensure_index_pages
    from lawdb.importing import import_version
    from lawdb.models import Jurisdiction, LegalTextPage
    from lawdb.treaty_catalogue import load_treaty_catalogue

    load_treaty_catalogue()
    law_parents, _judgment_parents = ensure_index_pages()
    kenya = Jurisdiction.objects.create(
        iso_code="KE",
        name_en="Kenya",
        name_zh="肯尼亚",
        region="africa",
        development_status="developing",
    )
    law = LegalTextPage(
        title="Patents Act, 2001",
        slug="patents-act",
        jurisdiction=kenya,
        kind="act",
        subject="patents",
        title_original="Patents Act, 2001",
        year=2001,
        illustrative=True,
    )
    law_parents["en"].add_child(instance=law)
    law.save_revision().publish()
    import_version(law, ACT_2001.encode(), "2001.txt", datetime.date(2002, 5, 1))
    import_version(law, ACT_2019.encode(), "2019.txt", datetime.date(2019, 9, 1))
    return law


def test_search_open_provision_and_compare_versions(page, patents_act):
    page.goto("/search/")
    page.get_by_label("Search laws, judgments").fill("electronic signature")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url("**/search/?q=electronic+signature*")
    assert page.locator("mark", has_text="signature").first.is_visible()

    page.get_by_role("link", name="Patents Act, 2001, Section 7(2)").click()
    page.wait_for_url("**/laws/patents-act/#sec_7__para_2")
    provision = page.locator("#sec_7__para_2")
    assert provision.is_visible()
    assert "electronic signature" in provision.inner_text()
    copy = provision.get_by_role("button", name="Copy citation")
    assert copy.get_attribute("data-copy") == "Patents Act, 2001 (KE), Section 7(2)"

    page.get_by_label("Compare from").select_option("2002-05-01")
    page.get_by_label("to", exact=True).select_option("2019-09-01")
    page.get_by_role("button", name="Compare versions").click()
    page.wait_for_url("**/laws/patents-act/compare/2002-05-01/2019-09-01/")
    changed = page.locator("#sec_7__para_2")
    assert "handwritten" in " ".join(changed.locator("del").all_inner_texts())
    assert "electronic" in " ".join(changed.locator("ins").all_inner_texts())
    assert "electronic" in changed.locator(".redline-text").inner_text()
