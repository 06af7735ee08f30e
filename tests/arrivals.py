"""Forms as they really arrive: real `kla template` forms of the mini rubric, filled in,
re-saved at a given time (the document properties' `modified`, as Excel writes it on save) and
renamed as WhatsApp and email rename them."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

from kla_cli.core.rubric import Rubric
from kla_cli.workbook.form_writer import Filled, build_workbook
from kla_cli.workbook.forms import save_workbook

ANSWERS = {
    "dp3a": {"1.1": Filled("a", "perda.pdf"), "1.2": Filled("Ya", "sk.pdf"), "2.2": Filled(12)},
    "bappeda": {"2.1": Filled("a, b", "sk-gugus.pdf")},
    "dinkes": {"13.1": Filled(12.5, "stunting.pdf"), "13.2": Filled(75, None)},
}
"""Every question of the mini rubric answered by its lead; 13.2 without its data dukung."""


def write_form(
    rubric: Rubric,
    opd_id: str,
    target: Path,
    *,
    filled: dict[str, Filled] | None = None,
    saved: str | None = None,
) -> Path:
    """The OPD's form filled with `filled` (default `ANSWERS`), saved as `target`, its
    document properties saying it was saved at `saved` (ISO 8601) when given."""
    opd = rubric.opd_by_name(opd_id)
    assert opd is not None
    answers = ANSWERS[opd_id] if filled is None else filled
    book = build_workbook(rubric, opd, region="Kota Uji", year="2025", filled=answers)
    target.parent.mkdir(parents=True, exist_ok=True)
    save_workbook(book, target)
    if saved:
        set_saved(target, saved)
    return target


def set_saved(path: Path, saved: str) -> None:
    """Rewrite the form's `dcterms:modified` (openpyxl always writes the time of saving)."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                text = re.sub(
                    r"(<dcterms:modified[^>]*>)[^<]*(<)", rf"\g<1>{saved}\g<2>", data.decode()
                )
                data = text.encode()
            out.writestr(info, data)
    shutil.move(tmp, path)


def write_region(rubric: Rubric, folder: Path, *, skip: tuple[str, ...] = ()) -> Path:
    for opd_id in ANSWERS:
        if opd_id not in skip:
            write_form(rubric, opd_id, folder / f"{opd_id}.xlsx", saved="2025-11-10T08:00:00Z")
    return folder
