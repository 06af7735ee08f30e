"""Result sheets: a region's result as published, group totals only ("Kelembagaan 83,50/150"),
read from YAML, JSON or CSV into the snapshots `kla compare` and `kla history` use.

YAML or JSON (every key but one of `total` or `groups` may be left out):

    region: Kabupaten Sumbawa
    year: 2022
    rubric: kla-2022          # the instrument; default: --rubric's, when the groups are its own
    total: 505.85             # default: the sum of the groups' score
    total_verified: 597.928   # the verified total (VA), when the sheet gives that stage
    max_total: 1000           # default: the sum of the groups' max, else the rubric's
    groups:
      - {group: Kelembagaan, score: 83.50, max: 150, verified: 80}
      - Klaster I 53/115      # GROUP SCORE/MAX, as results are published

CSV (comma, semicolon or tab): `key,value` rows (region, year, rubric, total, total_verified,
max_total; or wilayah, tahun), then a header row `group,score,max[,verified]` (or kelompok,
nilai, maks, nilai va) and one row per group; a row named Total or Jumlah gives the totals.

A group named like a group of the rubric (id, name or short name) takes its id, name and max.
Nothing is guessed: a number that cannot be read, a score above its max, a total that is not the
sum of its groups, or a group of unknown max is an error naming the file and the place.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kla_cli.core.answers import AnswerProblem, parse_number
from kla_cli.core.compare import Entry, Snapshot
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Group, fold, tier_for
from kla_cli.core.stages import VERIFIED
from kla_cli.errors import KlaError
from kla_cli.i18n.messages import Lang, os_error, t
from kla_cli.io.yaml_safe import YamlProblem, YamlSyntax, load_yaml

MAX_SHEET_BYTES = 1024 * 1024
SHEET_SUFFIXES = (".yaml", ".yml", ".csv")
"""Result sheets by extension; a `.json` is one when it has no `indicators` (else a score)."""
KEYS = ("region", "year", "rubric", "total", "total_verified", "max_total", "groups")
_KEY_ALIASES = {"wilayah": "region", "kabupaten/kota": "region", "tahun": "year"}
_COLUMNS = {
    "group": ("group", "kelompok", "klaster", "name", "nama"),
    "score": ("score", "nilai", "nilai em", "em", "skor"),
    "max": ("max", "maks", "maksimal", "nilai maksimal", "bobot"),
    "verified": ("verified", "nilai va", "va", "verifikasi", "nilai verifikasi"),
}
_TOTAL_ROWS = ("total", "jumlah", "total nilai", "nilai total")
_SHORT_FORM = re.compile(r"^(?P<group>.*\S)\s+(?P<score>[\d.,]+)\s*/\s*(?P<max>[\d.,]+)$")


@dataclass(frozen=True)
class SheetResult:
    snapshot: Snapshot
    """The result as self-assessed (or as published): what compare and history read."""
    verified: Snapshot | None
    """The verified stage (VA), when the sheet gives it."""


def _error(where: str, what: str, **params: object) -> KlaError:
    return KlaError("sheet.invalid", where, "sheet.hint", {"error": t(f"sheet.{what}", **params)})


@dataclass(frozen=True)
class _Row:
    where: str
    group: str
    score: object
    max: object
    verified: object


def _number(raw: object, where: str, field: str) -> float | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        value = parse_number(raw)  # type: ignore[arg-type]
    except AnswerProblem:
        raise _error(where, "not_number", field=field, value=raw) from None
    if value < 0:
        raise _error(where, "not_number", field=field, value=raw)
    return value


def _match(rubric: Rubric, name: str) -> Group | None:
    wanted = fold(name)
    for group in rubric.groups:
        texts = [group.id, group.name.id, group.name.en]
        if group.short:
            texts += [group.short.id, group.short.en]
        if wanted in {fold(x) for x in texts}:
            return group
    return None


def _group_max(rubric: Rubric, group: Group) -> float:
    return (
        group.max
        if group.max is not None
        else sum(i.cap for i in rubric.indicators if i.group == group.id)
    )


def _check_sum(where: str, total: float, parts: Sequence[float]) -> None:
    """A total must be the sum of its groups (each published with two decimals)."""
    if abs(total - sum(parts)) > 0.005 * (len(parts) + 1):
        raise _error(where, "total_mismatch", total=f"{total:g}", sum=f"{round(sum(parts), 2):g}")


def build(
    fields: Mapping[str, object], rows: Sequence[_Row], rubric: Rubric, lang: Lang, name: str
) -> SheetResult:
    """The snapshots of a sheet read into `fields` (top-level keys) and group `rows`."""
    groups: list[tuple[Entry, float | None, float | None]] = []
    matched = True
    for row in rows:
        known = _match(rubric, row.group)
        top = _number(row.max, row.where, "max")
        if top is None and known is None:
            raise _error(row.where, "no_max", group=row.group, rubric=rubric.id)
        if known is None or (top is not None and top != _group_max(rubric, known)):
            matched = False
        top = top if top is not None else _group_max(rubric, known)  # type: ignore[arg-type]
        score = _number(row.score, row.where, "score")
        checked = _number(row.verified, row.where, "verified")
        for field, value in (("score", score), ("verified", checked)):
            if value is not None and value > top + 1e-9:
                raise _error(
                    row.where, "above_max", field=field, value=f"{value:g}", max=f"{top:g}"
                )
        key = known.id if known else row.group
        label = known.name.get(lang) if known else row.group
        groups.append((Entry(key, label, score or 0.0, top), score, checked))
    for field in ("score", "verified"):
        given = [g[1] if field == "score" else g[2] for g in groups]
        if any(v is None for v in given) and any(v is not None for v in given):
            raise _error(name, "mixed", field=field)
    em_known = bool(groups) and groups[0][1] is not None
    va_known = bool(groups) and groups[0][2] is not None
    total = _number(fields.get("total"), name, "total")
    if em_known:
        parts = [g[1] or 0.0 for g in groups]
        total = round(sum(parts), 2) if total is None else total
        _check_sum(name, total, parts)
    checked_total = _number(fields.get("total_verified"), name, "total_verified")
    if va_known:
        parts = [g[2] or 0.0 for g in groups]
        checked_total = round(sum(parts), 2) if checked_total is None else checked_total
        _check_sum(name, checked_total, parts)
    if total is None:
        raise _error(name, "no_score")
    max_total = _number(fields.get("max_total"), name, "max_total")
    if max_total is None:
        max_total = round(sum(g[0].max for g in groups), 2) if groups else rubric.max_total
    for field, value in (("total", total), ("total_verified", checked_total)):
        if value is not None and value > max_total + 1e-9:
            raise _error(name, "above_max", field=field, value=f"{value:g}", max=f"{max_total:g}")
    given_rubric = fields.get("rubric")
    same = given_rubric is None and matched
    rubric_id = str(given_rubric) if given_rubric is not None else (rubric.id if same else "-")
    year = None if fields.get("year") is None else str(fields["year"])
    region = None if fields.get("region") is None else str(fields["region"])
    tier = tier_for(rubric, total)
    checked_tier = None if checked_total is None else tier_for(rubric, checked_total)
    snapshot = Snapshot(
        rubric_id=rubric_id,
        rubric_version=rubric.version if same else "",
        region=region,
        year=year,
        total=total,
        total_evidenced=None,
        max_total=max_total,
        predicate=tier.name.get(lang) if tier else None,
        predicate_id=tier.id if tier else None,
        groups=tuple(
            Entry(e.key, e.name, e.score, e.max, None, checked) for e, _, checked in groups
        )
        if em_known
        else (),
        indicators=(),
        items=(),
        total_verified=checked_total,
        predicate_verified=checked_tier.name.get(lang) if checked_tier else None,
        predicate_verified_id=checked_tier.id if checked_tier else None,
    )
    verified = None
    if checked_total is not None:
        verified = replace(
            snapshot,
            total=checked_total,
            predicate=snapshot.predicate_verified,
            predicate_id=snapshot.predicate_verified_id,
            groups=tuple(Entry(e.key, e.name, c or 0.0, e.max) for e, _, c in groups)
            if va_known
            else (),
            total_verified=None,
            predicate_verified=None,
            predicate_verified_id=None,
            stage=VERIFIED,
        )
    return SheetResult(snapshot, verified)


def _yaml_rows(data: Mapping[str, Any], name: str) -> list[_Row]:
    raw = data.get("groups") or []
    if not isinstance(raw, list):
        raise _error(name, "groups_list")
    rows = []
    for i, entry in enumerate(raw):
        where = f"{name}: groups[{i}]"
        if isinstance(entry, str):
            found = _SHORT_FORM.match(entry.strip())
            if not found:
                raise _error(where, "short_form", text=entry)
            rows.append(_Row(where, found["group"], found["score"], found["max"], None))
            continue
        if not isinstance(entry, dict):
            raise _error(where, "short_form", text=entry)
        unknown = set(entry) - {"group", "name", "score", "max", "verified"}
        if unknown:
            raise _error(
                where, "unknown_key", key=sorted(unknown)[0], known="group, score, max, verified"
            )
        label = entry.get("group", entry.get("name"))
        if label is None or not str(label).strip():
            raise _error(where, "no_group")
        rows.append(
            _Row(
                where,
                str(label).strip(),
                entry.get("score"),
                entry.get("max"),
                entry.get("verified"),
            )
        )
    return rows


def read_mapping(data: object, rubric: Rubric, lang: Lang, name: str) -> SheetResult:
    """A sheet given as YAML or JSON data."""
    if not isinstance(data, dict):
        raise _error(name, "not_mapping")
    fields = {_KEY_ALIASES.get(str(k).casefold(), str(k)): v for k, v in data.items()}
    unknown = [k for k in fields if k not in KEYS]
    if unknown:
        raise _error(name, "unknown_key", key=unknown[0], known=", ".join(KEYS))
    return build(fields, _yaml_rows(fields, name), rubric, lang, name)


def _delimiter(text: str) -> str:
    for line in text.splitlines():
        found = re.match(r"\s*\"?[^,;\t\"]*\"?\s*([,;\t])", line)
        if found and fold(re.split(r"[,;\t]", line)[0].strip('" ')) in _COLUMNS["group"]:
            return found.group(1)
    counts = {d: text.count(d) for d in ";\t"}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > text.count(",") else ","


def _cell(cells: Sequence[str], columns: Mapping[str, int], key: str) -> str | None:
    i = columns.get(key)
    return cells[i] if i is not None and i < len(cells) and cells[i] else None


def read_csv_text(text: str, rubric: Rubric, lang: Lang, name: str) -> SheetResult:
    """A sheet given as CSV text."""
    table = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text)))
    fields: dict[str, object] = {}
    columns: dict[str, int] | None = None
    rows: list[_Row] = []
    for number, raw in enumerate(table, start=1):
        cells = [c.strip() for c in raw]
        if not any(cells):
            continue
        where = f"{name}:{number}"
        head = fold(cells[0])
        if columns is None:
            if head in _COLUMNS["group"]:
                columns = {}
                for i, text in enumerate(cells):
                    for key, names in _COLUMNS.items():
                        if fold(text) in names:
                            columns.setdefault(key, i)
                continue
            key = _KEY_ALIASES.get(head, head)
            if key not in KEYS or key == "groups":
                raise _error(where, "unknown_key", key=cells[0], known=", ".join(KEYS[:-1]))
            fields[key] = cells[1] if len(cells) > 1 else None
            continue

        if head in _TOTAL_ROWS:
            for key, field in (
                ("score", "total"),
                ("verified", "total_verified"),
                ("max", "max_total"),
            ):
                if _cell(cells, columns, key) is not None:
                    fields.setdefault(field, _cell(cells, columns, key))
            continue
        rows.append(
            _Row(
                where,
                cells[columns.get("group", 0)],
                _cell(cells, columns, "score"),
                _cell(cells, columns, "max"),
                _cell(cells, columns, "verified"),
            )
        )
    if columns is None:
        raise _error(name, "no_header")
    return build(fields, rows, rubric, lang, name)


def read_sheet(path: Path, rubric: Rubric, lang: Lang, data: object = None) -> SheetResult:
    """The result sheet at `path` (YAML, CSV, or JSON already parsed into `data`)."""
    name = str(path)
    if data is not None:
        return read_mapping(data, rubric, lang, name)
    try:
        if path.stat().st_size > MAX_SHEET_BYTES:
            raise _error(name, "too_big", size=MAX_SHEET_BYTES)
        if path.suffix.lower() == ".csv":
            text = path.read_bytes().decode("utf-8-sig")
            return read_csv_text(text, rubric, lang, name)
        loaded, _ = load_yaml(path, max_bytes=MAX_SHEET_BYTES, max_nodes=10_000)
    except OSError as exc:
        raise KlaError("compare.unreadable", name, params={"error": os_error(exc)}) from None
    except UnicodeDecodeError:
        raise _error(name, "not_utf8") from None
    except YamlSyntax as exc:
        where = f"{name}:{exc.line}" if exc.line is not None else name
        raise _error(where, "yaml", problem=exc.problem) from None
    except YamlProblem:
        raise _error(name, "not_mapping") from None
    return read_mapping(loaded, rubric, lang, name)
