"""A regular (non-editable) install finds its rule packs and schemas: plancheck works outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_install_runs_outside_the_checkout(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
                   check=True, timeout=300)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", *map(str, wheels.glob("*.whl"))],
                   check=True, timeout=300)
    # The dependencies come from the test environment; a plain path line does not run its .pth hooks,
    # so the editable install of this checkout stays out of the way.
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # nothing may point at the checkout
    result = subprocess.run(
        [str(python), "-m", "checker", "check", str(ROOT / "samples" / "defects" / "no-basis.txt"), "--lang", "en"],
        cwd=outside, capture_output=True, text=True, timeout=120, env=env,
    )
    assert result.returncode == 1, result.stderr
    assert "The basis clause cites no numbered directive." in result.stdout
    located = subprocess.run([str(python), "-c", "import checker.resources as r; print(r.rules_dir())"],
                             cwd=outside, check=True, capture_output=True, text=True, env=env).stdout.strip()
    assert located == str(venv / "share" / "plancheck" / "rules")
