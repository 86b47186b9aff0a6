"""The one thing ``pyproject.toml`` cannot say: the package list is found *and* extended.

The rule packs (``rules/``) and the JSON Schemas (``schemas/``) stay top-level folders of the repository
(design card) and ship inside the package as ``checker._rules`` and ``checker._schemas``, mapped onto those
folders with ``package_dir``. ``[tool.setuptools.packages.find]`` cannot add packages that live outside
``checker/``, so they are appended here to what it would find. Because they are real packages (not
``data_files`` under ``<prefix>/share``), a wheel, ``pipx install .`` and an editable install all reach them
through :mod:`importlib.resources` (see ``checker/resources.py``). Everything else is in ``pyproject.toml``.
"""

from setuptools import find_namespace_packages, setup

DATA_PACKAGES = {"checker._rules": "rules", "checker._schemas": "schemas"}


def data_packages() -> list[str]:
    """``checker._rules`` and its subfolders (``checker._rules.registry`` …), which setuptools wants listed
    before it ships their files; ``checker._schemas``."""
    return [f"{package}{suffix}" for package, folder in DATA_PACKAGES.items()
            for suffix in ["", *(f".{sub}" for sub in find_namespace_packages(where=folder))]]


setup(
    packages=[*find_namespace_packages(include=["checker", "checker.*"]), *data_packages()],
    package_dir=DATA_PACKAGES,
)
