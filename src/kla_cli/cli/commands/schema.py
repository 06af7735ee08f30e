"""`kla schema [NAME]`: the JSON Schema of a JSON output (or of the rubric file), or their list."""

from typing import Annotated

import typer

from kla_cli.cli.console import emit, guard
from kla_cli.cli.framework import h
from kla_cli.errors import KlaError


@guard
def schema(
    name: Annotated[
        str | None, typer.Argument(help=h("help.schema_name"), show_default=False)
    ] = None,
) -> None:
    from kla_cli.render.schemas import NAMES, TITLES, schema_text

    if name is None:
        width = max(len(n) for n in NAMES)
        emit("".join(f"{n:<{width}}  {TITLES[n]}\n" for n in NAMES), None)
        return
    if name not in NAMES:
        raise KlaError(
            "schema.unknown", None, "schema.unknown.hint", {"name": name, "known": ", ".join(NAMES)}
        )
    emit(schema_text(name), None)
