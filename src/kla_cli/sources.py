"""Reading results for `kla compare` and `kla history`: a workbook folder, a recap workbook, a
saved JSON result or a result sheet (group totals only, `io/result_sheet`), and a region folder's
years. The only I/O of those two commands."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kla_cli.core.compare import NotAScore, Snapshot, snapshot_from_json, snapshot_from_result
from kla_cli.core.findings import Finding
from kla_cli.core.form_layout import WORKBOOK_SUFFIXES
from kla_cli.core.rubric import Rubric
from kla_cli.core.stages import split_stages
from kla_cli.errors import KlaError
from kla_cli.i18n.messages import Lang, os_error, t
from kla_cli.io.result_sheet import SHEET_SUFFIXES, read_sheet
from kla_cli.io.stdin import is_stdin, read_stdin
from kla_cli.render.contract import schema_id

JSON_LIMIT = 20 * 1024 * 1024
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


@dataclass(frozen=True)
class Loaded:
    snapshot: Snapshot
    findings: list[Finding]
    blocking: list[Finding]
    verified: Snapshot | None = None
    """A result sheet's verified stage, given apart from its self-assessed one."""


def is_result_file(path: Path) -> bool:
    """A saved JSON result or a result sheet (not a workbook or a folder of them)."""
    return is_stdin(path) or (path.is_file() and path.suffix.lower() in (".json", *SHEET_SUFFIXES))


def load_result(
    path: Path, rubric: Rubric, lang: Lang, columns: Mapping[str, int] | None = None
) -> Loaded:
    """A saved JSON result (`*.json`), a result sheet (`*.yaml`, `*.csv`, or a JSON without
    indicators), or the workbooks at `path` scored with `rubric` (`columns`: a region recap's
    columns by number, from `--columns`)."""
    if path.is_file() and path.suffix.lower() in SHEET_SUFFIXES:
        sheet = read_sheet(path, rubric, lang)
        return Loaded(sheet.snapshot, [], [], sheet.verified)
    if is_stdin(path) or (path.is_file() and path.suffix.lower() == ".json"):
        return _read_json(path, rubric, lang)
    from kla_cli.core.assess import assess
    from kla_cli.workbook.read import read_region

    assessment = assess(rubric, read_region([path], columns))
    validation = assessment.validation
    return Loaded(
        snapshot_from_result(assessment.result, lang), validation.findings, validation.blocking
    )


def stages(loaded: Loaded, path: Path) -> tuple[Snapshot, Snapshot]:
    """One result's self-assessed and verified stages (`kla compare PATH`); KlaError when the
    result (read from `path`) carries no verified points. Its findings are shown first: an
    unreadable form carries no points at all, and is not to be told it lacks verified ones."""
    try:
        em, va = split_stages(loaded.snapshot, loaded.verified)
    except ValueError:
        raise KlaError("compare.no_stages", str(path), "compare.no_stages.hint") from None
    return em, va


def _read_json(path: Path, rubric: Rubric, lang: Lang) -> Loaded:
    try:
        if is_stdin(path):  # `-`: a saved result piped in
            raw = read_stdin(JSON_LIMIT)
            if len(raw) > JSON_LIMIT:
                raise NotAScore("too_large", limit=JSON_LIMIT)
            text = raw.decode("utf-8-sig")
        elif path.stat().st_size > JSON_LIMIT:
            raise NotAScore("too_large", limit=JSON_LIMIT)
        else:
            text = path.read_text(encoding="utf-8-sig")
        data = json.loads(text, parse_constant=_not_a_number)
        _check_schema(data)
        if isinstance(data, dict) and "indicators" not in data:  # a result sheet
            sheet = read_sheet(path, rubric, lang, data)
            return Loaded(sheet.snapshot, [], [], sheet.verified)
        return Loaded(snapshot_from_json(data, rubric, lang), [], [])
    except OSError as exc:
        raise KlaError("compare.unreadable", str(path), params={"error": os_error(exc)}) from None
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeError are ValueErrors
        why = exc.reason(lang) if isinstance(exc, NotAScore) else _parser_problem(exc)
        raise KlaError(
            "compare.bad_json", str(path), "compare.bad_json.hint", {"error": why}
        ) from None


def _check_schema(data: object) -> None:
    """A saved JSON that names its schema must be a score this kla reads (`kla.score/1`), not
    another command's output nor a score of a later major version."""
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema is not None and schema != schema_id("score"):
        raise NotAScore("schema", schema=schema, wanted=schema_id("score"))


def _parser_problem(exc: Exception) -> str:
    """What the JSON parser or the decoder found, located: their own words are English only."""
    if isinstance(exc, json.JSONDecodeError):
        return t("compare.json.syntax", line=exc.lineno, column=exc.colno)
    if isinstance(exc, UnicodeError):
        return t("compare.json.not_utf8")
    if isinstance(exc, RecursionError):
        return t("compare.json.too_deep")
    return str(exc)


def _not_a_number(name: str) -> float:
    """NaN and Infinity are not numbers a result can hold (and not valid JSON to print back)."""
    raise NotAScore("not_finite", name=name)


def year_sources(region_dir: Path) -> list[tuple[str, Path]]:
    """The years of a region folder: subfolders named by year (their workbooks, or the one
    saved result or result sheet they hold), or JSON files or result sheets with a year in
    their name; sorted by year. Raise when there are none, or a year has two sources."""
    if region_dir.is_file():
        raise KlaError("history.not_folder", str(region_dir), "history.no_years.hint")
    if not region_dir.is_dir():
        raise KlaError("path.missing", str(region_dir), "path.missing.hint")
    found: dict[str, Path] = {}
    for entry in sorted(region_dir.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and re.fullmatch(r"(?:19|20)\d\d", entry.name):
            year, source = entry.name, _year_folder(entry)
        elif is_result_file(entry) and YEAR.search(entry.stem):
            year, source = YEAR.findall(entry.stem)[-1], entry
        else:
            continue
        if year in found:
            first, second = (str(p.relative_to(region_dir)) for p in (found[year], source))
            raise KlaError(
                "history.duplicate_year",
                str(region_dir),
                "history.duplicate_year.hint",
                {"year": year, "first": first, "second": second},
            )
        found[year] = source
    if not found:
        raise KlaError("history.no_years", str(region_dir), "history.no_years.hint")
    return sorted(found.items())


def _year_folder(folder: Path) -> Path:
    """A year folder's source: the folder (its workbooks), or the one saved result or result
    sheet in it when it holds no workbooks (`2022/sumbawa-2022.yaml`)."""
    results: list[Path] = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith((".", "~$")):
            continue
        if entry.suffix.lower() in WORKBOOK_SUFFIXES:
            return folder
        if is_result_file(entry):
            results.append(entry)
    return results[0] if len(results) == 1 else folder
