"""Read legal texts from TXT, DOCX, PDF (text layer) and Akoma Ntoso XML.

The format is decided by the content (magic bytes), never by the file name; a file name
whose extension contradicts the content is rejected. Every failure is reported as
:class:`~nlp.errors.UnreadableInput` with a sentence that can be shown to the user.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as safe_xml_fromstring

from nlp.errors import UnreadableInput
from nlp.lang import detect_lang

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Zip-bomb guards, checked from the zip directory before anything is decompressed.
MAX_DOCX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_DOCX_RATIO = 100
# Small members may compress extremely well (e.g. empty styles) without being a threat.
_RATIO_CHECK_MIN_BYTES = 1024 * 1024
MAX_DOCX_MEMBERS = 10_000
# Real Akoma Ntoso documents nest a few dozen levels; the cap keeps recursion bounded.
MAX_AKN_DEPTH = 100

_FORMAT_BY_EXTENSION = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".docx": "docx",
    ".pdf": "pdf",
    ".xml": "akn",
    ".akn": "akn",
}
_FORMAT_NAMES = {"txt": "plain text", "docx": "DOCX", "pdf": "PDF", "akn": "Akoma Ntoso XML"}

# Akoma Ntoso elements that form the provision hierarchy, mapped to the segmenter's kinds.
_AKN_HIERARCHY = {
    "book": "part",
    "part": "part",
    "title": "part",
    "chapter": "chapter",
    "subchapter": "chapter",
    "section": "section",
    "subsection": "paragraph",
    "article": "article",
    "rule": "rule",
    "paragraph": "paragraph",
    "subparagraph": "subparagraph",
    "point": "item",
    "item": "item",
    "clause": "paragraph",
    "subclause": "subparagraph",
    "division": "chapter",
    "hcontainer": "section",
    "level": "paragraph",
}
_AKN_LABELS = {"num", "heading", "subheading"}

_CONTROL_ALLOWED = {"\t", "\n", "\r", "\f"}
_CONTROL_SHARE_LIMIT = 0.01


@dataclass
class Document:
    """A document read from bytes.

    ``text`` uses ``\\n`` line endings; ``format`` is one of ``txt``, ``docx``, ``pdf``,
    ``akn``; ``lang`` is ``en`` or ``zh``. ``akn_tree`` is set for Akoma Ntoso input only:
    a list of nested dicts with the keys ``eid``, ``kind``, ``num``, ``heading``, ``text``
    and ``children`` (the same shape as :func:`nlp.segment.segments_to_tree`).
    """

    text: str
    format: str
    lang: str
    akn_tree: list[dict[str, Any]] | None = None


def read_document(data: bytes, filename: str = "", max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a legal text from ``data``, detecting the format from its content.

    ``filename`` is used only to reject an extension that contradicts the content.
    Raises :class:`UnreadableInput` for anything that cannot be read.
    """
    if len(data) > max_bytes:
        raise UnreadableInput.formatted(
            "The file is too large (max {size} MB).", size=max_bytes // (1024 * 1024)
        )
    if not data.strip():
        raise UnreadableInput("The file is empty.")
    fmt = _sniff_format(data)
    _check_extension(filename, fmt)
    if fmt == "docx":
        text, tree = _read_docx(data), None
    elif fmt == "pdf":
        text, tree = _read_pdf(data), None
    elif fmt == "akn":
        text, tree = _read_akn(data)
    else:
        text, tree = _read_txt(data), None
    text = _normalise_newlines(text)
    if not text.strip():
        raise UnreadableInput("The file contains no text.")
    return Document(text=text, format=fmt, lang=detect_lang(text), akn_tree=tree)


def read_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read the file at ``path`` with :func:`read_document`, checking its size first."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableInput.formatted(
                "The file is too large (max {size} MB).", size=max_bytes // (1024 * 1024)
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"The file {path.name!r} cannot be opened.") from exc
    return read_document(data, filename=path.name, max_bytes=max_bytes)


def _sniff_format(data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    # The PDF header may be preceded by junk; readers accept it within the first KiB.
    if b"%PDF-" in data[:1024]:
        return "pdf"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if (
        head.startswith(b"<?xml")
        or head.startswith(b"<akomaNtoso")
        or (head.startswith(b"<") and b"akomaNtoso" in data[:4096])
    ):
        return "akn"
    return "txt"


def _check_extension(filename: str, fmt: str) -> None:
    suffix = Path(filename).suffix.lower()
    if suffix == ".doc":
        raise UnreadableInput("Old Word (.doc) files are not supported; save it as DOCX.")
    expected = _FORMAT_BY_EXTENSION.get(suffix)
    if expected and expected != fmt:
        raise UnreadableInput.formatted(
            "The file name ends in {suffix} but the content is {kind}.",
            suffix=suffix,
            kind=_FORMAT_NAMES[fmt],
        )


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _read_txt(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableInput("The file is not valid UTF-8 text (it is UTF-16); save it as UTF-8.")
    if b"\x00" in data:
        raise UnreadableInput("The file looks binary, not text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableInput("The file is not valid UTF-8 text.") from exc
    controls = sum(1 for char in text if char < " " and char not in _CONTROL_ALLOWED)
    if controls > _CONTROL_SHARE_LIMIT * len(text):
        raise UnreadableInput("The file looks binary, not text.")
    return text


def _check_zip_bomb(archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    if len(members) > MAX_DOCX_MEMBERS:
        raise UnreadableInput("The DOCX file has too many parts to be a normal document.")
    total = sum(member.file_size for member in members)
    if total > MAX_DOCX_UNCOMPRESSED:
        raise UnreadableInput("The DOCX file is too large once uncompressed.")
    for member in members:
        if member.file_size >= _RATIO_CHECK_MIN_BYTES and (
            member.file_size > MAX_DOCX_RATIO * max(member.compress_size, 1)
        ):
            raise UnreadableInput("The DOCX file is suspiciously compressed (zip bomb).")


def _read_docx(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableInput("The DOCX file is corrupt.") from exc
    with archive:
        if "word/document.xml" not in archive.namelist():
            raise UnreadableInput("The file is a ZIP archive, not a Word (DOCX) document.")
        _check_zip_bomb(archive)
    import docx  # python-docx is slow to import; only DOCX input needs it.

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            _collect_docx_block(block, lines)
    except UnreadableInput:
        raise
    except Exception as exc:  # python-docx/lxml raise many types on malformed parts
        raise UnreadableInput("The DOCX file is corrupt.") from exc
    return "\n".join(lines)


def _collect_docx_block(block: Any, lines: list[str]) -> None:
    """Append the text of a paragraph or, cell by cell, of a table to ``lines``."""
    if hasattr(block, "rows"):
        for row in block.rows:
            seen_cells = set()
            for cell in row.cells:
                # Merged cells are repeated by python-docx; emit each once.
                if id(cell._tc) in seen_cells:
                    continue
                seen_cells.add(id(cell._tc))
                for inner in cell.iter_inner_content():
                    _collect_docx_block(inner, lines)
    else:
        lines.append(block.text)


def _read_pdf(data: bytes) -> str:
    import pypdf  # imported lazily, like python-docx

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many official PDFs carry only an owner password; an empty user password opens them.
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # missing crypto backend or unsupported scheme
                raise UnreadableInput("The PDF is encrypted.") from exc
            if not opened:
                raise UnreadableInput("The PDF is encrypted.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableInput:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files
        raise UnreadableInput("The PDF file is corrupt.") from exc
    text = "\n\n".join(page.strip("\n") for page in pages)
    if not text.strip():
        raise UnreadableInput("The PDF has no text layer (it may be a scan); run OCR first.")
    return text


def _local_name(element: Element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _read_akn(data: bytes) -> tuple[str, list[dict[str, Any]]]:
    try:
        root = safe_xml_fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        raise UnreadableInput("XML with a DOCTYPE or entity declarations is not accepted.") from exc
    except (ParseError, ValueError) as exc:
        raise UnreadableInput("The XML file is malformed.") from exc
    if _local_name(root) != "akomaNtoso":
        raise UnreadableInput("The XML file is not an Akoma Ntoso document.")
    if _nesting_exceeds(root, MAX_AKN_DEPTH):
        raise UnreadableInput("The XML file is nested too deeply.")
    tree = _akn_children(root)
    lines: list[str] = []
    _akn_lines(tree, lines)
    if not tree:
        # No hierarchy (e.g. a judgment or a bare body): keep its paragraphs.
        lines = [" ".join("".join(p.itertext()).split()) for p in root.iter() if _is_p(p)]
    return "\n".join(line for line in lines if line), tree


def _is_p(element: Element) -> bool:
    return _local_name(element) == "p"


def _nesting_exceeds(root: Element, limit: int) -> bool:
    """Whether any element lies deeper than ``limit`` (checked without recursion)."""
    pending = [(root, 0)]
    while pending:
        element, depth = pending.pop()
        if depth > limit:
            return True
        pending.extend((child, depth + 1) for child in element)
    return False


def _akn_children(element: Element) -> list[dict[str, Any]]:
    """Return the nearest hierarchical descendants of ``element`` as nested dicts."""
    nodes = []
    for child in element:
        name = _local_name(child)
        if name in _AKN_HIERARCHY:
            nodes.append(_akn_node(child, name))
        elif name not in _AKN_LABELS and name != "meta":
            nodes.extend(_akn_children(child))
    return nodes


def _akn_node(element: Element, name: str) -> dict[str, Any]:
    num = heading = ""
    texts: list[str] = []
    for child in element:
        child_name = _local_name(child)
        if child_name == "num":
            num = _flat_text(child)
        elif child_name == "heading":
            heading = _flat_text(child)
        elif child_name not in _AKN_HIERARCHY and child_name not in _AKN_LABELS:
            texts.extend(_own_paragraphs(child))
    return {
        "eid": element.get("eId") or element.get("id") or "",
        "kind": _AKN_HIERARCHY[name],
        "num": num,
        "heading": heading,
        "text": "\n".join(t for t in texts if t),
        "children": _akn_children(element),
    }


def _own_paragraphs(element: Element) -> list[str]:
    """Paragraph texts inside ``element`` that do not belong to a nested provision."""
    if _local_name(element) in _AKN_HIERARCHY:
        return []
    if _is_p(element):
        return [_flat_text(element)]
    found: list[str] = []
    for child in element:
        found.extend(_own_paragraphs(child))
    return found


def _flat_text(element: Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _akn_lines(nodes: list[dict[str, Any]], lines: list[str]) -> None:
    for node in nodes:
        if node["heading"]:
            lines.append(f"{node['num']} {node['heading']}".strip())
            lines.append(node["text"])
        else:
            # Keep a number such as "(1)" on the line of its text, as statutes print it.
            lines.append(f"{node['num']} {node['text']}".strip())
        _akn_lines(node["children"], lines)
