"""Small pieces: status, validation, regions, attachment sniffing, charts, rate limits."""

import io
import zipfile
from datetime import timedelta

import docx
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from consultations import antiabuse
from consultations.charts import bar_chart_svg
from consultations.countries import COUNTRIES, REGIONS, country_name, region_of
from consultations.files import ODT, RejectedFile, detect_attachment_type
from consultations.models import ConsultationPage, ConsultationStatus, Submission


def page_with(opens, closes, published=False):
    return ConsultationPage(title="t", opens_at=opens, closes_at=closes,
                            comments_published=published)


def test_status_follows_the_dates_and_the_published_flag(db):
    now = timezone.now()
    hour = timedelta(hours=1)
    assert page_with(now + hour, now + 2 * hour).status(now) == ConsultationStatus.UPCOMING
    assert page_with(now - hour, now + hour).status(now) == ConsultationStatus.OPEN
    assert page_with(now - 2 * hour, now).status(now) == ConsultationStatus.CLOSED  # at deadline
    assert page_with(now - 2 * hour, now - hour, True).status(now) == ConsultationStatus.PUBLISHED
    assert page_with(None, None).status(now) == ConsultationStatus.UPCOMING


def test_clean_refuses_a_deadline_before_the_opening_and_no_publication_choice(db):
    now = timezone.now()
    page = page_with(now, now - timedelta(days=1))
    page.slug = "x"
    with pytest.raises(ValidationError):
        page.clean()
    page = page_with(now, now + timedelta(days=1))
    page.slug = "x"
    page.offers_named = page.offers_anonymous = page.offers_not_published = False
    with pytest.raises(ValidationError):
        page.clean()


def test_every_country_has_a_wipo_region_and_a_chinese_name():
    assert len(COUNTRIES) >= 190
    assert {entry["region"] for entry in COUNTRIES.values()} == set(REGIONS)
    assert region_of("CN") == "asia_pacific" and region_of("EG") == "arab"
    assert region_of("KE") == "africa" and region_of("BR") == "latin_america"
    assert region_of("DE") == "transition_developed" and region_of("XX") is None
    assert country_name("CN", "zh-hans") == "中国" and country_name("CN", "en") == "China"


def docx_bytes():
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def odt_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", ODT)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def test_attachments_are_typed_by_content():
    assert detect_attachment_type(b"%PDF-1.7 ...") == "application/pdf"
    assert detect_attachment_type(docx_bytes()).endswith("wordprocessingml.document")
    assert detect_attachment_type(odt_bytes()) == ODT
    assert detect_attachment_type("意见".encode()) == "text/plain"
    for bad in (b"MZ\x90\x00", b"PK\x03\x04broken", b"\x89PNG\r\n\x1a\n\x00"):
        with pytest.raises(RejectedFile):
            detect_attachment_type(bad)


def test_chart_escapes_labels_and_scales_bars():
    svg = str(bar_chart_svg("<title>", [("<script>", 2), ("b", 1)]))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'role="img"' in svg and svg.count("<rect") == 2


def test_rate_limit_counts_per_identity(settings):
    settings.CONSULTATIONS = {"RATE_LIMIT_IP": (2, 60)}
    antiabuse.check_rate_limit("t", "1.2.3.4", "RATE_LIMIT_IP")
    antiabuse.check_rate_limit("t", "1.2.3.4", "RATE_LIMIT_IP")
    antiabuse.check_rate_limit("t", "5.6.7.8", "RATE_LIMIT_IP")
    with pytest.raises(antiabuse.RateLimited) as limited:
        antiabuse.check_rate_limit("t", "1.2.3.4", "RATE_LIMIT_IP")
    assert 0 < limited.value.retry_after <= 60


def test_form_token_round_trip_and_forgery():
    token = antiabuse.read_form_token(antiabuse.new_form_token())
    assert token is not None and len(token.key) >= 24
    assert antiabuse.read_form_token("x") is None and antiabuse.read_form_token(None) is None


def test_edit_token_is_derived_and_only_its_hash_is_stored(ai_page, add_submission):
    submission = add_submission(ai_page, key="some-key")
    token = Submission.edit_token_for("some-key")
    assert token == submission.edit_token() != Submission.edit_token_for("other")
    stored = Submission.objects.filter(pk=submission.pk).values()[0]
    assert token not in stored.values()
    assert Submission.objects.with_edit_token(token).get() == submission
