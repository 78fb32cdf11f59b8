"""The report as PDF (WeasyPrint, from the same template sections as the page) and as DOCX."""

import io

from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .report import draft_metadata

PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Noto Sans CJK (Debian's fonts-noto-cjk) covers Latin and Chinese in one face.
DOCUMENT_FONT = "Noto Sans CJK SC"


def file_stem(draft):
    """A download name; Chinese titles slugify to nothing, so the id always leads."""
    slug = slugify(draft.title)[:60].strip("-")
    return f"draft-check-{draft.pk}-{slug}" if slug else f"draft-check-{draft.pk}"


def render_pdf(request, draft, report):
    from weasyprint import HTML  # slow to import; only the export needs it

    html = render_to_string(
        "drafts/report_pdf.html",
        {
            "draft": draft,
            "report": report,
            "metadata": draft_metadata(draft),
            "font_family": DOCUMENT_FONT,
        },
        request=request,
    )
    # Relative links (treaty provisions, anchors) become absolute links in the PDF.
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    return io.BytesIO(pdf), PDF_TYPE


def render_docx(request, draft, report):
    import docx  # slow to import; only the export needs it
    from docx.enum.text import WD_COLOR_INDEX
    from docx.oxml.ns import qn

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = DOCUMENT_FONT
    # Word picks the East Asian font separately; without it Chinese falls back to a default.
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), DOCUMENT_FONT)

    document.add_heading(draft.title, level=0)
    for label, value in draft_metadata(draft):
        _labelled(document, label, str(value))

    document.add_heading(_("Provisions and flags"), level=1)
    if not report.findings:
        document.add_paragraph(_("No provision of this draft is flagged."))
    for finding in report.findings:
        document.add_heading(finding.title, level=2)
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{finding.label_display} · {finding.category_display}").bold = True
        paragraph = document.add_paragraph()
        for piece, marked in finding.chunks:
            run = paragraph.add_run(piece)
            if marked:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        if finding.treaty_refs:
            _labelled(document, _("Treaty provisions"), ", ".join(finding.treaty_refs))
        if finding.explanation:
            _labelled(document, _("Explanation"), finding.explanation)
        if finding.suggestion:
            _labelled(document, _("Suggested wording"), finding.suggestion)

    if report.unlisted_note:
        document.add_paragraph(report.unlisted_note)

    document.add_heading(_("Compliance matrix"), level=1)
    table = _table(document, [_("Treaty obligation"), _("Provisions"), _("Status")])
    for row in report.matrix:
        cells = table.add_row().cells
        cells[0].text = f"{row.citation} {row.heading}".strip()
        cells[1].text = ", ".join(title for _eid, title in row.provisions) or "—"
        cells[2].text = str(row.status_display)

    if report.alignment is not None:
        document.add_heading(_("Alignment with the law in force"), level=1)
        document.add_paragraph(report.unchanged_note)
        table = _table(document, [_("Change"), _("Provision"), _("Redline")])
        for row in report.changes:
            cells = table.add_row().cells
            cells[0].text = str(row.status_display)
            cells[1].text = row.title
            paragraph = cells[2].paragraphs[0]
            for op, text in row.chunks:
                run = paragraph.add_run(text)
                run.font.strike = op == "delete"
                run.font.underline = op == "insert"

    output = io.BytesIO()
    document.save(output)
    output.seek(0)
    return output, DOCX_TYPE


def _labelled(document, label, text):
    paragraph = document.add_paragraph()
    # Chinese takes a full-width colon, so the punctuation is part of the translation.
    label_run = paragraph.add_run(
        pgettext("label before its value", "%(label)s:") % {"label": label} + " "
    )
    label_run.bold = True
    paragraph.add_run(text)


def _table(document, headings):
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = str(heading)
    return table
