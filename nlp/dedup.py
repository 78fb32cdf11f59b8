"""Cluster form-letter campaigns among public comments.

Pipeline: normalise each comment (case, width, punctuation, greeting and sign-off folded
away) and collapse exact copies of the normalised text; sketch each distinct text with
MinHash over its word bigrams (CJK: character bigrams) and cut the sketch into LSH bands.
A new text is compared, with rapidfuzz, only with the representatives of the clusters it
meets in its LSH buckets (a bucket is known by its earliest text), so the work grows
linearly with the number of comments: no all-pairs comparison. Texts join clusters in input
order through a union-find; see `IncrementalClusterer` for the rules.

Batch (`cluster`, `cluster_stream`) and live use share this code: the web app indexes
`signature(text).band_keys()` in its database, verifies with `Signature.similarity` /
`is_same_campaign`, and mirrors `IncrementalClusterer` step by step.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from hashlib import blake2b
from itertools import chain, islice
from typing import IO

import numpy as np
from rapidfuzz.distance import LCSseq

__all__ = [
    "THRESHOLD",
    "Assignment",
    "IncrementalClusterer",
    "Signature",
    "can_merge_clusters",
    "cluster",
    "cluster_stream",
    "is_same_campaign",
    "normalise",
    "signature",
    "similarity",
]

#: Minimum `similarity()` for two comments to count as copies of the same campaign text.
THRESHOLD = 65

# Two clusters merge when a new text matches both representatives and those are within
# this many points of the threshold of each other: heavily varied copies of one letter can
# drift that far from its plain copy, distinct letters that a third text matches seldom do.
_BRIDGED_SLACK = 10
_BANDS = 20
_ROWS = 4
_CHUNK = 10_000  # comments per worker task

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CJK_SPLIT_RE = re.compile(rf"[{_CJK}]+|[^{_CJK}]+")
_CJK_CHAR_RE = re.compile(rf"[{_CJK}]")
_WORD_RE = re.compile(r"[^\W_]+")
_SENTENCE_RE = re.compile(r"[.!?;。！？；…\n]+")

# Greetings are only recognised at the very start, so a sentence opening with "Hi" or
# "To the" deeper in the text is kept.
_SALUTATION_RE = re.compile(
    r"^\W*(?:"
    r"to whom it may concern"
    r"|(?:dear|hello|hi|hey|greetings|good (?:morning|afternoon|evening)|attn|attention"
    r"|to (?:the|all|members|commissioners?|chairman|chairwoman|chair))\b[^\n,:;!.?]{0,60}"
    r"[\n,:;!.]"  # a greeting ends in punctuation or a line break, else it is not one
    r"|尊敬的[^\n,:。]{0,40}[\n,:]|(?:您好|你好|各位[^\n,:。]{0,10}好)"
    r")[\s,:;!.。]*"
)
# A sign-off opens a sentence or line and is followed only by a short tail (a name, a town).
_SIGNOFF_RE = re.compile(
    r"(?:^|(?<=[\n.!?。!?]))\s*(?:"
    r"(?:yours )?(?:very )?(?:sincerely|truly|faithfully|respectfully)(?: yours| submitted)?"
    r"|(?:best|kind|warm|warmest|with)? ?regards|best(?: wishes)?|cheers|signed|thanks?(?: you)?"
    r"|thank you (?:very much|so much)|sent from my|-+|—+"
    r"|此致|谢谢|顺颂[^\n]{0,6}|祝好|敬上|敬礼"
    r")(?=[\s,:;!.。!-]|$)"
)
_SIGNOFF_TAIL = 80


@dataclass(frozen=True)
class Assignment:
    """Where one comment landed: its cluster, whether it is the cluster's representative copy
    and its similarity (0-100) to that representative."""

    id: str | int
    cluster: str
    representative: bool
    similarity: int


def _fold(text: str) -> str:
    """Unicode width/compatibility and case folding, then salutation and sign-off removal."""
    text = unicodedata.normalize("NFKC", text).casefold()
    for _ in range(2):  # "Hello, dear FCC," carries two greetings
        match = _SALUTATION_RE.match(text)
        if not match:
            break
        text = text[match.end() :]
    # only the end can hold a sign-off: bound the (slow, lookbehind) search to it
    for match in _SIGNOFF_RE.finditer(text, max(0, len(text) - _SIGNOFF_TAIL - 40)):
        tail = text[match.end() :]
        if (
            len(tail) <= _SIGNOFF_TAIL
            and len(tail.split()) <= 10
            and _WORD_RE.search(text[: match.start()])
        ):
            return text[: match.start()]
    return text


def _sentences(text: str) -> list[str]:
    """Normalised sentences: words only, single-spaced."""
    return [
        " ".join(words)
        for sentence in _SENTENCE_RE.split(_fold(text))
        if (words := _WORD_RE.findall(sentence))
    ]


def normalise(text: str) -> str:
    """Fold case, width, whitespace and punctuation and drop greetings and sign-offs, so that
    copies differing only in those respects compare equal."""
    return " ".join(_sentences(text))


def _tokens(sentence: str) -> list[str]:
    """Words of a normalised sentence; CJK runs become overlapping character bigrams because
    Chinese is written without spaces."""
    if sentence.isascii():
        return sentence.split(" ")
    tokens = []
    for word in sentence.split(" "):
        if not _CJK_CHAR_RE.search(word):
            tokens.append(word)
            continue
        for run in _CJK_SPLIT_RE.findall(word):
            if not _CJK_CHAR_RE.match(run) or len(run) == 1:
                tokens.append(run)
            else:
                tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
    return tokens


class _TokenHashes(dict):
    """Stable 64-bit token hashes (Python's `hash` is salted per process, and the app stores
    band keys across processes)."""

    def __missing__(self, token: str) -> int:
        if len(self) > 1_000_000:  # bound memory; typos keep minting new tokens
            self.clear()
        value = int.from_bytes(blake2b(token.encode(), digest_size=8).digest(), "little")
        self[token] = value
        return value


_token_hashes = _TokenHashes()

_U64 = np.uint64
_rng = np.random.default_rng(20170518)  # fixed: band keys must not change between runs
_MULT = (_rng.integers(0, 2**32, size=_BANDS * _ROWS, dtype=np.uint64) | 1).astype(np.uint32)
_ADD = _rng.integers(0, 2**32, size=_BANDS * _ROWS, dtype=np.uint64).astype(np.uint32)
_EMPTY_HASH = _U64(0x5BD1E9955BD1E995)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads entropy over all bits (vectorised)."""
    x = x ^ (x >> _U64(30))
    x = x * _U64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> _U64(27))
    x = x * _U64(0x94D049BB133111EB)
    return x ^ (x >> _U64(31))


def _codes(hashes: np.ndarray) -> np.ndarray:
    """Map hashes to BMP code points outside the surrogate block, so a sorted feature list
    becomes a compact str that rapidfuzz compares element-wise."""
    codes = ((hashes >> _U64(32)) * _U64(0xF800)) >> _U64(32)  # multiply-shift: no division
    return codes + (codes >= _U64(0xD800)) * _U64(0x800)


def _sorted_strings(doc: np.ndarray, hashes: np.ndarray, n: int) -> list[str]:
    """Per document, its feature codes sorted into one str (sorted multisets turn rapidfuzz's
    LCS into the size of the multiset intersection)."""
    codes = _codes(hashes)
    if n <= 0xFFFF:  # (doc, code) fits 32 bits: a faster sort
        codes = codes.astype(np.uint32)
    keys = np.sort((doc.astype(codes.dtype) << codes.dtype.type(16)) | codes)
    text = (keys & 0xFFFF).astype("<u4").tobytes().decode("utf-32-le")
    ends = np.cumsum(np.bincount(doc, minlength=n)).tolist()
    starts = [0, *ends[:-1]]
    return [text[s:e] for s, e in zip(starts, ends, strict=True)]


@dataclass(frozen=True)
class _Sketches:
    """LSH band keys (bands x docs) and the verification strings of a batch of documents."""

    bands: np.ndarray
    words: list[str]
    bigrams: list[str]


def _sketch(docs: list[list[str]]) -> _Sketches:
    """Vectorised MinHash over the word bigrams of each document (given as its sentences)."""
    n = len(docs)
    tokens: list[str] = []
    sentence_lengths: list[int] = []
    doc_lengths: list[int] = []
    for sentences in docs:
        before = len(tokens)
        text = " ".join(sentences)
        if text.isascii():  # the common case, without a call per sentence
            tokens.extend(text.split(" ") if text else ())
            sentence_lengths.extend(sentence.count(" ") + 1 for sentence in sentences)
        else:
            for sentence in sentences:
                words = _tokens(sentence)
                tokens.extend(words)
                sentence_lengths.append(len(words))
        doc_lengths.append(len(tokens) - before)
    hashes = np.fromiter(map(_token_hashes.__getitem__, tokens), np.uint64, count=len(tokens))
    doc = np.repeat(np.arange(n), doc_lengths)
    # Bigrams never span a sentence boundary, so reordered sentences keep all their bigrams.
    continues = np.ones(len(tokens), dtype=bool)
    continues[np.cumsum(sentence_lengths) - 1] = False
    first = np.flatnonzero(continues)
    bigrams = _mix(hashes[first] * _U64(0x9E3779B97F4A7C15) + hashes[first + 1])
    bigram_doc = doc[first]

    # MinHash features: bigrams; one-word documents fall back to the word, empty ones to a
    # constant so that every document has at least one feature.
    lengths = np.asarray(doc_lengths)
    no_bigram = (np.bincount(bigram_doc, minlength=n) == 0)[doc]
    empty = np.flatnonzero(lengths == 0)
    feature_doc = np.concatenate([bigram_doc, doc[no_bigram], empty])
    feature = np.concatenate([bigrams, hashes[no_bigram], np.full(len(empty), _EMPTY_HASH)])
    order = np.argsort(feature_doc, kind="stable")
    values = (feature[order] >> _U64(32)).astype(np.uint32)
    starts = np.concatenate([[0], np.cumsum(np.bincount(feature_doc, minlength=n))[:-1]])

    bands = np.empty((_BANDS, n), dtype=np.uint64)
    scratch = np.empty_like(values)
    for band in range(_BANDS):
        key = np.full(n, band, dtype=np.uint64)
        for row in range(band * _ROWS, (band + 1) * _ROWS):
            np.multiply(values, _MULT[row], out=scratch)
            np.add(scratch, _ADD[row], out=scratch)
            key = _mix(key ^ np.minimum.reduceat(scratch, starts).astype(np.uint64))
        bands[band] = key
    return _Sketches(
        bands, _sorted_strings(doc, hashes, n), _sorted_strings(bigram_doc, bigrams, n)
    )


def _score(words_a: str, words_b: str, bigrams_a: str, bigrams_b: str) -> int:
    """Verification score 0-100 from sorted feature strings: the mean Dice overlap of words
    (forgiving typos and swapped words) and of word bigrams (keeping local word order).
    Sorted multisets make rapidfuzz's LCS the size of their intersection."""
    total_words = len(words_a) + len(words_b)
    if not total_words:
        return 100
    score = 2 * LCSseq.similarity(words_a, words_b) / total_words
    total_bigrams = len(bigrams_a) + len(bigrams_b)
    if total_bigrams:  # one-word comments have no bigrams: judge them on words alone
        score = (score + 2 * LCSseq.similarity(bigrams_a, bigrams_b) / total_bigrams) / 2
    return round(100 * score)


@dataclass(frozen=True)
class Signature:
    """What the app stores per comment: `exact_key` (equal for copies that differ only in
    case, punctuation, greeting or sign-off), `band_keys()` (index them: comments sharing a
    key are the candidates to verify) and the sorted feature strings `similarity` compares."""

    exact_key: str
    bands: tuple[int, ...]
    words: str
    bigrams: str

    def band_keys(self) -> list[str]:
        # the band number is mixed into each key, the prefix keeps keys readable
        return [f"{band:02d}{key:016x}" for band, key in enumerate(self.bands)]

    def similarity(self, other: Signature) -> int:
        if self.exact_key == other.exact_key:
            return 100
        return _score(self.words, other.words, self.bigrams, other.bigrams)


def _exact_key(sentences: list[str]) -> str:
    return blake2b(" ".join(sentences).encode(), digest_size=16).hexdigest()


def signature(text: str) -> Signature:
    sentences = _sentences(text)
    sketches = _sketch([sentences])
    return Signature(
        _exact_key(sentences),
        tuple(sketches.bands[:, 0].tolist()),
        sketches.words[0],
        sketches.bigrams[0],
    )


def similarity(text_a: str, text_b: str) -> int:
    """Similarity 0-100 of two comments as copies of one text (the batch verification)."""
    return signature(text_a).similarity(signature(text_b))


def is_same_campaign(score: int, threshold: int = THRESHOLD) -> bool:
    """Whether a comment scoring `score` against a cluster's representative joins it."""
    return score >= threshold


def can_merge_clusters(rep_score: int, threshold: int = THRESHOLD) -> bool:
    """Whether two clusters that one new comment joins both merge, given the similarity of
    their representatives."""
    return rep_score >= threshold - _BRIDGED_SLACK


# --- clustering ----------------------------------------------------------------------------


class IncrementalClusterer:
    """Comments arrive one at a time; each joins a cluster or starts one, without
    recomputing anything. The batch path runs this same procedure, so `assignments()`
    equals `cluster()` on the same sequence; the app mirrors it with `band_keys()` indexed
    in the database.

    A new text is compared with the representative of each cluster whose bucket leaders
    (the earliest text in each of its LSH buckets) it meets, and joins the best match.
    Comparing with representatives, not with any member, keeps one look-alike comment from
    chaining two campaigns together; two clusters merge only when a text matches both and
    their representatives match each other. The representative is the cluster's most
    copied text (mail-merge variants scatter around it), the earliest on ties; a cluster is
    named after its earliest comment.
    """

    def __init__(self, threshold: int = THRESHOLD) -> None:
        self.threshold = threshold
        self._ids: list[str | int] = []
        self._line_group: list[int] = []
        # per distinct (normalised) text, numbered by first appearance
        self._group_of: dict[str, int] = {}
        self._words: list[str] = []
        self._bigrams: list[str] = []
        self._first_line: list[int] = []
        self._count: list[int] = []
        self._parent: list[int] = []
        self._rep: dict[int, int] = {}  # root group -> representative group
        self._bucket_leader: dict[int, int] = {}

    def _root(self, group: int) -> int:
        parent = self._parent
        while parent[group] != group:
            parent[group] = parent[parent[group]]
            group = parent[group]
        return group

    def _similarity(self, a: int, b: int) -> int:
        if a == b:
            return 100
        return _score(self._words[a], self._words[b], self._bigrams[a], self._bigrams[b])

    def _better(self, a: int, b: int) -> int:
        return a if (-self._count[a], a) <= (-self._count[b], b) else b

    def _union(self, a: int, b: int) -> int:
        low, high = sorted((self._root(a), self._root(b)))
        if low != high:  # the earliest group stays root, so cluster names never change
            self._parent[high] = low
            self._rep[low] = self._better(self._rep.pop(high), self._rep[low])
        return low

    def _place(self, group: int, bands: Iterable[int]) -> None:
        """Attach a new distinct text to the cluster it matches best, if any."""
        roots: list[int] = []
        for key in bands:
            leader = self._bucket_leader.setdefault(key, group)
            if leader != group:
                root = self._root(leader)
                if root not in roots:
                    roots.append(root)
        matches = []
        for root in roots:
            score = self._similarity(group, self._rep[root])
            if score >= self.threshold:
                matches.append((-score, root))
        if not matches:
            return
        matches.sort()
        root = self._union(matches[0][1], group)
        for _, other in matches[1:]:
            if self._root(other) != root and can_merge_clusters(
                self._similarity(self._rep[root], self._rep[other]), self.threshold
            ):
                root = self._union(root, other)

    def _add_copy(self, ident: str | int, exact_key: str) -> bool:
        """Record the comment if its normalised text was seen before; False otherwise."""
        group = self._group_of.get(exact_key)
        if group is None:
            return False
        self._count[group] += 1
        root = self._root(group)
        self._rep[root] = self._better(group, self._rep[root])
        self._ids.append(ident)
        self._line_group.append(group)
        return True

    def _add_text(
        self, ident: str | int, exact_key: str, bands: Iterable[int], words: str, bigrams: str
    ) -> None:
        group = self._group_of[exact_key] = len(self._words)
        self._words.append(words)
        self._bigrams.append(bigrams)
        self._first_line.append(len(self._ids))
        self._count.append(1)
        self._parent.append(group)
        self._rep[group] = group
        self._ids.append(ident)
        self._line_group.append(group)
        self._place(group, bands)

    def add(self, ident: str | int, text: str) -> Assignment:
        sig = signature(text)
        if not self._add_copy(ident, sig.exact_key):
            self._add_text(ident, sig.exact_key, sig.bands, sig.words, sig.bigrams)
        line = len(self._ids) - 1
        group = self._line_group[line]
        rep = self._rep[self._root(group)]
        return self._assignment(line, rep, self._similarity(group, rep))

    def _assignment(self, line: int, rep: int, score: int) -> Assignment:
        root = self._root(self._line_group[line])
        return Assignment(
            self._ids[line],
            str(self._ids[self._first_line[root]]),
            line == self._first_line[rep],
            score,
        )

    def assignments(self) -> list[Assignment]:
        """Current assignment of every comment added so far, in arrival order."""
        rep = [self._rep[self._root(group)] for group in range(len(self._words))]
        score = [self._similarity(group, r) for group, r in enumerate(rep)]
        return [
            self._assignment(line, rep[group], score[group])
            for line, group in enumerate(self._line_group)
        ]


def _parse(line: str, lineno: int) -> tuple[str | int, str] | None:
    if not line.strip():
        return None  # blank lines (e.g. a trailing one) are not records
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {lineno}: not valid JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise ValueError(f"line {lineno}: expected a JSON object with 'id' and 'text'")
    ident, text = record.get("id"), record.get("text")
    if not isinstance(ident, str | int) or isinstance(ident, bool):
        raise ValueError(f"line {lineno}: 'id' must be a string or an integer")
    if not isinstance(text, str):
        raise ValueError(f"line {lineno}: 'text' must be a string")
    return ident, text


@dataclass
class _Chunk:
    """A worker's output for one chunk: per record its line number, id and distinct-text
    index; per distinct text its exact key and sketches."""

    linenos: list[int]
    ids: list[str | int]
    docs: list[int]
    keys: list[str]
    sketches: _Sketches


def _prepare(task: tuple[int, list]) -> _Chunk:
    """Parse (raw JSONL lines) or take ((id, text) records), normalise and sketch one chunk;
    copies within the chunk are sketched once."""
    first_lineno, items = task
    linenos, ids, docs, keys = [], [], [], []
    sentences_of: list[list[str]] = []
    doc_of: dict[str, int] = {}
    for lineno, item in enumerate(items, start=first_lineno):
        record = _parse(item, lineno) if isinstance(item, str) else item
        if record is None:
            continue
        sentences = _sentences(record[1])
        text = " ".join(sentences)
        doc = doc_of.setdefault(text, len(sentences_of))
        if doc == len(sentences_of):
            sentences_of.append(sentences)
            keys.append(_exact_key(sentences))
        linenos.append(lineno)
        ids.append(record[0])
        docs.append(doc)
    return _Chunk(linenos, ids, docs, keys, _sketch(sentences_of))


def _chunks(items: Iterable, size: int) -> Iterator[tuple[int, list]]:
    batch: list = []
    first = 1
    for lineno, item in enumerate(items, start=1):
        batch.append(item)
        if len(batch) == size:
            yield first, batch
            batch, first = [], lineno + 1
    if batch:
        yield first, batch


def _prepared(items: Iterable) -> Iterator[_Chunk]:
    """Prepare chunks, in parallel worker processes when there is more than one chunk."""
    tasks = _chunks(items, _CHUNK)
    head = list(islice(tasks, 2))
    tasks = chain(head, tasks)
    workers = min(os.cpu_count() or 1, 4)
    if len(head) < 2 or workers < 2:
        yield from map(_prepare, tasks)
        return
    # fork: workers inherit the loaded module instead of re-importing it
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_prepare, tasks)


def _cluster_items(items: Iterable, threshold: int) -> list[Assignment]:
    clusterer = IncrementalClusterer(threshold)
    first_line_of: dict[str, int] = {}  # by str: clusters are named by str(id)
    for chunk in _prepared(items):
        bands, words, bigrams = chunk.sketches.bands, chunk.sketches.words, chunk.sketches.bigrams
        for lineno, ident, doc in zip(chunk.linenos, chunk.ids, chunk.docs, strict=True):
            seen = first_line_of.setdefault(str(ident), lineno)
            if seen != lineno:
                raise ValueError(f"line {lineno}: duplicate id {ident!r} (first on line {seen})")
            key = chunk.keys[doc]
            if not clusterer._add_copy(ident, key):
                clusterer._add_text(ident, key, bands[:, doc].tolist(), words[doc], bigrams[doc])
    return clusterer.assignments()


def cluster(
    records: Iterable[tuple[str | int, str]], threshold: int = THRESHOLD
) -> list[Assignment]:
    """Cluster (id, text) records into campaigns; one Assignment per record, in input order.
    Comments that belong to no campaign get a cluster of their own."""
    return _cluster_items(records, threshold)


def cluster_stream(lines_in: Iterable[str], out: IO[str]) -> None:
    """JSONL {"id", "text"} in, JSONL {"id", "cluster", "representative", "similarity"} out,
    one line per input record in input order (blank lines are skipped). Raises ValueError
    naming the line of the first malformed record; nothing is written in that case."""
    dumps = json.dumps
    for a in _cluster_items(lines_in, THRESHOLD):
        out.write(
            f'{{"id": {dumps(a.id)}, "cluster": {dumps(a.cluster)}, '
            f'"representative": {"true" if a.representative else "false"}, '
            f'"similarity": {a.similarity}}}\n'
        )
