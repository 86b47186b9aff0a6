"""--help in Vietnamese for a Vietnamese user, in English otherwise; every option has both."""

from __future__ import annotations

import os
import subprocess
import sys

import click
import pytest

from checker.cli import main
from checker.cli_help import language, translations


def _commands(command: click.Command, path: tuple[str, ...] = ()) -> list[tuple[str, click.Command]]:
    found = [(" ".join(path), command)]
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            found += _commands(sub, (*path, name))
    return found


def test_every_command_and_option_has_vietnamese_help() -> None:
    table = translations()
    for key, command in _commands(main):
        assert table.get(key, {}).get("help"), f"no Vietnamese help for '{key}'"
        options = table[key].get("options", {})
        for param in command.params:
            if isinstance(param, click.Option) and param.help and param.name != "help":
                assert param.name in options, f"{key} {param.opts[0]}: no Vietnamese help in help_vi.yaml"


@pytest.mark.parametrize(("argv", "environ", "expected"), [
    (["check", "--lang", "vi", "--help"], {"LANG": "en_US.UTF-8"}, "vi"),
    (["check", "--lang=en"], {"LANG": "vi_VN.UTF-8"}, "en"),
    ([], {"PLANCHECK_LANG": "vi", "LANG": "C"}, "vi"),
    ([], {"LANG": "vi_VN.UTF-8"}, "vi"),
    ([], {"LC_ALL": "C.UTF-8", "LANG": "vi_VN.UTF-8"}, "en"),
    ([], {"LANG": "C.UTF-8"}, "en"),
])
def test_the_language_of_the_help(argv: list[str], environ: dict[str, str], expected: str) -> None:
    assert language(argv, environ) == expected


def _help(args: list[str], **environ: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES", "PLANCHECK_LANG")}
    done = subprocess.run([sys.executable, "-m", "checker", *args], capture_output=True, text=True,
                          env={**env, **environ}, timeout=60, check=True, encoding="utf-8")
    return done.stdout


def test_help_is_drawn_in_the_users_language() -> None:
    vietnamese = _help(["check", "--help"], LANG="vi_VN.UTF-8")
    assert vietnamese.startswith("Cách dùng: ") and " check [OPTIONS] PATHS" in vietnamese and "Tùy chọn:" in vietnamese
    assert "Bỏ qua mọi tệp cấu hình." in vietnamese and "[mặc định: text]" in vietnamese
    english = _help(["check", "--help"], LANG="C.UTF-8")
    assert english.startswith("Usage: ") and "Ignore every configuration file." in english
    assert "Bỏ qua" not in english
    assert "Lệnh:" in _help(["--help"], PLANCHECK_LANG="vi") and "Tạo bộ quy tắc" in _help(["rules", "--help"],
                                                                                           PLANCHECK_LANG="vi")
    assert "Ngôn ngữ của nhận xét." in _help(["annotate", "--lang", "vi", "--help"], LANG="C")
