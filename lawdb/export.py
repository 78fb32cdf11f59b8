"""Export a version of a law as Akoma Ntoso 3.0 XML or as JSON. The XML reads back through
``nlp.readers`` into the same provisions (eIds, numbers, headings and texts)."""

from xml.etree.ElementTree import Element, SubElement, register_namespace, tostring

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
register_namespace("", AKN_NS)

# Provision kinds to Akoma Ntoso hierarchy elements ("item" is a list element in AKN).
AKN_ELEMENT = {
    "part": "part",
    "chapter": "chapter",
    "section": "section",
    "article": "article",
    "rule": "rule",
    "paragraph": "paragraph",
    "subparagraph": "subparagraph",
    "item": "point",
}


def law_metadata(law):
    return {
        "id": law.pk,
        "title": law.title,
        "title_original": law.title_original,
        "title_en": law.title_en,
        "jurisdiction": law.jurisdiction.iso_code,
        "kind": law.kind,
        "subject": law.subject,
        "number": law.number,
        "year": law.year,
        "date_adopted": law.date_adopted,
        "date_in_force": law.date_in_force,
        "date_repealed": law.date_repealed,
        "status": law.status,
        "language": law.language,
        "official_source": law.official_source,
        "illustrative": law.illustrative,
        "amends": law.amends_id,
        "tags": sorted(tag.name for tag in law.tags.all()),
        "url": law.full_url,
    }


def provision_tree(version):
    """The provisions nested as dicts with ``children``, in document order."""
    nodes, roots = {}, []
    for provision in version.provisions.order_by("position"):
        node = {
            "eid": provision.eid,
            "kind": provision.kind,
            "num": provision.num,
            "heading": provision.heading,
            "text": provision.text,
            "treaty_refs": (provision.finding or {}).get("treaty_refs", []),
            "children": [],
        }
        nodes[provision.pk] = node
        parent = nodes.get(provision.parent_id)
        (parent["children"] if parent else roots).append(node)
    return roots


def version_to_dict(version):
    return {
        "law": law_metadata(version.law),
        "version": {
            "effective_date": version.effective_date,
            "note": version.note,
            "is_current": version.is_current,
        },
        "provisions": provision_tree(version),
    }


def version_to_akn(version):
    """The version as an Akoma Ntoso document (bytes, UTF-8)."""
    law = version.law
    document_type = "bill" if law.kind == "draft_bill" else "act"
    root = Element(f"{{{AKN_NS}}}akomaNtoso")
    document = SubElement(root, f"{{{AKN_NS}}}{document_type}", name=law.kind)
    meta = SubElement(document, f"{{{AKN_NS}}}meta")
    identification = SubElement(meta, f"{{{AKN_NS}}}identification", source="#concord")
    work_uri = f"/akn/{law.jurisdiction.iso_code.lower()}/{document_type}/{law.year}/{law.slug}"
    language = "zho" if law.language == "zh-hans" else "eng"
    expression_uri = f"{work_uri}/{language}@{version.effective_date.isoformat()}"
    for level, uri in (("FRBRWork", work_uri), ("FRBRExpression", expression_uri)):
        frbr = SubElement(identification, f"{{{AKN_NS}}}{level}")
        SubElement(frbr, f"{{{AKN_NS}}}FRBRthis", value=f"{uri}/!main")
        SubElement(frbr, f"{{{AKN_NS}}}FRBRuri", value=uri)
        SubElement(frbr, f"{{{AKN_NS}}}FRBRdate", date=version.effective_date.isoformat(), name="")
        SubElement(frbr, f"{{{AKN_NS}}}FRBRcountry", value=law.jurisdiction.iso_code.lower())
    preface = SubElement(document, f"{{{AKN_NS}}}preface")
    long_title = SubElement(preface, f"{{{AKN_NS}}}longTitle")
    SubElement(long_title, f"{{{AKN_NS}}}p").text = law.title_original
    body = SubElement(document, f"{{{AKN_NS}}}body")
    _akn_nodes(body, provision_tree(version))
    return tostring(root, encoding="utf-8", xml_declaration=True)


def _akn_nodes(parent, nodes):
    for node in nodes:
        element = SubElement(parent, f"{{{AKN_NS}}}{AKN_ELEMENT[node['kind']]}", eId=node["eid"])
        if node["num"]:
            SubElement(element, f"{{{AKN_NS}}}num").text = node["num"]
        if node["heading"]:
            SubElement(element, f"{{{AKN_NS}}}heading").text = node["heading"]
        if node["text"]:
            # Text before sub-provisions is an <intro>; a leaf's text is its <content>.
            wrapper = SubElement(
                element, f"{{{AKN_NS}}}{'intro' if node['children'] else 'content'}"
            )
            for line in node["text"].split("\n"):
                SubElement(wrapper, f"{{{AKN_NS}}}p").text = line
        _akn_nodes(element, node["children"])
