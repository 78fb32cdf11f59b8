import json

import pytest

from nlp import catalogue
from nlp.catalogue import CITATION_RE, CatalogueError

REQUIRED = [
    "PLT Art. 5", "PLT Art. 6", "PLT Art. 7", "PLT Art. 8", "PLT Rule 4", "PLT Rule 7",
    "PLT Rule 8", "PLT Rule 9", "PLT Rule 10", "STLT Art. 3", "STLT Art. 4", "STLT Art. 5",
    "STLT Art. 8", "STLT Rule 3", "STLT Rule 4", "STLT Rule 5", "STLT Rule 6",
    "PLT Art. 8(1)(a)", "PLT Art. 8(1)(b)", "PLT Art. 8(1)(c)", "PLT Art. 8(1)(d)",
    "PLT Art. 8(3)", "PLT Art. 8(4)(a)", "PLT Art. 8(4)(b)", "PLT Art. 8(4)(c)",
    "PLT Rule 9(1)", "PLT Rule 9(2)", "PLT Rule 9(3)", "PLT Rule 9(4)",
    "STLT Art. 8(1)", "STLT Art. 8(2)", "STLT Art. 8(3)", "STLT Art. 8(4)", "STLT Rule 6(4)",
]  # fmt: skip


def test_default_catalogue_loads_and_holds_the_required_provisions():
    cat = catalogue.load()
    for citation in REQUIRED:
        assert citation in cat, citation
    assert set(cat.treaties) == {"PLT", "STLT"}


def test_every_provision_is_a_marked_summary_in_both_languages():
    raw = json.loads(catalogue.DEFAULT_PATH.read_text(encoding="utf-8"))
    for prov in raw["provisions"]:
        assert prov["is_summary"] is True
        assert prov["official_text"] == ""
        assert CITATION_RE.match(prov["citation"])
        assert prov["summary_en"] and prov["summary_zh"] and prov["heading_zh"]


def test_tree_links_children_to_parents():
    cat = catalogue.load()
    kids = {p.citation for p in cat.children("PLT Art. 8(4)")}
    assert kids == {"PLT Art. 8(4)(a)", "PLT Art. 8(4)(b)", "PLT Art. 8(4)(c)"}
    assert cat.get("PLT Art. 8(4)(b)").kind == "subparagraph"
    assert cat.get("PLT Rule 9(3)").parent == "PLT Rule 9"


def test_obligations_state_the_exceptions_the_treaties_allow():
    cat = catalogue.load()
    cert = cat.get("PLT Art. 8(4)(b)")
    assert any("quasi-judicial" in e for e in cert.obligation_items("exceptions", "en"))
    assert any(
        "surrender" in e for e in cat.get("STLT Art. 8(4)").obligation_items("exceptions", "en")
    )
    assert any(
        "sixteen months" in e
        for e in cat.get("PLT Rule 4(1)").obligation_items("may_require", "en")
    )
    seal = cat.get("PLT Rule 9(3)").obligation_items("may_require", "zh")
    assert seal and "本国" in seal[0]


def test_lookup_of_an_unknown_citation_raises_key_error():
    with pytest.raises(KeyError):
        catalogue.load().get("PLT Art. 99")


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d["provisions"][0].update(citation="PLT Article 5"),
        lambda d: d["provisions"][1].update(parent="PLT Art. 77"),
        lambda d: d["provisions"][0].update(is_summary=False),
        lambda d: d["provisions"].append(dict(d["provisions"][0])),
        lambda d: d["treaties"].pop(),
    ],
)
def test_an_inconsistent_catalogue_is_rejected(tmp_path, mutate):
    data = json.loads(catalogue.DEFAULT_PATH.read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / "cat.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CatalogueError):
        catalogue.load(path)


def test_unreadable_catalogue_file_is_a_catalogue_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogueError):
        catalogue.load(path)
