import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lawdb.importing import import_version
from lawdb.models import LegalTextPage
from nlp.errors import UnreadableInput


class Command(BaseCommand):
    help = (
        "Import a law's text (TXT, DOCX, PDF or Akoma Ntoso XML) as a version of an existing "
        "law page and segment it into provisions."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The file to import.")
        parser.add_argument("--law", required=True, help="Slug or page id of the law.")
        parser.add_argument("--locale", default="en", help="Locale of the law page (en, zh-hans).")
        parser.add_argument(
            "--effective-date",
            required=True,
            type=datetime.date.fromisoformat,
            help="Date from which this version applies (YYYY-MM-DD).",
        )
        parser.add_argument("--note", default="", help="What this version changed.")

    def handle(self, *args, **options):
        law = self.find_law(options["law"], options["locale"])
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot open {path}: {exc.strerror}.") from exc
        try:
            version = import_version(
                law, data, path.name, options["effective_date"], options["note"]
            )
        except UnreadableInput as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {version} ({version.source_format}): "
                f"{version.provisions.count()} provisions."
            )
        )

    def find_law(self, key, locale):
        laws = LegalTextPage.objects.all()
        law = (
            laws.filter(pk=int(key)).first()
            if key.isdigit()
            else laws.filter(slug=key, locale__language_code=locale).first()
        )
        if law is None:
            raise CommandError(f"No law with slug or id {key!r} in locale {locale!r}.")
        return law
