"""The sheet scan reads each row's cells itself (`grid.cell_at`, `sheet.text_at`) rather than
through `Grid.get`, for speed: both must give exactly what `Grid.get` and `cell_text` give, for
every kind of value a reader puts in a grid and for columns past a row's end."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from kla_cli.workbook.grid import Grid, cell_at
from kla_cli.workbook.sheet import cell_text, text_at

values = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "  \t", "a", " Ya ", "1.2", "nilai 7,5"]),
    st.text(max_size=8),
    st.integers(-5, 5),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1)),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 1, 1)),
    st.times(),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(values, max_size=8), st.integers(1, 10))
def test_a_rows_cells_read_as_grid_get_reads_them(cells: list[object], col: int) -> None:
    grid = Grid.from_rows([cells])
    assert cell_at(cells, col) == grid.get(1, col)
    assert type(cell_at(cells, col)) is type(grid.get(1, col))
    assert text_at(cells, col) == cell_text(grid.get(1, col))


def test_the_kinds_a_reader_gives() -> None:
    cells = ["", None, "  ", " x ", 3.0, 2.5, True, date(2024, 5, 1), time(8, 30), timedelta(1)]
    assert [cell_at(cells, c) for c in range(1, 12)] == [
        None,
        None,
        "  ",
        " x ",
        3.0,
        2.5,
        True,
        datetime(2024, 5, 1),
        time(8, 30),
        1.0,
        None,
    ]
    assert [text_at(cells, c) for c in range(1, 12)] == [
        None,
        None,
        None,
        "x",
        "3",
        "2.5",
        "True",
        "2024-05-01 00:00:00",
        "08:30:00",
        "1",
        None,
    ]
