"""The ``partnerhub`` console script: Django's management commands under one name.

``partnerhub load-demo`` and ``partnerhub load_demo`` are the same command, so the
dashed spellings used in the documentation work as typed.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a management command with the project's settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerhub.settings.local")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
