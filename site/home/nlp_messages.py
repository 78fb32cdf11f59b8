"""Translations of the reasons nlp gives for an unreadable file. nlp never imports Django, so
its English messages are listed here for makemessages and translated when they are shown."""

from django.utils.translation import gettext, gettext_noop

READER_MESSAGES = [
    gettext_noop("The file is too large (max {size} MB)."),
    gettext_noop("The file name ends in {suffix} but the content is {kind}."),
    gettext_noop("plain text"),
    gettext_noop("Akoma Ntoso XML"),
    gettext_noop("The file is empty."),
    gettext_noop("The file contains no text."),
    gettext_noop("Old Word (.doc) files are not supported; save it as DOCX."),
    gettext_noop("The file is not valid UTF-8 text (it is UTF-16); save it as UTF-8."),
    gettext_noop("The file looks binary, not text."),
    gettext_noop("The file is not valid UTF-8 text."),
    gettext_noop("The DOCX file has too many parts to be a normal document."),
    gettext_noop("The DOCX file is too large once uncompressed."),
    gettext_noop("The DOCX file is suspiciously compressed (zip bomb)."),
    gettext_noop("The DOCX file is corrupt."),
    gettext_noop("The file is a ZIP archive, not a Word (DOCX) document."),
    gettext_noop("The PDF is encrypted."),
    gettext_noop("The PDF file is corrupt."),
    gettext_noop("The PDF has no text layer (it may be a scan); run OCR first."),
    gettext_noop("XML with a DOCTYPE or entity declarations is not accepted."),
    gettext_noop("The XML file is malformed."),
    gettext_noop("The XML file is not an Akoma Ntoso document."),
    gettext_noop("The XML file is nested too deeply."),
]


def unreadable_reason(error):
    """The reason an nlp.errors.UnreadableInput gives, in the active language (a message not
    listed above stays in English)."""
    params = {
        name: gettext(value) if isinstance(value, str) else value
        for name, value in error.params.items()
    }
    return gettext(error.template).format(**params)
