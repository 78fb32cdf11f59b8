"""Site search: provisions, laws, judgments and treaty provisions; facets; snippets that are
escaped except for <mark>; a provision hit lands on its anchor; Chinese queries."""

import datetime

from django.urls import reverse

from lawdb.importing import import_version
from lawdb.models import LegalTextPage, Provision
from lawdb.search import highlight, query_terms


def test_search_finds_provisions_with_anchor_and_highlight(client, patents_act):
    response = client.get(reverse("search"), {"q": "electronic signature"})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'href="{patents_act.url}#sec_7__para_2"' in html
    assert "<mark>electronic</mark> <mark>signature</mark>" in html
    # Only the current version is searched: the 2001 text has no electronic signature.
    hits = Provision.objects.current().matching("electronic signature")
    assert {p.version.effective_date for p in hits} == {datetime.date(2019, 9, 1)}


def test_search_covers_laws_judgments_and_treaty_provisions(client, patents_act):
    html = client.get(reverse("search"), {"q": "patents act"}).content.decode()
    assert "Laws" in html and patents_act.url in html
    treaty = client.get(reverse("search"), {"q": "facsimile", "type": "treaty"}).content.decode()
    assert "/treaties/PLT/#plt-" in treaty


def test_facets_filter_and_count(client, patents_act, chinese_regulation):
    html = client.get(reverse("search"), {"q": "application"}).content.decode()
    assert "jurisdiction=KE" in html and "Kenya" in html
    filtered = client.get(
        reverse("search"), {"q": "application", "jurisdiction": "CN", "type": "provisions"}
    )
    assert patents_act.url not in filtered.content.decode()
    years = client.get(
        reverse("search"), {"q": "application", "year_to": 1990, "type": "provisions"}
    )
    assert "No results of this type." in years.content.decode()


def test_chinese_query_matches_chinese_provisions(client, chinese_regulation):
    html = client.get(reverse("search"), {"q": "电子签名", "type": "provisions"}).content.decode()
    assert f"{chinese_regulation.url}#art_2__para_2" in html
    assert "<mark>电子签名</mark>" in html


def test_snippets_escape_everything_but_mark(kenya, catalogue, make_law, client):
    law = make_law(kenya, "hostile")
    text = "1. Title\nThe <script>alert(1)</script> electronic filing & fees."
    import_version(law, text.encode(), "hostile.txt", datetime.date(2020, 1, 1))
    html = client.get(reverse("search"), {"q": "electronic", "type": "provisions"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>electronic</mark> filing &amp; fees" in html


def test_highlight_and_terms():
    assert query_terms("electronic 电子签名 filing!") == ["electronic", "电子签名", "filing"]
    assert str(highlight("Signatures <b>", "signature")) == "<mark>Signatures</mark> &lt;b&gt;"


def test_empty_query_and_unpublished_laws(client, patents_act):
    assert client.get(reverse("search"), {"q": ""}).status_code == 200
    LegalTextPage.objects.filter(pk=patents_act.pk).update(live=False)
    html = client.get(
        reverse("search"), {"q": "electronic signature", "type": "provisions"}
    ).content.decode()
    assert patents_act.url not in html
