"""Load shedding for the submission path, and database outages answered with 503.

A saturated worker answers a submission POST at once with 503 and Retry-After instead of
queueing it until the client gives up (a comment the client never hears about is one it will
send again, into the same crowd). Each process admits a bounded number of submission requests
at a time; with gunicorn's threaded workers the remaining threads stay free to answer the
others quickly. A database that is down or out of connections is a temporary condition, so it
gets 503 + Retry-After too, never a 500.

Settings (all optional): OVERLOAD = {"MAX_INFLIGHT_SUBMISSIONS": 4, "RETRY_AFTER_SECONDS": 5,
"SUBMISSION_PATH_PATTERN": r"..."}.
"""

import logging
import random
import re
import threading

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

DEFAULTS = {
    # Per process: with gunicorn --threads T, keep it below T so threads remain for other pages.
    "MAX_INFLIGHT_SUBMISSIONS": 4,
    "RETRY_AFTER_SECONDS": 5,
    # The public endpoints that write submissions: the form, the private edit link, a comment
    # permalink (false-attribution reports) and the JSON intake.
    "SUBMISSION_PATH_PATTERN": r"/(submit|my-submission/[^/]+|comments/[^/]+)/$|/submissions$",
}

# Connection refused, server gone, too many clients, pgbouncer's pool timeouts...
UNAVAILABLE = (OperationalError, InterfaceError)


def setting(name):
    return getattr(settings, "OVERLOAD", {}).get(name, DEFAULTS[name])


def service_unavailable(request, reason):
    """503 with a jittered Retry-After (clients told the same second come back together).
    Rendered without the request context: context processors would query the database."""
    base = setting("RETRY_AFTER_SECONDS")
    retry_after = random.randint(base, 2 * base)
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        body = render_to_string(
            "campaigns/service_busy.html", {"retry_after": retry_after, "reason": reason}
        )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


class OverloadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.slots = threading.BoundedSemaphore(setting("MAX_INFLIGHT_SUBMISSIONS"))
        self.submission_path = re.compile(setting("SUBMISSION_PATH_PATTERN"))

    def __call__(self, request):
        if request.method != "POST" or not self.submission_path.search(request.path_info):
            return self.get_response(request)
        if not self.slots.acquire(blocking=False):
            return service_unavailable(request, "busy")
        try:
            return self.get_response(request)
        finally:
            self.slots.release()

    def process_exception(self, request, exception):
        if isinstance(exception, UNAVAILABLE):
            logger.warning("Database unavailable, answering 503: %s", exception)
            return service_unavailable(request, "database")
        return None
