"""What a runtime install of plancheck takes on disk, and what each command loads (issue 17).

    python benchmarks/installed_size.py [--keep DIR] [--top 15]

Builds a wheel of this checkout, installs it with its runtime dependencies only (no ``[dev]`` or ``[test]``
extras) into a fresh virtual environment in a temporary folder (``--keep DIR``: there, kept afterwards),
and prints:

* the size of the environment's ``site-packages`` and of the ``plancheck`` wheel's own files;
* the distributions that take the most room, each with the size of the files its ``RECORD`` lists and the
  top-level dependency of plancheck that brings it in;
* for a few commands (``--version``, ``check`` of a .txt and of a .docx sample, ``rules``, ``check --summary``,
  ``check --against``), how many modules
  they import and whether they load the heavy ones (pandas, underthesea, scikit-learn, uvicorn, pyHanko,
  PIL), from ``python -X importtime``.

Needs the package index (or its mirror) that ``pip`` is configured with. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("pandas", "numpy", "underthesea", "sklearn", "scipy", "uvicorn", "starlette", "pyhanko", "PIL",
         "pytesseract", "rich", "jsonschema", "lxml", "docx")

SIZES = r'''
import json, re, sys
from importlib import metadata
from pathlib import Path

rows = []
for dist in metadata.distributions():
    total = 0
    for file in dist.files or []:
        try:
            total += (Path(dist.locate_file(file))).stat().st_size
        except OSError:
            pass
    requires = [re.split(r"[\s;\[<>=!~(]", r, maxsplit=1)[0].lower().replace("_", "-")
                for r in (dist.requires or [])]
    rows.append({"name": dist.metadata["Name"], "size": total, "requires": requires})
json.dump(rows, sys.stdout)
'''


def _pip(*args: str) -> None:
    """Run pip quietly; its output is shown only when it fails."""
    done = subprocess.run(list(args), capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(done.stdout + done.stderr)


def _mb(size: float) -> str:
    return f"{size / 1e6:7.1f} MB"


def _folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def _brought_by(rows: list[dict], top: list[str]) -> dict[str, str]:
    """For each installed distribution, the nearest of plancheck's own dependencies that requires it (itself
    if direct), breadth first; requirements of extras count only for distributions actually installed."""
    requires = {row["name"].lower().replace("_", "-"): row["requires"] for row in rows}
    owner: dict[str, str] = {name: name for name in top if name in requires}
    frontier = list(owner)
    while frontier:
        following = []
        for name in frontier:
            for needed in requires[name]:
                if needed in requires and needed not in owner:
                    owner[needed] = owner[name]
                    following.append(needed)
        frontier = following
    return owner


def _imports(python: Path, args: list[str], cwd: Path) -> tuple[int, list[str]]:
    done = subprocess.run([str(python), "-X", "importtime", "-m", "checker", *args], capture_output=True,
                          text=True, encoding="utf-8", errors="replace", cwd=cwd, check=False)
    names = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")]
    names = [name for name in names if name and name != "package"]
    heavy = sorted({name.split(".")[0] for name in names if name.split(".")[0] in HEAVY})
    return len(names), heavy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="build the environment here and keep it")
    parser.add_argument("--top", type=int, default=15, help="how many distributions to list")
    options = parser.parse_args()
    work = options.keep or Path(tempfile.mkdtemp(prefix="plancheck-size-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        wheels = work / "dist"
        _pip(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT))
        [wheel] = wheels.glob("plancheck-*.whl")
        venv = work / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
        _pip(str(python), "-m", "pip", "install", "-q", str(wheel))
        _pip(str(python), "-m", "pip", "uninstall", "-q", "-y", "pip")  # the venv's own, not plancheck's
        found = subprocess.run([str(python), "-c", SIZES], capture_output=True, text=True, check=True)
        rows = json.loads(found.stdout)
        site = next(venv.glob("lib/python*/site-packages"), venv / "Lib" / "site-packages")
        own = next(row for row in rows if row["name"].lower() == "plancheck")
        owner = _brought_by(rows, own["requires"])
        print(f"wheel {wheel.name}: {_mb(wheel.stat().st_size)} (compressed)")
        print(f"site-packages: {_mb(_folder_size(site))} in {len(rows)} distributions; "
              f"plancheck's own files {_mb(own['size'])}")
        print(f"\nlargest {options.top} distributions (size, brought in by):")
        for row in sorted(rows, key=lambda row: -row["size"])[: options.top]:
            name = row["name"].lower().replace("_", "-")
            via = owner.get(name, "?")
            brought = "direct" if via == name else f"via {via}" if via != "?" else "the environment's own"
            print(f"  {_mb(row['size'])}  {row['name']:<22} {brought}")
        print("\nmodules imported by a command (heavy ones named):")
        samples = ROOT / "samples"
        for label, args in [("--version", ["--version"]),
                            ("check a .txt", ["check", str(samples / "defects" / "no-basis.txt")]),
                            ("check a .docx", ["check", str(samples / "ke-hoach-ttdn-van-ninh-2019.docx")]),
                            ("rules", ["rules"]),
                            ("check --summary", ["check", str(samples / "defects"), "--summary",
                                                 str(work / "summary.csv")]),
                            ("check --against", ["check", str(samples / "ke-hoach-ttdn-van-ninh-2019.txt"),
                                                 "--against", str(samples / "huong-dan-ttdn-vinh-linh-2023.txt")])]:
            count, heavy = _imports(python, args, work)
            print(f"  {label:<16} {count:4d} modules; heavy: {', '.join(heavy) or 'none'}")
    finally:
        if options.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
