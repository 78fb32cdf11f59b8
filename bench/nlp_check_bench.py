"""Benchmark the draft checker: whole analysis vs spaCy's bare tokenizer, and peak memory.

Builds a ~100,000-word law from the labelled clauses (shuffled and renumbered) and times, in the
same run, ``spacy.blank("en").tokenizer`` over the text against ``nlp.checker.check_document``.
Then checks a ~1,000-page draft in a fresh subprocess and reports its peak resident memory
(``resource.getrusage``). Prints figures only; there is no pass/fail.

    python bench/nlp_check_bench.py [--words 100000] [--pages 1000]
"""

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CLAUSES = REPO / "fixtures" / "labelled" / "clauses.en.jsonl"
WORDS_PER_PAGE = 400


def build_law(words: int, seed: int = 7) -> str:
    clauses = [json.loads(line)["text"] for line in CLAUSES.open(encoding="utf-8")]
    rng = random.Random(seed)
    lines, count, section = ["Industrial Property Act (illustrative benchmark text)"], 0, 0
    while count < words:
        section += 1
        lines.append(f"Section {section}. Provisions {section}")
        for para in range(1, rng.randint(2, 5)):
            clause = rng.choice(clauses)
            lines.append(f"({para}) {clause}")
            count += len(clause.split())
    return "\n".join(lines) + "\n"


def time_it(func, *args):
    start = time.perf_counter()
    result = func(*args)
    return time.perf_counter() - start, result


def speed(words: int) -> None:
    import spacy

    from nlp.checker import check_document

    text = build_law(words)
    tokenizer = spacy.blank("en").tokenizer
    check_document(text[:5000], "en")  # warm caches (pipelines, rule data) outside the timing
    tok_time, doc = time_it(tokenizer, text)
    check_time, report = time_it(check_document, text, "en")
    print(f"law: {len(text.split()):,} words, {len(text):,} chars, {len(doc):,} tokens")
    print(f"provisions: {len(report.provisions):,}, conflicts: {len(report.conflicts):,}")
    print(f"spaCy bare tokenizer: {tok_time:.3f} s")
    print(f"check_document:       {check_time:.3f} s")
    print(f"ratio: {check_time / tok_time:.2f}x (goal <= 3x)")


def memory_child(pages: int) -> None:
    from nlp.checker import check_document

    report = check_document(build_law(pages * WORDS_PER_PAGE, seed=11), "en")
    report.to_html()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(json.dumps({"provisions": len(report.provisions), "peak_mb": peak_kb / 1024}))


def memory(pages: int) -> None:
    proc = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(pages)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    print(
        f"{pages:,}-page draft ({pages * WORDS_PER_PAGE:,} words): "
        f"{figures['provisions']:,} provisions, peak memory {figures['peak_mb']:.0f} MB "
        "(goal <= 500 MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return
    speed(args.words)
    memory(args.pages)


if __name__ == "__main__":
    main()
