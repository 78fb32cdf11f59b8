"""Editors edit a consultation's issues and questions inline in the Wagtail page editor."""

from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from consultations.models import ConsultationPage, Question


def page_form(page, issues):
    local = timezone.localtime
    return nested_form_data({
        "title": page.title, "slug": page.slug, "reference": page.reference, "kind": page.kind,
        "introduction": page.introduction, "privacy_notice": page.privacy_notice,
        "opens_at": local(page.opens_at).strftime("%Y-%m-%d %H:%M"),
        "closes_at": local(page.closes_at).strftime("%Y-%m-%d %H:%M"),
        "schedule_note": page.schedule_note, "offers_named": "on", "offers_anonymous": "on",
        "offers_not_published": "on",
        "issues": inline_formset(issues, initial=len(issues)),
        "paper_versions": inline_formset([
            {"id": v.pk, "label": v.label, "published_on": v.published_on.isoformat(),
             "what_changed": v.what_changed, "how_comments_were_used": v.how_comments_were_used}
            for v in page.paper_versions.all()
        ], initial=page.paper_versions.count()),
        "action-publish": "action-publish",
    })


def issue_item(issue, question_texts=None):
    questions = list(issue.questions.all())
    return {
        "id": issue.pk, "kind": issue.kind, "number": issue.number, "area": issue.area,
        "title": issue.title, "background": issue.background,
        "questions": inline_formset([
            {"id": q.pk, "number": q.number,
             "text": (question_texts or {}).get(q.number, q.text)}
            for q in questions
        ], initial=len(questions)),
    }


def test_editor_changes_a_question_inline_and_publishes(client, editor, ai_page):
    client.force_login(editor)
    issues = [issue_item(issue) for issue in ai_page.issues.all()]
    issues[0] = issue_item(ai_page.issues.get(number=1), {"i": "Who should be the inventor?"})
    response = client.post(reverse("wagtailadmin_pages:edit", args=[ai_page.pk]),
                           page_form(ai_page, issues))
    assert response.status_code == 302, response.content.decode()[-3000:]
    question = Question.objects.get(issue__consultation=ai_page, issue__number=1, number="i")
    assert question.text == "Who should be the inventor?"
    assert Question.objects.filter(issue__consultation=ai_page).count() == 41


def test_deadline_before_opening_is_refused_in_the_editor(client, editor, ai_page):
    client.force_login(editor)
    data = page_form(ai_page, [issue_item(issue) for issue in ai_page.issues.all()])
    data["closes_at"] = "2000-01-01 00:00"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[ai_page.pk]), data)
    assert response.status_code == 200
    assert ConsultationPage.objects.get(pk=ai_page.pk).closes_at == ai_page.closes_at
