"""Advisers, a jurisdiction, a law in force and sample drafts for the "Check a draft" tests.

The legal texts are illustrative, written for these tests."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from home.roles import ADVISERS

PASSWORD = "correct-horse-battery-9"

LAW_IN_FORCE_EN = """\
Section 1. Short title
This Act may be cited as the Patents Act 2001.

Section 2. Filing of applications
An application for a patent shall be filed with the Office.

Section 3. Signature
The application shall be signed by the applicant.

Section 9. Fees
The prescribed fees shall be paid in cash at the Office.
"""

# Section 1 is unchanged, 2 and 3 are rewritten (into conflicts), 4 is new, 9 is deleted.
DRAFT_EN = """\
Section 1. Short title
This Act may be cited as the Patents Act 2001.

Section 2. Filing of applications
An application for a patent shall be filed on paper only, in person at the counter of the Office.

Section 3. Signature
The application shall bear the handwritten signature of the applicant, notarised and legalised.

Section 4. Means of filing
Any communication may be filed on paper or electronically, at the option of the applicant.
"""

DRAFT_ZH = """\
第一条 为了规范专利申请的提交，制定本规定。
第二条 申请人应当以纸件形式提交申请文件，并须亲自到专利局窗口办理。
第三条 申请文件必须由申请人亲笔签名，并经公证机关公证。
第四条 申请人可以以纸件形式或者电子形式提交申请文件。
"""


@pytest.fixture(autouse=True)
def english():
    """Requests made by the test client activate their language in this thread; start each
    test in English so reverse() gives unprefixed URLs."""
    with translation.override("en"):
        yield


@pytest.fixture
def draft_en():
    return DRAFT_EN


@pytest.fixture
def draft_zh():
    return DRAFT_ZH


@pytest.fixture
def make_user(django_user_model):
    def make(username, adviser=True, superuser=False):
        if superuser:
            return django_user_model.objects.create_superuser(
                username, f"{username}@example.org", PASSWORD
            )
        user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
        if adviser:
            user.groups.add(Group.objects.get(name=ADVISERS))
        return user

    return make


@pytest.fixture
def adviser(make_user):
    return make_user("adviser-ana")


@pytest.fixture
def adviser_client(client, adviser):
    client.force_login(adviser)
    return client


@pytest.fixture
def jurisdiction(db):
    from lawdb.models import Jurisdiction

    return Jurisdiction.objects.create(
        iso_code="KE",
        name_en="Kenya",
        name_zh="肯尼亚",
        region="africa",
        development_status="developing",
    )


@pytest.fixture
def treaty_catalogue(db):
    """The PLT/STLT provisions, so reports can link each citation to its page."""
    from lawdb.treaty_catalogue import load_treaty_catalogue

    load_treaty_catalogue()


@pytest.fixture
def checked_draft(adviser_client, jurisdiction, law_in_force, treaty_catalogue, draft_en):
    """An English draft amending the law in force, submitted and checked (tasks run at once)."""
    from lawdb.drafts.models import DraftCheck

    adviser_client.post(
        reverse("drafts:check_draft"),
        {
            "title": "Patents (Amendment) Bill",
            "text": draft_en,
            "jurisdiction": jurisdiction.pk,
            "amends": law_in_force.pk,
        },
    )
    return DraftCheck.objects.get()


@pytest.fixture
def law_in_force(site_root, jurisdiction):
    """A law in force with one version, imported the way lawdb imports every law."""
    from lawdb.importing import import_version
    from lawdb.models import LawIndexPage, LegalTextPage

    index = site_root.add_child(instance=LawIndexPage(title="Laws", slug="laws-index"))
    law = index.add_child(
        instance=LegalTextPage(
            title="Patents Act 2001",
            slug="patents-act-2001",
            jurisdiction=jurisdiction,
            subject="patents",
            title_original="Patents Act 2001",
            year=2001,
            status="in_force",
            language="en",
            illustrative=True,
        )
    )
    import_version(law, LAW_IN_FORCE_EN.encode(), "patents-act-2001.txt", datetime.date(2001, 1, 1))
    return law


@pytest.fixture
def docx_bytes():
    """Make a real DOCX file with one paragraph per line of a text."""
    import docx

    def make(text):
        document = docx.Document()
        for line in text.splitlines():
            document.add_paragraph(line)
        output = io.BytesIO()
        document.save(output)
        return output.getvalue()

    return make
