"""The demo consultations and their public pages."""

from consultations.models import ConsultationStatus, Question


def test_demo_loads_both_languages_with_all_issues_and_questions(ai_page, ai_page_zh):
    assert ai_page.translation_key == ai_page_zh.translation_key
    assert ai_page.issues.count() == 13 and ai_page_zh.issues.count() == 13
    assert Question.objects.filter(issue__consultation=ai_page).count() == 41
    assert Question.objects.filter(issue__consultation=ai_page_zh).count() == 41
    zh_issue = ai_page_zh.issues.get(number=1)
    assert zh_issue.title == "发明权和所有权"
    assert zh_issue.questions.get(number="i").text.startswith("法律是否应该允许")
    assert ai_page.status() == ConsultationStatus.OPEN
    assert "2020-02-14" in ai_page.schedule_note


def test_demo_load_is_idempotent(ai_page):
    import io

    from consultations import demo
    from consultations.models import ConsultationPage

    demo.load(io.StringIO(), only={"ai-and-ip"})
    assert ConsultationPage.objects.filter(slug="ai-and-ip").count() == 2


def test_consultation_page_shows_issues_in_english_and_chinese(client, ai_page, ai_page_zh):
    response = client.get(ai_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Inventorship and ownership" in html and "Open for comments" in html
    response = client.get(ai_page_zh.url)
    assert ai_page_zh.url.startswith("/zh-hans/")
    assert "发明权和所有权" in response.content.decode()


def test_draft_law_consultation_is_commented_article_by_article(client, site_root):
    import io

    from consultations import demo
    from consultations.models import ConsultationPage, IssueKind

    demo.load(io.StringIO(), only={"ke-electronic-filing-bill-2026"})
    page = ConsultationPage.objects.get(
        slug="ke-electronic-filing-bill-2026", locale__language_code="en")
    articles = list(page.issues.all())
    assert len(articles) == 9 and {a.kind for a in articles} == {IssueKind.ARTICLE}
    html = client.get(page.url).content.decode()
    assert "Article 1: Short title" in html
    html = client.get(page.subpage_url("submit")).content.decode()
    assert html.count('name="answer_') == 9 and "Your comments on Article 2" in html
    assert "Do not publish my comment" not in html  # this consultation offers two choices


def test_the_deadline_is_the_same_in_every_language(ai_page, ai_page_zh):
    from datetime import timedelta

    from django.utils import timezone

    ai_page.closes_at = timezone.now() - timedelta(minutes=5)
    ai_page.save_revision().publish()
    ai_page_zh.refresh_from_db()
    assert ai_page_zh.closes_at == ai_page.closes_at
    assert ai_page_zh.status() == ConsultationStatus.CLOSED
