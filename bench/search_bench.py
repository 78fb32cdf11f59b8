"""Benchmark lawdb search on a generated corpus of provisions (PostgreSQL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/concord \
        .venv/bin/python bench/search_bench.py [--provisions 50000] [--rounds 20] [--seed 1]

Creates a throw-away database (``test_<name>``, migrated from scratch), generates laws
whose current versions hold the given number of provisions (English statutory sentences,
one in ten in Chinese), then times, in the same run:

* baseline: a primary-key lookup of one provision;
* provisions: the search page's provision query (count + first page of 20, ranked);
* site search: everything the search page computes (four result types, counts, facets);
* chinese: a Chinese query, which uses substring matching instead of full-text search.

Prints p50/p95 in milliseconds per measurement. Figures only: there is no pass/fail.
"""

import argparse
import datetime
import logging
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

QUERIES = [
    "electronic signature",
    "filing date",
    "power of attorney",
    "priority document",
    "legalisation",
    "seal",
    "facsimile original",
    "translation of the application",
    "fee paid in cash",
    "registered post",
]
CHINESE_QUERY = "电子签名"
PROVISIONS_PER_LAW = 500

SUBJECTS = [
    "An application",
    "A request",
    "Any communication",
    "The power of attorney",
    "A priority document",
    "The translation",
    "A declaration",
    "The fee",
    "A document",
]
VERBS = [
    "shall be filed",
    "may be submitted",
    "shall be signed",
    "shall be accompanied",
    "need not be certified",
    "shall be paid",
    "may be sent",
    "shall be received",
]
MEANS = [
    "on paper",
    "in electronic form",
    "by facsimile",
    "by registered post",
    "in person at the Office",
    "through the online filing system",
    "by bank transfer",
    "in cash",
    "with an electronic signature",
    "with a handwritten signature",
    "under seal",
    "after legalisation",
    "with the original",
    "within one month",
]
TAILS = [
    "as prescribed by the Regulations.",
    "before the filing date is accorded.",
    "unless the Office waives the requirement.",
    "within the period fixed by the Office.",
    "at the option of the applicant.",
    "in accordance with section 12.",
    "together with a translation of the application.",
    "failing which it is deemed withdrawn.",
]
CHINESE = [
    "申请人可以以纸件形式或者电子形式提交申请文件。",
    "以电子形式提交的，应当使用电子签名。",
    "申请费应当在申请日起一个月内缴纳。",
    "委托书无需公证或者认证。",
]
HEADINGS = [
    "Mode of filing",
    "Signature",
    "Fees",
    "Filing date",
    "Representation",
    "Priority",
    "Translations",
    "Communications",
    "Time limits",
    "Evidence",
]


def sentence(rng):
    return " ".join([rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(MEANS), rng.choice(TAILS)])


def generate(count, rng):
    """Laws with one current version each, provisions bulk-inserted, search documents built."""
    from django.db import connection

    from home.management.commands.load_initial_data import Command
    from lawdb.demo import ensure_index_pages
    from lawdb.models import Jurisdiction, LegalTextPage, LegalTextVersion, Provision

    site = Command()
    site.ensure_site(site.ensure_home_pages())
    law_parents, _judgments = ensure_index_pages()
    jurisdiction = Jurisdiction.objects.create(
        iso_code="ZZ",
        name_en="Benchland",
        name_zh="基准国",
        region="africa",
        development_status="developing",
    )
    made = 0
    for number in range((count + PROVISIONS_PER_LAW - 1) // PROVISIONS_PER_LAW):
        law = LegalTextPage(
            title=f"Bench Act {number}",
            slug=f"bench-act-{number}",
            jurisdiction=jurisdiction,
            title_original=f"Bench Act {number}",
            year=2000 + number % 25,
            subject="patents",
        )
        law_parents["en"].add_child(instance=law)
        law.save_revision().publish()
        version = LegalTextVersion.objects.create(
            law=law,
            effective_date=datetime.date(2020, 1, 1),
            source_format="txt",
            text="",
            is_current=True,
        )
        size = min(PROVISIONS_PER_LAW, count - made)
        Provision.objects.bulk_create(
            Provision(
                version=version,
                eid=f"sec_{index}",
                kind="section",
                num=f"{index}.",
                heading=rng.choice(HEADINGS),
                text=rng.choice(CHINESE)
                if index % 10 == 0
                else sentence(rng) + " " + sentence(rng),
                position=index,
            )
            for index in range(size)
        )
        made += size
    Provision.objects.all().refresh_search_document()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return made


def timed(function, rounds):
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def percentile(samples, share):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--provisions", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=20, help="Repetitions of each query.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--keep", action="store_true", help="Keep the database (and its corpus) for the next run."
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.http import QueryDict

    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database: this benchmark measures PostgreSQL.")
    logging.disable(logging.INFO)
    from lawdb import knowledge_search
    from lawdb.models import LegalTextPage, Provision

    rng = random.Random(args.seed)
    started = time.perf_counter()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=args.keep)
    try:
        made = Provision.objects.count()
        if made:
            print(f"Corpus: {made} provisions kept from an earlier run (--keep).")
        else:
            made = generate(args.provisions, rng)
            print(
                f"Corpus: {made} provisions generated in {time.perf_counter() - started:.0f} s "
                "(including a fresh migrated database)."
            )
        ids = list(Provision.objects.values_list("pk", flat=True))

        laws = LegalTextPage.objects.live()

        def provision_page(query):
            """What the search page runs for provisions: a capped count and the first page."""
            results = knowledge_search.provisions_matching(query, laws)
            ranked = knowledge_search.ranked_provisions(results, query)
            return knowledge_search.capped_count(results), [hit.label for hit in ranked[:20]]

        def site_search(query):
            results = knowledge_search.search(query, QueryDict())
            counts = [results.count(kind) for kind in knowledge_search.RESULT_TYPES]
            return counts, list(results.querysets["provisions"][:5])

        for query in QUERIES:  # warm the caches once, as a running server would be
            provision_page(query)
        rows = [
            (
                "baseline: primary-key lookup",
                timed(
                    lambda: Provision.objects.get(pk=rng.choice(ids)), args.rounds * len(QUERIES)
                ),
            ),
            (
                "provisions: count + top 20",
                [s for q in QUERIES for s in timed(lambda q=q: provision_page(q), args.rounds)],
            ),
            (
                "site search: 4 types + facets",
                [s for q in QUERIES for s in timed(lambda q=q: site_search(q), args.rounds)],
            ),
            (
                f"chinese '{CHINESE_QUERY}' (substring)",
                timed(lambda: provision_page(CHINESE_QUERY), args.rounds),
            ),
        ]
        matches = {q: knowledge_search.provisions_matching(q, laws).count() for q in QUERIES}
        print(f"Matches per query: min {min(matches.values())}, max {max(matches.values())}")
        print(f"{'measurement':40} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8}")
        for label, samples in rows:
            print(
                f"{label:40} {len(samples):5} {percentile(samples, 0.5):8.2f} "
                f"{percentile(samples, 0.95):8.2f} {statistics.mean(samples):8.2f}"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=args.keep)


if __name__ == "__main__":
    main()
