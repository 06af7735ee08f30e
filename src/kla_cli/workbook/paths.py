"""Expanding the paths given on the command line into the workbook files to read.

Apart from the reader because it is about folders and names, not workbook contents.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from kla_cli.core.form_layout import WORKBOOK_SUFFIXES
from kla_cli.errors import KlaError


def workbook_paths(paths: Iterable[Path]) -> list[Path]:
    """Expand files and folders into the workbook files to read, sorted; raise for missing paths."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            entries = os.listdir(path)
            inside = [path / name for name in workbook_names(path, entries)]
            if not inside or any(n.lower().endswith(MANIFEST_SUFFIXES) for n in entries):
                _refuse_province(path, entries)
            if not inside:
                raise KlaError("path.no_workbooks", str(path), "path.no_workbooks.hint")
            found.extend(inside)
        elif path.is_file():
            if path.suffix.lower() not in WORKBOOK_SUFFIXES:
                raise KlaError("path.not_workbook", str(path), "path.not_workbook.hint")
            found.append(path)
        else:
            raise KlaError("path.missing", str(path), "path.missing.hint")
    return found


MANIFEST_SUFFIXES = (".yaml", ".yml")
MANIFEST_HEAD = 64 * 1024
"""How much of a YAML file is looked at for a top-level `regions:` key."""
YEAR = re.compile(r"(?:19|20)\d\d")
_REGIONS_KEY = re.compile(rb"^regions\s*:", re.MULTILINE)


def _manifest_in(folder: Path, entries: list[str]) -> Path | None:
    """A `kla batch` manifest (a YAML file with a top-level `regions:`) among `entries` of
    `folder`, or None."""
    for name in sorted(entries):
        if name.lower().endswith(MANIFEST_SUFFIXES) and not name.startswith("."):
            try:
                with open(folder / name, "rb") as handle:
                    head = handle.read(MANIFEST_HEAD)
            except OSError:
                continue
            if _REGIONS_KEY.search(head):
                return folder / name
    return None


def _region_folders(folder: Path, entries: list[str]) -> list[str]:
    """The subfolders among `entries` of `folder` that hold workbooks (a region's forms or its
    recap)."""
    found = []
    for name in sorted(entries, key=os.path.normcase):
        inner = folder / name
        if name.startswith((".", "_")) or YEAR.fullmatch(name) or not inner.is_dir():
            continue  # year folders are one region's years (`kla history`)
        try:
            names = os.listdir(inner)
        except OSError:
            continue
        if any(n.lower().endswith(WORKBOOK_SUFFIXES) and not n.startswith("~$") for n in names):
            found.append(name)
    return found


def _refuse_province(folder: Path, entries: list[str]) -> None:
    """A province given where one region is expected: a folder with a `kla batch` manifest, or
    holding no workbooks but two or more subfolders that do (a region's folder with a subfolder
    of data dukung, or a single subfolder of forms, is not one)."""
    manifest = _manifest_in(folder, entries)
    regions = [] if manifest else _region_folders(folder, entries)
    if manifest is None and len(regions) < 2:
        return
    shown = ", ".join(regions[:3]) + (", …" if len(regions) > 3 else "")
    raise KlaError(
        "path.province_manifest" if manifest else "path.province",
        str(folder),
        "path.province.hint",
        {
            "count": len(regions),
            "regions": shown,
            "manifest": manifest.name if manifest else "",
            "root": manifest or folder,
        },
    )


def workbook_names(folder: Path | str, entries: list[str] | None = None) -> list[str]:
    """The names of the workbooks in `folder` (whose listing is `entries` when given) that
    `workbook_paths` reads, in its order (by name as paths sort: case-insensitively on
    Windows), without making a Path per file."""
    names = [
        name
        for name in (os.listdir(folder) if entries is None else entries)
        if name.lower().endswith(WORKBOOK_SUFFIXES) and not name.startswith(("~$", "."))
    ]
    return sorted(names, key=os.path.normcase)
