"""``python -m tonelint``: the same command as the ``tonelint`` console script."""

import sys

from .cli import main

sys.exit(main())
