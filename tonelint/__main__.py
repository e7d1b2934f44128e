"""``python -m tonelint``: the same command as the ``tonelint`` console script."""

from .cli import run

run()
