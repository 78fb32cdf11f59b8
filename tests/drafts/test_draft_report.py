"""The background check fills the report: flags, evidence, citations, matrix and alignment."""

import re

import pytest
from django.urls import reverse

from lawdb.drafts.models import DraftCheck
from lawdb.models import TreatyProvision

pytestmark = pytest.mark.django_db


def table_rows(html, css_class):
    """The rows of a table as lists of cell texts without tags."""
    table = re.search(rf'<table class="{css_class}">(.*?)</table>', html, re.S).group(1)
    return [
        [
            re.sub(r"<[^>]+>|\s+", " ", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)
    ]


def test_the_task_fills_the_report(checked_draft):
    assert checked_draft.status == DraftCheck.Status.DONE
    assert checked_draft.progress == 100
    report = checked_draft.result["report"]
    assert report["counts"]["conflict"] == 2
    assert [p["eid"] for p in report["provisions"]] == ["sec_1", "sec_2", "sec_3", "sec_4"]


def test_the_report_shows_flags_evidence_citations_and_suggestions(adviser_client, checked_draft):
    html = adviser_client.get(checked_draft.get_absolute_url()).content.decode()
    assert '<span class="badge badge-conflict">Conflict</span>' in html
    assert '<span class="badge badge-aligned">Aligned</span>' in html
    assert "<mark>notarised</mark>" in html
    certification = TreatyProvision.objects.get(citation="PLT Art. 8(4)(b)")
    assert f'<a href="{certification.get_absolute_url()}">PLT Art. 8(4)(b)</a>' in html
    treaty_page = certification.get_absolute_url().split("#")[0]
    assert adviser_client.get(treaty_page).status_code == 200
    assert "The treaties forbid certification of signatures" in html
    assert "Suggested wording" in html
    assert 'data-copy="No certification of a signature shall be required' in html


def test_conflicts_only_hides_the_other_provisions(adviser_client, checked_draft):
    url = checked_draft.get_absolute_url()
    everything = adviser_client.get(url).content.decode()
    conflicts = adviser_client.get(url + "?show=conflicts").content.decode()
    assert 'id="prov-sec_4"' in everything
    assert 'id="prov-sec_4"' not in conflicts
    assert 'id="prov-sec_2"' in conflicts and 'id="prov-sec_3"' in conflicts


def test_the_compliance_matrix_lists_each_obligation(adviser_client, checked_draft):
    html = adviser_client.get(checked_draft.get_absolute_url()).content.decode()
    rows = table_rows(html, "draft-matrix")
    assert rows[0] == ["Treaty obligation", "Provisions", "Status"]
    # The first cell is the citation ("PLT Art. 8(4)(b)", three words) and its heading.
    by_citation = {" ".join(row[0].split()[:3]): row for row in rows[1:]}
    assert by_citation["PLT Art. 8(4)(b)"][1:] == ["Section 3 Signature", "Conflict"]
    assert any(row[1:] == ["—", "Not addressed"] for row in rows[1:])
    # Only patent obligations: the draft is about patents.
    assert all(row[0].startswith("PLT") for row in rows[1:])


def test_the_alignment_shows_new_changed_and_deleted_provisions(adviser_client, checked_draft):
    html = adviser_client.get(checked_draft.get_absolute_url()).content.decode()
    assert "1 provision is unchanged." in html
    rows = {row[1]: row for row in table_rows(html, "draft-alignment")[1:]}
    assert rows["Section 4 Means of filing"][0] == "New"
    assert rows["Section 9 Fees"][0] == "Deleted"
    assert rows["Section 3 Signature"][0].startswith("Changed")
    assert (
        "The application shall <del>be signed by</del><ins>bear the handwritten signature of</ins>"
        " the applicant<ins>, notarised and legalised</ins>."
    ) in html
    assert "<del>Fees\nThe prescribed fees shall be paid in cash at the Office.</del>" in html


def test_user_text_is_escaped(adviser_client, jurisdiction, treaty_catalogue):
    adviser_client.post(
        reverse("drafts:check_draft"),
        {
            "title": "<b>Bill</b>",
            "text": "Section 1. <script>alert('x')</script> Applications shall be filed on paper.",
            "jurisdiction": jurisdiction.pk,
        },
    )
    html = adviser_client.get(DraftCheck.objects.get().get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<b>Bill</b>" not in html


def test_a_chinese_draft_is_explained_in_chinese(
    adviser_client, jurisdiction, treaty_catalogue, draft_zh
):
    adviser_client.post(
        "/zh-hans/check/",
        {"title": "专利申请规定修正草案", "text": draft_zh, "jurisdiction": jurisdiction.pk},
    )
    check = DraftCheck.objects.get()
    assert check.language == "zh"
    html = adviser_client.get(f"/zh-hans/check/{check.pk}/").content.decode()
    assert re.search(r"<mark>[^<]*公证[^<]*</mark>", html)
    assert "条约" in html  # the checker's explanation, in the draft's language
    assert '<span class="badge badge-conflict">冲突</span>' in html


def test_the_status_endpoint_reports_progress(adviser_client, checked_draft):
    state = adviser_client.get(reverse("drafts:status", args=[checked_draft.pk])).json()
    assert state == {"status": "done", "status_display": "Done", "progress": 100, "finished": True}


def test_a_running_check_shows_a_progress_bar_that_works_without_javascript(
    adviser_client, adviser
):
    check = DraftCheck.objects.create(
        owner=adviser,
        title="Bill",
        source_text="Section 1. Text.",
        language="en",
        status=DraftCheck.Status.RUNNING,
        progress=40,
    )
    html = adviser_client.get(check.get_absolute_url()).content.decode()
    assert '<progress id="draft-progress-bar" max="100" value="40"' in html
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in html
    assert f'data-status-url="{reverse("drafts:status", args=[check.pk])}"' in html
    assert "Download PDF" not in html


def test_a_failed_check_says_so_without_details(adviser_client, jurisdiction, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("segmenter exploded at offset 42")

    monkeypatch.setattr("lawdb.drafts.tasks.check_document", broken)
    adviser_client.post(
        reverse("drafts:check_draft"), {"text": "Section 1. Text.", "jurisdiction": jurisdiction.pk}
    )
    check = DraftCheck.objects.get()
    assert check.status == DraftCheck.Status.FAILED
    assert check.result is None
    html = adviser_client.get(check.get_absolute_url()).content.decode()
    assert "The check failed" in html
    assert "internal error" in html
    assert "exploded" not in html


def test_the_task_records_progress_every_five_per_cent(adviser, monkeypatch):
    from lawdb.drafts import tasks

    recorded = []
    update = tasks._update

    def spy(draft, **fields):
        if "progress" in fields:
            recorded.append(fields["progress"])
        update(draft, **fields)

    monkeypatch.setattr(tasks, "_update", spy)
    text = "\n".join(f"Section {n}. Fees\nThe fee shall be paid in cash." for n in range(1, 41))
    check = DraftCheck.objects.create(
        owner=adviser, title="Long bill", source_text=text, language="en"
    )
    tasks.run_draft_check.enqueue(check.pk)
    # 40 provisions: a step every second provision, from the start to the finish.
    assert recorded == [0, *range(5, 100, 5), 100]
    check.refresh_from_db()
    assert check.status == DraftCheck.Status.DONE
