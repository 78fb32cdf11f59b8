"""Every interface string has a Chinese translation, and the compiled catalogues match."""

from pathlib import Path

import polib
import pytest

REPO = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(
    path
    for path in REPO.glob("**/locale/zh_Hans/LC_MESSAGES/django.po")
    if ".venv" not in path.parts
)


def test_every_app_has_a_chinese_catalogue():
    owners = {path.relative_to(REPO).parts[0] for path in CATALOGUES}
    assert {"site", "lawdb", "consultations"} <= owners


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(REPO)))
def test_catalogue_is_complete_and_compiled(path):
    catalogue = polib.pofile(str(path))
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    compiled = polib.mofile(str(path.with_suffix(".mo")))
    assert {entry.msgid: entry.msgstr for entry in compiled if not entry.msgid_plural} == {
        entry.msgid: entry.msgstr
        for entry in catalogue.translated_entries()
        if not entry.msgid_plural
    }
