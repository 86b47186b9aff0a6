"""Developer tasks. ``nox`` runs them all; ``nox -s tests`` one of them.

Sessions run in the environment nox itself is installed in (the README installs both into
``.venv``), so a fresh clone needs one install, not one per session.
"""

from __future__ import annotations

import sys

import nox

# The interpreter nox runs under: the .venv the README installs, whatever is first on PATH.
PYTHON = sys.executable

nox.options.sessions = ["lint", "typecheck", "schemas", "tests"]
nox.options.default_venv_backend = "none"


@nox.session
def tests(session: nox.Session) -> None:
    """The test suite (pytest), including the corpus test when ../shared/corpus exists."""
    session.run(PYTHON, "-m", "pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff over the package, tests, samples script, setup.py and this file."""
    session.run(PYTHON, "-m", "ruff", "check", "checker", "tests", "samples", "noxfile.py", "setup.py", "benchmarks",
                "docs")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy over the package."""
    session.run(PYTHON, "-m", "mypy", "checker")


@nox.session
def schemas(session: nox.Session) -> None:
    """Fail when schemas/plan.schema.json or schemas/report.schema.json is stale."""
    session.run(PYTHON, "-m", "checker.schemas", "--check")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks (not run by default): plancheck against the floor and python-docx, cold start, per-stage
    times, then batch throughput and memory (``plancheck check`` on 2,000 generated documents, ``--jobs 1``
    and ``2``).

    ``nox -s bench -- --repeat 3`` passes options to benchmarks/compare.py.
    """
    session.run(PYTHON, "benchmarks/compare.py", *session.posargs)
    session.run(PYTHON, "benchmarks/startup.py")
    session.run(PYTHON, "benchmarks/speed.py", "--repeat", "1")
    session.run(PYTHON, "benchmarks/batch.py")
