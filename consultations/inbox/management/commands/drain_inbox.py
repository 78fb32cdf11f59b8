"""Record inbox rows whose task failed or was lost (e.g. the worker crashed mid-way): run it from
cron every few minutes. Safe to run at any time: recording a row is idempotent."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from consultations.inbox.models import InboxSubmission
from consultations.inbox.tasks import record


class Command(BaseCommand):
    help = "Record inbox submissions still waiting after --older-than minutes."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=float, default=10,
                            help="minutes since the row was received (default 10)")
        parser.add_argument("--base-url", default="",
                            help="site root for the confirmation e-mail's links, e.g. "
                                 "https://concord.example.org (default: the Wagtail site's)")

    def handle(self, *args, older_than, base_url, **options):
        cutoff = timezone.now() - datetime.timedelta(minutes=older_than)
        waiting = (InboxSubmission.objects.waiting_since(cutoff)
                   .select_related("consultation").order_by("received_at"))
        count = 0
        for row in waiting.iterator():
            page = row.consultation
            record(row.reference, base_url.rstrip("/") + page.url if base_url else page.full_url)
            count += 1
        self.stdout.write(f"recorded or rejected {count} waiting inbox submissions")
