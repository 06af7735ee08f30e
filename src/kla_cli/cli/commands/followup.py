"""`kla followup`: one message and one small workbook per OPD, and one document for the
meeting, from a region's folder (or recap) as it stands."""

from pathlib import Path
from typing import Annotated

import typer

from kla_cli.cli.console import err, guard
from kla_cli.cli.desk import DeadlineOpt, TargetOpt
from kla_cli.cli.framework import h
from kla_cli.cli.options import ColumnsOpt, RubricOpt, load_rubric
from kla_cli.errors import KlaError
from kla_cli.i18n.messages import active_lang, t


@guard
def followup(
    path: Annotated[Path, typer.Argument(help=h("help.status_path"), show_default=False)],
    output: Annotated[
        Path, typer.Option("--output", "-o", help=h("help.followup_output"), show_default=False)
    ],
    target: TargetOpt = None,
    deadline: DeadlineOpt = None,
    rubric: RubricOpt = None,
    columns: ColumnsOpt = None,
) -> None:
    from kla_cli.cli.desk import assess_region, deadline_and_target, today
    from kla_cli.core.followup import follow_ups
    from kla_cli.core.gap.ladder import Basis
    from kla_cli.core.gap.plan import analyse
    from kla_cli.core.status import region_status
    from kla_cli.io.output import write_folder
    from kla_cli.render.followup import followup_files

    lang = active_lang()
    model, rubric_files = load_rubric(rubric)
    due, tier = deadline_and_target(model, deadline, target)
    if not path.exists():
        raise KlaError("path.missing", str(path), "path.missing.hint")
    if output.exists() and not output.is_dir():
        raise KlaError("output.not_dir", str(output), "output.not_dir.hint")
    submissions, assessment, inputs = assess_region(model, path, columns)
    desk = region_status(model, assessment, submissions, target=tier, deadline=due, today=today())
    analysis = analyse(model, assessment.result, desk.target, Basis.EVIDENCED)
    problems = {
        f.location: f.message(lang) for f in assessment.validation.findings if f.item and f.cell
    }
    pack = follow_ups(model, desk, analysis, problems)
    files = followup_files(model, pack, lang)
    write_folder(output, files, inputs=rubric_files | inputs)
    err(t("followup.written", lang, count=len(pack.opds), path=output))
