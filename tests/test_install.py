"""plancheck finds its rule packs and schemas however it is installed: from a wheel (what ``pip install .`` and
``pipx install .`` build and install) and editable (``pip install -e .``), run outside the checkout.

Both installs go into a fresh venv without dependencies (``--no-deps``, fast); the dependencies come from the
test environment. ``nox -s build`` installs the wheel with its dependencies from the package registry.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROBE = "import checker.resources as r; print(r.rules_dir()); print(r.schemas_dir())"


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def install(tmp_path: Path, *spec: str) -> Path:
    """A fresh venv with ``pip install --no-deps SPEC``; the test environment's packages reachable."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv_python(venv)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", *spec], check=True, timeout=300)
    # A plain path line does not run the .pth hooks of that folder, so the editable install of this checkout
    # in the test environment stays out of the way.
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    return python


def run_outside(python: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    outside = tmp_path / "elsewhere"
    outside.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # nothing may point at the checkout
    return subprocess.run([str(python), *args], cwd=outside, capture_output=True, text=True, timeout=120, env=env)


def clean_copy(tmp_path: Path) -> Path:
    """What a fresh clone holds for the build: a checkout's stale build/ and egg-info/SOURCES.txt would bring
    along files that the configuration no longer ships."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("checker", "rules", "schemas"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    return source


def shipped(folder: str) -> set[str]:
    """The data files of a top-level folder (``rules``, ``schemas``), relative to it."""
    base = ROOT / folder
    return {p.relative_to(base).as_posix() for p in base.rglob("*")
            if p.is_file() and p.suffix in (".yaml", ".json")}


def test_the_wheel_holds_the_packs_and_schemas_inside_the_package(tmp_path: Path) -> None:
    wheels, source = tmp_path / "wheels", clean_copy(tmp_path)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)],
                   check=True, timeout=300)
    (wheel,) = wheels.glob("plancheck-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, package in (("rules", "checker/_rules/"), ("schemas", "checker/_schemas/")):
        assert {package + name for name in shipped(folder)} <= names
    assert not [name for name in names if ".data/" in name]  # no data-files under <prefix>/share
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)

    python = install(tmp_path, str(wheel))
    result = run_outside(python, tmp_path, "-m", "checker", "check",
                         str(ROOT / "samples" / "defects" / "no-basis.txt"), "--lang", "en")
    assert result.returncode == 1, result.stderr
    assert "The basis clause cites no numbered directive." in result.stdout
    located = run_outside(python, tmp_path, "-c", PROBE)
    assert located.returncode == 0, located.stderr
    site = Path(run_outside(python, tmp_path, "-c", "import checker; print(checker.__file__)").stdout).parent
    assert located.stdout.split() == [str(site / "_rules"), str(site / "_schemas")]


@pytest.mark.parametrize("mode", ["editable", "editable-strict"])
def test_an_editable_install_reads_the_checkouts_folders(tmp_path: Path, mode: str) -> None:
    """An edited pack is used at once: the install maps the packages onto rules/ and schemas/ of the checkout.

    setuptools makes an editable install with an import hook (the default, lenient mode) or, in strict mode,
    a tree of links to the files; both must find the data.
    """
    strict = ["--config-settings", "editable_mode=strict"] if mode == "editable-strict" else []
    python = install(tmp_path, *strict, "-e", str(ROOT))
    located = run_outside(python, tmp_path, "-c", PROBE)
    assert located.returncode == 0, located.stderr
    rules, schemas = map(Path, located.stdout.split())
    assert (rules / "ttdn.yaml").read_bytes() == (ROOT / "rules" / "ttdn.yaml").read_bytes()
    assert (schemas / "report.schema.json").is_file()
    if mode == "editable":
        assert (rules, schemas) == (ROOT / "rules", ROOT / "schemas")
    result = run_outside(python, tmp_path, "-m", "checker", "rules", "list", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "cites-parent" in result.stdout
