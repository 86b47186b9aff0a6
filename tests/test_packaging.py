"""The package's metadata: PEP 639 licence, classifiers PyPI accepts, one repository address everywhere.

What the built wheel holds is tested by tests/test_install.py; ``nox -s build`` builds, checks (twine) and
installs it with its dependencies.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from trove_classifiers import classifiers as known_classifiers

from checker import resources

ROOT = Path(__file__).resolve().parents[1]
PROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
REPOSITORY = re.compile(r"https://github\.com/[\w.-]+/plancheck")


def test_the_licence_is_an_spdx_expression_with_its_file() -> None:
    assert PROJECT["license"] == "MIT"
    assert PROJECT["license-files"] == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n") and "plancheck contributors" in text
    # PEP 639: with an expression, a licence classifier is an error for the build tools.
    assert not [c for c in PROJECT["classifiers"] if c.startswith("License ::")]


def test_classifiers_are_known_to_pypi() -> None:
    assert [c for c in PROJECT["classifiers"] if c not in known_classifiers] == []
    for wanted in ("Natural Language :: Vietnamese", "Natural Language :: English", "Environment :: Console",
                   "Operating System :: OS Independent", "Programming Language :: Python :: 3.11"):
        assert wanted in PROJECT["classifiers"]


def test_one_repository_address_everywhere() -> None:
    """The project URLs, the pre-commit example and the README's action example name the same repository."""
    urls = PROJECT["urls"]
    assert set(urls) == {"Homepage", "Documentation", "Issues", "Source"}
    (base,) = {m.group(0) for url in urls.values() if (m := REPOSITORY.match(url))}
    assert all(url.startswith(base) for url in urls.values())
    examples = (ROOT / "examples" / "ci" / "pre-commit-config.yaml").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    everywhere = set(REPOSITORY.findall(examples + readme))
    assert everywhere <= {base}, everywhere


def test_the_data_folders_are_package_data_not_data_files() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "data-files" not in setuptools
    assert resources.rules_dir().name in ("rules", "_rules") and (resources.rules_dir() / "ttdn.yaml").is_file()
    assert (resources.schemas_dir() / "rulepack.schema.json").is_file()


def test_a_missing_data_package_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(resources.PACKAGES, "rules", "checker._no_such_package")
    resources.data_dir.cache_clear()
    try:
        with pytest.raises(FileNotFoundError, match=r"checker\._no_such_package is not installed.*pip install"):
            resources.rules_dir()
    finally:
        resources.data_dir.cache_clear()
