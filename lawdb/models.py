"""The legal knowledge base: jurisdictions, the PLT/STLT catalogue, national laws with their
versions and provisions, and judgments.

Terms follow Akoma Ntoso and Indigo: a *law* (the work, a Wagtail page) has *versions*
(expressions in force from an effective date), each made of *provisions* identified by an
eid such as ``art_12__para_3``. Page revisions cover a law's metadata; its text lives in
versions, which are added by the import pipeline (``lawdb.importing``) and never edited in
place, so that every earlier version stays readable at its own URL.
"""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from .search import SearchableQuerySet


def in_chinese():
    """True when the current interface language is Chinese."""
    return (get_language() or "").startswith("zh")


class Region(models.TextChoices):
    """The WIPO regional groups as used in CDIP/25/9 Rev."""

    AFRICA = "africa", _("Africa")
    ARAB = "arab", _("Arab")
    ASIA_PACIFIC = "asia_pacific", _("Asia and the Pacific")
    LATIN_AMERICA_CARIBBEAN = "latin_america_caribbean", _("Latin America and the Caribbean")
    TRANSITION_DEVELOPED = "transition_developed", _("Transition and Developed")


class DevelopmentStatus(models.TextChoices):
    DEVELOPING = "developing", _("Developing country")
    LDC = "ldc", _("Least developed country")
    TRANSITION = "transition", _("Country in transition")
    DEVELOPED = "developed", _("Developed country")


class TreatyCode(models.TextChoices):
    """Treaties a jurisdiction may be party to; PLT and STLT also have a provision catalogue."""

    PLT = "PLT", _("Patent Law Treaty")
    STLT = "STLT", _("Singapore Treaty on the Law of Trademarks")
    TLT = "TLT", _("Trademark Law Treaty")
    PARIS = "Paris", _("Paris Convention")
    PCT = "PCT", _("Patent Cooperation Treaty")
    MADRID = "Madrid", _("Madrid Protocol")
    HAGUE = "Hague", _("Hague Agreement")
    BERNE = "Berne", _("Berne Convention")
    WCT = "WCT", _("WIPO Copyright Treaty")
    TRIPS = "TRIPS", _("TRIPS Agreement")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    CHINESE = "zh-hans", _("Simplified Chinese")


class JurisdictionQuerySet(models.QuerySet):
    def party_to(self, treaty_code):
        return self.filter(memberships__treaty=treaty_code).distinct()


class Jurisdiction(ClusterableModel):
    """A country or territory whose IP laws and judgments Concord holds."""

    iso_code = models.CharField(
        _("ISO code"),
        max_length=3,
        unique=True,
        help_text=_("ISO 3166-1 alpha-2 code in capitals, e.g. 'KE' or 'CN'."),
    )
    name_en = models.CharField(
        _("name (English)"), max_length=120, help_text=_("Short name in English.")
    )
    name_zh = models.CharField(
        _("name (Chinese)"), max_length=60, help_text=_("Short name in Chinese.")
    )
    region = models.CharField(
        _("WIPO region"),
        max_length=30,
        choices=Region.choices,
        help_text=_("Regional group as used in WIPO documents such as CDIP/25/9 Rev."),
    )
    development_status = models.CharField(
        _("development status"),
        max_length=20,
        choices=DevelopmentStatus.choices,
        help_text=_("Developing, least developed, in transition or developed."),
    )

    objects = JurisdictionQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("iso_code"), FieldPanel("name_en"), FieldPanel("name_zh")]),
        FieldRowPanel([FieldPanel("region"), FieldPanel("development_status")]),
        InlinePanel("memberships", heading=_("Treaty memberships"), label=_("Membership")),
    ]

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("jurisdiction")
        verbose_name_plural = _("jurisdictions")

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_zh if in_chinese() else self.name_en

    def get_absolute_url(self):
        return reverse("lawdb:jurisdiction_detail", args=[self.iso_code])

    def clean(self):
        self.iso_code = self.iso_code.upper()


class TreatyMembership(Orderable):
    """A jurisdiction's membership of a treaty, from the date it became bound."""

    jurisdiction = ParentalKey(
        Jurisdiction,
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text=_("The member jurisdiction."),
    )
    treaty = models.CharField(
        _("treaty"), max_length=10, choices=TreatyCode.choices, help_text=_("The treaty.")
    )
    since = models.DateField(
        _("bound since"),
        null=True,
        blank=True,
        help_text=_("Date on which the treaty entered into force for this jurisdiction."),
    )

    panels = [FieldRowPanel([FieldPanel("treaty"), FieldPanel("since")])]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "treaty"], name="lawdb_membership_unique_treaty"
            )
        ]
        verbose_name = _("treaty membership")

    def __str__(self):
        return f"{self.jurisdiction} – {self.treaty}"


class Treaty(models.Model):
    """A treaty whose provisions are catalogued (PLT, STLT), loaded from the catalogue file."""

    code = models.CharField(
        _("code"),
        max_length=10,
        unique=True,
        choices=TreatyCode.choices,
        help_text=_("Short code used in citations, e.g. 'PLT'."),
    )
    name_en = models.CharField(
        _("name (English)"), max_length=200, help_text=_("Full name in English.")
    )
    name_zh = models.CharField(
        _("name (Chinese)"), max_length=100, help_text=_("Full name in Chinese.")
    )
    adopted = models.DateField(
        _("adopted"), null=True, blank=True, help_text=_("Date of adoption.")
    )
    in_force = models.DateField(
        _("in force"), null=True, blank=True, help_text=_("Date of entry into force.")
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("name_en"), FieldPanel("name_zh")]),
        FieldRowPanel([FieldPanel("adopted"), FieldPanel("in_force")]),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = _("treaty")
        verbose_name_plural = _("treaties")

    def __str__(self):
        return self.code

    @property
    def name(self):
        return self.name_zh if in_chinese() else self.name_en

    def get_absolute_url(self):
        return reverse("lawdb:treaty_detail", args=[self.code])

    def members(self):
        return Jurisdiction.objects.party_to(self.code)


class TreatyProvisionKind(models.TextChoices):
    ARTICLE = "article", _("Article")
    RULE = "rule", _("Rule")
    PARAGRAPH = "paragraph", _("Paragraph")
    SUBPARAGRAPH = "subparagraph", _("Subparagraph")
    ITEM = "item", _("Item")


class TreatyProvisionQuerySet(SearchableQuerySet):
    search_columns = ("citation", "heading_en", "heading_zh", "summary_en", "summary_zh")

    def of_treaty(self, code):
        return self.filter(treaty__code=code)

    def with_obligation(self):
        return self.exclude(obligation__isnull=True)


class TreatyProvision(models.Model):
    """A provision of the PLT or the STLT, cited in the catalogue's form (e.g. "PLT Art. 8(4)(b)").

    The summaries are Concord's own words; ``official_text`` holds the treaty's text where
    an editor has added it.
    """

    treaty = models.ForeignKey(
        Treaty,
        on_delete=models.CASCADE,
        related_name="provisions",
        help_text=_("The treaty this provision belongs to."),
    )
    citation = models.CharField(
        _("citation"),
        max_length=40,
        unique=True,
        help_text=_("Stable citation, e.g. 'PLT Art. 8(4)(b)' or 'STLT Rule 6(4)'."),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("The provision this one is part of (an article for a paragraph, …)."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=TreatyProvisionKind.choices,
        help_text=_("Article, rule, paragraph, subparagraph or item."),
    )
    number = models.CharField(
        _("number"), max_length=10, help_text=_("Its own number, e.g. '4' or 'b'.")
    )
    heading_en = models.CharField(
        _("heading (English)"), max_length=200, help_text=_("Heading in English.")
    )
    heading_zh = models.CharField(
        _("heading (Chinese)"), max_length=200, help_text=_("Heading in Chinese.")
    )
    summary_en = models.TextField(
        _("summary (English)"), help_text=_("Summary in our own words, in English.")
    )
    summary_zh = models.TextField(
        _("summary (Chinese)"), help_text=_("Summary in our own words, in Chinese.")
    )
    is_summary = models.BooleanField(
        _("is a summary"),
        default=True,
        help_text=_("The text shown is a summary, not the official text of the treaty."),
    )
    official_text = models.TextField(
        _("official text"), blank=True, help_text=_("The official English text, when added.")
    )
    obligation = models.JSONField(
        _("obligation"),
        null=True,
        blank=True,
        help_text=_(
            "For filing formalities: lists 'must_accept', 'may_require', 'must_not_require' and "
            "'exceptions' (with '_zh' twins) describing what a Contracting Party may do."
        ),
    )
    categories = models.JSONField(
        _("checker categories"),
        default=list,
        blank=True,
        help_text=_("Checker categories this provision governs, e.g. ['paper_only']."),
    )
    sort_order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Position in the catalogue, which follows the treaty.")
    )

    objects = TreatyProvisionQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("treaty"), FieldPanel("citation"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("parent"), FieldPanel("number")]),
        FieldRowPanel([FieldPanel("heading_en"), FieldPanel("heading_zh")]),
        FieldPanel("summary_en"),
        FieldPanel("summary_zh"),
        FieldPanel("is_summary"),
        FieldPanel("official_text"),
        FieldPanel("obligation"),
        FieldPanel("categories"),
    ]

    class Meta:
        ordering = ["sort_order", "citation"]
        verbose_name = _("treaty provision")
        verbose_name_plural = _("treaty provisions")

    def __str__(self):
        return self.citation

    @property
    def heading(self):
        return self.heading_zh if in_chinese() else self.heading_en

    @property
    def summary(self):
        return self.summary_zh if in_chinese() else self.summary_en

    @property
    def anchor(self):
        """HTML id on the treaty page: "PLT Art. 8(4)(b)" -> "plt-art-8-4-b"."""
        return "-".join("".join(c if c.isalnum() else " " for c in self.citation.lower()).split())

    def get_absolute_url(self):
        return f"{self.treaty.get_absolute_url()}#{self.anchor}"

    def obligation_items(self):
        """(label, items) rows of the obligation in the interface language."""
        if not self.obligation:
            return []
        suffix = "_zh" if in_chinese() else ""
        labels = {
            "must_accept": _("Must accept"),
            "may_require": _("May require"),
            "must_not_require": _("Must not require"),
            "exceptions": _("Exceptions"),
        }
        return [
            (label, self.obligation.get(key + suffix) or self.obligation.get(key, []))
            for key, label in labels.items()
            if self.obligation.get(key)
        ]


class LegalTextKind(models.TextChoices):
    ACT = "act", _("Act")
    REGULATION = "regulation", _("Regulation")
    DECREE = "decree", _("Decree")
    DRAFT_BILL = "draft_bill", _("Draft bill")


class Subject(models.TextChoices):
    PATENTS = "patents", _("Patents")
    TRADEMARKS = "trademarks", _("Trademarks")
    INDUSTRIAL_DESIGNS = "industrial_designs", _("Industrial designs")
    COPYRIGHT = "copyright", _("Copyright")
    IP_GENERAL = "ip_general", _("IP (general)")
    E_GOVERNMENT = "e_government", _("E-government and e-signatures")


class LegalTextStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    REPEALED = "repealed", _("Repealed")
    SUPERSEDED = "superseded", _("Superseded")
    DRAFT = "draft", _("Draft")


class LegalTextPageQuerySet(SearchableQuerySet, PageQuerySet):
    search_columns = ("title", "title_original", "title_en", "number")

    def in_force(self):
        return self.filter(status=LegalTextStatus.IN_FORCE)

    def drafts(self):
        return self.filter(kind=LegalTextKind.DRAFT_BILL)


class LawIndexPage(Page):
    """Container of the laws of one locale; its listing is the filterable law list view."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["lawdb.LegalTextPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("law index")

    def serve(self, request, *args, **kwargs):
        return redirect("lawdb:law_list")


class JudgmentIndexPage(Page):
    """Container of the judgments of one locale; its listing is the judgment list view."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["lawdb.JudgmentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("judgment index")

    def serve(self, request, *args, **kwargs):
        return redirect("lawdb:judgment_list")


class LegalTextTag(TaggedItemBase):
    content_object = ParentalKey(
        "lawdb.LegalTextPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class JudgmentKeyword(TaggedItemBase):
    content_object = ParentalKey(
        "lawdb.JudgmentPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class LegalTextPage(RoutablePageMixin, Page):
    """An act, regulation, decree or draft bill of one jurisdiction (the *work*).

    Its text is held in versions (``LegalTextVersion``); the page shows the version in force
    today, ``versions/<date>/`` shows the version in force on that date, and
    ``compare/<date>/<date>/`` a redline between two versions.
    """

    jurisdiction = models.ForeignKey(
        Jurisdiction,
        on_delete=models.PROTECT,
        related_name="laws",
        verbose_name=_("jurisdiction"),
        help_text=_("The jurisdiction that enacted (or is drafting) this text."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=LegalTextKind.choices,
        default=LegalTextKind.ACT,
        help_text=_("Act, regulation, decree or draft bill."),
    )
    subject = models.CharField(
        _("subject"),
        max_length=30,
        choices=Subject.choices,
        help_text=_("Main field of law this text deals with."),
    )
    title_original = models.CharField(
        _("original title"),
        max_length=300,
        help_text=_("The title in the language of the text, as enacted."),
    )
    title_en = models.CharField(
        _("English title"),
        max_length=300,
        blank=True,
        help_text=_("English title, official or translated; blank if the original is English."),
    )
    number = models.CharField(
        _("number"),
        max_length=60,
        blank=True,
        help_text=_("Official number, e.g. 'Act No. 3' or 'Order No. 47'."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), db_index=True, help_text=_("Year of enactment (or of the draft).")
    )
    date_adopted = models.DateField(
        _("adopted"), null=True, blank=True, help_text=_("Date of adoption or assent.")
    )
    date_in_force = models.DateField(
        _("in force"), null=True, blank=True, help_text=_("Date of entry into force.")
    )
    date_repealed = models.DateField(
        _("repealed"), null=True, blank=True, help_text=_("Date of repeal, if repealed.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=LegalTextStatus.choices,
        default=LegalTextStatus.IN_FORCE,
        help_text=_("In force, repealed, superseded or draft."),
    )
    official_source = models.URLField(
        _("official source"),
        blank=True,
        help_text=_("Link to the official publication (gazette, official database)."),
    )
    language = models.CharField(
        _("language of the text"),
        max_length=10,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text=_("Language in which the provisions are written."),
    )
    amends = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="amending_bills",
        verbose_name=_("amends"),
        help_text=_("For a draft bill: the law in force that it would amend or replace."),
    )
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Written for demonstration; not an official text. Shown on the page."),
    )
    tags = ClusterTaggableManager(
        through=LegalTextTag, blank=True, help_text=_("Free keywords, e.g. 'e-filing'.")
    )

    objects = PageManager.from_queryset(LegalTextPageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("illustrative"),
        MultiFieldPanel(
            [
                FieldPanel("jurisdiction"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("subject"), FieldPanel("status")]),
                FieldPanel("title_original"),
                FieldPanel("title_en"),
                FieldRowPanel([FieldPanel("number"), FieldPanel("year"), FieldPanel("language")]),
                FieldRowPanel(
                    [
                        FieldPanel("date_adopted"),
                        FieldPanel("date_in_force"),
                        FieldPanel("date_repealed"),
                    ]
                ),
                FieldPanel("official_source"),
                FieldPanel("amends"),
                FieldPanel("tags"),
            ],
            heading=_("The law"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("title_original"),
        index.SearchField("title_en"),
        index.SearchField("number"),
        index.FilterField("kind"),
        index.FilterField("subject"),
        index.FilterField("status"),
        index.FilterField("year"),
        index.FilterField("jurisdiction"),
    ]
    parent_page_types = ["lawdb.LawIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("legal text")
        verbose_name_plural = _("legal texts")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.kind == LegalTextKind.DRAFT_BILL and self.status != LegalTextStatus.DRAFT:
            raise ValidationError({"status": _("A draft bill has the status 'draft'.")})
        if self.amends_id and self.amends_id == self.pk:
            raise ValidationError({"amends": _("A text cannot amend itself.")})

    @property
    def display_title(self):
        """The English title in English, otherwise the original title."""
        if not in_chinese() and self.title_en:
            return self.title_en
        return self.title_original

    @cached_property
    def version_list(self):
        return list(self.versions.order_by("-effective_date"))

    def version_on(self, day):
        """The version in force on ``day``: the latest one that took effect on or before it."""
        return next((v for v in self.version_list if v.effective_date <= day), None)

    def current_version(self):
        """The version in force today; for a draft (all dates ahead), its latest version."""
        return self.version_on(timezone.localdate()) or next(iter(self.version_list), None)

    def refresh_current_version(self):
        """Mark the version in force today as the one that search and the API return."""
        self.__dict__.pop("version_list", None)
        current = self.current_version()
        self.versions.exclude(pk=getattr(current, "pk", None)).update(is_current=False)
        if current:
            self.versions.filter(pk=current.pk).update(is_current=True)

    def citation(self):
        """The law's citation, e.g. "Industrial Property Act, 2001 (KE)"."""
        return f"{self.display_title} ({self.jurisdiction.iso_code})"

    # Point-in-time reading (regulations3k style); the views live in lawdb.views.
    @path("", name="current")
    def current(self, request):
        from . import views

        return views.law_version(request, self, self.current_version(), allow_empty=True)

    @path("versions/<str:day>/", name="version")
    def version(self, request, day):
        from . import views

        return views.law_version(request, self, self.version_on(views.parse_day(day)))

    @path("flags/", name="flags")
    def flags(self, request):
        from . import views

        return views.law_version(
            request, self, self.current_version(), tab="flags", allow_empty=True
        )

    @path("versions/<str:day>/flags/", name="version_flags")
    def version_flags(self, request, day):
        from . import views

        return views.law_version(request, self, self.version_on(views.parse_day(day)), tab="flags")

    @path("compare/", name="compare_form")
    @path("compare/<str:old>/<str:new>/", name="compare")
    def compare(self, request, old=None, new=None):
        from . import views

        return views.law_compare(request, self, old, new)

    @path("export/akn/", name="akn")
    @path("versions/<str:day>/export/akn/", name="version_akn")
    def akn(self, request, day=None):
        from . import views

        return views.law_export(request, self, day, "akn")

    @path("export/json/", name="json")
    @path("versions/<str:day>/export/json/", name="version_json")
    def json(self, request, day=None):
        from . import views

        return views.law_export(request, self, day, "json")


class LegalTextVersion(models.Model):
    """One version (expression) of a law: its full text in force from an effective date."""

    law = models.ForeignKey(
        LegalTextPage,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("law"),
        help_text=_("The law this is a version of."),
    )
    effective_date = models.DateField(
        _("effective date"),
        help_text=_("Date from which this version applies (for a draft, the date of the draft)."),
    )
    note = models.CharField(
        _("note"),
        max_length=300,
        blank=True,
        help_text=_("What changed, e.g. 'As amended by Act No. 8 of 2019'."),
    )
    source_format = models.CharField(
        _("source format"),
        max_length=10,
        help_text=_("Format of the imported file: txt, docx, pdf or akn."),
    )
    source_filename = models.CharField(
        _("source file name"), max_length=255, blank=True, help_text=_("Name of the imported file.")
    )
    text = models.TextField(_("full text"), help_text=_("The full text as read from the file."))
    is_current = models.BooleanField(
        _("current"),
        default=False,
        db_index=True,
        help_text=_(
            "The version shown at the law's own URL and searched; set on import by "
            "LegalTextPage.refresh_current_version()."
        ),
    )
    imported_at = models.DateTimeField(
        _("imported at"), auto_now_add=True, help_text=_("When this version was imported.")
    )

    class Meta:
        ordering = ["law", "effective_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["law", "effective_date"], name="lawdb_version_unique_date"
            )
        ]
        verbose_name = _("version")
        verbose_name_plural = _("versions")

    def __str__(self):
        return f"{self.law} ({self.effective_date.isoformat()})"

    @property
    def date_slug(self):
        return self.effective_date.isoformat()

    def get_absolute_url(self):
        return self.law.url + self.law.reverse_subpage("version", args=[self.date_slug])


class ProvisionQuerySet(SearchableQuerySet):
    search_columns = ("heading", "text")
    search_document_column = "search_document"

    def current(self):
        """Provisions of the current version of published laws."""
        return self.filter(version__is_current=True, version__law__live=True)

    def flagged(self, label):
        return self.filter(finding__label=label)


# Provisions that carry a citable number of their own; parts and chapters are containers.
CITABLE_TOP_KINDS = {"article", "section", "rule"}
# Words kept in the law's own (English) style: a Chinese number already carries its unit.
KIND_WORDS = {"section": "Section", "article": "Article", "rule": "Rule"}


def provision_label(kind, num, parent_label):
    """The citable label of a provision from its parent's: "Section 7" + "(1)" -> "Section
    7(1)"; containers and what hangs directly from them have none."""
    num = num.strip().rstrip(".").strip()
    if kind in CITABLE_TOP_KINDS:
        word = KIND_WORDS[kind] if num[:1].isdigit() else ""
        return f"{word} {num}".strip()
    return parent_label + num if parent_label else ""


class ProvisionKind(models.TextChoices):
    PART = "part", _("Part")
    CHAPTER = "chapter", _("Chapter")
    SECTION = "section", _("Section")
    ARTICLE = "article", _("Article")
    RULE = "rule", _("Rule")
    PARAGRAPH = "paragraph", _("Paragraph")
    SUBPARAGRAPH = "subparagraph", _("Subparagraph")
    ITEM = "item", _("Item")


class Provision(models.Model):
    """One provision of one version of a law, in document order."""

    version = models.ForeignKey(
        LegalTextVersion,
        on_delete=models.CASCADE,
        related_name="provisions",
        help_text=_("The version this provision belongs to."),
    )
    eid = models.CharField(
        _("eId"),
        max_length=200,
        help_text=_("Akoma Ntoso-style id, unique in the version, e.g. 'art_12__para_3'."),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("The provision that contains this one."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ProvisionKind.choices, help_text=_("Structural unit.")
    )
    num = models.CharField(
        _("number"),
        max_length=60,
        blank=True,
        help_text=_("Number as printed, e.g. '12.' or '第十二条'."),
    )
    heading = models.CharField(
        _("heading"), max_length=500, blank=True, help_text=_("Heading, if any.")
    )
    text = models.TextField(_("text"), blank=True, help_text=_("Own text, without sub-provisions."))
    depth = models.PositiveSmallIntegerField(
        _("depth"), default=0, help_text=_("Nesting level, 0 at the top.")
    )
    position = models.PositiveIntegerField(
        _("position"), help_text=_("Order of the provision in the version.")
    )
    finding = models.JSONField(
        _("checker finding"),
        null=True,
        blank=True,
        help_text=_("The alignment checker's finding for this provision (nlp.checker)."),
    )
    treaty_provisions = models.ManyToManyField(
        TreatyProvision,
        blank=True,
        related_name="national_provisions",
        help_text=_("PLT/STLT provisions this provision implements or conflicts with."),
    )
    search_document = SearchVectorField(
        null=True,
        editable=False,
        help_text=_("PostgreSQL full-text document of heading and text (unused on SQLite)."),
    )

    objects = ProvisionQuerySet.as_manager()

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "eid"], name="lawdb_provision_unique_eid")
        ]
        verbose_name = _("provision")
        verbose_name_plural = _("provisions")

    def __str__(self):
        return f"{self.version.law} {self.label}"

    @property
    def label(self):
        """The citable label, e.g. "Section 7(1)(a)" or "第十二条"; the eid if it has none."""
        return self.citation_label() or self.eid

    def citation_label(self):
        parent_label = self.parent.citation_label() if self.parent_id else ""
        return provision_label(self.kind, self.num, parent_label)

    def get_absolute_url(self):
        return f"{self.version.law.url}#{self.eid}"


class JudgmentLevel(models.TextChoices):
    FIRST_INSTANCE = "first_instance", _("First instance")
    APPELLATE = "appellate", _("Appellate")
    FINAL = "final", _("Final (supreme)")


class JudgmentPageQuerySet(SearchableQuerySet, PageQuerySet):
    search_columns = ("title", "parties", "case_number", "court", "summary", "full_text")


class JudgmentPage(Page):
    """A court judgment on intellectual property."""

    jurisdiction = models.ForeignKey(
        Jurisdiction,
        on_delete=models.PROTECT,
        related_name="judgments",
        verbose_name=_("jurisdiction"),
        help_text=_("Jurisdiction of the court."),
    )
    court = models.CharField(_("court"), max_length=200, help_text=_("Name of the court."))
    level = models.CharField(
        _("level"),
        max_length=20,
        choices=JudgmentLevel.choices,
        help_text=_("First instance, appellate or final."),
    )
    decision_date = models.DateField(_("date of decision"), help_text=_("Date of the judgment."))
    case_number = models.CharField(_("case number"), max_length=100, help_text=_("Docket number."))
    parties = models.CharField(
        _("parties"), max_length=300, help_text=_("e.g. 'A Ltd v. Registrar'.")
    )
    subject = models.CharField(
        _("subject"), max_length=30, choices=Subject.choices, help_text=_("Field of law.")
    )
    procedure_type = models.CharField(
        _("procedure type"),
        max_length=100,
        help_text=_("e.g. appeal against a refusal, opposition, infringement, invalidation."),
    )
    keywords = ClusterTaggableManager(
        through=JudgmentKeyword, blank=True, verbose_name=_("keywords"), help_text=_("Keywords.")
    )
    summary = models.TextField(_("summary"), help_text=_("Summary of the facts and the holding."))
    full_text = models.TextField(
        _("full text"), blank=True, help_text=_("Full text of the judgment.")
    )
    outcome = models.CharField(
        _("outcome"), max_length=300, help_text=_("e.g. 'Appeal allowed; refusal set aside'.")
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text=_("Language of the judgment."),
    )
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Written for demonstration; not a real judgment. Shown on the page."),
    )

    objects = PageManager.from_queryset(JudgmentPageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("illustrative"),
        MultiFieldPanel(
            [
                FieldPanel("jurisdiction"),
                FieldRowPanel([FieldPanel("court"), FieldPanel("level")]),
                FieldRowPanel([FieldPanel("decision_date"), FieldPanel("case_number")]),
                FieldPanel("parties"),
                FieldRowPanel(
                    [FieldPanel("subject"), FieldPanel("procedure_type"), FieldPanel("language")]
                ),
                FieldPanel("keywords"),
            ],
            heading=_("The case"),
        ),
        FieldPanel("summary"),
        FieldPanel("full_text"),
        FieldPanel("outcome"),
        InlinePanel("citations", heading=_("Cited laws and provisions"), label=_("Citation")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("full_text"),
        index.SearchField("parties"),
        index.SearchField("case_number"),
        index.FilterField("subject"),
        index.FilterField("level"),
        index.FilterField("jurisdiction"),
    ]
    parent_page_types = ["lawdb.JudgmentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("judgment")
        verbose_name_plural = _("judgments")


class JudgmentCitation(Orderable):
    """A law (and optionally one of its provisions) cited in a judgment."""

    judgment = ParentalKey(
        JudgmentPage,
        on_delete=models.CASCADE,
        related_name="citations",
        help_text=_("The judgment."),
    )
    law = models.ForeignKey(
        LegalTextPage,
        on_delete=models.CASCADE,
        related_name="cited_by",
        verbose_name=_("law"),
        help_text=_("The cited law."),
    )
    provision_eid = models.CharField(
        _("provision eId"),
        max_length=200,
        blank=True,
        help_text=_("eId of the cited provision, e.g. 'sec_7__para_1'; blank for the whole law."),
    )

    panels = [FieldPanel("law"), FieldPanel("provision_eid")]

    class Meta(Orderable.Meta):
        verbose_name = _("citation")

    def get_absolute_url(self):
        url = self.law.url
        return f"{url}#{self.provision_eid}" if self.provision_eid else url
