"""`kla demo DIR`: the example city written into a folder, so that a new user can try every
command without a clone of the project."""

from pathlib import Path
from typing import Annotated

import typer

from kla_cli.cli.console import guard, note
from kla_cli.cli.framework import h
from kla_cli.i18n.messages import t


def _shell(path: Path) -> str:
    """`path` as one argument people can paste into a shell (double quotes work in cmd.exe,
    PowerShell and POSIX shells alike)."""
    text = str(path)
    return f'"{text}"' if any(c.isspace() or c in "'&;|()<>$`" for c in text) else text


@guard
def demo(
    folder: Annotated[
        Path, typer.Argument(help=h("help.demo_dir"), show_default=False, metavar="DIR")
    ],
    force: Annotated[bool, typer.Option("--force", help=h("help.demo_force"))] = False,
) -> None:
    from kla_cli.io.shipped import write_demo

    written = write_demo(folder, force=force)
    city, recap = (folder / name for name in ("kota-contoh", "rekap-contoh"))
    forms = len(written.folders.get("kota-contoh", []))
    note(t("demo.written", folder=folder, forms=forms, city=city, recap=recap))
    note(t("demo.next"))
    for command in (
        f"kla score {_shell(city)}",
        f"kla validate {_shell(city)}",
        f"kla gap {_shell(city)} --target nindya",
        f"kla report {_shell(city)} -o {_shell(folder / 'laporan.html')}",
        f"kla score {_shell(recap)}",
        f"kla compare {_shell(recap)}",
    ):
        note(f"  {command}")
