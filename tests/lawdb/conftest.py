"""Jurisdictions, law pages, versions and users for the lawdb tests."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from lawdb_samples import ACT_2001, ACT_2019, PASSWORD, REGULATION_ZH

from home.roles import ADVISERS, EDITORS


@pytest.fixture(autouse=True)
def english():
    """Start each test in English: a request to /zh-hans/ leaves Chinese active in the
    thread, which would otherwise change the URLs reverse() gives the next test."""
    with translation.override("en"):
        yield


@pytest.fixture
def index_pages(site_root):
    from lawdb.demo import ensure_index_pages

    return ensure_index_pages()


@pytest.fixture
def catalogue(db):
    from lawdb.treaty_catalogue import load_treaty_catalogue

    load_treaty_catalogue()


@pytest.fixture
def kenya(db):
    from lawdb.models import Jurisdiction, TreatyMembership

    jurisdiction = Jurisdiction.objects.create(
        iso_code="KE",
        name_en="Kenya",
        name_zh="肯尼亚",
        region="africa",
        development_status="developing",
    )
    TreatyMembership.objects.create(
        jurisdiction=jurisdiction, treaty="Paris", since=datetime.date(1965, 6, 14)
    )
    return jurisdiction


@pytest.fixture
def china(db):
    from lawdb.models import Jurisdiction

    return Jurisdiction.objects.create(
        iso_code="CN",
        name_en="China",
        name_zh="中国",
        region="asia_pacific",
        development_status="developing",
    )


@pytest.fixture
def make_law(index_pages):
    """Create and publish a law page under the law index of its language."""
    from lawdb.models import LegalTextPage

    def make(jurisdiction, slug, language="en", **fields):
        values = {
            "title": slug.replace("-", " ").title(),
            "title_original": slug.replace("-", " ").title(),
            "kind": "act",
            "subject": "patents",
            "year": 2001,
            "status": "in_force",
            "illustrative": True,
            **fields,
        }
        law = LegalTextPage(slug=slug, jurisdiction=jurisdiction, language=language, **values)
        index_pages[0][language].add_child(instance=law)
        law.save_revision().publish()
        return law

    return make


@pytest.fixture
def patents_act(catalogue, kenya, make_law):
    """A Kenyan act with two versions (2001 and 2019), imported from text."""
    from lawdb.importing import import_version

    law = make_law(
        kenya, "patents-act", title_en="Patents Act, 2001", title_original="Patents Act, 2001"
    )
    import_version(
        law, ACT_2001.encode(), "act-2001.txt", datetime.date(2002, 5, 1), "Original text"
    )
    import_version(
        law, ACT_2019.encode(), "act-2019.txt", datetime.date(2019, 9, 1), "Amended 2019"
    )
    law.refresh_from_db()
    return law


@pytest.fixture
def chinese_regulation(catalogue, china, make_law):
    from lawdb.importing import import_version

    law = make_law(
        china,
        "cn-efiling-measures",
        language="zh-hans",
        kind="regulation",
        title="专利申请电子提交办法",
        title_original="专利申请电子提交办法",
        year=2020,
    )
    import_version(law, REGULATION_ZH.encode(), "measures.txt", datetime.date(2020, 11, 1))
    law.refresh_from_db()
    return law


def make_user(django_user_model, username, group_name=None, **extra):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.invalid", PASSWORD, **extra
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(django_user_model):
    return make_user(django_user_model, "editor", EDITORS)


@pytest.fixture
def adviser(django_user_model):
    return make_user(django_user_model, "adviser", ADVISERS)
