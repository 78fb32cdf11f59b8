"""The CLI contract, run as a real subprocess on real files."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LABELLED = REPO / "fixtures" / "labelled" / "clauses.en.jsonl"


def run(*args, stdin: str | bytes = ""):
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run(
        [sys.executable, "-m", "nlp", *args], input=data, capture_output=True, cwd=REPO, timeout=300
    )
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def test_classify_answers_each_line_in_order():
    lines = [
        {"id": "a", "text": "The signature shall be notarised.", "lang": "en"},
        {"id": 2, "text": "签字无需公证。"},
        {"id": "c", "text": "A patent lasts twenty years."},
    ]
    code, out, err = run(
        "classify", stdin="\n".join(json.dumps(x, ensure_ascii=False) for x in lines)
    )
    assert code == 0, err
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == ["a", 2, "c"]
    assert set(results[0]) == {"id", "label", "category", "treaty_refs", "explanation"}
    assert results[0]["label"] == "conflict" and "PLT Art. 8(4)(b)" in results[0]["treaty_refs"]
    assert results[1]["label"] == "aligned" and "公证" in results[1]["explanation"]
    assert results[2]["label"] == "neutral"
    assert err == ""


@pytest.mark.parametrize(
    "bad",
    [
        '{"id": 1, "text": "ok"}\nnot json\n',
        '{"id": 1}\n',
        '["a list"]\n',
        '{"text": "x", "lang": "fr"}\n',
    ],
)
def test_classify_rejects_a_malformed_line_with_exit_2_and_no_traceback(bad):
    code, out, err = run("classify", stdin=bad)
    assert code == 2
    assert out == ""  # nothing half-written
    assert (
        "Traceback" not in err and err.startswith("error:") and len(err.strip().splitlines()) == 1
    )


def test_classify_rejects_non_utf8_input():
    code, _, err = run("classify", stdin=b'{"text": "\xff\xfe"}\n')
    assert code == 2 and "Traceback" not in err


def test_check_text_file_in_all_formats(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "Trade Marks Bill\nSection 1. Filing\nAn application for a trade mark shall be sent by "
        "registered post only.\nSection 2. Signature\n"
        "No legalisation of signatures shall be required.\n",
        encoding="utf-8",
    )
    code, out, err = run("check", str(draft))
    assert code == 0, err
    assert "in_person_or_post" in out and "STLT Art. 8(1)" in out and "Compliance matrix" in out
    code, out, _ = run("check", str(draft), "--format", "json")
    report = json.loads(out)
    assert report["counts"]["conflict"] >= 1 and report["matrix"]
    code, out, _ = run("check", str(draft), "--format", "html")
    assert code == 0 and out.startswith("<section")


def test_check_docx(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("第一条 外国申请人提交的委托书应当经过公证和认证。")
    document.add_paragraph("第二条 申请文件可以纸件形式或者电子形式提交。")
    path = tmp_path / "草案.docx"
    document.save(path)
    code, out, err = run("check", str(path), "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    assert report["lang"] == "zh"
    labels = [p["finding"]["label"] for p in report["provisions"]]
    assert "conflict" in labels and "aligned" in labels


@pytest.mark.parametrize(
    "name, content",
    [
        ("missing.txt", None),
        ("empty.txt", b""),
        ("fake.pdf", b"%PDF-1.4 broken"),
        ("bin.docx", b"PK\x03\x04junk"),
    ],
)
def test_check_unreadable_file_exits_2_with_one_line(tmp_path, name, content):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = run("check", str(path))
    assert code == 2
    assert (
        "Traceback" not in err and err.startswith("error:") and len(err.strip().splitlines()) == 1
    )


def test_evaluate_prints_scores_and_json():
    code, out, err = run("evaluate", str(LABELLED), "--split", "dev")
    assert code == 0, err
    assert "conflict" in out and "f1" in out
    code, out, _ = run("evaluate", str(LABELLED), "--json")
    scores = json.loads(out)
    assert scores["per_label"]["conflict"]["support"] > 0
    assert "signature_certification" in scores["per_category"]


def test_evaluate_bad_file_exits_2(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "no label"}\n', encoding="utf-8")
    code, _, err = run("evaluate", str(bad))
    assert code == 2 and "Traceback" not in err


def test_unknown_command_and_missing_arguments_exit_2():
    for args in (("frobnicate",), ("check",), ()):
        code, _, err = run(*args)
        assert code == 2 and "Traceback" not in err


def test_dedup_groups_form_letters_one_line_per_input():
    lines = [
        {"id": "a", "text": "Dear Office, please keep the AI inventorship rules as they are. Jane"},
        {"id": "b", "text": "Please keep the AI inventorship rules as they are. Sincerely, Bob"},
        {"id": "c", "text": "Machine translation of patent documents needs quality checks."},
    ]
    code, out, err = run("dedup", stdin="\n".join(json.dumps(x) for x in lines))
    assert code == 0, err
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == ["a", "b", "c"]
    assert results[0]["cluster"] == results[1]["cluster"] != results[2]["cluster"]
    assert sum(r["representative"] for r in results) == 2


@pytest.mark.parametrize("bad", ['{"id": 1, "text": "ok"}\nnot json\n', b"\xff\xfe\n"])
def test_dedup_rejects_malformed_input_with_exit_2(bad):
    code, out, err = run("dedup", stdin=bad)
    assert code == 2
    assert out == ""
    assert "Traceback" not in err and err.startswith("error:")
