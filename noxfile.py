"""Developer tasks. ``nox`` runs the default ones (lint, typecheck, schemas, tests); ``nox -s tests`` one of
them. ``nox -s build`` (the release check) and ``nox -s bench`` (benchmarks) run only when named.

Sessions run in the environment nox itself is installed in (the README installs both into
``.venv``), so a fresh clone needs one install, not one per session. ``build`` also makes a fresh venv of
its own, to install the wheel as a user would.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import nox

# The interpreter nox runs under: the .venv the README installs, whatever is first on PATH.
PYTHON = sys.executable
ROOT = Path(__file__).resolve().parent

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


@nox.session
def build(session: nox.Session) -> None:
    """The release check (not run by default: 1–2 minutes, most of it installing the dependencies).

    Builds the sdist and the wheel into ``dist/`` (``python -m build``, which builds the wheel from the sdist,
    so a file the sdist leaves out is missing from the wheel too), checks both with ``twine check --strict``,
    then installs the wheel in a fresh venv with its dependencies from the package registry and, from outside
    the checkout, runs ``plancheck rules list`` (the built-in packs come from the installed package),
    ``plancheck check`` on a defect sample (exit 1, naming the rule) and on a broken rule pack (exit 2 with the
    schema's message: the schemas are installed too).
    """
    dist = ROOT / "dist"
    for old in dist.glob("plancheck-*"):
        old.unlink()
    # setuptools adds the files listed by an earlier build's SOURCES.txt to the sdist: start from what the
    # configuration says, as a fresh clone does.
    shutil.rmtree(ROOT / "plancheck.egg-info", ignore_errors=True)
    session.run(PYTHON, "-m", "build", "--outdir", str(dist), str(ROOT))
    artifacts = sorted(dist.glob("plancheck-*"))
    if {a.suffix for a in artifacts} != {".whl", ".gz"}:
        session.error(f"expected one sdist and one wheel in dist/, found {[a.name for a in artifacts]}")
    session.run(PYTHON, "-m", "twine", "check", "--strict", *map(str, artifacts))
    (wheel,) = (a for a in artifacts if a.suffix == ".whl")

    with tempfile.TemporaryDirectory(prefix="plancheck-build-") as tmp:
        venv = Path(tmp) / "venv"
        session.run(PYTHON, "-m", "venv", str(venv))
        scripts = venv / ("Scripts" if sys.platform == "win32" else "bin")
        session.run(str(scripts / "python"), "-m", "pip", "install", str(wheel), external=True)
        plancheck = str(scripts / "plancheck")
        outside = {"PYTHONPATH": None}  # nothing may point at the checkout
        with session.chdir(tmp):
            listed = session.run(plancheck, "rules", "list", "--lang", "en", silent=True, env=outside,
                                 external=True)
            pack_lines = [line for line in str(listed).splitlines() if line.startswith("Pack ")]
            if not pack_lines or any(str(ROOT) in line or "_rules" not in line for line in pack_lines):
                session.error(f"the packs are not read from the installed package: {pack_lines}")
            if "cites-parent" not in str(listed):
                session.error("plancheck rules list does not list cites-parent")

            sample = str(ROOT / "samples" / "defects" / "no-basis.txt")
            report = session.run(plancheck, "check", sample, "--lang", "en", silent=True, success_codes=[1],
                                 env=outside, external=True)
            if "cites-parent" not in str(report) or "The basis clause cites no numbered directive." not in str(report):
                session.error(f"plancheck check did not report cites-parent on {sample}:\n{report}")

            broken = Path(tmp) / "broken.yaml"
            broken.write_text("rules: {x: {kind: no_such_kind}}\n", encoding="utf-8")
            refused = session.run(plancheck, "check", sample, "--rules", str(broken), silent=True,
                                  success_codes=[2], env=outside, external=True)
            if "'no_such_kind' is not one of" not in str(refused):
                session.error(f"the broken pack was not refused by the rule-pack schema:\n{refused}")
    session.log(f"built, checked and installed: {', '.join(a.name for a in artifacts)} in dist/")
