"""`kla batch`: every region of a province (folders or a manifest) scored in one run."""

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer

from kla_cli.cli.ci import Clock, append_step_summary, github_base
from kla_cli.cli.console import emit, err, guard, quiet, use_color, width
from kla_cli.cli.framework import h
from kla_cli.cli.options import (
    ColumnsOpt,
    ExcelOpt,
    FailUnderOpt,
    OutputOpt,
    RubricOpt,
    check_excel,
    choose_format,
    load_rubric,
    parse_columns,
)
from kla_cli.core.ranking import RegionResult
from kla_cli.errors import ExitCode, KlaError
from kla_cli.i18n.messages import active_lang, t
from kla_cli.io.output import check_target
from kla_cli.render.formats import BATCH_FORMATS, BatchFormat, Format


@guard
def batch(
    root: Annotated[Path, typer.Argument(help=h("help.batch_root"), show_default=False)],
    rubric: RubricOpt = None,
    fmt: Annotated[
        BatchFormat | None,
        typer.Option("--format", "-f", help=h("help.format"), show_default=False),
    ] = None,
    output: OutputOpt = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help=h("help.jobs"), show_default=False)
    ] = None,
    fail_under: FailUnderOpt = None,
    columns: ColumnsOpt = None,
    excel: ExcelOpt = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help=h("help.no_cache"))] = False,
    cache_dir: Annotated[
        Path | None,
        typer.Option("--cache-dir", metavar="DIR", help=h("help.cache_dir"), show_default=False),
    ] = None,
) -> None:
    from kla_cli.batch import (
        discover,
        inputs_of,
        own_targets,
        run_batch,
        with_targets,
    )
    from kla_cli.core.ranking import summarise
    from kla_cli.render.batch import batch_markdown, render_batch

    clock = Clock()
    fmt = choose_format(output, fmt, BATCH_FORMATS, Format.TABLE)
    check_excel(fmt, excel)
    if jobs is not None and jobs < 1:
        raise KlaError("batch.jobs")
    mapping = parse_columns(columns)
    model, rubric_files = load_rubric(rubric, cache=not no_cache)
    found = discover(root)
    inputs = rubric_files  # what an output may not replace nor join (stdout: nothing to check)
    if output is not None:  # before the work: a national batch should not fail at its end
        inputs |= inputs_of(root, found)
        check_target(output, inputs)
    own = own_targets(found)
    if fail_under and own:
        err(t("batch.own_targets", count=own, total=len(found)))
    specs = with_targets(model, found, fail_under)
    lang = active_lang()
    cache = None
    if not no_cache:
        from kla_cli.batch_cache import ResultCache

        cache = ResultCache(root, cache_dir)
    results = run_batch(model, specs, jobs, lang, mapping, cache)
    if sys.stderr.isatty() and fmt is not Format.JSON and not quiet():
        results = _with_progress(results, len(specs))
    summary = summarise(model, _report_unreadable(results), lang)
    if cache is not None and cache.hits:
        err(t("batch.cached", count=cache.hits, total=len(specs)))
    color = use_color(output) and fmt is Format.TABLE
    rendered: str | bytes
    if fmt is Format.XLSX:
        from kla_cli.render.batch_sheet import batch_workbook

        rendered = batch_workbook(summary, model, lang)
    elif fmt is Format.HTML:
        from kla_cli.render.batch_sheet import batch_html

        rendered = batch_html(summary, model, lang)
    else:
        rendered = render_batch(
            summary,
            fmt,
            lang,
            color=color,
            width=width(),
            excel=excel,
            base=github_base(),
            run=clock.junit_run() if fmt is Format.JUNIT else None,
        )
    emit(rendered, output, inputs)
    if fmt is Format.GITHUB:
        append_step_summary(batch_markdown(summary, lang))
    if summary.unreadable:
        raise typer.Exit(ExitCode.CANNOT_RUN)
    if summary.below:
        raise typer.Exit(ExitCode.FINDINGS)


def _report_unreadable(results: Iterable[RegionResult]) -> Iterator[RegionResult]:
    """Say on stderr, as it happens, which region could not be read."""
    for result in results:
        if result.problem is not None:
            err(f"{t('error.prefix')}: {result.name}: {result.problem}")
        yield result


def _with_progress(results: Iterable[RegionResult], total: int) -> Iterator[RegionResult]:
    """A progress bar on stderr (terminals only: the caller checks)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    console = Console(stderr=True)
    with Progress(
        f"[bold]{t('batch.progress')}[/]",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=total)
        for result in results:
            progress.advance(task)
            yield result
