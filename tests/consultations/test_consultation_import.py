"""Import of e-mailed submissions: the command (seed 004, DOCX and PDF made here) and the admin
upload."""

import io
import json
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from consultations.models import Answer, Submission, SubmissionSource, SubmissionStatus

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "fixtures" / "submissions"
EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def seed_004():
    found = sorted(SEEDS.glob("004_*.txt"))
    if not found:
        pytest.skip("seed 004 (the Chinese submission) is not available")
    return found[0]


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_submission", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def expected_issues(sample):
    return {issue for issue, _question in EXPECTED[sample]["pairs"] if issue is not None}


def test_dry_run_json_maps_seed_004_to_all_13_issues_and_writes_nothing(ai_page, seed_004):
    out, _err = run("--consultation", "ai-and-ip", str(seed_004), "--dry-run", "--json")
    parts = json.loads(out)
    assert {p["issue"] for p in parts if p["issue"] is not None} == set(range(1, 14))
    assert all(set(p) == {"issue", "question", "text"} for p in parts)
    assert sum(1 for p in parts if p["question"]) == 41
    assert not Submission.objects.exists()


def test_import_creates_one_pending_submission_on_the_chinese_paper(ai_page_zh, seed_004):
    _out, err = run("--consultation", "ai-and-ip", str(seed_004), "--country", "CN")
    submission = Submission.objects.get()
    assert submission.reference in err
    assert submission.status == SubmissionStatus.PENDING
    assert submission.source == SubmissionSource.EMAIL_IMPORT
    assert submission.consultation == ai_page_zh and submission.language == "zh-hans"
    numbers = set(submission.answers.exclude(issue=None).values_list("issue__number", flat=True))
    assert numbers == set(range(1, 14))
    assert Answer.objects.filter(submission=submission, question__isnull=False).count() == 41
    # The same file again is recognised, not stored twice.
    _out, err = run("--consultation", "ai-and-ip", str(seed_004))
    assert "Already imported" in err and Submission.objects.count() == 1


def test_docx_made_here_is_split_like_its_text(ai_page, tmp_path):
    sample = "en-numbered-headings.txt"
    document = docx.Document()
    for paragraph in (SAMPLES / sample).read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(paragraph)
    path = tmp_path / "submission.docx"
    document.save(path)
    out, _err = run("--consultation", "ai-and-ip", str(path), "--dry-run", "--json")
    parts = json.loads(out)
    assert {p["issue"] for p in parts if p["issue"]} == expected_issues(sample)
    assert any(p["issue"] is None for p in parts)  # the unmatched text is a general comment


def test_pdf_made_here_is_split_like_its_text(ai_page, tmp_path):
    from django.utils.html import escape
    from weasyprint import HTML

    sample = "zh-numbered-headings.txt"
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    body = "".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line.strip())
    path = tmp_path / "submission.pdf"
    HTML(string=f'<html><body style="font-family: \'Noto Sans CJK SC\'">{body}</body></html>'
         ).write_pdf(path)
    out, _err = run("--consultation", "ai-and-ip", str(path), "--dry-run", "--json")
    parts = json.loads(out)
    assert {p["issue"] for p in parts if p["issue"]} == expected_issues(sample)


def test_unreadable_file_is_a_clear_error_and_changes_nothing(ai_page, tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"PK\x03\x04not really a zip")
    with pytest.raises(CommandError):
        run("--consultation", "ai-and-ip", str(path))
    with pytest.raises(CommandError, match="No consultation"):
        run("--consultation", "nope", str(path))
    assert not Submission.objects.exists()


def test_admin_upload_imports_for_moderators_only(client, moderator, editor, ai_page):
    data = (SAMPLES / "en-numbered-headings.txt").read_bytes()
    url = reverse("wagtailsnippets_consultations_submission:add")
    form = {"consultation": ai_page.pk, "name": "Lakeside Inventors", "country": "GB",
            "stakeholder_type": "business", "email": "", "organisation": ""}
    client.force_login(editor)
    client.post(url, {**form, "file": SimpleUploadedFile("s.txt", data)})
    assert not Submission.objects.exists()
    client.force_login(moderator)
    assert client.get(url).status_code == 200
    response = client.post(url, {**form, "file": SimpleUploadedFile("s.txt", data)})
    submission = Submission.objects.get()
    assert response.status_code == 302 and str(submission.pk) in response["Location"]
    assert submission.name == "Lakeside Inventors" and submission.country == "GB"
    assert submission.source == SubmissionSource.EMAIL_IMPORT
    response = client.post(url, {**form, "file": SimpleUploadedFile("x.pdf", b"\x00\x01")})
    assert response.status_code == 200 and Submission.objects.count() == 1
