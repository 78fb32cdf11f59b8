"""Pairwise precision, recall and F1 of a clustering against ground truth.

    python bench/dedup_score.py clusters.jsonl truth.jsonl

A pair of comments counts as predicted-together when both share a "cluster" in
clusters.jsonl and as truly-together when they share one in truth.jsonl. Counts come from
the contingency table (sum of C(n, 2) over cells, rows and columns), not by listing pairs.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter


def load_labels(path: str) -> dict[str, str]:
    with open(path, encoding="utf-8") as fh:
        return {str(r["id"]): str(r["cluster"]) for r in map(json.loads, fh) if r}


def _pairs(counts: Counter) -> int:
    return sum(c * (c - 1) // 2 for c in counts.values())


def pairwise_scores(predicted: dict[str, str], truth: dict[str, str]) -> dict[str, float]:
    if predicted.keys() != truth.keys():
        raise ValueError("clusters and truth must cover the same ids")
    both = _pairs(Counter((predicted[i], truth[i]) for i in truth))
    predicted_pairs = _pairs(Counter(predicted.values()))
    true_pairs = _pairs(Counter(truth.values()))
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def main() -> None:
    parser = argparse.ArgumentParser(description="pairwise P/R/F1 of a clustering")
    parser.add_argument("clusters")
    parser.add_argument("truth")
    args = parser.parse_args()
    scores = pairwise_scores(load_labels(args.clusters), load_labels(args.truth))
    print(json.dumps({k: round(v, 5) for k, v in scores.items()}))


if __name__ == "__main__":
    main()
