"""`kla template` on disk: choose the OPDs, save one workbook per OPD, atomically.

The workbook itself is built by `template.build_workbook`; this module only picks OPDs by the
names people type and writes files without ever overwriting an OPD's filled-in answers by accident.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Opd
from kla_cli.errors import KlaError
from kla_cli.i18n.messages import LANGS, Lang
from kla_cli.io.output import NO_INPUTS, Inputs, atomic_path, atomic_paths, make_folder
from kla_cli.workbook.form_text import is_respondent, items_for
from kla_cli.workbook.form_writer import build_workbook

if TYPE_CHECKING:
    from openpyxl import Workbook


def save_workbook(book: Workbook, target: Path, *, inputs: Inputs = NO_INPUTS) -> None:
    """Save an openpyxl workbook atomically (a complete file or none), never over `inputs`."""
    with atomic_path(target, inputs=inputs) as tmp:
        _save(book, tmp)


def _save(book: Workbook, path: Path) -> None:
    from kla_cli.workbook.row_heights import fit_wrapped_rows

    fit_wrapped_rows(book)
    book.save(path)


def form_language(value: str) -> Lang:
    """The language of the forms: Indonesian unless English is asked for (OPD staff read them)."""
    normal = value.strip().lower()
    if normal not in LANGS:
        raise KlaError("lang.unknown", params={"value": value})
    return "en" if normal == "en" else "id"


def select_opds(rubric: Rubric, names: Sequence[str]) -> list[Opd]:
    """The OPDs named (by id, name or alias), or every OPD that leads or co-sources a question
    when none is named. Never the kecamatan or desa/kelurahan respondents: they answer in the
    kecamatan/desa inventory, not in an OPD form."""
    if not names:
        return [opd for opd in rubric.opds if not is_respondent(opd) and items_for(rubric, opd)]
    chosen: list[Opd] = []
    for name in names:
        opd = rubric.opd_by_name(name)
        if opd is None:
            raise KlaError(
                "template.unknown_opd",
                params={"opd": name, "known": ", ".join(o.id for o in rubric.opds)},
            )
        if is_respondent(opd):
            raise KlaError(
                "template.respondent", params={"opd": opd.name}, hint="template.respondent.hint"
            )
        if opd not in chosen:
            chosen.append(opd)
    return chosen


def template_path(folder: Path, opd: Opd) -> Path:
    return folder / f"{opd.id}.xlsx"


def write_templates(
    rubric: Rubric,
    opds: Sequence[Opd],
    folder: Path,
    *,
    region: str,
    year: str,
    lang: Lang,
    force: bool = False,
    inputs: Inputs = NO_INPUTS,
    inventory: bool = True,
) -> list[Path]:
    """One workbook per OPD in `folder` (created if needed), and the inventory of kecamatan and
    desa/kelurahan when `inventory` and the rubric asks them anything; refuses to overwrite
    unless `force`, and never overwrites one of `inputs`."""
    from kla_cli.workbook.inventory_writer import build_inventory, inventory_path

    if folder.exists() and not folder.is_dir():
        raise KlaError("template.not_dir", str(folder), "template.not_dir.hint")
    places = build_inventory(rubric, region=region, year=year, lang=lang) if inventory else None
    targets = [template_path(folder, opd) for opd in opds]
    targets += [inventory_path(folder)] if places else []
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise KlaError(
            "template.exists",
            str(existing[0]),
            "template.exists.hint",
            params={"count": len(existing)},
        )
    made = not folder.exists()
    make_folder(folder)
    try:  # all or none: a failure part way leaves no form behind
        with atomic_paths(targets, inputs=inputs) as temps:
            for opd, tmp in zip(opds, temps, strict=False):
                _save(build_workbook(rubric, opd, region=region, year=year, lang=lang), tmp)
            if places:
                _save(places, temps[-1])
    except BaseException:
        if made:
            with contextlib.suppress(OSError):
                folder.rmdir()  # the folder made for them, if nothing else came in meanwhile
        raise
    return targets
