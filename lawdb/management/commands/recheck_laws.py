from django.core.management.base import BaseCommand
from django.db import transaction

from lawdb.importing import NLP_LANG, check_provisions
from lawdb.models import LegalTextVersion


class Command(BaseCommand):
    help = (
        "Rerun the alignment checker on every version of every law (after the checker or the "
        "treaty catalogue changed): refreshes the Flags tabs and the treaty pages' links."
    )

    def handle(self, *args, **options):
        versions = LegalTextVersion.objects.select_related("law")
        for version in versions:
            with transaction.atomic():
                check_provisions(version, NLP_LANG[version.law.language])
        self.stdout.write(self.style.SUCCESS(f"{versions.count()} versions checked."))
