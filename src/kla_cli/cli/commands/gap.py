"""`kla gap`: what a region (or a bare total, `--score`) still needs to reach a predikat."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kla_cli.cli.console import emit, finish, guard, refuse_blocking, use_color, width
from kla_cli.cli.fail_under import below
from kla_cli.cli.fail_under import resolve as fail_under_tier
from kla_cli.cli.framework import h
from kla_cli.cli.options import (
    AllowErrorsOpt,
    ColumnsOpt,
    ExcelOpt,
    FailUnderOpt,
    NoCacheOpt,
    OutputOpt,
    RubricOpt,
    assessed_region,
    check_excel,
    choose_format,
    load_rubric,
    target_tier,
)
from kla_cli.errors import ExitCode, KlaError
from kla_cli.i18n.messages import active_lang
from kla_cli.render.formats import GAP_FORMATS, Format, GapFormat


class BasisName(StrEnum):
    """`--basis`: the total the gap is measured on."""

    EVIDENCED = "evidenced"
    SELF_ASSESSED = "self-assessed"
    VERIFIED = "verified"


def _basis(name: BasisName | None, evidenced: bool | None) -> BasisName:
    """`--basis`, or its aliases `--evidenced`/`--self-assessed`; evidenced by default."""
    alias = (
        None
        if evidenced is None
        else (BasisName.EVIDENCED if evidenced else BasisName.SELF_ASSESSED)
    )
    if name is not None and alias is not None and name is not alias:
        raise KlaError(
            "gap.basis_conflict",
            params={"basis": name.value, "alias": f"--{alias.value}"},
        )
    return name or alias or BasisName.EVIDENCED


@guard
def gap(
    paths: Annotated[
        list[Path] | None, typer.Argument(help=h("help.gap_paths"), show_default=False)
    ] = None,
    target: Annotated[
        str | None, typer.Option("--target", "-t", help=h("help.gap_target"), show_default=False)
    ] = None,
    assume: Annotated[
        list[str] | None,
        typer.Option("--assume", "-a", help=h("help.gap_assume"), show_default=False),
    ] = None,
    score_text: Annotated[
        str | None, typer.Option("--score", help=h("help.gap_score"), show_default=False)
    ] = None,
    basis_name: Annotated[
        BasisName | None,
        typer.Option("--basis", "-b", help=h("help.gap_basis_name"), show_default=False),
    ] = None,
    evidenced: Annotated[
        bool | None,
        typer.Option("--evidenced/--self-assessed", help=h("help.gap_basis"), show_default=False),
    ] = None,
    allow_errors: AllowErrorsOpt = False,
    rubric: RubricOpt = None,
    fmt: Annotated[
        GapFormat | None,
        typer.Option("--format", "-f", help=h("help.format"), show_default=False),
    ] = None,
    output: OutputOpt = None,
    columns: ColumnsOpt = None,
    fail_under: FailUnderOpt = None,
    excel: ExcelOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    from kla_cli.core.gap.ladder import Basis, parse_total, total_ladder
    from kla_cli.core.gap.whatif import gap_with_assumptions, parse_assumption
    from kla_cli.core.rubric_leaves import tier_for
    from kla_cli.render.gap import render_gap
    from kla_cli.render.ladder import render_ladder

    fmt = choose_format(output, fmt, GAP_FORMATS, Format.TABLE)
    check_excel(fmt, excel)
    chosen = _basis(basis_name, evidenced)
    model, rubric_files = load_rubric(rubric, cache=not no_cache)
    floor = fail_under_tier(model, fail_under)
    wanted = target_tier(model, target)
    if score_text is not None:
        if paths or assume:
            key = "gap.score_and_paths" if paths else "gap.score_only"
            raise KlaError(key, params={"option": "--assume"})
        total = parse_total(score_text, model.max_total)
        tier, needed, rungs = total_ladder(model, total, target)
        text = render_ladder(model, total, tier, rungs, needed, fmt, active_lang(), excel=excel)
        emit(text, output, rubric_files)
        if floor is not None:
            failed = below(model, floor, total, tier_for(model, total))
            raise typer.Exit(ExitCode.FINDINGS if failed else ExitCode.OK)
        raise typer.Exit(ExitCode.OK if needed <= 0 else ExitCode.FINDINGS)
    if not paths:
        raise KlaError("gap.no_input", hint="gap.no_input.hint")
    assumed = dict(parse_assumption(model, text) for text in assume or [])
    assessment, workbooks = assessed_region(
        rubric,
        paths,
        columns,
        as_given=False,
        memo=not no_cache,
        loaded=(model, rubric_files),
    )
    blocked = refuse_blocking([], assessment.blocking, allow_errors, defer=fmt is Format.JSON)
    result = assessment.result
    basis = Basis(chosen.value.replace("-", "_"))
    if basis is Basis.VERIFIED and result.total_verified is None:
        raise KlaError(
            "gap.no_verification",
            ", ".join(str(p) for p in paths),
            "gap.no_verification.hint",
        )
    analysis, before = gap_with_assumptions(model, result, wanted, assumed, basis)
    rendered = render_gap(
        analysis,
        model,
        fmt,
        active_lang(),
        before=before,
        assumed=assumed,
        color=use_color(output) and fmt is Format.TABLE,
        width=width(),
        excel=excel,
    )
    emit(rendered, output, rubric_files | workbooks)
    finish(blocked)
    if floor is not None:  # --fail-under decides the exit code, whatever --target plans for
        failed = below(model, floor, analysis.total, analysis.predicate)
        raise typer.Exit(ExitCode.FINDINGS if failed else ExitCode.OK)
    raise typer.Exit(ExitCode.OK if analysis.reached else ExitCode.FINDINGS)
