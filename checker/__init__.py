"""plancheck: checks Vietnamese plans against the directives they answer."""

__version__ = "0.1.0"

from checker.api import check_file, parse_file  # noqa: E402  (the version must exist first)

__all__ = ["__version__", "check_file", "parse_file"]
