from django.core.management.base import BaseCommand, CommandError

from lawdb.treaty_catalogue import load_treaty_catalogue
from nlp.catalogue import CatalogueError


class Command(BaseCommand):
    help = "Load or update the PLT/STLT treaty catalogue (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--path", help="Catalogue file; default fixtures/treaties/plt_stlt.json."
        )

    def handle(self, *args, path=None, **options):
        try:
            count = load_treaty_catalogue(path)
        except CatalogueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"{count} treaty provisions loaded."))
