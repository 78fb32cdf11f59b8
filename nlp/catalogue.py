"""The PLT/STLT treaty catalogue: the single source of treaty citations for the checker."""

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "fixtures" / "treaties" / "plt_stlt.json"

TREATIES = ("PLT", "STLT")
KINDS = ("article", "rule", "paragraph", "subparagraph", "item")
OBLIGATION_KEYS = ("must_accept", "may_require", "must_not_require", "exceptions")
# "PLT Art. 8(4)(b)", "PLT Rule 9(3)", "STLT Art. 8(4)", "STLT Rule 6(4)"
CITATION_RE = re.compile(r"^(PLT|STLT) (Art\.|Rule) \d+(\(\d+\))?(\([a-z]\))?(\((?:[ivx]+)\))?$")


class CatalogueError(ValueError):
    """The catalogue file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class Provision:
    citation: str
    treaty: str
    kind: str
    parent: str | None
    number: str
    heading_en: str
    heading_zh: str
    summary_en: str
    summary_zh: str
    obligation: dict | None
    categories: tuple[str, ...]

    def heading(self, lang: str) -> str:
        return self.heading_zh if lang == "zh" else self.heading_en

    def summary(self, lang: str) -> str:
        return self.summary_zh if lang == "zh" else self.summary_en

    def obligation_items(self, key: str, lang: str) -> list[str]:
        if not self.obligation:
            return []
        return list(self.obligation.get(f"{key}_zh" if lang == "zh" else key, []))


class Catalogue:
    def __init__(self, data: dict):
        self.treaties = {t["code"]: t for t in data["treaties"]}
        self.provisions: dict[str, Provision] = {}
        for raw in data["provisions"]:
            prov = Provision(
                citation=raw["citation"],
                treaty=raw["treaty"],
                kind=raw["kind"],
                parent=raw["parent"],
                number=raw["number"],
                heading_en=raw["heading_en"],
                heading_zh=raw["heading_zh"],
                summary_en=raw["summary_en"],
                summary_zh=raw["summary_zh"],
                obligation=raw["obligation"],
                categories=tuple(raw["categories"]),
            )
            self.provisions[prov.citation] = prov

    def get(self, citation: str) -> Provision:
        try:
            return self.provisions[citation]
        except KeyError:
            raise KeyError(f"unknown treaty citation: {citation}") from None

    def __contains__(self, citation: str) -> bool:
        return citation in self.provisions

    def children(self, citation: str) -> list[Provision]:
        return [p for p in self.provisions.values() if p.parent == citation]

    def filing_obligations(self) -> list[Provision]:
        """Provisions with a structured obligation: the rows of the compliance matrix."""
        return [p for p in self.provisions.values() if p.obligation]


def validate(data: dict) -> list[str]:
    """Return a list of problems (empty when the catalogue is consistent)."""
    problems = []
    codes = {t.get("code") for t in data.get("treaties", [])}
    if codes != set(TREATIES):
        problems.append(f"treaties must be exactly {TREATIES}, got {sorted(map(str, codes))}")
    seen = set()
    for raw in data.get("provisions", []):
        cit = raw.get("citation", "")
        if not CITATION_RE.match(cit):
            problems.append(f"bad citation form: {cit!r}")
        if cit in seen:
            problems.append(f"duplicate citation: {cit}")
        seen.add(cit)
        if raw.get("treaty") != cit.split(" ")[0]:
            problems.append(f"{cit}: treaty does not match citation")
        if raw.get("kind") not in KINDS:
            problems.append(f"{cit}: bad kind {raw.get('kind')!r}")
        if raw.get("is_summary") is not True or raw.get("official_text") is None:
            problems.append(f"{cit}: must be marked is_summary with an official_text field")
        for field in ("heading_en", "heading_zh", "summary_en", "summary_zh"):
            if not raw.get(field):
                problems.append(f"{cit}: empty {field}")
        obligation = raw.get("obligation")
        if obligation is not None:
            for key in OBLIGATION_KEYS:
                if len(obligation.get(key, [])) != len(obligation.get(f"{key}_zh", [])):
                    problems.append(f"{cit}: {key} and {key}_zh differ in length")
    for raw in data.get("provisions", []):
        parent = raw.get("parent")
        if parent is not None and parent not in seen:
            problems.append(f"{raw.get('citation')}: unknown parent {parent}")
        if parent is not None and not raw["citation"].startswith(parent):
            problems.append(f"{raw.get('citation')}: citation does not extend parent {parent}")
    return problems


def load(path: str | Path | None = None) -> Catalogue:
    """Load and validate a catalogue file; the default one is cached."""
    if path is None:
        return _default()
    return _load(Path(path))


def _load(path: Path) -> Catalogue:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CatalogueError(f"cannot read treaty catalogue {path}: {exc}") from exc
    problems = validate(data)
    if problems:
        raise CatalogueError(f"invalid treaty catalogue {path}: " + "; ".join(problems[:5]))
    return Catalogue(data)


@lru_cache(maxsize=1)
def _default() -> Catalogue:
    return _load(DEFAULT_PATH)
