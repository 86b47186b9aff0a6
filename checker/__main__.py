"""``python -m checker`` runs the ``plancheck`` command."""

from checker.cli import main

main()
