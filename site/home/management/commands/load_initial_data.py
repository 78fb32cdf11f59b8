"""Load Concord's demo content: locales, the home page in English and Chinese, a demo admin,
then each app's demo data. Safe to run again: what exists is kept."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string
from wagtail.models import Collection, Locale, Page, Site

from home.models import HomePage

DEMO_ADMIN_USERNAME = "admin"
HOME_CONTENT = {
    "en": {
        "title": "Concord",
        "intro": (
            "National IP laws, court judgments and the filing obligations of the PLT and the STLT; "
            "a checker for draft laws; and public consultations on IP policy."
        ),
    },
    "zh-hans": {
        "title": "Concord 知识库",
        "intro": "各国知识产权法律、法院判决及《专利法条约》和《商标法新加坡条约》的申请手续义务；"
        "法律草案检查工具；以及知识产权政策公众意见征询。",
    },
}
# Each app contributes a loader taking (stdout); order matters: consultations cite laws.
DEMO_LOADERS = ["lawdb.demo.load", "consultations.demo.load"]


class Command(BaseCommand):
    help = "Create locales, home pages, a demo admin and the demo data of every app."

    def handle(self, *args, **options):
        with transaction.atomic():
            home = self.ensure_home_pages()
            self.ensure_site(home)
        password_note = self.ensure_demo_admin()
        for dotted_path in DEMO_LOADERS:
            with transaction.atomic():
                import_string(dotted_path)(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(password_note)

    def ensure_home_pages(self):
        locales = {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.LANGUAGES
        }
        english = locales[settings.LANGUAGE_CODE]
        home = HomePage.objects.filter(locale=english).first()
        if home is None:
            root = self.ensure_roots(english)
            # Wagtail's migration leaves a "Welcome" page; Concord's home page replaces it.
            for page in root.get_children().exclude(
                content_type__model="homepage", content_type__app_label="home"
            ):
                page.delete()
            home = root.add_child(instance=HomePage(slug="home", **HOME_CONTENT["en"]))
            home.save_revision().publish()
        for code, locale in locales.items():
            if code == settings.LANGUAGE_CODE or home.has_translation(locale):
                continue
            translation = home.copy_for_translation(locale)
            translation.title = HOME_CONTENT[code]["title"]
            translation.intro = HOME_CONTENT[code]["intro"]
            translation.save_revision().publish()
        return home

    def ensure_roots(self, locale):
        """Wagtail's migrations create the root page and collection; a flushed database
        (as in transactional tests) has neither, so recreate them."""
        if not Collection.objects.exists():
            Collection.add_root(name="Root")
        root = Page.get_first_root_node()
        if root is None:
            root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
        return root

    def ensure_site(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True,
                site_name="Concord",
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = "Concord"
            site.save()

    def ensure_demo_admin(self):
        """Create the demo superuser once; its password is kept beside the database so that
        every later run can print it again."""
        password_file = settings.VAR_DIR / "demo-admin-password.txt"
        User = get_user_model()
        if not User.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(
                DEMO_ADMIN_USERNAME, "admin@concord.invalid", password
            )
            settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password)
        if password_file.exists():
            password = password_file.read_text().strip()
            return f"Demo admin: username '{DEMO_ADMIN_USERNAME}', password '{password}'"
        return f"Demo admin '{DEMO_ADMIN_USERNAME}' exists; its password was set elsewhere."
