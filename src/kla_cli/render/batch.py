"""Render a `BatchSummary`: table, JSON, CSV, Markdown, JUnit XML or GitHub annotations.

rich and the XML library are imported inside the renderers.
"""

from typing import TYPE_CHECKING, Any, NamedTuple

from kla_cli.core.predicate import predicate_label
from kla_cli.core.ranking import BatchSummary, RegionResult
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
from kla_cli.render import csv_text
from kla_cli.render.contract import json_text
from kla_cli.render.formats import Format
from kla_cli.render.github import annotation, capped, escape_data, workspace_path
from kla_cli.render.markdown import md_escape, md_table
from kla_cli.render.terminal import console_text, new_console, plain

if TYPE_CHECKING:  # the JUnit writer (xml.etree) is loaded only for --format junit
    from kla_cli.render.junit import JunitRun


def _points(value: float | None, lang: Lang) -> str:
    return "-" if value is None else fmt_points(value, lang)


def _tier(summary: BatchSummary, tier: str | None) -> str:
    return summary.tier_names.get(tier, tier) if tier else "-"


def _predicate(summary: BatchSummary, result: RegionResult, lang: Lang) -> str:
    """The region's predikat; 'no predikat' when it was scored below the lowest tier."""
    if result.predicate is None and result.total is not None:
        return predicate_label(None, lang)
    return _tier(summary, result.predicate)


def _met(result: RegionResult, lang: Lang) -> str:
    if result.status == "unreadable":
        return t("batch.unreadable", lang)
    if result.met is None:
        return "-"
    return t("batch.met" if result.met else "batch.not_met", lang)


def _why(summary: BatchSummary, result: RegionResult, lang: Lang) -> str:
    """One line saying why a region failed ('' when it passed)."""
    if result.problem is not None:
        return result.problem
    parts = []
    if result.errors:
        parts.append(t("batch.errors", lang, count=result.errors, path=result.path))
    if result.met is False:
        parts.append(
            t(
                "batch.below",
                lang,
                total=_points(result.total_evidenced, lang),
                predicate=(
                    _tier(summary, result.predicate_evidenced)
                    if result.predicate_evidenced
                    else predicate_label(None, lang)
                ),
                target=_tier(summary, result.target),
            )
        )
    return "; ".join(parts)


def reasons(summary: BatchSummary, lang: Lang) -> list[tuple[str, str]]:
    """(region, why) for every region that failed: could not be read, has errors, or is below
    its target; shown under the ranking in every format."""
    found = ((r.name, _why(summary, r, lang)) for r in summary.results if r.failed)
    return [(name, why) for name, why in found if why]


def _summary_line(summary: BatchSummary, lang: Lang) -> str:
    c = summary.counts
    if not summary.targets:  # nothing to pass or fail: no "N passed"
        return t(
            "batch.summary_no_target",
            lang,
            count=len(summary.results),
            ok=c["ok"],
            invalid=c["invalid"],
            unreadable=c["unreadable"],
        )
    line = t(
        "batch.summary",
        lang,
        count=len(summary.results),
        ok=c["ok"],
        below=c["below"],
        invalid=c["invalid"],
        unreadable=c["unreadable"],
    )
    if any(r.target for r in summary.results):  # one basis, named: the one `kla gap` uses
        line += " " + t("batch.target_basis", lang)
    return line


def _headers(summary: BatchSummary) -> tuple[str, ...]:
    """The columns' catalogue keys; the verified total (VA) only when some region has one."""
    head = ("batch.col.rank", "batch.col.region", "batch.col.total", "batch.col.evidenced")
    va = ("batch.col.verified",) if summary.verified else ()
    target = ("batch.col.target", "batch.col.met") if summary.targets else ()
    return (*head, *va, "batch.col.predicate", *target, "batch.col.errors")


_NUMBERS = frozenset(
    (
        "batch.col.rank",
        "batch.col.total",
        "batch.col.evidenced",
        "batch.col.verified",
        "batch.col.errors",
    )
)


def _right(keys: tuple[str, ...]) -> tuple[int, ...]:
    """The columns of numbers (rank, totals, errors), right-aligned."""
    return tuple(i for i, key in enumerate(keys) if key in _NUMBERS)


def _row(summary: BatchSummary, rank: int, r: RegionResult, lang: Lang) -> list[str]:
    """The cells of `_headers`."""
    va = [_points(r.total_verified, lang)] if summary.verified else []
    target = [_tier(summary, r.target), _met(r, lang)] if summary.targets else []
    return [
        str(rank),
        r.name,
        _points(r.total, lang),
        _points(r.total_evidenced, lang),
        *va,
        _predicate(summary, r, lang),
        *target,
        str(r.errors) if r.problem is None else "-",
    ]


def batch_json(summary: BatchSummary, lang: Lang) -> dict[str, Any]:
    return {
        "rubric": {
            "id": summary.rubric_id,
            "version": summary.rubric_version,
            "provisional": summary.provisional,
        },
        "target_basis": "evidenced",  # a target is met on the evidenced total, as `kla gap` says
        "regions": [
            {
                "rank": rank,
                "name": r.name,
                "path": r.path,
                "region": r.region,
                "year": r.year,
                "total": r.total,
                "total_evidenced": r.total_evidenced,
                "predicate": summary.tier_names.get(r.predicate) if r.predicate else None,
                "predicate_id": r.predicate,
                "predicate_evidenced_id": r.predicate_evidenced,
                "total_verified": r.total_verified,
                "predicate_verified": summary.tier_names.get(r.predicate_verified)
                if r.predicate_verified
                else None,
                "predicate_verified_id": r.predicate_verified,
                "target_id": r.target,
                "met": r.met,
                "status": r.status,
                "errors": r.errors,
                "warnings": r.warnings,
                "workbooks": r.workbooks,
                "problem": r.problem,
                "reason": _why(summary, r, lang) or None,
                "messages": list(r.messages),
            }
            for rank, r in summary.ranked()
        ],
        "summary": {"regions": len(summary.results), **summary.counts},
    }


_CSV_FIELDS = (
    "rank name total total_evidenced predicate_id target_id met status errors warnings workbooks"
    " region path total_verified predicate_verified_id reason"
)
CSV_COLUMNS: tuple[str, ...] = tuple(_CSV_FIELDS.split())


def batch_csv(summary: BatchSummary, lang: Lang, *, excel: bool = False) -> str:
    """One row per region; machine-readable (dot decimals), formula-safe text."""
    rows = [
        (
            rank,
            r.name,
            "" if r.total is None else r.total,
            "" if r.total_evidenced is None else r.total_evidenced,
            r.predicate or "",
            r.target or "",
            "" if r.met is None else r.met,
            r.status,
            r.errors,
            r.warnings,
            r.workbooks,
            r.region or "",
            r.path,
            "" if r.total_verified is None else r.total_verified,
            r.predicate_verified or "",
            _why(summary, r, lang),
        )
        for rank, r in summary.ranked()
    ]
    return csv_text(CSV_COLUMNS, rows, excel=excel)


def batch_markdown(summary: BatchSummary, lang: Lang) -> str:
    lines = [
        f"## {t('batch.title', lang)} · {summary.rubric_id} {summary.rubric_version}",
        "",
    ]
    keys = _headers(summary)
    errors = keys.index("batch.col.errors")
    met = keys.index("batch.col.met") if "batch.col.met" in keys else errors
    rows = []
    for rank, r in summary.ranked():
        cells = _row(summary, rank, r, lang)
        if r.status in ("below", "unreadable"):
            cells[met] = f"**{cells[met]}**"
        elif r.status == "invalid":
            cells[errors] = f"**{cells[errors]}**"
        rows.append(cells)
    lines += md_table([t(key, lang) for key in keys], rows, right=_right(keys))
    lines += ["", _summary_line(summary, lang)]
    problems = reasons(summary, lang)
    if problems:
        lines.append("")
        lines += [f"- **{md_escape(name)}**: {md_escape(why)}" for name, why in problems]
    return "\n".join(lines) + "\n"


MIN_FOLDED = 4
"""The narrowest a column is folded to when even its longest words do not fit the line."""
MIN_NAME = 8
"""The narrowest the region column is given before the other columns are folded."""


def _column_widths(headers: list[str], rows: list[list[str]], width: int) -> list[int] | None:
    """Column widths for a line of `width`, or None when every cell fits unwrapped.

    The region's name is what the reader looks for: it keeps its full length, the other
    columns wrap at spaces (never inside a word) and take what the region leaves; only when
    even that does not fit is the name folded onto a second line, never cut off. Room left
    over goes first to cells, then to headers (a header wraps more readily than a value).
    When the other columns' longest words alone overflow the line (a rubric with very long
    tier names), the widest of them are folded inside their words, so that every column stays.
    """
    from rich.cells import cell_len

    columns = list(zip(headers, *rows, strict=True))
    longest = [max(cell_len(cell) for cell in column) for column in columns]
    gaps = 2 * (len(columns) - 1)
    if sum(longest) + gaps <= width:
        return None
    values = [max((cell_len(cell) for cell in column[1:]), default=0) for column in columns]
    widths = [max(cell_len(w) for cell in column for w in cell.split()) for column in columns]
    widths[1] = max(MIN_NAME, min(longest[1], width - gaps - sum(widths) + widths[1]))
    spare = width - gaps - sum(widths)
    for goal in (values, longest):
        for i, full in enumerate(goal):
            grow = max(0, min(spare, full - widths[i]))
            widths[i] += grow
            spare -= grow
    over = -spare
    while over > 0:
        foldable = [i for i in range(1, len(widths)) if widths[i] > MIN_FOLDED]
        if not foldable:
            break  # the terminal is narrower than any table: rich crops what is left
        widest = max(foldable, key=lambda i: (widths[i], i != 1))  # the name last
        widths[widest] -= 1
        over -= 1
    return widths


STATUS_STYLES = {"ok": "green", "below": "yellow", "invalid": "red", "unreadable": "bold red"}
"""The colour of the `met` cell of a region, by its status."""


RICH_COLOUR_ROWS = 1000
"""Up to this many regions a coloured table is drawn by rich; a longer one (or any table
without colour) by the plain writer, which draws the same table without rich's cost per row
(0,6 ms: 12 s for 20 000 regions), its colours the same ANSI styles, laid out more simply."""


class _Grid(NamedTuple):
    """What both table writers draw: the title, the headers, the rows in rank order, the
    right-aligned columns, the widths, and the column the status colour goes on."""

    title: str
    headers: list[str]
    rows: list[list[str]]
    right: tuple[int, ...]
    widths: list[int] | None
    coloured: int


def _grid(summary: BatchSummary, lang: Lang, width: int) -> _Grid:
    from kla_cli.i18n.display import shown

    keys = _headers(summary)
    headers = [t(key, lang) for key in keys]
    rows = [_row(summary, rank, r, lang) for rank, r in summary.ranked()]
    return _Grid(
        title=f"{t('batch.title', lang)} · {summary.rubric_id} {summary.rubric_version}",
        headers=headers,
        rows=rows,
        right=_right(keys),
        # as printed: a control character is shown as its escape
        widths=_column_widths(headers, [[shown(c) for c in row] for row in rows], width),
        # the status colour: on "target met" when there are targets, else on the errors
        coloured=keys.index("batch.col.met" if summary.targets else "batch.col.errors"),
    )


def batch_table(summary: BatchSummary, lang: Lang, *, color: bool, width: int) -> str:
    """The summary as a table for people (see `RICH_COLOUR_ROWS` for who draws it)."""
    if color and len(summary.results) <= RICH_COLOUR_ROWS:
        return rich_batch_table(summary, lang, width, color=True)
    return plain_batch_table(summary, lang, width, color=color)


def plain_batch_table(summary: BatchSummary, lang: Lang, width: int, *, color: bool = False) -> str:
    from kla_cli.i18n.display import shown
    from kla_cli.render.plain_table import plain_table, wrap

    grid = _grid(summary, lang, width)
    rows = [[shown(cell) for cell in row] for row in grid.rows]
    styles: list[list[str | None]] | None = None
    if color:
        styles = [[None] * len(grid.headers) for _ in rows]
        for cells, r in zip(styles, summary.results, strict=True):
            cells[grid.coloured] = STATUS_STYLES[r.status]
    text = plain_table(
        grid.title,
        grid.headers,
        rows,
        right=grid.right,
        widths=grid.widths,
        styles=styles,
        color=color,
    )
    lines = wrap(_summary_line(summary, lang), width)
    for name, why in reasons(summary, lang):
        lines += wrap(shown(f"- {name}: {why}"), width)
    return text + "".join(f"{line}\n" for line in lines)


def rich_batch_table(summary: BatchSummary, lang: Lang, width: int, *, color: bool = False) -> str:
    """`batch_table` drawn by rich: the reference the plain writer is tested against."""
    from rich import box
    from rich.table import Table

    console = new_console(color=color, width=width)
    # No vertical rules and two spaces between columns (not a rule and two padding spaces,
    # as `kla score` tables have): eight columns and a region's name fit 80 characters, and a
    # list of hundreds of regions reads (and greps) line by line.
    grid = _grid(summary, lang, width)
    table = Table(
        title=grid.title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
    )
    widths = grid.widths
    for i, header in enumerate(grid.headers):
        table.add_column(
            header,
            justify="right" if i in grid.right else "left",
            width=widths[i] if widths else None,
            overflow="fold",
        )
    for r, row in zip(summary.results, grid.rows, strict=True):
        cells = [plain(cell) for cell in row]
        cells[grid.coloured] = f"[{STATUS_STYLES[r.status]}]{cells[grid.coloured]}[/]"
        table.add_row(*cells)
    console.print(table)
    console.print(_summary_line(summary, lang))
    for name, why in reasons(summary, lang):
        console.print(f"- {plain(name)}: {plain(why)}", overflow="fold")
    return console_text(console)


def batch_junit(summary: BatchSummary, lang: Lang, run: "JunitRun | None" = None) -> str:
    """One testcase per region: a failure when invalid or below target, an error when unread."""
    import xml.etree.ElementTree as ET

    from kla_cli.render.junit import JunitRun, document
    from kla_cli.render.junit import suite as junit_suite
    from kla_cli.render.junit import xml_text as _xml

    results = summary.results
    failures = sum(1 for r in results if r.status in ("invalid", "below"))
    errors = sum(1 for r in results if r.status == "unreadable")
    suites, suite = junit_suite(
        "kla batch",
        f"kla batch {summary.rubric_id}",
        run or JunitRun(),
        tests=len(results),
        failures=failures,
        errors=errors,
    )
    classname = f"kla.{summary.rubric_id}"
    for rank, r in summary.ranked():
        case = ET.SubElement(suite, "testcase", {"classname": classname, "name": _xml(r.name)})
        why = _xml(_why(summary, r, lang))
        if r.status == "unreadable":
            ET.SubElement(case, "error", {"message": why, "type": "unreadable"}).text = _xml(
                "\n".join((r.path, *r.messages))
            )
        elif r.failed:
            ET.SubElement(case, "failure", {"message": why, "type": r.status}).text = _xml(
                "\n".join(r.messages) or why
            )
        out = " · ".join(
            f"{t(k, lang)}: {v}"
            for k, v in zip(_headers(summary), _row(summary, rank, r, lang), strict=True)
        )
        ET.SubElement(case, "system-out").text = _xml(out)
    return document(suites)


def batch_github(summary: BatchSummary, lang: Lang, base: str | None = None) -> str:
    """GitHub Actions workflow commands: an error annotation per failing region, naming its
    folder (`file=`, relative to `base`, the workspace); at most 10 (GitHub drops the rest),
    then the summary line. Passing regions get no annotation: the job summary lists them."""
    errors = []
    for rank, r in summary.ranked():
        if not r.failed:
            continue
        row = _row(summary, rank, r, lang)
        text = f"#{rank} {r.name}: {row[2]} ({_predicate(summary, r, lang)})"
        text += f"; {why}" if (why := _why(summary, r, lang)) else ""
        line = annotation("error", text, file=workspace_path(r.path, base), title=r.name)
        errors.append(("error", line))
    lines = capped(errors, lang)
    lines.append(escape_data(_summary_line(summary, lang)))
    return "\n".join(lines) + "\n"


def render_batch(
    summary: BatchSummary,
    fmt: Format,
    lang: Lang,
    *,
    color: bool = False,
    width: int = 100,
    excel: bool = False,
    base: str | None = None,
    run: "JunitRun | None" = None,
) -> str:
    """`excel`: CSV for Excel set to Indonesian (see `render.csv_text`); `base`: the folder
    GitHub annotations name files from; `run`: the run's time and host (JUnit)."""
    if fmt is Format.JSON:
        return json_text("batch", batch_json(summary, lang))
    if fmt is Format.CSV:
        return batch_csv(summary, lang, excel=excel)
    if fmt is Format.MARKDOWN:
        return batch_markdown(summary, lang)
    if fmt is Format.JUNIT:
        return batch_junit(summary, lang, run)
    if fmt is Format.GITHUB:
        return batch_github(summary, lang, base)
    return batch_table(summary, lang, color=color, width=width)
