"""Where the shipped data lives: the rule packs (``rules/``) and the JSON Schemas (``schemas/``).

Both are top-level folders of the repository (design card) and ship inside the package as ``checker._rules``
and ``checker._schemas`` (``setup.py`` maps the package names onto the folders). They are found with
:mod:`importlib.resources`, the same way in every install: a wheel or ``pipx install .`` holds them under
``site-packages/checker/``; an editable install's import hook maps them onto the checkout's folders, so an
edited pack is used at once. Callers get real folders (they open files, list packs, compare paths), which
is what a package installed as files is; a zipped one is refused with the reason. Nothing here imports the
rest of the package.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

#: Folder name in the repository → the package it ships as.
PACKAGES = {"rules": "checker._rules", "schemas": "checker._schemas"}


@cache
def data_dir(name: str) -> Path:
    """The folder ``rules`` or ``schemas`` of the installed package (the checkout's own in an editable install)."""
    package = PACKAGES[name]
    try:
        root = files(package)
    except ModuleNotFoundError:
        raise FileNotFoundError(f"plancheck data folder '{name}' not found: the package {package} is not "
                                "installed (install plancheck with pip, e.g. pip install -e . in a checkout)") from None
    if not isinstance(root, Path):  # e.g. imported from a zip file: the rest of plancheck reads files too
        raise FileNotFoundError(f"plancheck data folder '{name}' is not a folder on disk ({root}): install plancheck "
                                "as files (pip install), not zipped")
    return root


def rules_dir() -> Path:
    """The built-in rule packs: ``default.yaml``, ``ttdn.yaml``, ``registry/``, ``examples/``."""
    return data_dir("rules")


def schemas_dir() -> Path:
    """The JSON Schemas: ``rulepack.schema.json``, ``report.schema.json``, ``config.schema.json`` …"""
    return data_dir("schemas")
