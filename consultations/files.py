"""Attachment checks: the type is decided by the content, never by the name or the browser."""

import io
import zipfile

from django.utils.translation import gettext as _

MAX_ATTACHMENTS = 10
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
TXT = "text/plain"


class RejectedFile(ValueError):
    pass


def detect_attachment_type(data: bytes) -> str:
    """The MIME type of an allowed attachment, or RejectedFile with a sentence for the user."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "word/document.xml" in names:
                    return DOCX
                if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
                    return ODT
        except (zipfile.BadZipFile, KeyError, OSError):
            raise RejectedFile(_("The file is a damaged archive.")) from None
        raise RejectedFile(_("Only PDF, DOCX, ODT and plain-text files are accepted."))
    if b"\x00" not in data:
        try:
            data.decode("utf-8-sig")
            return TXT
        except UnicodeDecodeError:
            pass
    raise RejectedFile(_("Only PDF, DOCX, ODT and plain-text files are accepted."))


def check_upload(upload):
    """Read an uploaded file and return its detected MIME type."""
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise RejectedFile(
            _("“%(name)s” is larger than 10 MB.") % {"name": upload.name}
        )
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        return detect_attachment_type(data)
    except RejectedFile as error:
        raise RejectedFile(f"“{upload.name}”: {error}") from None
