"""The ``plancheck`` command: parses arguments, calls the library, picks a formatter, sets the exit code.

Exit codes: 0 nothing at or above ``--fail-on`` was found; 1 something was; 2 usage or rule-pack error,
a waivers or baseline file that cannot be read or written, or a ``--cache`` folder that cannot be written.
Findings accepted by ``--waivers`` or ``--baseline`` are reported, marked, and do not count.
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn

import click
import yaml

from checker import __version__
from checker.api import Against, parse_file
from checker.batch import Job, check_all
from checker.cli_help import Localised, LocalisedCommand
from checker.config import OPTIONS, Config, ConfigError, find_config, load_config, merged
from checker.engine.baseline import BaselineError, accept_written, apply_baseline, load_baseline, make_baseline
from checker.engine.baseline import write_baseline as write_baseline_file
from checker.engine.packs import BUILTIN, PackError, load_pack
from checker.engine.run import make_report
from checker.engine.selection import Selection
from checker.engine.waivers import WaiverError, apply_waivers, load_waivers
from checker.expected import UnitsError, match_units, parent_units, read_units
from checker.formatters import FORMATTERS, reads, rendered
from checker.formatters import statistics as statistics_format
from checker.inputs import DEFAULT_EXCLUDE, Exclusion, collect
from checker.kinds import KINDS
from checker.limits import Limits, using
from checker.model.report import SEVERITY_RANK, DocumentReport, Report
from checker.output import write_text
from checker.read.errors import ReadError, shown
from checker.summary import SummaryError, write_summary

if TYPE_CHECKING:
    from checker.cache import Cache
    from checker.trust import Roots

READABLE_RULE = "readable"
READABLE_DOC = {
    "vi": "readable  (luôn bật, không thuộc bộ quy tắc nào)\n  Tệp phải đọc được: định dạng được hỗ trợ (.docx, "
          ".txt), không hỏng, mã hóa ký tự xác định được.\n  Tệp không đọc được được báo là một lỗi của riêng tệp đó, "
          "kèm lý do và cách khắc phục; các tệp khác vẫn được kiểm tra.",
    "en": "readable  (always on, not part of any pack)\n  The file must be readable: a supported format (.docx, .txt), "
          "not damaged, with a detectable text encoding.\n  An unreadable file is reported as an error of that file "
          "alone, with the reason and the fix; the other files are still checked.",
}
FAIL_ON = {**SEVERITY_RANK, "never": max(SEVERITY_RANK.values()) + 1}


class _Jobs(click.ParamType):
    """``--jobs``: a number of processes (1 or more), or ``auto``."""

    name = "N|auto"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None
                ) -> int | Literal["auto"]:
        if str(value).lower() == "auto":
            return "auto"
        try:
            number = int(str(value))
        except ValueError:
            number = 0
        if number < 1:
            self.fail(f"'{value}' không phải số tiến trình (1, 2, …) hay auto / is not a number of processes "
                      "(1, 2, …) or auto", param, ctx)
        return number


def _complete_rules(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Shell completion of --rules: the built-in packs, then YAML files."""
    from click.shell_completion import CompletionItem

    packs = [CompletionItem(name, help="built-in pack") for name in BUILTIN if name.startswith(incomplete)]
    return [*packs, CompletionItem(incomplete, type="file")]


def utf8_streams() -> None:
    """Standard output and error in UTF-8 whatever the console's code page: a report redirected to a file or
    a pipe is written in UTF-8 (cp1252 or cp1258 could not hold Vietnamese and crashed the command with
    UnicodeEncodeError); a console that cannot show a character gets a replacement, never a crash."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # a test runner's or an embedding program's own stream
        if (stream.encoding or "").lower().replace("-", "").replace("_", "") == "utf8":
            continue
        try:
            if stream.isatty():
                stream.reconfigure(errors="replace")
            else:
                stream.reconfigure(encoding="utf-8")
        except (OSError, ValueError):
            continue


class _Group(Localised, click.Group):
    """A group of plancheck commands: their help in the user's language (see :mod:`checker.cli_help`)."""

    command_class = LocalisedCommand


_Group.group_class = _Group


class _Command(_Group):
    """The plancheck command: UTF-8 output, and an unexpected failure is exit 2 with one clear line (exit 1
    means "findings found", which a crash must never look like)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        utf8_streams()
        try:
            return super().main(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 (anything else is a bug or the environment failing)
            if os.environ.get("PLANCHECK_DEBUG"):
                raise
            click.echo(f"plancheck: lỗi nội bộ / internal error: {type(exc).__name__}: {shown(str(exc))} "
                       "(PLANCHECK_DEBUG=1 shows where)", err=True)
            sys.exit(2)


@click.group(cls=_Command, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="plancheck")
def main() -> None:
    """plancheck — checks Vietnamese plans (Kế hoạch) against the directives they answer.

    Citation of the parent directive, required themes, a responsible unit for every task, a reporting
    deadline, and the standard parts of the document. The help is in Vietnamese for a Vietnamese user
    (--lang vi, PLANCHECK_LANG=vi or a vi locale).
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--rules", "rules", shell_complete=_complete_rules, metavar="default|ttdn|FILE",
              help="Rule pack: a built-in name or a YAML file. Default: ttdn for foreign-information "
                   "plans (title mentions 'thông tin đối ngoại'), default otherwise.")
@click.option("--parent", metavar="SYMBOL", help="Number-symbol of the parent directive the plans must cite, "
              "e.g. 93-HD/BTGTU.")
@click.option("--against", "against_path", metavar="PARENT",
              help="The parent directive itself (.docx, .odt, .pdf, .html, .txt): the plans must cite it (number-"
                   "symbol, date, issuer), cover each of its content items, take up the tasks it hands down "
                   "to lower bodies, and set no reporting deadline after its own. Adds to the --rules pack.")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the report to this file instead of standard output.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              help="Language of messages.")
@click.option("--fail-on", type=click.Choice(list(FAIL_ON)), default="error", show_default=True,
              help="Exit 1 when a finding at or above this severity is found (waived and baseline findings "
                   "do not count).")
@click.option("--waivers", "waivers_path", metavar="FILE",
              help="YAML file of accepted findings (rule, document, reason, accepted_by, optional evidence and "
                   "expires; schemas/waivers.schema.json). Waived findings are shown, marked, and do not count; "
                   "expired and unused waivers are listed at the end.")
@click.option("--baseline", "baseline_path", metavar="FILE",
              help="Baseline written earlier by --write-baseline: findings recorded in it are marked and only "
                   "new findings count for --fail-on.")
@click.option("--write-baseline", "write_baseline_path", metavar="FILE",
              help="Write the fingerprints of the current findings (except waived ones) to FILE, and accept "
                   "them for this run.")
@click.option("-j", "--jobs", type=_Jobs(), default="auto", show_default=True, metavar="N|auto",
              help="Check documents in this many parallel processes (results keep the input order). auto: one "
                   "per available CPU (container quotas counted) when there are at least 8 documents to check "
                   "(100 where workers are spawned rather than forked: Windows, macOS, Linux from Python 3.14), "
                   "else one process.")
@click.option("--cache", "cache_dir", metavar="DIR", type=click.Path(file_okay=False),
              help="Keep each document's report in DIR and reuse it while the document, the rule packs, the "
                   "options and plancheck itself are unchanged: only new and changed documents are checked "
                   "again. Keep DIR where only plancheck writes (a file put there is taken as a report). "
                   "Nothing is written anywhere without this option.")
@click.option("--summary", "summary_path", metavar="FILE.csv|FILE.json",
              help="Also write one row per document (path, unit, number-symbol, date, status, counts, failed "
                   "rules, verdict), and per expected unit that sent nothing; CSV is UTF-8 with BOM for Excel.")
@click.option("--expect", "expect", metavar="UNITS.txt|parent",
              help="Units expected to submit, one per line (or 'parent': the Nơi nhận of the --against "
                   "directive); those that sent nothing are listed and count as errors.")
@click.option("--limit", "limit_settings", metavar="KEY=VALUE", multiple=True,
              help="Change a safety limit, e.g. --limit file-size=100MB --limit timeout=300 (keys: file-size, "
                   "docx-entries, docx-part-size, docx-total-size, docx-ratio, blocks, pdf-pages, memory, timeout; "
                   "caps: xml-elements, block-chars, citations, findings-per-rule, findings). A file over a limit is "
                   "reported as input-too-large (time-limit for the time) and the batch goes on; past a cap the rest "
                   "is left out and a note says so.")
@click.option("--trust-roots", "trust_roots", metavar="FILE",
              help="Root certificates (PEM, one or several, or DER) that the digital signatures of signed PDFs must "
                   "chain to. Without it a signature is reported as signed, its chain not checked; with it, an "
                   "untrusted chain is a warning (signature-untrusted). Checked offline: nothing is fetched.")
@click.option("--annotate", "annotate_dir", metavar="DIR", type=click.Path(file_okay=False),
              help="Also write into DIR a copy of each readable document as NAME.checked.docx, with each "
                   "finding as a Word comment on its text and a summary comment at the top.")
@click.option("--select", "select", metavar="RULES", multiple=True,
              help="Check only these rules: ids or prefixes, comma-separated or repeated (--select cites,covers).")
@click.option("--extend-select", "extend_select", metavar="RULES", multiple=True,
              help="Check these rules too, besides those selected.")
@click.option("--ignore", "ignore", metavar="RULES", multiple=True,
              help="Leave these rules out (ids or prefixes); a more specific --select wins.")
@click.option("--exclude", "exclude", metavar="GLOB", multiple=True,
              help="Leave out of folders the files and folders matching GLOB (gitignore syntax, repeatable); "
                   "replaces the default list (*.checked.docx). A file named on the command line is still checked.")
@click.option("--extend-exclude", "extend_exclude", metavar="GLOB", multiple=True,
              help="Leave these out of folders too, besides the default list.")
@click.option("--no-ignore", "no_ignore", is_flag=True,
              help="Do not honour .gitignore files when searching folders.")
@click.option("--statistics", is_flag=True, help="Print the count of findings per rule and code instead of them.")
@click.option("-q", "--quiet", is_flag=True, help="Print only the totals line (text format).")
@click.option("--stdin-filename", "stdin_filename", metavar="NAME",
              help="The name of the document read from standard input (PATH '-'): its extension says the format "
                   "(default: stdin.txt), and reports show it.")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Severities in colour in the text report: auto = on a terminal unless NO_COLOR is set.")
@click.option("--config", "config_path", metavar="FILE", type=click.Path(dir_okay=False),
              help="Read settings from FILE (.plancheck.yaml, plancheck.toml or pyproject.toml) instead of the "
                   "nearest one found from the folder checked upwards.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], rules: str | None, parent: str | None,
          against_path: str | None, fmt: str, output: str | None,
          lang: str, fail_on: str, waivers_path: str | None, baseline_path: str | None,
          write_baseline_path: str | None, jobs: int | Literal["auto"], summary_path: str | None, expect: str | None,
          limit_settings: tuple[str, ...], trust_roots: str | None, annotate_dir: str | None, cache_dir: str | None,
          select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
          exclude: tuple[str, ...], extend_exclude: tuple[str, ...], no_ignore: bool, statistics: bool,
          quiet: bool, stdin_filename: str | None, color: str, config_path: str | None, isolated: bool) -> None:
    """Check plans (.docx, .doc, .odt, .txt, .html, .pdf; folders are searched; '-' reads standard input) and report
    the findings."""
    settings = _configured(ctx, _config(paths, config_path, isolated))
    rules, parent, against_path = settings["rules"], settings["parent"], settings["against_path"]
    fmt, output, lang, fail_on = settings["fmt"], settings["output"], settings["lang"], settings["fail_on"]
    waivers_path, baseline_path, jobs = settings["waivers_path"], settings["baseline_path"], settings["jobs"]
    summary_path, expect, limit_settings = settings["summary_path"], settings["expect"], settings["limit_settings"]
    annotate_dir, cache_dir = settings["annotate_dir"], settings["cache_dir"]
    selection = Selection(_ids(settings["select"]), _ids(settings["extend_select"]), _ids(settings["ignore"]))
    exclusion = Exclusion(tuple(settings["exclude"]) if settings["exclude"] else DEFAULT_EXCLUDE,
                          gitignore=not no_ignore)
    exclusion = replace(exclusion, patterns=exclusion.patterns + tuple(settings["extend_exclude"]))
    try:
        # Every input file is validated before any document is read.
        waivers = load_waivers(waivers_path) if waivers_path else None
        baseline = load_baseline(baseline_path, lang) if baseline_path else None
    except WaiverError as exc:
        _file_error("lỗi tệp chấp nhận / waivers file error", exc.problems)
    except BaselineError as exc:
        _file_error("lỗi đường cơ sở / baseline error", exc.problems)
    try:
        if rules:
            load_pack(rules)
        if parent:
            from checker.text.symbols import parse_symbol

            if parse_symbol(parent) is None:
                raise click.BadParameter(f"'{parent}' is not a number-symbol such as 93-HD/BTGTU or 368/QĐ-TTg",
                                         param_hint="--parent")
        if expect == "parent" and not against_path:
            raise click.BadParameter("'parent' needs --against PARENT / 'parent' cần --against", param_hint="--expect")
        units = _units(expect) if expect and expect != "parent" else None
        groups: list[str] = []
        against = _against(against_path, parent, lang) if against_path else None
        if expect == "parent" and against is not None:
            units, groups = _recipients(against, lang)
        _check_selectors(selection, rules)
        missing = [p for p in paths if p != "-" and not os.path.lexists(p)]
        if missing:  # after the files the options name have been validated, as each of those is
            raise click.BadParameter(", ".join(shown(p) for p in missing) + ": không có tệp hay thư mục này / no "
                                     "such file or folder", param_hint="PATHS")
        job_limits = _limits(limit_settings)
        roots = _trust_roots(settings["trust_roots"]) if settings["trust_roots"] else None
        stdin_copy = _stdin_copy(stdin_filename, job_limits) if "-" in paths else None
        inputs = collect([str(stdin_copy) if p == "-" and stdin_copy else p for p in paths], exclusion)
        files, refused = inputs.files, inputs.refused
        if not files:
            skipped = len(inputs.skipped)
            raise click.UsageError("không tìm thấy văn bản nào (.docx, .doc, .odt, .txt, .html, .pdf, bản quét .png, "
                                   ".jpg, .tif) / no documents (.docx, .doc, .odt, .txt, .html, .pdf, scans .png, "
                                   ".jpg, .tif) found in the paths given"
                                   + (f" (bỏ qua {skipped} tệp khóa/ẩn / skipped {skipped} lock/hidden files)"
                                      if skipped else ""))
        job = Job(rules=rules, parent=parent, against=against_path, lang=lang, limits=job_limits,
                  keep="all" if annotate_dir else reads(fmt),  # an annotated copy needs the text
                  selection=selection, trust_roots=roots)
        if cache_dir:
            job = replace(job, cache=_cache(cache_dir, job))
        documents = list(check_all(files, job, jobs, against, refused=refused))
        if stdin_copy is not None:  # the document from standard input is shown by the name it was given
            documents = [_renamed(d, stdin_filename or "stdin.txt") if d.path == str(stdin_copy) else d
                         for d in documents]
        if against is not None:
            bases = [rules] if rules else list(BUILTIN)
            packs = [p for p in (against.pack(b) for b in bases) if any(d.pack == p.name for d in documents)]
        else:
            used = [rules] if rules else sorted({d.pack for d in documents if d.pack})
            packs = [load_pack(name) for name in used]
        packs = [p.selected(selection) for p in packs]
    except PackError as exc:
        _pack_error(exc)
    report = make_report(documents, packs, lang)
    if inputs.skipped or inputs.excluded:
        report = report.model_copy(update={"skipped": [str(p) for p in inputs.skipped],
                                           "excluded": [str(p) for p in inputs.excluded]})
    if units is not None:
        report = report.model_copy(update={"expected": match_units(units, documents), "expected_groups": groups})
    # Waivers first, so that the baseline can tell new findings from waived ones and leave waived ones out.
    if waivers is not None:
        report = apply_waivers(report, waivers, date.today())
    if baseline is not None and baseline_path:
        report = apply_baseline(report, baseline, baseline_path)
    if write_baseline_path:
        recorded = make_baseline(report)
        try:
            write_baseline_file(recorded, write_baseline_path)
        except BaselineError as exc:
            _file_error("lỗi đường cơ sở / baseline error", exc.problems)
        report = accept_written(report, recorded, write_baseline_path)
    if statistics:
        _emit(statistics_format.render(report), output, "the statistics")
    elif quiet and fmt == "text":
        _emit(statistics_format.totals_line(report), output, "the report")
    elif fmt == "text" and _colour(color, output):
        from checker.formatters.text import coloured

        text = rendered(fmt, report)
        _emit(coloured(text if isinstance(text, str) else "".join(text), report.lang), output, "the report",
              colour=True)
    else:
        _emit(rendered(fmt, report), output, "the report")
    if summary_path:
        try:
            write_summary(report, summary_path)
        except SummaryError as exc:
            _file_error("lỗi tệp tổng hợp / summary error", [str(exc)])
    if annotate_dir:
        _annotate_all(report, Path(annotate_dir), lang, job.limits)
    sys.exit(1 if report.worst() >= FAIL_ON[fail_on] else 0)


def _stdin_copy(name: str | None, limits: Limits) -> Path:
    """Standard input, up to the file-size limit, in a private temporary file named like ``name`` (its
    extension picks the reader); removed when the command ends."""
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="plancheck-stdin-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    copy = folder / Path(name or "stdin.txt").name
    data = sys.stdin.buffer.read(limits.file_size + 1)
    copy.write_bytes(data)  # a copy over the limit is refused by the reader as input-too-large
    return copy


def _renamed(document: DocumentReport, name: str) -> DocumentReport:
    plan = document.plan.model_copy(update={"path": name}) if document.plan is not None else None
    return document.model_copy(update={"path": name, "plan": plan})


def _colour(choice: str, output: str | None) -> bool:
    """--color: always, never, or (auto) on a terminal when NO_COLOR (https://no-color.org) is not set."""
    if choice != "auto":
        return choice == "always"
    return not output and not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def _ids(values: Iterable[str]) -> tuple[str, ...]:
    """Rule ids or prefixes given comma-separated, repeated, or as a list in the configuration."""
    return tuple(i.strip() for v in values for i in str(v).split(",") if i.strip())


def _check_selectors(selection: Selection, rules: str | None) -> None:
    """A selector that names no rule of the packs in use is a usage error (a typo would silently check
    nothing, or everything)."""
    names = [rules] if rules else list(BUILTIN)
    known = {rule_id for name in names for rule_id in load_pack(name).rules}
    unknown = selection.unknown(known)
    if unknown:
        raise click.BadParameter(", ".join(unknown) + ": không quy tắc nào có mã này / no rule id is or starts with "
                                 "this (plancheck rules list)", param_hint="--select/--extend-select/--ignore")


def _configured(ctx: click.Context, config: Config) -> dict[str, Any]:
    """The check's settings: each option given on the command line, else the configuration's value, else the
    option's default."""
    given = {name for name in OPTIONS.values()
             if ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE}
    values, _sources = merged(dict(ctx.params), given, config)
    return values


def _config(paths: tuple[str, ...], named: str | None, isolated: bool) -> Config:
    """The configuration in force: the file named, else the nearest one, none when --isolated."""
    if isolated:
        return Config()
    path = Path(named) if named else find_config(Path(paths[0]) if paths else Path.cwd())
    if path is None:
        return Config()
    try:
        return load_config(path)
    except ConfigError as exc:
        _file_error("lỗi tệp cấu hình / configuration error", exc.problems)


def _cache(folder: str, job: Job) -> Cache:
    from checker.cache import Cache, CacheError

    try:
        return Cache.open(folder, job)
    except CacheError as exc:
        _file_error("lỗi thư mục cache / cache folder error", [f"{exc} (không ghi được / cannot be written)"])


def _limits(settings: tuple[str, ...]) -> Limits:
    try:
        return Limits().with_settings(list(settings))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--limit") from exc


def _trust_roots(path: str) -> Roots:
    from checker.trust import TrustError, load_roots

    try:
        return load_roots(path)
    except TrustError as exc:
        raise click.BadParameter(str(exc), param_hint="--trust-roots") from exc


def _units(path: str) -> list[str]:
    try:
        return read_units(path)
    except UnitsError as exc:
        _file_error("lỗi danh sách đơn vị / units file error", [str(exc)])


def _recipients(against: Against, lang: str) -> tuple[list[str], list[str]]:
    """``--expect parent``: the units the parent tells to submit, and the groups it names that name no unit
    (the report lists those); what was left out of its Nơi nhận is said on standard error."""
    found = parent_units(against.plan)
    if found.left_out:
        click.echo("plancheck: " + ("--expect parent: bỏ qua (lưu, để báo cáo/biết, cấp trên, chính cơ quan ban "
                                    "hành): " if lang == "vi" else "--expect parent: left out (filing, informed "
                                    "or reported to, superiors, the issuer itself): ") + "; ".join(found.left_out),
                   err=True)
    return found.units, found.groups


def _annotate_all(report: Report, folder: Path, lang: str, limits: Limits) -> None:
    """``--annotate DIR``: an annotated copy of each readable document; a copy that fails is reported on
    standard error and the others are still written."""
    from checker.annotate import AnnotateError, annotate

    readable = [d for d in report.documents if d.status == "checked"]
    # The copies mirror the input folders below their common folder, so names never collide.
    root = Path(os.path.commonpath([Path(d.path).resolve().parent for d in readable])) if readable else Path()
    failed = 0
    for document in readable:
        source = Path(document.path).resolve()
        suffix = "" if source.suffix.lower() == ".docx" else source.suffix.lower()
        name = source.parent.relative_to(root) / f"{source.stem}{suffix}.checked.docx"
        try:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)  # DIR and the mirrored subfolders
            with using(limits):
                annotate(document, folder / name, lang)
        except OSError as exc:
            failed += 1
            click.echo(f"plancheck: --annotate: {shown(str(folder / name))}: {exc.strerror or exc}", err=True)
        except (AnnotateError, ReadError) as exc:
            failed += 1
            click.echo(f"plancheck: --annotate: {exc.message(lang)}", err=True)
    if failed:
        sys.exit(2)


def _against(path: str, parent: str | None, lang: str) -> Against:
    """Read the parent directive of ``--against`` and say on standard error what will be checked."""
    try:
        against = Against(path)
    except ReadError as exc:
        click.echo(f"plancheck: --against: {exc.message(lang)}", err=True)
        sys.exit(2)
    found = against.found
    plan = against.plan
    items = sum(bool(i.phrases) for i in found.items)
    tasks = sum(bool(t.phrases) for t in found.tasks)
    symbol = plan.number_symbol or "—"
    path = shown(path)  # printed below: a file name cannot drive the terminal
    deadline = found.deadline.strftime("%d/%m/%Y") if found.deadline else "—"
    if lang == "vi":
        click.echo(f"plancheck: đối chiếu với {path} (số {symbol}): {items} nội dung, {tasks} nhiệm vụ giao "
                   f"cấp dưới, thời hạn báo cáo {deadline}", err=True)
    else:
        click.echo(f"plancheck: checking against {path} ({symbol}): {items} content items, {tasks} tasks handed "
                   f"down, reporting deadline {deadline}", err=True)
    if not items and not tasks and not found.deadline:
        click.echo("plancheck: " + (
            "văn bản cấp trên không có nội dung, nhiệm vụ hay thời hạn nào để đối chiếu: chỉ kiểm tra theo bộ quy tắc "
            "gốc" if lang == "vi" else
            "the parent has no content item, task or deadline to check against: the base pack's rules alone"), err=True)
    if not plan.number_symbol and not parent:
        click.echo("plancheck: " + ("văn bản cấp trên không có số, ký hiệu: dùng thêm --parent SỐ/KÝ-HIỆU để kiểm "
                                    "tra việc trích dẫn" if lang == "vi" else "the parent has no number-symbol: add "
                                    "--parent SYMBOL to check that plans cite it"), err=True)
    return against


def _emit(text: str | Iterable[str], output: str | None, what: str, colour: bool | None = None) -> None:
    """Write ``text``, or its pieces in order, to the file the user named, or to standard output (``colour``:
    keep its colour codes, which click otherwise removes when standard output is not a terminal); a write
    error exits 2."""
    if not output:
        for piece in [text] if isinstance(text, str) else text:
            click.echo(piece, nl=False, color=colour)
        return
    try:
        write_text(output, text)
    except OSError as exc:
        click.echo(f"plancheck: cannot write {what} to {shown(output)}: {exc.strerror or exc}", err=True)
        sys.exit(2)


def _pack_error(exc: PackError) -> NoReturn:
    _file_error("lỗi bộ quy tắc / rule pack error", exc.problems)


def _file_error(title: str, problems: list[str]) -> NoReturn:
    click.echo(f"plancheck: {title}:\n  " + "\n  ".join(problems), err=True)
    sys.exit(2)


@main.command("config")
@click.argument("path", required=False, default=".")
@click.option("--config", "config_path", metavar="FILE", type=click.Path(dir_okay=False),
              help="The configuration file to read, as for check.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file, as for check.")
def config_command(path: str, config_path: str | None, isolated: bool) -> None:
    """Print the settings a check of PATH (default: this folder) would use, and where each comes from: the
    configuration file and line, or the default."""
    config = _config((path,), config_path, isolated)
    # The defaults as the check sees them: None for an option without one, () for a repeatable option
    # (click 8.2+ marks "no default" with a sentinel rather than None).
    defaults = {param.name: (param.default if isinstance(param.default, str | int | float | bool | tuple | list)
                             else () if getattr(param, "multiple", False) else None)
                for param in check.params if param.name}
    values, sources = merged(defaults, set(), config)
    click.echo(f"# {shown(str(config.path)) if config.path else 'không có tệp cấu hình / no configuration file'}")
    for key, name in OPTIONS.items():
        value = values.get(name)
        if isinstance(value, tuple):
            value = ", ".join(map(str, value)) if value else ""
        if key == "exclude" and not value:
            value = ", ".join(DEFAULT_EXCLUDE)
        click.echo(f"{key:<15} {shown(str(value if value is not None else '')):<40} # {shown(sources[name])}")


@main.command()
@click.argument("path")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The annotated copy to write (.docx), e.g. PLAN.checked.docx. The original is never modified.")
@click.option("--rules", "rules", shell_complete=_complete_rules, metavar="default|ttdn|FILE",
              help="Rule pack, as for check.")
@click.option("--parent", metavar="SYMBOL", help="Number-symbol of the parent directive, as for check.")
@click.option("--against", "against_path", metavar="PARENT", help="The parent directive itself, as for check.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              help="Language of the comments.")
@click.option("--limit", "limit_settings", metavar="KEY=VALUE", multiple=True, help="A safety limit, as for check.")
def annotate(path: str, output: str, rules: str | None, parent: str | None, against_path: str | None,
             lang: str, limit_settings: tuple[str, ...]) -> None:
    """Check one plan and write a copy with each finding as a Word comment on the text it is about.

    A .docx gets its own copy with comments; other formats get a .docx rendition of the extracted text.
    A summary comment at the top gives the verdict and the findings about the whole document. Exit 0
    when the copy is written, 2 when the plan is unreadable or the copy cannot be written.
    """
    from checker.annotate import AnnotateError
    from checker.annotate import annotate as write_annotated

    try:
        if rules:
            load_pack(rules)
        against = _against(against_path, parent, lang) if against_path else None
        limits = _limits(limit_settings)
        job = Job(rules=rules, parent=parent, against=against_path, lang=lang, limits=limits)
        [report] = list(check_all([Path(path)], job, against=against, progress=False))
    except PackError as exc:
        _pack_error(exc)
    if report.status != "checked":
        click.echo(f"plancheck: {report.error}", err=True)
        sys.exit(2)
    try:
        with using(limits):
            written = write_annotated(report, output, lang)
    except (AnnotateError, ReadError) as exc:
        click.echo(f"plancheck: {exc.message(lang)}", err=True)
        sys.exit(2)
    counted = [f for f in report.findings if not f.accepted]
    errors = sum(f.severity == "error" for f in counted)
    where = shown(str(written.path))
    message = (f"{where}: {written.comments} comments on the text, {len(counted)} findings ({errors} errors)"
               if lang == "en" else
               f"{where}: {written.comments} nhận xét trên văn bản, {len(counted)} phát hiện ({errors} lỗi)")
    click.echo(message, err=True)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default serves this computer only. 0.0.0.0 serves the network.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--rules", "rules", shell_complete=_complete_rules, metavar="default|ttdn|FILE",
              help="Pack used when the user picks none (default: chosen from the plan's subject).")
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Processes checking uploads.")
@click.option("--limit", "limit_settings", metavar="KEY=VALUE", multiple=True, help="A safety limit, as for check.")
@click.option("--trust-roots", "trust_roots", metavar="FILE",
              help="Root certificates (PEM or DER) digital signatures must chain to, as for check; without it "
                   "signatures are shown as signed, chain not checked.")
def serve(host: str, port: int, rules: str | None, workers: int, limit_settings: tuple[str, ...],
          trust_roots: str | None) -> None:
    """Start the self-check page: drop a plan, see what a reviewer will find, download it annotated.

    Also POST /api/check (the JSON report of check --format json), described at /openapi.json.
    """
    from checker.web import create_app, run_server

    try:
        roots = _trust_roots(trust_roots) if trust_roots else None
        app = create_app(rules, _limits(limit_settings), workers, trust_roots=roots)
    except PackError as exc:
        _pack_error(exc)
    click.echo(f"plancheck: http://{host}:{port}/  (Ctrl+C để dừng / to stop)", err=True)
    run_server(app, host, port)


@main.command()
@click.argument("path")
@click.option("--blocks", is_flag=True, help="Include the text blocks and their parts and sections.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              help="Language of error messages.")
def parse(path: str, blocks: bool, lang: str) -> None:
    """Print the plan extracted from one document as JSON."""
    try:
        plan = parse_file(path)
    except ReadError as exc:
        click.echo(f"plancheck: {exc.message(lang)}", err=True)
        sys.exit(2)
    exclude = None if blocks else {"blocks", "block_parts", "block_sections"}
    click.echo(json.dumps(plan.model_dump(mode="json", exclude=exclude), ensure_ascii=False, indent=2))


@main.group()
def rules() -> None:
    """List, explain and test rules and kinds."""


@rules.command("list")
@click.option("--rules", "pack_name", shell_complete=_complete_rules, default="ttdn", show_default=True,
              metavar="default|ttdn|FILE")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
def rules_list(pack_name: str, lang: str) -> None:
    """List the rules of a pack and the kinds available."""
    try:
        pack = load_pack(pack_name)
    except PackError as exc:
        _pack_error(exc)
    click.echo(f"Pack {pack.name} ({pack.path}):")
    for rule in pack.rules.values():
        click.echo(f"  {rule.id:<20} {rule.severity:<8} {rule.kind:<17} {rule.summary[lang]}")
    click.echo("\nKinds: " + ", ".join(KINDS) + f"\nBuilt-in packs: {', '.join(BUILTIN)}")


@rules.command("show")
@click.argument("rule_id")
@click.option("--rules", "pack_name", shell_complete=_complete_rules, default="ttdn", show_default=True,
              metavar="default|ttdn|FILE")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
def rules_show(rule_id: str, pack_name: str, lang: str) -> None:
    """Show a rule (or a kind): what it checks, its cases, params and how to fix a finding."""
    try:
        pack = load_pack(pack_name)
    except PackError as exc:
        _pack_error(exc)
    if rule_id == READABLE_RULE:
        click.echo(READABLE_DOC[lang])
        return
    rule = pack.rules.get(rule_id)
    kind = KINDS.get(rule.kind if rule else rule_id)
    if kind is None:
        known = ", ".join([*pack.rules, READABLE_RULE, *KINDS])
        click.echo(f"plancheck: no rule or kind '{rule_id}' in pack {pack.name} (known: {known})", err=True)
        sys.exit(2)
    if rule is not None:
        head = ("kind {kind}, severity {severity}, from {source}" if lang == "en"
                else "loại {kind}, mức {severity}, khai báo tại {source}")
        click.echo(f"{rule.id}  (" + head.format(kind=rule.kind, severity=rule.severity, source=rule.source) + ")")
        click.echo(f"  {rule.summary[lang]}\n")
        params = yaml.safe_dump(rule.params.model_dump(mode="json"), allow_unicode=True, sort_keys=False)
        click.echo(("params" if lang == "en" else "tham số (params)") + ":\n"
                   + "\n".join("  " + line for line in params.splitlines()) + "\n")
    doc = kind.__doc__ if lang == "en" else getattr(kind, "DOC_VI", kind.__doc__)
    click.echo((doc or "").strip())
    click.echo("\nCases / messages:" if lang == "en" else "\nCác trường hợp / thông báo:")
    for code, message in kind.MESSAGES.items():
        click.echo(f"  {code}: {message.en if lang == 'en' else message.vi}")
        fix = message.fix_en if lang == "en" else message.fix_vi
        if fix:
            click.echo(f"      → {fix}")


@rules.command("test")
@click.argument("pack_name", metavar="PACK")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
def rules_test(pack_name: str, lang: str) -> None:
    """Run the test cases of a pack (its `tests:` and those of the packs it extends).

    Exit 0 when every case passes, 1 when one fails, 2 for a rule-pack error.
    """
    from checker.engine.packtests import run_pack_tests

    try:
        pack = load_pack(pack_name)
    except PackError as exc:
        _pack_error(exc)
    results = run_pack_tests(pack, lang)
    for result in results:
        click.echo(f"{'✓' if result.passed else '✗'} {result.name}  ({result.source})")
        for problem in result.problems:
            click.echo(f"    {problem}")
    failed = sum(not r.passed for r in results)
    click.echo(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


@rules.command("derive")
@click.argument("parent", metavar="PARENT")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the pack to this file instead of "
              "standard output.")
@click.option("--extends", "extends", type=click.Choice(list(BUILTIN)), default="default", show_default=True,
              help="The pack the derived pack extends.")
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              help="Language of error messages.")
def rules_derive(parent: str, output: str | None, extends: str, lang: str) -> None:
    """Derive a rule pack from a parent directive (.docx, .doc, .odt, .pdf, .html, .txt): its identity for
    cites-parent, one theme per content item for covers-themes, and its reporting deadline."""
    from checker.engine.derive import derive

    try:
        plan = parse_file(parent)
    except ReadError as exc:
        click.echo(f"plancheck: {exc.message(lang)}", err=True)
        sys.exit(2)
    try:
        text = derive(plan, parent, extends)
    except PackError as exc:
        _pack_error(exc)
    _emit(text, output, "the pack")
