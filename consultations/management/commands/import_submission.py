"""python manage.py import_submission --consultation ai-and-ip FILE [--dry-run] [--json]"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from consultations.importing import import_submission
from consultations.models import ConsultationPage, StakeholderType
from nlp.errors import UnreadableInput


class Command(BaseCommand):
    help = ("Import an e-mailed submission (DOCX, PDF or TXT): split it into answers per issue "
            "and question and create a pending submission.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="The submission file.")
        parser.add_argument("--consultation", required=True, help="The consultation's slug.")
        parser.add_argument("--dry-run", action="store_true", help="Write nothing.")
        parser.add_argument("--json", action="store_true",
                            help="Print the answers as a JSON list of {issue, question, text}.")
        parser.add_argument("--name", default="", help="The sender's name.")
        parser.add_argument("--email", default="", help="The sender's address (never published).")
        parser.add_argument("--organisation", default="")
        parser.add_argument("--country", default="", help="ISO 3166 code, e.g. CN.")
        parser.add_argument("--stakeholder-type", default="",
                            choices=[""] + list(StakeholderType.values))

    def handle(self, *args, **options):
        path = Path(options["file"])
        consultation = (
            ConsultationPage.objects.filter(slug=options["consultation"])
            .order_by("locale__language_code").first()
        )
        if consultation is None:
            raise CommandError(f"No consultation with the slug {options['consultation']!r}.")
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
        details = {key: options[key] for key in ("name", "email", "organisation", "country")}
        details["stakeholder_type"] = options["stakeholder_type"]
        try:
            result = import_submission(consultation, data, path.name, details=details,
                                       dry_run=options["dry_run"])
        except UnreadableInput as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(result.parts, ensure_ascii=False, indent=2))
        else:
            issues = sorted({p["issue"] for p in result.parts if p["issue"] is not None})
            self.stdout.write(f"{len(result.parts)} answers; issues: {issues or 'none'}.")
        if result.submission is not None:
            verb = "Created" if result.created else "Already imported as"
            self.stderr.write(f"{verb} pending submission {result.submission.reference}.")
