#!/usr/bin/env python
"""Django's command-line utility for Concord."""

import os
import sys
from pathlib import Path

# site/ is a source root, not a package: a package named "site" would be shadowed by the
# standard library's site module, so its contents (config, home, …) go on sys.path instead.
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
