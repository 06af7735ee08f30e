"""`kla merge`: one region's OPD workbooks consolidated into one recap workbook."""

from pathlib import Path
from typing import Annotated

import typer

from kla_cli.cli.console import guard, note, report_findings
from kla_cli.cli.framework import h
from kla_cli.cli.options import RubricOpt, load_rubric, read_region
from kla_cli.errors import ExitCode
from kla_cli.i18n.messages import active_lang, t


@guard
def merge(
    paths: Annotated[list[Path], typer.Argument(help=h("help.merge_dir"), show_default=False)],
    output: Annotated[
        Path, typer.Option("--output", "-o", help=h("help.merge_out"), show_default=False)
    ],
    rubric: RubricOpt = None,
) -> None:
    from kla_cli.core.assess import assess
    from kla_cli.core.findings import Severity
    from kla_cli.i18n.numbers import fmt_points
    from kla_cli.workbook.recap_writer import build_recap, check_recap_target, write_recap

    model, rubric_files = load_rubric(rubric)
    check_recap_target(output, paths)
    submissions, workbooks = read_region(paths)
    assessment = assess(model, submissions)
    book = build_recap(model, assessment, submissions, active_lang(), roots=paths)
    write_recap(output, book, rubric_files | workbooks)
    findings = assessment.validation.findings
    report_findings(findings, warnings=False)
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    total = fmt_points(assessment.result.total)
    note(
        t(
            "merge.written",
            path=output,
            total=total,
            errors=errors,
            warnings=len(findings) - errors,
        )
    )
    if errors:
        raise typer.Exit(ExitCode.FINDINGS)
