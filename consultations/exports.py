"""Downloads of the consolidated compilation: PDF (WeasyPrint), DOCX, XLSX and CSV. Each maker
takes a Compilation and returns (bytes, MIME type). None of them ever sees an e-mail address:
they read only the Compilation's public fields."""

import csv
import io

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .compilation import ROW_HEADERS

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(row):
    """Cells that a spreadsheet would run as a formula are prefixed with an apostrophe."""
    return [f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_PREFIXES) else cell
            for cell in row]


def make_pdf(compilation, request):
    from weasyprint import HTML  # slow import; only PDF downloads need it

    html = render_to_string(
        "consultations/compilation_pdf.html",
        {"compilation": compilation, "charts": compilation.charts(),
         "page": compilation.consultation},
        request=request,
    )
    return HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf(), \
        "application/pdf"


def make_docx(compilation, request):
    import docx

    document = docx.Document()
    consultation = compilation.consultation
    document.add_heading(consultation.title, level=0)
    document.add_paragraph(
        _("Consolidated compilation of comments · %(reference)s · %(count)d submissions")
        % {"reference": consultation.reference, "count": compilation.submission_count}
    )
    for section in compilation.issues:
        document.add_heading(str(section.issue.heading()), level=1)
        for question_section in section.questions:
            document.add_heading(
                f"({question_section.question.number}) {question_section.question.text}",
                level=2,
            )
            _docx_comments(document, question_section.comments)
        if section.comments_on_issue:
            document.add_heading(_("Comments on the issue as a whole"), level=2)
            _docx_comments(document, section.comments_on_issue)
    if compilation.general_comments:
        document.add_heading(_("General comments"), level=1)
        _docx_comments(document, compilation.general_comments)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )


def _docx_comments(document, comments):
    for comment in comments:
        byline = ", ".join(
            str(part) for part in (comment.author, comment.organisation, comment.country) if part
        )
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{comment.submission.reference} · {byline}").bold = True
        document.add_paragraph(comment.text)


def make_xlsx(compilation, request):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Comments")[:31]
    sheet.append(ROW_HEADERS)
    for row in compilation.rows():
        sheet.append(spreadsheet_safe(row))
    for title, rows in (
        (_("By issue"), compilation.by_issue),
        (_("By stakeholder type"), compilation.by_stakeholder),
        (_("By region"), compilation.by_region),
    ):
        counts = workbook.create_sheet(title[:31])
        for label, count in rows:
            counts.append([label, count])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def make_csv(compilation, request):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(ROW_HEADERS)
    writer.writerows(spreadsheet_safe(row) for row in compilation.rows())
    # A BOM so that spreadsheet programs read the UTF-8 (Chinese) text correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8"), "text/csv; charset=utf-8"


MAKERS = {"pdf": make_pdf, "docx": make_docx, "xlsx": make_xlsx, "csv": make_csv}
