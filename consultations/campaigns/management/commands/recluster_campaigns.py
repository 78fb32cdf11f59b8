from django.core.management.base import BaseCommand, CommandError

from consultations.models import ConsultationPage

from ...clustering import recluster


class Command(BaseCommand):
    help = ("Recompute a consultation's campaigns from scratch with the batch clustering "
            "(nlp.dedup.cluster), e.g. after changing the threshold or importing in bulk.")

    def add_arguments(self, parser):
        parser.add_argument("--consultation", required=True, metavar="SLUG",
                            help="The consultation's slug (any translation).")

    def handle(self, *args, consultation, **options):
        page = ConsultationPage.objects.filter(slug=consultation).first()
        if page is None:
            raise CommandError(f"No consultation with the slug {consultation!r}.")
        result = recluster(page)
        self.stdout.write(
            f"{result.submissions} submissions: {result.campaigns} campaigns, "
            f"{result.unique} unique comments."
        )
