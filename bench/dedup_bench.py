"""Benchmark `python -m nlp dedup` on generated dockets: time, memory, pairwise F1.

    python bench/dedup_bench.py --sizes 200000 1000000 [--seed 1] [--workdir DIR]

For each size: generate comments and ground truth (not timed), run a baseline that only
reads and normalises the JSONL in one process, then run the clustering CLI; both in
subprocesses measured with os.wait4 (wall time, user+system CPU, ru_maxrss: the largest
single process of the tree). The clustering spreads over worker processes, so the summed
resident memory of the whole process tree is also sampled every 0.1 s. Prints a table; the
figures are for reading, there is no pass/fail.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from dedup_score import load_labels, pairwise_scores

ROOT = Path(__file__).resolve().parent.parent
BASELINE = (
    "import json, sys\n"
    "from nlp.dedup import normalise\n"
    "for line in sys.stdin:\n"
    "    normalise(json.loads(line)['text'])\n"
)


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            with open(f"/proc/{current}/task/{current}/children") as fh:
                stack.extend(int(child) for child in fh.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def measure(command: list[str], stdin: Path, stdout: Path) -> dict[str, float]:
    """Run a command to completion: wall s, CPU s, max single-process RSS, peak tree RSS."""
    with open(stdin, "rb") as fin, open(stdout, "wb") as fout:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdin=fin, stdout=fout, cwd=ROOT)
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.wait(0.1):
                peak = max(peak, _tree_rss(process.pid))

        sampler = threading.Thread(target=sample)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} exited with {process.returncode}")
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "maxrss_mb": usage.ru_maxrss / 1024,  # Linux reports KiB
        "tree_mb": peak / 2**20,
    }


def bench(size: int, seed: int, workdir: Path) -> dict[str, float]:
    comments, truth = workdir / f"comments-{size}.jsonl", workdir / f"truth-{size}.jsonl"
    clusters, scratch = workdir / f"clusters-{size}.jsonl", workdir / "baseline.out"
    with open(comments, "wb") as out:
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "dedup_generate.py"),
                str(size),
                "--seed",
                str(seed),
                "--truth",
                str(truth),
            ],
            stdout=out,
            check=True,
        )
    baseline = measure([sys.executable, "-c", BASELINE], comments, scratch)
    run = measure([sys.executable, "-m", "nlp", "dedup"], comments, clusters)
    scores = pairwise_scores(load_labels(str(clusters)), load_labels(str(truth)))
    return {"size": size, **run, "baseline": baseline["wall"], **scores}


def main() -> None:
    parser = argparse.ArgumentParser(description="benchmark python -m nlp dedup")
    parser.add_argument("--sizes", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", help="keep generated files here (default: a temp dir)")
    args = parser.parse_args()
    print(f"cpus={os.cpu_count()} loadavg(before)={os.getloadavg()[0]:.1f}", flush=True)
    header = (
        f"{'comments':>9} {'wall s':>7} {'cpu s':>7} {'maxrss MB':>9} {'tree MB':>8} "
        f"{'F1':>6} {'P':>6} {'R':>6} {'base s':>7} {'ratio':>6} {'load':>5}"
    )
    print(header, flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(args.workdir or tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            r = bench(size, args.seed, workdir)
            print(
                f"{r['size']:>9} {r['wall']:>7.1f} {r['cpu']:>7.1f} {r['maxrss_mb']:>9.0f} "
                f"{r['tree_mb']:>8.0f} {r['f1']:>6.4f} {r['precision']:>6.4f} "
                f"{r['recall']:>6.4f} {r['baseline']:>7.1f} {r['wall'] / r['baseline']:>6.2f} "
                f"{os.getloadavg()[0]:>5.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
