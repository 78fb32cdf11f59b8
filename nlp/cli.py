"""Command line: ``python -m nlp classify|check|evaluate|dedup``.

Bad input never produces a traceback: a one-line message on stderr and exit status 2.
"""

import argparse
import json
import logging
import sys

from nlp.errors import UnreadableInput

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would exit 2 too, but with a usage dump
        raise UnreadableInput(message)


def _parse_classify_line(line: str, number: int) -> dict:
    try:
        record = json.loads(line)
    except ValueError as exc:
        raise UnreadableInput(f"line {number}: not valid JSON ({exc.msg})") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise UnreadableInput(f'line {number}: expected an object with a "text" string')
    if record.get("lang") not in (None, "en", "zh"):
        raise UnreadableInput(f'line {number}: "lang" must be "en" or "zh"')
    return record


def cmd_classify(args) -> int:
    from nlp.checker import classify

    # Read and validate everything first, so a bad line leaves no partial output behind.
    try:
        lines = [
            line for line in sys.stdin.buffer.read().decode("utf-8").splitlines() if line.strip()
        ]
    except UnicodeDecodeError:
        raise UnreadableInput("input is not UTF-8 text") from None
    records = [_parse_classify_line(line, n) for n, line in enumerate(lines, 1)]
    for record in records:
        finding = classify(record["text"], record.get("lang"))
        out = {
            "id": record.get("id"),
            "label": finding.label,
            "category": finding.category,
            "treaty_refs": finding.treaty_refs,
            "explanation": finding.explanation,
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 0


def cmd_check(args) -> int:
    from nlp.checker import check_document, load_path

    try:
        text = load_path(args.file)
    except OSError as exc:
        raise UnreadableInput(f"cannot read {args.file}: {exc.strerror or exc}") from None
    report = check_document(text)
    if args.format == "json":
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n")
    elif args.format == "html":
        sys.stdout.write(report.to_html() + "\n")
    else:
        sys.stdout.write(report.to_text() + "\n")
    return 0


def cmd_evaluate(args) -> int:
    from nlp.evaluate import evaluate, read_labelled

    try:
        with open(args.file, encoding="utf-8") as handle:
            records = read_labelled(handle)
    except OSError as exc:
        raise UnreadableInput(f"cannot read {args.file}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UnreadableInput(f"{args.file} is not UTF-8 text") from None
    if args.split:
        records = [r for r in records if r.get("split", "dev") == args.split]
    scores = evaluate(records)
    if args.json:
        sys.stdout.write(json.dumps(scores.to_dict(), ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(scores.to_text() + "\n")
    return 0


def cmd_dedup(args) -> int:
    from nlp.dedup import cluster_stream

    try:
        cluster_stream(sys.stdin, sys.stdout)
    except UnicodeDecodeError:
        raise UnreadableInput("input is not UTF-8 text") from None
    except ValueError as exc:  # a malformed line: the message names it
        raise UnreadableInput(str(exc)) from None
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m nlp", description="Concord's language tools.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sub.add_parser("classify", help="classify clauses: JSONL on stdin, JSONL on stdout")
    check = sub.add_parser("check", help="check a law or draft (TXT, DOCX, PDF)")
    check.add_argument("file")
    check.add_argument("--format", choices=("text", "json", "html"), default="text")
    evaluate = sub.add_parser("evaluate", help="score the checker against labelled JSONL")
    evaluate.add_argument("file")
    evaluate.add_argument("--json", action="store_true")
    evaluate.add_argument("--split", choices=("dev", "test"), help="only this split")
    sub.add_parser("dedup", help="cluster comments: JSONL on stdin, JSONL on stdout")
    return parser


COMMANDS = {
    "classify": cmd_classify,
    "check": cmd_check,
    "evaluate": cmd_evaluate,
    "dedup": cmd_dedup,
}


def main(argv: list[str] | None = None) -> int:
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings would precede our message
    try:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    except UnreadableInput as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UnicodeDecodeError:
        print("error: input is not UTF-8 text", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0
