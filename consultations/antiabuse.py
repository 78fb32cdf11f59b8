"""Anti-abuse without third-party services: a signed form token (idempotency key plus the time the
form was rendered, for the minimum fill time), a honeypot field and fixed-window rate limits kept
in the Django cache."""

import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from .models import keyed_hash

FORM_TOKEN_SALT = "consultations.form-token"
# A form left open for a week is still accepted (the draft is kept in the browser anyway).
FORM_TOKEN_MAX_AGE = 7 * 24 * 3600


def setting(name):
    return getattr(settings, "CONSULTATIONS", {}).get(name, DEFAULTS[name])


DEFAULTS = {
    "MIN_FILL_SECONDS": 3,
    # (number of requests, window in seconds)
    "RATE_LIMIT_IP": (20, 3600),
    "RATE_LIMIT_EMAIL": (5, 3600),
    "RATE_LIMIT_REPORT_IP": (5, 3600),
}


def new_form_token():
    """A token for one render of the form: a random idempotency key and the render time."""
    return signing.dumps({"key": secrets.token_urlsafe(24), "at": int(time.time())},
                         salt=FORM_TOKEN_SALT)


@dataclass
class FormToken:
    key: str
    issued_at: int

    def filled_too_fast(self, now=None):
        return (now or time.time()) - self.issued_at < setting("MIN_FILL_SECONDS")


def read_form_token(value):
    """The token's contents, or None when it is missing, forged or expired."""
    try:
        data = signing.loads(value or "", salt=FORM_TOKEN_SALT, max_age=FORM_TOKEN_MAX_AGE)
        return FormToken(key=str(data["key"]), issued_at=int(data["at"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


class RateLimited(Exception):
    def __init__(self, retry_after):
        super().__init__(f"Rate limited; retry after {retry_after} s")
        self.retry_after = retry_after


def check_rate_limit(scope, identity, limits_setting):
    """Count one request of ``identity`` in ``scope``; raise RateLimited once the window's quota
    is used up. Fixed windows: cheap (one cache increment) and good enough against floods."""
    limit, period = setting(limits_setting)
    now = int(time.time())
    window_start = now - now % period
    key = f"consultations:rate:{scope}:{keyed_hash(identity, 'rate')}:{window_start}"
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=period + 1)
        count = 1
    if count > limit:
        raise RateLimited(retry_after=window_start + period - now)


def client_ip(request):
    # Behind a proxy, configure it to set REMOTE_ADDR (e.g. gunicorn --forwarded-allow-ips).
    return request.META.get("REMOTE_ADDR", "")
