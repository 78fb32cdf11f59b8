"""Background work: place a confirmed submission in a campaign."""

from django_tasks import task

from .clustering import cluster_submission


@task()
def cluster_submission_task(submission_id):
    """Join or start a campaign; a withdrawn submission leaves its campaign."""
    cluster_submission(submission_id)
