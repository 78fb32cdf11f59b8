"""The background check of a draft (django-tasks; `manage.py db_worker` runs it in development).

The stored result has this shape, read by :func:`lawdb.drafts.report.build_report`::

    {"report": <nlp.checker Report.to_dict()>,
     "alignment": null | [{"status", "old", "new", "similarity", "renumbered"}, ...]}

where ``old`` and ``new`` are ``{"eid", "num", "heading", "text"}`` or null.
"""

import logging

from django.utils import timezone
from django.utils.translation import gettext_noop
from django_tasks import task

from nlp.checker import check_document
from nlp.diff import align_provisions
from nlp.segment import Segment, segment

from .models import DraftCheck

logger = logging.getLogger(__name__)

PROGRESS_STEP = 5  # per cent of the provisions

# Shown to the adviser (translated when displayed); the details go to the server log.
FAILURE_MESSAGE = gettext_noop(
    "The check stopped because of an internal error. Please try again; if it fails again, "
    "contact the secretariat."
)


@task()
def run_draft_check(draft_check_id):
    draft = DraftCheck.objects.select_related("amends").filter(pk=draft_check_id).first()
    if draft is None:
        return  # deleted while it waited in the queue
    _update(draft, status=DraftCheck.Status.RUNNING, progress=0)
    try:
        result = build_result(draft)
    except Exception:
        logger.exception("Draft check %s failed", draft.pk)
        _update(draft, status=DraftCheck.Status.FAILED, error_message=FAILURE_MESSAGE)
        return
    _update(draft, status=DraftCheck.Status.DONE, progress=100, result=result, error_message="")


def _update(draft, **fields):
    """Write only the task's fields: the adviser may share the report meanwhile."""
    DraftCheck.objects.filter(pk=draft.pk).update(updated=timezone.now(), **fields)


def build_result(draft):
    report = check_document(
        draft.source_text, lang=draft.language, progress=_progress_recorder(draft)
    )
    alignment = None
    if draft.amends is not None:
        alignment = align_with_law_in_force(draft)
    return {"report": report.to_dict(), "alignment": alignment}


def _progress_recorder(draft):
    """A checker callback that stores the progress each time another 5 % of the provisions
    is done: often enough for the bar to move, rarely enough not to burden the database."""
    stored = 0

    def record(done, total):
        nonlocal stored
        percent = 100 * done // total
        if percent - stored >= PROGRESS_STEP:
            stored = percent
            _update(draft, progress=percent)

    return record


def align_with_law_in_force(draft):
    """Align the draft's provisions with those of the current version of the law it amends."""
    version = draft.amends.current_version()
    old = [] if version is None else [_segment_of(p) for p in version.provisions.all()]
    new = segment(draft.source_text, draft.language)
    return [
        {
            "status": alignment.status,
            "old": _provision_dict(alignment.old),
            "new": _provision_dict(alignment.new),
            "similarity": alignment.similarity,
            "renumbered": alignment.renumbered,
        }
        for alignment in align_provisions(old, new)
    ]


def _segment_of(provision):
    return Segment(
        eid=provision.eid,
        parent_eid=None,
        kind=provision.kind,
        num=provision.num,
        heading=provision.heading,
        text=provision.text,
        depth=provision.depth,
        start=0,
        end=0,
    )


def _provision_dict(segment):
    if segment is None:
        return None
    return {
        "eid": segment.eid,
        "num": segment.num,
        "heading": segment.heading,
        "text": segment.text,
    }
