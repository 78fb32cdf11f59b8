"""The reasons nlp gives for an unreadable file reach Chinese users in Chinese."""

import pytest
from django.utils import translation

from home.nlp_messages import unreadable_reason
from nlp.errors import UnreadableInput
from nlp.readers import read_document


def reason_for(data, filename, language):
    with pytest.raises(UnreadableInput) as caught:
        read_document(data, filename=filename)
    with translation.override(language):
        return unreadable_reason(caught.value)


def test_a_fixed_reason_is_translated():
    assert reason_for(b"\xff\xfe\x00\x00junk", "draft.txt", "en").startswith("The file is not")
    assert reason_for(b"\xff\xfe\x00\x00junk", "draft.txt", "zh-hans") == (
        "该文件不是有效的 UTF-8 文本（而是 UTF-16），请另存为 UTF-8。"
    )


def test_a_reason_with_values_is_translated_with_them():
    assert reason_for(b"plain words", "draft.pdf", "en") == (
        "The file name ends in .pdf but the content is plain text."
    )
    assert reason_for(b"plain words", "draft.pdf", "zh-hans") == (
        "文件扩展名为 .pdf，但其内容是 纯文本。"
    )


def test_an_unlisted_reason_falls_back_to_english():
    with translation.override("zh-hans"):
        assert unreadable_reason(UnreadableInput("Something new.")) == "Something new."
