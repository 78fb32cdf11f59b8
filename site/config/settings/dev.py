"""Settings for `make run`: SQLite unless DATABASE_URL is set; mail goes to the console."""

import os

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-3c9f0e1a8b7d")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# The embedded SQLite database and uploads live in var/, which a fresh checkout lacks.
VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
