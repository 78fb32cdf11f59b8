"""Redlines between two texts and alignment of a draft's provisions with the law in force."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np
from rapidfuzz import fuzz, process

from nlp.segment import Segment

# Words for English, one token per ideograph for Chinese, whitespace and punctuation apart.
_TOKEN = re.compile(
    r"\s+|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]|\w+|[^\w\s]"
)
# Below this similarity a provision with the same eid is a different provision.
SAME_EID_MIN_SIMILARITY = 40.0
# A renumbered provision must be at least this similar to the old one it is matched with.
MOVED_MIN_SIMILARITY = 70.0
# The all-pairs pass compares only the openings of texts, with some slack, then the
# best few candidates per provision are compared in full.
_OPENING_CHARS = 160
_OPENING_SLACK = 15
_CANDIDATES_PER_PROVISION = 3
_SAME_EID_BONUS = 10.0


@dataclass
class Alignment:
    """How one provision of the new text relates to the old text.

    ``status`` is ``unchanged``, ``changed``, ``new`` or ``deleted``; ``renumbered`` is
    true when a matched provision's eid differs (it moved or was renumbered).
    ``similarity`` is 0–100; ``redline_html`` is set only for changed provisions.
    """

    status: str
    old: Segment | None
    new: Segment | None
    similarity: float
    renumbered: bool = False
    redline_html: str = ""


def redline(old: str, new: str) -> list[tuple[str, str]]:
    """Diff ``old`` against ``new`` word by word (character by character for Chinese).

    Returns ``(op, text)`` chunks with op ``equal``, ``delete`` or ``insert``; joining
    the ``equal`` and ``delete`` chunks gives ``old``, ``equal`` and ``insert`` give ``new``.
    Meant for provision-sized texts; align whole laws first with :func:`align_provisions`.
    """
    old_tokens = _TOKEN.findall(old)
    new_tokens = _TOKEN.findall(new)
    opcodes = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False).get_opcodes()
    chunks: list[tuple[str, str]] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for position, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        old_part = "".join(old_tokens[i1:i2])
        if tag != "equal":
            deleted.append(old_part)
            inserted.append("".join(new_tokens[j1:j2]))
            continue
        if (
            deleted
            and any(inserted)
            and any(deleted)
            and not old_part.strip()
            and (position + 1 < len(opcodes))
        ):
            # A lone space between two replacements: keep the rewritten phrase in one piece.
            deleted.append(old_part)
            inserted.append(old_part)
            continue
        _flush(chunks, deleted, inserted)
        chunks.append(("equal", old_part))
    _flush(chunks, deleted, inserted)
    return chunks


def _flush(chunks: list[tuple[str, str]], deleted: list[str], inserted: list[str]) -> None:
    """Append the pending change as one delete and one insert chunk, then clear it."""
    for op, parts in (("delete", deleted), ("insert", inserted)):
        text = "".join(parts)
        if text:
            chunks.append((op, text))
        parts.clear()


def redline_html(old: str, new: str) -> str:
    """The redline as HTML: deletions in ``<del>``, insertions in ``<ins>``, all escaped."""
    parts = []
    for op, text in redline(old, new):
        escaped = html.escape(text)
        if op == "delete":
            parts.append(f"<del>{escaped}</del>")
        elif op == "insert":
            parts.append(f"<ins>{escaped}</ins>")
        else:
            parts.append(escaped)
    return "".join(parts)


def _content(segment: Segment) -> str:
    """What is compared: heading and own text, with whitespace normalised."""
    return " ".join(f"{segment.heading} {segment.text}".split())


def align_provisions(old: list[Segment], new: list[Segment]) -> list[Alignment]:
    """Match the provisions of ``new`` (a draft) to ``old`` (the law in force).

    Identical texts are matched first (wherever they moved); then, most similar first,
    provisions that kept their eid and are still somewhat similar, and renumbered
    provisions found by rapidfuzz similarity (``process.cdist``, so 2,000 × 2,000
    provisions stay fast). The result follows the
    order of ``new``, with each deleted provision placed after its old predecessor.
    """
    old_text = [_content(s) for s in old]
    new_text = [_content(s) for s in new]
    pairs: dict[int, tuple[int, float]] = {}  # new index -> (old index, similarity)
    used_old: set[int] = set()

    _match_identical(old, new, old_text, new_text, pairs, used_old)
    candidates = _same_eid_candidates(old, new, old_text, new_text, pairs, used_old)
    candidates += _similar_candidates(old_text, new_text, pairs, used_old)
    _assign_best_first(candidates, old, new, pairs, used_old)

    alignments: list[Alignment] = []
    deleted = [i for i in range(len(old)) if i not in used_old]
    next_deleted = 0
    for new_index, segment in enumerate(new):
        match = pairs.get(new_index)
        if match is None:
            alignments.append(Alignment("new", None, segment, 0.0))
            continue
        old_index, similarity = match
        while next_deleted < len(deleted) and deleted[next_deleted] < old_index:
            alignments.append(Alignment("deleted", old[deleted[next_deleted]], None, 0.0))
            next_deleted += 1
        alignments.append(
            _pair(old[old_index], segment, old_text[old_index], new_text[new_index], similarity)
        )
    alignments.extend(Alignment("deleted", old[i], None, 0.0) for i in deleted[next_deleted:])
    return alignments


def _pair(old: Segment, new: Segment, old_text: str, new_text: str, similarity: float) -> Alignment:
    renumbered = old.eid != new.eid
    if old_text == new_text:
        return Alignment("unchanged", old, new, 100.0, renumbered)
    markup = redline_html(
        "\n".join(filter(None, (old.heading, old.text))),
        "\n".join(filter(None, (new.heading, new.text))),
    )
    return Alignment("changed", old, new, similarity, renumbered, markup)


def _match_identical(
    old: list[Segment],
    new: list[Segment],
    old_text: list[str],
    new_text: list[str],
    pairs: dict[int, tuple[int, float]],
    used_old: set[int],
) -> None:
    by_text: dict[str, list[int]] = {}
    for index, text in enumerate(old_text):
        if text:
            by_text.setdefault(text, []).append(index)
    old_eids = {segment.eid: index for index, segment in enumerate(old)}
    for new_index, text in enumerate(new_text):
        candidates = [i for i in by_text.get(text, ()) if i not in used_old]
        if not candidates:
            continue
        # Repeated texts ("(a) the name of the applicant;") pair with the same eid if possible.
        same_eid = old_eids.get(new[new_index].eid)
        old_index = same_eid if same_eid in candidates else candidates[0]
        pairs[new_index] = (old_index, 100.0)
        used_old.add(old_index)


def _same_eid_candidates(
    old: list[Segment],
    new: list[Segment],
    old_text: list[str],
    new_text: list[str],
    pairs: dict[int, tuple[int, float]],
    used_old: set[int],
) -> list[tuple[float, int, int]]:
    """(similarity, new index, old index) for unmatched provisions that kept their eid."""
    old_eids = {segment.eid: index for index, segment in enumerate(old)}
    candidates = []
    for new_index, segment in enumerate(new):
        old_index = old_eids.get(segment.eid)
        if new_index in pairs or old_index is None or old_index in used_old:
            continue
        if not old_text[old_index] and not new_text[new_index]:
            similarity = 100.0  # containers without heading or text: the eid is all we have
        else:
            similarity = fuzz.ratio(old_text[old_index], new_text[new_index])
        if similarity >= SAME_EID_MIN_SIMILARITY:
            candidates.append((similarity, new_index, old_index))
    return candidates


def _similar_candidates(
    old_text: list[str],
    new_text: list[str],
    pairs: dict[int, tuple[int, float]],
    used_old: set[int],
) -> list[tuple[float, int, int]]:
    """(similarity, new index, old index) for provisions that may have been renumbered.

    A cheap all-pairs pass on the openings of the texts (``process.cdist``) picks a few
    candidates per provision, which are then scored in full.
    """
    new_left = [i for i in range(len(new_text)) if i not in pairs and new_text[i]]
    old_left = [i for i in range(len(old_text)) if i not in used_old and old_text[i]]
    if not new_left or not old_left:
        return []
    opening_scores = process.cdist(
        [new_text[i][:_OPENING_CHARS] for i in new_left],
        [old_text[i][:_OPENING_CHARS] for i in old_left],
        scorer=fuzz.ratio,
        score_cutoff=MOVED_MIN_SIMILARITY - _OPENING_SLACK,
        dtype=np.uint8,
        workers=-1,
    )
    keep = min(_CANDIDATES_PER_PROVISION, len(old_left))
    best_columns = np.argpartition(opening_scores, -keep, axis=1)[:, -keep:]
    candidates = []
    for row, columns in enumerate(best_columns):
        for col in columns:
            if not opening_scores[row, col]:
                continue
            new_index, old_index = new_left[row], old_left[int(col)]
            score = fuzz.ratio(
                new_text[new_index], old_text[old_index], score_cutoff=MOVED_MIN_SIMILARITY
            )
            if score:
                candidates.append((score, new_index, old_index))
    return candidates


def _assign_best_first(
    candidates: list[tuple[float, int, int]],
    old: list[Segment],
    new: list[Segment],
    pairs: dict[int, tuple[int, float]],
    used_old: set[int],
) -> None:
    """Greedy matching: the most similar pairs first, each provision matched at most once.

    A provision that kept its eid gets a bonus, so it wins ties against a renumbered one,
    but a clearly better renumbered match still beats a weak same-eid one.
    """

    def rank(candidate: tuple[float, int, int]) -> float:
        score, new_index, old_index = candidate
        return score + (_SAME_EID_BONUS if new[new_index].eid == old[old_index].eid else 0)

    for score, new_index, old_index in sorted(candidates, key=rank, reverse=True):
        if new_index in pairs or old_index in used_old:
            continue
        pairs[new_index] = (old_index, score)
        used_old.add(old_index)
