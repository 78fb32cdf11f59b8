"""Background work: the confirmation e-mail (the submission is stored before it is sent)."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from .intake import confirmation_token
from .models import Submission


@task()
def send_confirmation_email(submission_id, page_url):
    """E-mail the confirmation link and the private edit link; ``page_url`` is the absolute URL
    of the consultation page the submission was made on."""
    submission = Submission.objects.select_related("consultation").get(pk=submission_id)
    if not submission.email:
        return
    page = submission.consultation
    base = page_url.rstrip("/") + "/"
    context = {
        "submission": submission,
        "consultation": page,
        "confirm_url": base + page.reverse_subpage(
            "confirm", kwargs={"reference": submission.reference,
                               "token": confirmation_token(submission.reference)}
        ),
        "edit_url": base + page.reverse_subpage(
            "manage_submission", kwargs={"token": submission.edit_token()}
        ),
    }
    with translation.override(submission.language):
        subject = render_to_string("consultations/email/confirm_subject.txt", context).strip()
        body = render_to_string("consultations/email/confirm_body.txt", context)
    send_mail(subject, body, None, [submission.email])
