"""Expanding the paths given on the command line into the workbook files to read.

Apart from the reader because it is about folders and names, not workbook contents.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from kla_cli.core.form_layout import WORKBOOK_SUFFIXES
from kla_cli.errors import KlaError


def workbook_paths(paths: Iterable[Path]) -> list[Path]:
    """Expand files and folders into the workbook files to read, sorted; raise for missing paths."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = [path / name for name in workbook_names(path)]
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


def workbook_names(folder: Path | str) -> list[str]:
    """The names of the workbooks in `folder` that `workbook_paths` reads, in its order (by
    name as paths sort: case-insensitively on Windows), without making a Path per file."""
    names = [
        name
        for name in os.listdir(folder)
        if name.lower().endswith(WORKBOOK_SUFFIXES) and not name.startswith(("~$", "."))
    ]
    return sorted(names, key=os.path.normcase)
