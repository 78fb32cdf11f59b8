"""``python -m nlp …``: see :mod:`nlp.cli`."""

import sys

from nlp.cli import main

sys.exit(main())
