"""Consultations on issue papers and draft laws, the public's submissions and their moderation.

A consultation exists once per locale (Wagtail translations share a ``translation_key``); each
translation has its own Issue and Question rows with the same numbers. A submission belongs to the
translation it was written on, so every view that counts or publishes comments works across all
translations of a consultation (``ConsultationPage.submissions_of_all_translations``).
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet

from .countries import COUNTRY_CHOICES, region_of

# --- Vocabularies ------------------------------------------------------------------------------


class ConsultationKind(models.TextChoices):
    ISSUES_PAPER = "issues_paper", _("Issues paper")
    DRAFT_LAW = "draft_law", _("Draft law, article by article")


class ConsultationStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open for comments")
    CLOSED = "closed", _("Closed")
    PUBLISHED = "published", _("Comments published")


class PublicationConsent(models.TextChoices):
    NAMED = "named", _("Publish my comment with my name")
    ANONYMOUS = "anonymous", _("Publish my comment anonymously")
    NOT_PUBLISHED = "not_published", _("Do not publish my comment")


class Capacity(models.TextChoices):
    PERSONAL = "personal", _("In a personal capacity")
    ORGANISATION = "organisation", _("On behalf of an organisation")


class StakeholderType(models.TextChoices):
    MEMBER_STATE = "member_state", _("Member State")
    IP_OFFICE = "ip_office", _("IP office")
    IGO = "igo", _("Intergovernmental organisation")
    NGO = "ngo", _("Non-governmental organisation")
    BUSINESS = "business", _("Business")
    ACADEMIA = "academia", _("Academia")
    LEGAL_PRACTITIONER = "legal_practitioner", _("Legal practitioner")
    INDIVIDUAL = "individual", _("Individual")


class SubmissionStatus(models.TextChoices):
    PENDING_CONFIRMATION = "pending_confirmation", _("Awaiting e-mail confirmation")
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class SubmissionSource(models.TextChoices):
    WEB = "web", _("Web form")
    EMAIL_IMPORT = "email_import", _("Imported from an e-mail")


class IssueKind(models.TextChoices):
    ISSUE = "issue", _("Issue")
    ARTICLE = "article", _("Article of a draft law")


SUBMISSION_LANGUAGES = settings.LANGUAGES


def keyed_hash(value: str, purpose: str) -> str:
    """A hex HMAC of ``value`` under the secret key: lets us match tokens and IP addresses
    without storing them."""
    key = f"{settings.SECRET_KEY}:consultations:{purpose}".encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


# --- Pages -------------------------------------------------------------------------------------


class ConsultationIndexPage(Page):
    """The parent of every consultation in one locale, at /consultations/."""

    intro = models.TextField(
        blank=True, verbose_name=_("introduction"),
        help_text=_("A sentence or two shown above the list of consultations."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("consultation index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["consultations"] = (
            ConsultationPage.objects.child_of(self).live().order_by("-closes_at")
        )
        return context


class ConsultationQuerySet(PageQuerySet):
    def open_for_comments(self, now=None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)


SHARED_BY_TRANSLATIONS = (
    "opens_at", "closes_at", "comments_published", "offers_named", "offers_anonymous",
    "offers_not_published",
)


class ConsultationPage(RoutablePageMixin, Page):
    """A public consultation on an issue paper or a draft law; its sub-pages (form, receipt,
    comments, compilation) are routes served by consultations.views."""

    reference = models.CharField(
        max_length=80, blank=True,
        help_text=_("The document symbol, e.g. WIPO/IP/AI/2/GE/20/1."),
    )
    kind = models.CharField(
        max_length=20, choices=ConsultationKind.choices, default=ConsultationKind.ISSUES_PAPER,
        help_text=_("An issues paper with numbered questions, or a draft law commented article "
                    "by article."),
    )
    introduction = models.TextField(
        blank=True, help_text=_("What the consultation is about; plain text, blank lines "
                                "separate paragraphs."),
    )
    privacy_notice = models.TextField(
        blank=True, help_text=_("How comments will be used and published; shown on the form."),
    )
    opens_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When comments start being accepted.")
    )
    closes_at = models.DateTimeField(
        null=True, blank=True, help_text=_("The deadline; the server refuses comments after it.")
    )
    schedule_note = models.TextField(
        blank=True, help_text=_("History of the dates, e.g. the original period when the dates "
                                "were moved; shown under the deadline."),
    )
    comments_published = models.BooleanField(
        default=False, help_text=_("Set once the secretariat has published the comments and the "
                                   "compilation; the status then reads “published”."),
    )
    offers_named = models.BooleanField(
        default=True, help_text=_("Commenters may choose to be published with their name."),
    )
    offers_anonymous = models.BooleanField(
        default=True, help_text=_("Commenters may choose to be published anonymously."),
    )
    offers_not_published = models.BooleanField(
        default=True, help_text=_("Commenters may choose not to be published at all."),
    )
    draft_law = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("For a consultation on a draft law: the draft in the law database. Its "
                    "articles are this consultation's issues of kind “article”."),
    )

    objects = PageManager.from_queryset(ConsultationQuerySet)()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("reference"), FieldPanel("kind"), FieldPanel("draft_law")],
            heading=_("Document"),
        ),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("schedule_note"),
             FieldPanel("comments_published")],
            heading=_("Comment period"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_notice"), FieldPanel("offers_named"),
             FieldPanel("offers_anonymous"), FieldPanel("offers_not_published")],
            heading=_("Publication and privacy"),
        ),
        InlinePanel("issues", heading=_("Issues / articles"), label=_("Issue")),
        InlinePanel("paper_versions", heading=_("Versions of the paper"), label=_("Version")),
    ]
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("consultation")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The deadline must be after the opening.")})
        if not self.publication_choices():
            raise ValidationError(_("Offer at least one publication choice."))

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # One deadline for every language: the period and the publication choices are copied
        # to the other translations whenever they are saved (publishing saves them).
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) & set(SHARED_BY_TRANSLATIONS):
            ConsultationPage.objects.filter(translation_key=self.translation_key).exclude(
                pk=self.pk
            ).update(**{name: getattr(self, name) for name in SHARED_BY_TRANSLATIONS})

    def status(self, now=None):
        now = now or timezone.now()
        if self.comments_published:
            return ConsultationStatus.PUBLISHED
        if self.opens_at and now < self.opens_at:
            return ConsultationStatus.UPCOMING
        if self.closes_at and now >= self.closes_at:
            return ConsultationStatus.CLOSED
        if self.opens_at is None or self.closes_at is None:
            return ConsultationStatus.UPCOMING  # no period set yet: not accepting comments
        return ConsultationStatus.OPEN

    def status_label(self):
        return self.status().label

    def is_open(self, now=None):
        return self.status(now) == ConsultationStatus.OPEN

    def publication_choices(self):
        """The consent options this consultation offers, in display order."""
        offered = {
            PublicationConsent.NAMED: self.offers_named,
            PublicationConsent.ANONYMOUS: self.offers_anonymous,
            PublicationConsent.NOT_PUBLISHED: self.offers_not_published,
        }
        return [(choice.value, choice.label) for choice, on in offered.items() if on]

    # Routes: the views live in consultations.views (imported late: they import this module).
    @path("submit/", name="submit")
    def submit_route(self, request):
        from . import views

        return views.submit(request, self)

    @path("confirm/<str:reference>/<str:token>/", name="confirm")
    def confirm_route(self, request, reference, token):
        from . import views

        return views.confirm(request, self, reference, token)

    @path("my-submission/<str:token>/", name="manage_submission")
    def manage_submission_route(self, request, token):
        from . import views

        return views.manage_submission(request, self, token)

    @path("comments/", name="comments")
    def comments_route(self, request):
        from . import views

        return views.comments(request, self)

    @path("comments/issue-<int:number>/", name="issue_comments")
    def issue_comments_route(self, request, number):
        from . import views

        return views.comments(request, self, issue_number=number)

    @path("comments/<str:reference>/", name="comment")
    def comment_route(self, request, reference):
        from . import views

        return views.comment_detail(request, self, reference)

    @path("compilation/", name="compilation")
    def compilation_route(self, request):
        from . import views

        return views.compilation_view(request, self)

    @path("compilation/download/<str:fmt>/", name="compilation_download")
    def compilation_download_route(self, request, fmt):
        from . import views

        return views.compilation_download(request, self, fmt)

    def subpage_url(self, name, **kwargs):
        """The path of one of the routes above, in this page's language."""
        return self.url + self.reverse_subpage(name, kwargs=kwargs)

    def submissions_of_all_translations(self):
        return Submission.objects.filter(consultation__translation_key=self.translation_key)

    def issues_with_questions(self):
        return self.issues.prefetch_related("questions")


class Issue(Orderable, ClusterableModel):
    """One issue of a paper (or one article of a draft law), with its numbered questions."""

    consultation = ParentalKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="issues",
        help_text=_("The consultation (in one language) this issue belongs to."),
    )
    kind = models.CharField(
        max_length=10, choices=IssueKind.choices, default=IssueKind.ISSUE,
        help_text=_("An issue of a paper, or an article of a draft law."),
    )
    number = models.PositiveSmallIntegerField(
        help_text=_("The issue's number, the same in every translation (Issue 1, Article 1…)."),
    )
    area = models.CharField(
        max_length=200, blank=True,
        help_text=_("The area the issue belongs to, e.g. “Patents”; the chapter for an article."),
    )
    title = models.CharField(max_length=300, help_text=_("The issue's title."))
    background = models.TextField(
        blank=True, help_text=_("The paper's explanation, or the article's text; plain text."),
    )

    panels = [
        FieldPanel("kind"), FieldPanel("number"), FieldPanel("area"), FieldPanel("title"),
        FieldPanel("background"),
        InlinePanel("questions", heading=_("Questions"), label=_("Question")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("issue")
        # sort_order is empty for issues made in code; the number keeps the paper's order.
        ordering = ["sort_order", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "number"], name="consultations_issue_number_unique"
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def label(self):
        if self.kind == IssueKind.ARTICLE:
            return _("Article %(number)s") % {"number": self.number}
        return _("Issue %(number)s") % {"number": self.number}

    def heading(self):
        return _("%(label)s: %(title)s") % {"label": self.label(), "title": self.title}


class Question(Orderable):
    """A numbered question of an issue: (i), (ii)…"""

    issue = ParentalKey(
        Issue, on_delete=models.CASCADE, related_name="questions",
        help_text=_("The issue this question belongs to."),
    )
    number = models.CharField(
        max_length=8, help_text=_("Lower-case Roman numeral: i, ii, iii…"),
    )
    text = models.TextField(help_text=_("The question as asked."))

    panels = [FieldPanel("number"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return f"({self.number}) {self.text[:80]}"


class PaperVersion(Orderable):
    """A version of the paper: the draft, then each revision with what changed and how the
    comments were taken into account."""

    consultation = ParentalKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="paper_versions",
        help_text=_("The consultation whose paper this is a version of."),
    )
    label = models.CharField(
        max_length=200, help_text=_("E.g. “Revised Issues Paper (WIPO/IP/AI/2/GE/20/1 REV)”."),
    )
    published_on = models.DateField(help_text=_("The date of this version."))
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("The version's text as a document, if any."),
    )
    what_changed = models.TextField(
        blank=True, help_text=_("What changed compared with the previous version."),
    )
    how_comments_were_used = models.TextField(
        blank=True, help_text=_("How the comments were taken into account."),
    )

    panels = [
        FieldPanel("label"), FieldPanel("published_on"), FieldPanel("document"),
        FieldPanel("what_changed"), FieldPanel("how_comments_were_used"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("paper version")


# --- Submissions -------------------------------------------------------------------------------


class SubmissionQuerySet(models.QuerySet):
    def counted(self):
        """Confirmed submissions: what the consultation received (not withdrawn)."""
        return self.exclude(
            status__in=[SubmissionStatus.PENDING_CONFIRMATION, SubmissionStatus.WITHDRAWN]
        )

    def published(self):
        """Approved submissions whose author consented to publication."""
        return self.filter(status=SubmissionStatus.APPROVED).exclude(
            consent=PublicationConsent.NOT_PUBLISHED
        )

    def awaiting_moderation(self):
        return self.filter(status=SubmissionStatus.PENDING)

    def with_edit_token(self, token):
        return self.filter(edit_token_hash=keyed_hash(token, "edit"))


class Submission(models.Model):
    """One person's or organisation's comments on a consultation."""

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.PROTECT, related_name="submissions",
        help_text=_("The consultation (in the language it was written on)."),
    )
    reference = models.CharField(
        max_length=20, unique=True, editable=False,
        help_text=_("The public reference number, e.g. C-7K3M9Q2P; shown on the receipt."),
    )
    name = models.CharField(max_length=200, help_text=_("The commenter's name."))
    email = models.EmailField(
        blank=True, help_text=_("Used to confirm the submission; NEVER published. Empty for "
                                "imports without an address."),
    )
    organisation = models.CharField(
        max_length=300, blank=True, help_text=_("The organisation, if any."),
    )
    capacity = models.CharField(
        max_length=20, choices=Capacity.choices, default=Capacity.PERSONAL,
        help_text=_("Personal capacity or on behalf of an organisation."),
    )
    stakeholder_type = models.CharField(
        max_length=30, choices=StakeholderType.choices,
        help_text=_("The kind of commenter, used in counts and filters."),
    )
    country = models.CharField(
        max_length=2, choices=COUNTRY_CHOICES, blank=True,
        help_text=_("ISO 3166 country code; empty when unknown (e.g. an imported e-mail)."),
    )
    language = models.CharField(
        max_length=10, choices=SUBMISSION_LANGUAGES, default="en",
        help_text=_("The language the comments are written in."),
    )
    consent = models.CharField(
        max_length=20, choices=PublicationConsent.choices,
        help_text=_("How the commenter agreed to be published."),
    )
    status = models.CharField(
        max_length=24, choices=SubmissionStatus.choices,
        default=SubmissionStatus.PENDING_CONFIRMATION, db_index=True,
        help_text=_("Where the submission is in confirmation and moderation."),
    )
    source = models.CharField(
        max_length=20, choices=SubmissionSource.choices, default=SubmissionSource.WEB,
        help_text=_("Submitted on the web form or imported from an e-mail."),
    )
    idempotency_key = models.CharField(
        max_length=100, unique=True, editable=False,
        help_text=_("The token of the form render (or the imported file's hash): a retried POST "
                    "finds the same submission instead of creating another."),
    )
    edit_token_hash = models.CharField(
        max_length=64, db_index=True, editable=False,
        help_text=_("Keyed hash of the private edit link's token; the token itself is not "
                    "stored."),
    )
    ip_hash = models.CharField(
        max_length=64, blank=True, editable=False,
        help_text=_("Keyed hash of the sender's IP address, for abuse investigation."),
    )
    confirmed_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When the e-mail link was followed."),
    )
    created_at = models.DateTimeField(
        default=timezone.now, db_index=True, help_text=_("When the submission was received."),
    )
    updated_at = models.DateTimeField(
        auto_now=True, help_text=_("When the commenter or a moderator last changed it."),
    )
    moderated_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When it was last approved or rejected."),
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.reference} · {self.display_name()}"

    @staticmethod
    def new_reference():
        alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read over the phone
        return "C-" + "".join(secrets.choice(alphabet) for _ in range(8))

    @staticmethod
    def edit_token_for(idempotency_key):
        """The private edit link's token, derived from the idempotency key under the secret key,
        so that a retried POST shows the same link without the token being stored."""
        return keyed_hash(idempotency_key, "edit-token")[:40]

    def edit_token(self):
        return self.edit_token_for(self.idempotency_key)

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = self.new_reference()
        if not self.edit_token_hash:
            self.edit_token_hash = keyed_hash(self.edit_token(), "edit")
        super().save(*args, **kwargs)

    @property
    def region(self):
        return region_of(self.country)

    def display_name(self):
        """The name shown to the public: only as consented."""
        if self.consent == PublicationConsent.NAMED:
            return self.name
        return _("Anonymous")

    def display_organisation(self):
        return self.organisation if self.consent == PublicationConsent.NAMED else ""

    def is_editable(self, now=None):
        """The commenter may edit or withdraw until the deadline."""
        return (
            self.status not in (SubmissionStatus.WITHDRAWN, SubmissionStatus.REJECTED)
            and self.consultation.is_open(now)
        )


class AnswerQuerySet(models.QuerySet):
    def published(self):
        return self.filter(submission__in=Submission.objects.published())


class Answer(models.Model):
    """A submission's answer to one question, its comment on an issue as a whole (no question)
    or its general comment (no issue)."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="answers",
        help_text=_("The submission this answer is part of."),
    )
    issue = models.ForeignKey(
        Issue, null=True, blank=True, on_delete=models.PROTECT, related_name="answers",
        help_text=_("The issue answered; empty for a general comment."),
    )
    question = models.ForeignKey(
        Question, null=True, blank=True, on_delete=models.PROTECT, related_name="answers",
        help_text=_("The question answered; empty for a comment on the issue as a whole."),
    )
    text = models.TextField(help_text=_("The answer as written (plain text, escaped on output)."))

    objects = AnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("answer")
        ordering = [
            "issue__sort_order", "issue__number", "question__sort_order", "question_id", "pk",
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(question__isnull=True) | Q(issue__isnull=False),
                name="consultations_answer_question_needs_issue",
            )
        ]

    def __str__(self):
        return f"{self.submission.reference}: {self.text[:60]}"

    def public_text(self):
        """The latest redaction if any, else the original text."""
        # Iterating .all() uses prefetch_related("redactions") when the caller prefetched.
        redactions = sorted(self.redactions.all(), key=lambda r: (r.created_at, r.pk))
        return redactions[-1].redacted_text if redactions else self.text


def attachment_path(instance, filename):
    # A random directory: file names are not guessable and never collide.
    return f"consultations/attachments/{secrets.token_hex(12)}/{filename}"


class Attachment(models.Model):
    """A file attached to a submission (PDF, DOCX, ODT or TXT; the type is checked by content)."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="attachments",
        help_text=_("The submission the file came with."),
    )
    file = models.FileField(upload_to=attachment_path, help_text=_("The uploaded file."))
    original_name = models.CharField(max_length=255, help_text=_("The file's name as uploaded."))
    content_type = models.CharField(
        max_length=100, help_text=_("The MIME type detected from the content."),
    )
    size = models.PositiveIntegerField(help_text=_("Size in bytes."))

    class Meta:
        verbose_name = _("attachment")

    def __str__(self):
        return self.original_name


class Redaction(models.Model):
    """A moderator's redaction of an answer: the original text is kept on the answer."""

    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, related_name="redactions",
        help_text=_("The answer redacted."),
    )
    redacted_text = models.TextField(help_text=_("The text as it will be published."))
    reason = models.CharField(
        max_length=300, help_text=_("Why, e.g. “personal data of a third party”."),
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Who redacted."),
    )
    created_at = models.DateTimeField(default=timezone.now, help_text=_("When."))

    class Meta:
        verbose_name = _("redaction")


class ModerationNote(models.Model):
    """An internal note on a submission; never shown to the public."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="notes",
        help_text=_("The submission the note is about."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Who wrote the note."),
    )
    text = models.TextField(help_text=_("The note."))
    created_at = models.DateTimeField(default=timezone.now, help_text=_("When."))

    class Meta:
        verbose_name = _("moderation note")
        ordering = ["created_at"]


class AuditAction(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    IMPORTED = "imported", _("Imported")
    CONFIRMED = "confirmed", _("Confirmed by e-mail")
    EDITED = "edited", _("Edited by the commenter")
    WITHDRAWN = "withdrawn", _("Withdrawn by the commenter")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    REDACTED = "redacted", _("Redacted")
    NOTE = "note", _("Note added")
    REPORT_RESOLVED = "report_resolved", _("False-attribution report resolved")


class AuditLogEntry(models.Model):
    """Every change to a submission's state, by whom and why."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="audit_log",
        help_text=_("The submission acted on."),
    )
    action = models.CharField(
        max_length=20, choices=AuditAction.choices, help_text=_("What was done."),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("The staff member; empty when the commenter acted."),
    )
    reason = models.TextField(blank=True, help_text=_("The reason given."))
    created_at = models.DateTimeField(default=timezone.now, help_text=_("When."))

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["created_at", "pk"]


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    UPHELD = "upheld", _("Upheld: submission rejected")
    DISMISSED = "dismissed", _("Dismissed")


class FalseAttributionReport(models.Model):
    """Someone says a published comment was falsely attributed to them."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="false_attribution_reports",
        help_text=_("The comment reported."),
    )
    reporter_name = models.CharField(max_length=200, help_text=_("The reporter's name."))
    reporter_email = models.EmailField(
        help_text=_("To reply to the reporter; never published."),
    )
    explanation = models.TextField(help_text=_("Why the reporter says it is not theirs."))
    status = models.CharField(
        max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN, db_index=True,
        help_text=_("Whether a moderator has handled it."),
    )
    created_at = models.DateTimeField(default=timezone.now, help_text=_("When it was reported."))

    class Meta:
        verbose_name = _("false-attribution report")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.submission.reference}: {self.reporter_name}"
