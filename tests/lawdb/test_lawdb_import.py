"""The import pipeline in all four formats (TXT, DOCX, PDF, Akoma Ntoso XML), English and
Chinese, the exports, and bad input: a clear message and nothing saved."""

import datetime
import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command
from docx import Document as DocxDocument
from lawdb_samples import ACT_2001, REGULATION_ZH

from lawdb.export import version_to_akn, version_to_dict
from lawdb.importing import import_version
from lawdb.models import LegalTextVersion, Provision
from nlp.errors import UnreadableInput

DAY = datetime.date(2020, 1, 1)

AKN_EN = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="act"><body>
    <section eId="sec_7"><num>7.</num><heading>Mode of filing</heading>
      <subsection eId="sec_7__subsec_1"><num>(1)</num>
        <content><p>An application may be filed on paper or in electronic form.</p></content>
      </subsection>
    </section>
  </body></act>
</akomaNtoso>"""

AKN_ZH = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="act"><body>
    <article eId="art_2"><num>第二条</num>
      <content><p>申请人可以以纸件形式或者电子形式提交专利申请。</p></content>
    </article>
  </body></act>
</akomaNtoso>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body>
<section eId="sec_1"><num>1.</num><content><p>&secret;</p></content></section>
</body></act></akomaNtoso>"""


def docx_bytes(text):
    document = DocxDocument()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(text, lang):
    import weasyprint

    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    font = "Noto Serif CJK SC, Noto Sans CJK SC" if lang == "zh" else "DejaVu Sans, sans-serif"
    html = f'<html lang="{lang}"><body style="font-family: {font}">{paragraphs}</body></html>'
    return weasyprint.HTML(string=html).write_pdf()


def eids(version):
    return list(version.provisions.order_by("position").values_list("eid", flat=True))


EN_EIDS = ["part_1", "sec_1", "part_2", "sec_7", "sec_7__para_1", "sec_7__para_2", "sec_8"]
ZH_EIDS = [
    "art_1",
    "art_2",
    "art_2__para_1",
    "art_2__para_2",
    "art_3",
    "art_3__item_1",
    "art_3__item_2",
]


@pytest.mark.parametrize(
    ("fmt", "build", "filename"),
    [
        ("txt", lambda text, lang: text.encode(), "law.txt"),
        ("docx", lambda text, lang: docx_bytes(text), "law.docx"),
        ("pdf", pdf_bytes, "law.pdf"),
    ],
)
@pytest.mark.parametrize(
    ("lang", "text", "expected"), [("en", ACT_2001, EN_EIDS), ("zh", REGULATION_ZH, ZH_EIDS)]
)
def test_import_segments_every_format_and_language(
    kenya, catalogue, make_law, fmt, build, filename, lang, text, expected
):
    language = "zh-hans" if lang == "zh" else "en"
    law = make_law(kenya, f"law-{fmt}-{lang}", language=language)
    version = import_version(law, build(text, lang), filename, DAY, "imported")
    assert version.source_format == fmt
    assert eids(version) == expected
    first_text = version.provisions.exclude(text="").order_by("position").first().text
    assert ("Patents Act" in first_text) if lang == "en" else ("电子提交" in first_text)


@pytest.mark.parametrize(
    ("xml", "expected", "language"),
    [(AKN_EN, ["sec_7", "sec_7__subsec_1"], "en"), (AKN_ZH, ["art_2"], "zh-hans")],
)
def test_import_akoma_ntoso_keeps_its_eids(kenya, catalogue, make_law, xml, expected, language):
    law = make_law(kenya, f"akn-{language}", language=language)
    version = import_version(law, xml.encode(), "law.xml", DAY)
    assert version.source_format == "akn"
    assert eids(version) == expected
    child = version.provisions.get(eid=expected[-1])
    assert child.text and (child.parent is None or child.parent.eid == expected[0])


def test_provisions_nest_and_carry_checker_findings(patents_act):
    version = patents_act.versions.get(effective_date=datetime.date(2002, 5, 1))
    paragraph = version.provisions.get(eid="sec_7__para_1")
    assert paragraph.parent.eid == "sec_7"
    assert paragraph.parent.parent.eid == "part_2"
    assert paragraph.finding["label"] == "conflict"
    assert paragraph.treaty_provisions.filter(citation__startswith="PLT").exists()


def test_reimport_same_date_replaces_the_version(patents_act):
    import_version(patents_act, ACT_2001.encode(), "again.txt", datetime.date(2019, 9, 1))
    assert patents_act.versions.count() == 2
    assert (
        patents_act.versions.get(effective_date=datetime.date(2019, 9, 1)).source_filename
        == "again.txt"
    )


def test_akn_export_reads_back_into_the_same_provisions(patents_act, make_law, kenya):
    version = patents_act.current_version()
    exported = version_to_akn(version)
    copy = make_law(kenya, "round-trip")
    again = import_version(copy, exported, "export.xml", DAY)
    original = list(
        version.provisions.order_by("position").values_list("eid", "num", "heading", "text")
    )
    assert (
        list(again.provisions.order_by("position").values_list("eid", "num", "heading", "text"))
        == original
    )


def test_json_export_nests_provisions(patents_act):
    data = json.loads(json.dumps(version_to_dict(patents_act.current_version()), default=str))
    assert data["law"]["jurisdiction"] == "KE"
    part = next(node for node in data["provisions"] if node["eid"] == "part_2")
    assert [child["eid"] for child in part["children"]] == ["sec_7", "sec_9"]


def test_import_law_command(patents_act, tmp_path):
    path = tmp_path / "act.docx"
    path.write_bytes(docx_bytes(ACT_2001))
    call_command(
        "import_law", str(path), law="patents-act", effective_date=datetime.date(2021, 1, 1)
    )
    assert (
        patents_act.versions.get(effective_date=datetime.date(2021, 1, 1)).source_format == "docx"
    )


def corrupt_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not-xml")
    return buffer.getvalue()


BAD_INPUTS = [
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    ("law.pdf", ACT_2001.encode(), "content is plain text"),
    ("law.docx", corrupt_docx(), "corrupt"),
    ("law.pdf", b"%PDF-1.4\n1 0 obj <<>> garbage", "PDF"),
    ("law.txt", "Article 1 Fees".encode("utf-16"), "UTF-8"),
    ("law.txt", "第一条 费用".encode("gb18030"), "UTF-8"),
    ("law.xml", XXE, "DOCTYPE"),
    ("law.txt", b"", "empty"),
]


@pytest.mark.parametrize(("filename", "data", "message"), BAD_INPUTS)
def test_bad_input_is_rejected_and_nothing_saved(
    kenya, catalogue, make_law, filename, data, message
):
    law = make_law(kenya, "target")
    with pytest.raises(UnreadableInput, match=message):
        import_version(law, data, filename, DAY)
    assert not LegalTextVersion.objects.exists()
    assert not Provision.objects.exists()


def test_import_command_reports_bad_input(patents_act, tmp_path):
    path = tmp_path / "law.txt"
    path.write_bytes(b"\xff\xfe\xfa not utf-8 \xff")
    with pytest.raises(CommandError, match="UTF-8"):
        call_command("import_law", str(path), law="patents-act", effective_date=DAY)
    assert patents_act.versions.count() == 2


def test_import_command_unknown_law(db, tmp_path):
    path = tmp_path / "law.txt"
    path.write_text(ACT_2001)
    with pytest.raises(CommandError, match="No law"):
        call_command("import_law", str(path), law="missing", effective_date=DAY)


def test_recheck_laws_refreshes_findings(patents_act):
    Provision.objects.update(finding=None)
    patents_act.current_version().provisions.get(eid="sec_7__para_1").treaty_provisions.clear()
    call_command("recheck_laws")
    refreshed = patents_act.current_version().provisions.get(eid="sec_7__para_1")
    assert refreshed.finding["label"] in {"conflict", "aligned", "neutral"}
    assert refreshed.treaty_provisions.exists() == bool(refreshed.finding["treaty_refs"])
    assert not Provision.objects.exclude(text="").filter(finding=None).exists()
