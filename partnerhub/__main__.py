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
    # The command name, and the name after "help", may be spelled with dashes.
    for position in (1, 2):
        if len(args) > position and not args[position].startswith("-"):
            args[position] = args[position].replace("-", "_")
        if len(args) <= 1 or args[1] != "help":
            break
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
