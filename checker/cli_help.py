"""``--help`` in the user's language: Vietnamese for a Vietnamese user, English otherwise.

The language is ``--lang`` on the command line, else ``PLANCHECK_LANG``, else the locale (``LC_ALL``,
``LC_MESSAGES``, ``LANG``, or the system's on Windows: ``vi_VN``, ``Vietnamese_Vietnam``). The English help
is written beside each option in :mod:`checker.cli`; the Vietnamese one is data, ``help_vi.yaml`` beside
this module, swapped in while the help is drawn.
"""

from __future__ import annotations

import locale
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import click
import yaml

PATH = Path(__file__).with_name("help_vi.yaml")
_HEADINGS = {"Usage:": "Cách dùng:", "Options:": "Tùy chọn:", "Commands:": "Lệnh:",
             "Show this message and exit.": "Hiện trợ giúp này rồi thoát.", "[default:": "[mặc định:",
             "[required]": "[bắt buộc]"}


def language(argv: Sequence[str] | None = None, environ: dict[str, str] | None = None) -> str:
    """``vi`` or ``en``: the language the help is written in."""
    argv = sys.argv[1:] if argv is None else argv
    environ = dict(os.environ) if environ is None else environ
    for at, arg in enumerate(argv):
        if arg == "--lang" and at + 1 < len(argv) and argv[at + 1] in ("vi", "en"):
            return argv[at + 1]
        if arg in ("--lang=vi", "--lang=en"):
            return arg.split("=", 1)[1]
    chosen = environ.get("PLANCHECK_LANG", "").lower()
    if chosen in ("vi", "en"):
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if environ.get(name):
            return "vi" if environ[name].lower().startswith("vi") else "en"
    try:
        system = locale.getlocale()[0] or ""
    except ValueError:
        system = ""
    return "vi" if system.lower().startswith(("vi", "vietnam")) else "en"


@cache
def translations() -> dict[str, dict[str, Any]]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, dict[str, Any]] = yaml.load(PATH.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
    return data


def _key(ctx: click.Context) -> str:
    """The command's path below plancheck itself: "rules derive" (whatever the program is called: plancheck,
    python -m checker)."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(reversed(names))


@contextmanager
def _vietnamese(command: click.Command, ctx: click.Context) -> Iterator[None]:
    key = _key(ctx)
    entry = translations().get(key, {})
    options = entry.get("options", {})
    saved = (command.help, [(p, getattr(p, "help", None)) for p in command.params])
    subcommands = list(command.commands.items()) if isinstance(command, click.Group) else []
    saved_subs = [(sub, sub.help) for _name, sub in subcommands]
    try:
        if entry.get("help"):
            command.help = entry["help"]
        for name, sub in subcommands:  # the list of commands shows each one's first line
            sub.help = translations().get(f"{key} {name}".strip(), {}).get("help", sub.help)
        for param in command.params:
            if isinstance(param, click.Option) and param.name in options:
                param.help = options[param.name]
        yield
    finally:
        command.help = saved[0]
        for sub, text in saved_subs:
            sub.help = text
        for param, text in saved[1]:
            if isinstance(param, click.Option):
                param.help = text


class Localised:
    """Mixed into the command classes: the help drawn in the user's language."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if language() != "vi":
            super().format_help(ctx, formatter)  # type: ignore[misc]
            return
        assert isinstance(self, click.Command)
        with _vietnamese(self, ctx):
            start = len(formatter.buffer)
            super().format_help(ctx, formatter)  # type: ignore[misc]
        for at in range(start, len(formatter.buffer)):
            for english, vietnamese in _HEADINGS.items():
                formatter.buffer[at] = formatter.buffer[at].replace(english, vietnamese)


class LocalisedCommand(Localised, click.Command):
    pass
