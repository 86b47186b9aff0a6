"""The error every input file of the engine raises when it cannot be used (packs, waivers, baselines)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

#: libyaml's C loader when PyYAML has it (about ten times faster), else the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ProblemsError(Exception):
    """A file that cannot be used; ``problems`` lists every reason, each naming the file (and key)."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def read_yaml(path: str | Path, what: str, error: type[ProblemsError]) -> Any:
    """The data of a YAML file; an unreadable file, bad YAML or an impossible value raises ``error``
    with one problem naming the file (``what`` says what the file is: "the rule pack", …)."""
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=SAFE_LOADER)
    except OSError as exc:
        raise error([f"{path}: cannot read {what} ({exc.strerror or exc})"]) from exc
    except yaml.YAMLError as exc:
        raise error([f"{path}: not valid YAML: {exc}"]) from exc
    except ValueError as exc:  # e.g. "date: 2023-02-30": PyYAML builds the date and fails
        raise error([f"{path}: a value cannot be read: {exc}"]) from exc
