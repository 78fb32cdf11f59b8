"""Score the checker against a labelled JSONL file (precision / recall / F1)."""

import json
from collections import Counter
from dataclasses import dataclass, field

from nlp.checker import CATEGORIES, LABELS, classify
from nlp.errors import UnreadableInput

REQUIRED_FIELDS = ("text", "label", "category")


@dataclass
class Scores:
    total: int = 0
    per_label: dict = field(default_factory=dict)
    per_category: dict = field(default_factory=dict)
    label_accuracy: float = 0.0
    treaty_ref_accuracy: float | None = None  # over true conflicts predicted as conflicts
    errors: list = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "total": self.total,
            "label_accuracy": self.label_accuracy,
            "treaty_ref_accuracy": self.treaty_ref_accuracy,
            "per_label": self.per_label,
            "per_category": self.per_category,
            "errors": self.errors,
        }

    def to_text(self) -> str:
        lines = [f"clauses: {self.total}   label accuracy: {self.label_accuracy:.3f}"]
        if self.treaty_ref_accuracy is not None:
            lines.append(
                "treaty-ref accuracy (true conflicts found, same article cited): "
                f"{self.treaty_ref_accuracy:.3f}"
            )
        for title, table in (("label", self.per_label), ("category", self.per_category)):
            lines.append(f"\n{title:<24} {'prec':>6} {'rec':>6} {'f1':>6} {'support':>8}")
            for name, s in table.items():
                lines.append(
                    f"{name:<24} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
                    f"{s['support']:>8}"
                )
        return "\n".join(lines)


def read_labelled(lines) -> list[dict]:
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise UnreadableInput(f"line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict) or any(k not in record for k in REQUIRED_FIELDS):
            raise UnreadableInput(f"line {number}: needs the fields {', '.join(REQUIRED_FIELDS)}")
        records.append(record)
    return records


def _prf(gold: list[str], pred: list[str], names) -> dict:
    tp, fp, fn, support = Counter(), Counter(), Counter(), Counter(gold)
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    table = {}
    for name in names:
        if not support[name] and not fp[name]:
            continue
        precision = tp[name] / (tp[name] + fp[name]) if tp[name] + fp[name] else 0.0
        recall = tp[name] / (tp[name] + fn[name]) if tp[name] + fn[name] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[name] = {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "support": support[name],
        }
    return table


def article(citation: str) -> str:
    """'PLT Art. 8(4)(b)' -> 'PLT Art. 8': the level at which a citation is judged right."""
    return citation.split("(")[0]


def evaluate(records: list[dict]) -> Scores:
    gold_labels, pred_labels, gold_cats, pred_cats = [], [], [], []
    ref_hits = ref_total = 0
    errors = []
    for record in records:
        finding = classify(str(record["text"]), record.get("lang"))
        gold_labels.append(record["label"])
        pred_labels.append(finding.label)
        gold_cats.append(record["category"])
        pred_cats.append(finding.category)
        if record["label"] == "conflict" and finding.label == "conflict":
            ref_total += 1
            gold_articles = {article(c) for c in record.get("treaty_refs", [])}
            ref_hits += bool(gold_articles & {article(c) for c in finding.treaty_refs})
        if (record["label"], record["category"]) != (finding.label, finding.category):
            errors.append(
                {
                    "id": record.get("id"),
                    "gold": f"{record['label']}/{record['category']}",
                    "predicted": f"{finding.label}/{finding.category}",
                    "rule": finding.rule,
                }
            )
    total = len(records)
    correct = sum(g == p for g, p in zip(gold_labels, pred_labels, strict=True))
    return Scores(
        total=total,
        per_label=_prf(gold_labels, pred_labels, LABELS),
        per_category=_prf(gold_cats, pred_cats, CATEGORIES),
        label_accuracy=round(correct / total, 3) if total else 0.0,
        treaty_ref_accuracy=round(ref_hits / ref_total, 3) if ref_total else None,
        errors=errors,
    )
