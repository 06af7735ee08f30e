"""What kla ships beside its code: the rubrics and the example region (`kla demo`).

Inside an installed wheel they are package data, `kla_cli/rubrics` and `kla_cli/examples`
(hatch's force-include, found beside the package's modules); in a checkout (an editable install) they
are its top-level `rubrics/` and `examples/`. Never the working directory: a folder of the
user's must not shadow them.
"""

from pathlib import Path
from typing import NamedTuple

from kla_cli.errors import KlaError
from kla_cli.i18n.messages import os_error

DEMO_FOLDERS = ("kota-contoh", "rekap-contoh")
"""The example region `kla demo` writes: a city's OPD forms (with its kecamatan/desa
inventory) and a region's own recap."""


def shipped(name: str) -> Path:
    """The shipped folder `name` (rubrics, examples): the wheel's package data, else the
    checkout's top-level folder."""
    # found from this file's place, as importlib.resources would for a package on disk, without
    # importing it (it brings zipfile: 10 ms of every command's start-up)
    package = Path(__file__).resolve().parents[1]
    packaged = package / name
    if packaged.is_dir():
        return packaged
    return package.parents[1] / name


class Demo(NamedTuple):
    """What `write_demo` wrote: each example folder (under the target) and its files."""

    folders: dict[str, list[Path]]


def write_demo(target: Path, *, force: bool) -> Demo:
    """Copy the example region into `target` (created when missing); refuse a `target` that
    is a file, or a folder that is not empty unless `force` (files of the same name are then
    replaced, others left alone)."""
    from kla_cli.io.output import write_bytes

    if target.exists() and not target.is_dir():
        raise KlaError("demo.not_folder", str(target), "demo.not_folder.hint")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise KlaError("demo.not_empty", str(target), "demo.not_empty.hint")
    source = shipped("examples")
    try:
        target.mkdir(parents=True, exist_ok=True)
        written: dict[str, list[Path]] = {}
        for name in DEMO_FOLDERS:
            folder = target / name
            folder.mkdir(exist_ok=True)
            files = sorted(p for p in (source / name).iterdir() if p.is_file())
            for file in files:
                if file.name.startswith("."):
                    continue
                write_bytes(folder / file.name, file.read_bytes())
                written.setdefault(name, []).append(folder / file.name)
    except OSError as exc:
        raise KlaError(
            "output.failed", str(target), "output.failed.hint", {"error": os_error(exc)}
        ) from None
    return Demo(written)
