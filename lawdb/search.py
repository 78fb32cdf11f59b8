"""Full-text search over lawdb's models, and highlighted snippets.

On PostgreSQL an English query uses full-text search (stemming, ranking); provisions keep a
stored, GIN-indexed tsvector so that search stays fast on large corpora. Chinese has no
spaces between words, so a query containing Chinese characters, and every query on SQLite,
matches each term as a substring instead. Snippets are built in Python for both paths, so
they look the same everywhere.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connections, models
from django.db.models import F, FloatField, Q, Value
from django.utils.html import escape
from django.utils.safestring import mark_safe

SEARCH_CONFIG = "english"
MAX_QUERY_TERMS = 8
SNIPPET_CHARS = 240

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
_TERM_RE = re.compile(f"[{_CJK}]+|[^\\W_]+(?:[-'][^\\W_]+)*")


def query_terms(query):
    """The words of a query (a run of Chinese characters counts as one term)."""
    return _TERM_RE.findall(query or "")[:MAX_QUERY_TERMS]


def uses_full_text_search(using, query):
    return connections[using].vendor == "postgresql" and not _CJK_RE.search(query)


class SearchableQuerySet(models.QuerySet):
    """``matching(query)`` filters by a text query and annotates ``search_rank``.

    Subclasses name their ``search_columns``; a ``search_document_column`` is a stored
    tsvector kept current with ``refresh_search_document()``.
    """

    search_columns = ()
    search_document_column = None

    def matching(self, query):
        """Rows matching ``query``, annotated with ``search_rank``."""
        terms = query_terms(query)
        if not terms:
            return self.none()
        if uses_full_text_search(self.db, query):
            return (
                self.alias(search_document_expr=self._document())
                .filter(search_document_expr=self._search_query(terms))
                .rank(query)
            )
        condition = Q()
        for term in terms:
            any_column = Q()
            for column in self.search_columns:
                any_column |= Q(**{f"{column}__icontains": term})
            condition &= any_column
        return self.filter(condition).rank(query)

    def rank(self, query):
        """Annotate ``search_rank`` (PostgreSQL's ts_rank; 1 for substring matches)."""
        if not uses_full_text_search(self.db, query):
            return self.annotate(search_rank=Value(1.0, output_field=FloatField()))
        queryset = self
        if self.search_document_column:
            # The stored tsvector is only needed inside the database.
            queryset = queryset.defer(self.search_document_column)
        search_query = self._search_query(query_terms(query))
        return queryset.annotate(search_rank=SearchRank(self._document(), search_query))

    def _document(self):
        if self.search_document_column:
            return F(self.search_document_column)
        return SearchVector(*self.search_columns, config=SEARCH_CONFIG)

    @staticmethod
    def _search_query(terms):
        return SearchQuery(" ".join(terms), search_type="websearch", config=SEARCH_CONFIG)

    def refresh_search_document(self):
        """Recompute the stored tsvector (PostgreSQL only; SQLite searches by substring)."""
        if self.search_document_column and connections[self.db].vendor == "postgresql":
            self.update(
                **{
                    self.search_document_column: SearchVector(
                        *self.search_columns, config=SEARCH_CONFIG
                    )
                }
            )


def _highlight_pattern(query):
    parts = []
    for term in query_terms(query):
        if _CJK_RE.search(term):
            parts.append(re.escape(term))
        else:
            # Match inflected forms as the stemmed search does: "signature" -> "signatures".
            stem = term if len(term) <= 5 else term[: len(term) - 2]
            parts.append(r"\b" + re.escape(stem) + r"\w*")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def highlight(text, query, width=SNIPPET_CHARS):
    """An HTML-escaped excerpt of ``text`` around the first match, matches in ``<mark>``."""
    text = " ".join((text or "").split())
    pattern = _highlight_pattern(query)
    first = pattern.search(text) if pattern else None
    start = max(0, first.start() - width // 3) if first else 0
    excerpt = text[start : start + width]
    pieces = ["…" if start else ""]
    position = 0
    for match in pattern.finditer(excerpt) if pattern else ():
        pieces.append(escape(excerpt[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(excerpt[position:]))
    if start + width < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))
