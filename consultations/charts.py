"""Horizontal bar charts as SVG, made on the server (no JavaScript, printable by WeasyPrint)."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 260
BAR_AREA = 300
COLOUR = "#1d5c8c"


def bar_chart_svg(title, rows):
    """An accessible SVG (role="img", a <title>) for ``rows`` of (label, count)."""
    rows = list(rows)
    peak = max((count for _label, count in rows), default=0) or 1
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_AREA + 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="Noto Sans CJK SC, sans-serif" font-size="13">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, count) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        bar = round(BAR_AREA * count / peak)
        text_y = y + BAR_HEIGHT * 0.7
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{text_y:.0f}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{bar}" height="{BAR_HEIGHT}" '
            f'fill="{COLOUR}"/>'
            f'<text x="{LABEL_WIDTH + bar + 6}" y="{text_y:.0f}">{count}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
