"""`kla template`: one blank workbook per OPD, for the OPDs to fill in."""

from pathlib import Path
from typing import Annotated

import typer

from kla_cli.cli.console import emit, err, guard, note, quiet
from kla_cli.cli.framework import h
from kla_cli.cli.options import RubricOpt, load_rubric
from kla_cli.i18n.messages import t


@guard
def template(
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help=h("help.template_out"), show_default=False),
    ],
    rubric: RubricOpt = None,
    opd: Annotated[
        list[str] | None,
        typer.Option("--opd", metavar="OPD", help=h("help.template_opd"), show_default=False),
    ] = None,
    region: Annotated[
        str, typer.Option("--region", metavar="NAME", help=h("help.template_region"))
    ] = "",
    year: Annotated[str, typer.Option("--year", metavar="YEAR", help=h("help.template_year"))] = "",
    form_lang: Annotated[
        str, typer.Option("--form-lang", metavar="id|en", help=h("help.form_lang"))
    ] = "id",
    force: Annotated[bool, typer.Option("--force", help=h("help.force"))] = False,
) -> None:
    from kla_cli.workbook.form_text import items_for
    from kla_cli.workbook.forms import form_language, select_opds, write_templates

    lang = form_language(form_lang)
    model, rubric_files = load_rubric(rubric)
    opds = select_opds(model, opd or [])
    for chosen in opds:
        if not items_for(model, chosen):
            err(f"{t('warning.prefix')}: {t('template.no_items', opd=chosen.name)}")
    written = write_templates(
        model,
        opds,
        output,
        region=region.strip(),
        year=year.strip(),
        lang=lang,
        force=force,
        inputs=rubric_files,
        inventory=not opd,  # the OPDs named get their forms only
    )
    if not quiet():
        emit("".join(f"{path}\n" for path in written), None)
    note(t("template.written", count=len(written), folder=output))
