"""Clustering is triggered when a submission enters moderation (confirmed by e-mail, imported,
or edited by its author, which sends it back to moderation) and when it is withdrawn."""

from django.db import transaction
from django.db.models.signals import post_save

from consultations.models import Submission, SubmissionStatus

TRIGGERS = {SubmissionStatus.PENDING, SubmissionStatus.WITHDRAWN}


def submission_saved(sender, instance, update_fields=None, **kwargs):
    if instance.status not in TRIGGERS:
        return  # approving or rejecting does not change the text: no work
    if update_fields is not None and "status" not in update_fields:
        return
    from .tasks import cluster_submission_task

    pk = instance.pk
    # After commit: the worker must see the answers saved in the same transaction.
    transaction.on_commit(lambda: cluster_submission_task.enqueue(pk))


def connect():
    post_save.connect(submission_saved, sender=Submission,
                      dispatch_uid="campaigns.submission_saved")
