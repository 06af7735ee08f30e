"""`Grid.merged_over` answers as the plain scan of every merged range does (issue 17: the scan
made reading quadratic; the ranges are now indexed per column). Speed: bench/merged_bench.py."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kla_cli.workbook.grid import Grid, col_letter

Range = tuple[int, int, int, int]


def naive(merged: list[Range], row: int, col: int) -> str | None:
    for r0, c0, r1, c1 in merged:
        if r0 <= row <= r1 and c0 <= col <= c1 and (row, col) != (r0, c0):
            return f"{col_letter(c0)}{r0}:{col_letter(c1)}{r1}"
    return None


ranges = st.builds(
    lambda r0, c0, h, w: (r0, c0, r0 + h, c0 + w),
    st.integers(1, 40),
    st.integers(1, 8),
    st.integers(0, 6),
    st.integers(0, 3),
)


@settings(max_examples=300, deadline=None)
@given(merged=st.lists(ranges, max_size=12))
def test_merged_over_matches_the_plain_scan(merged: list[Range]) -> None:
    grid = Grid(merged=merged)  # overlapping ranges too: the first in the list wins
    for row in range(1, 50):
        for col in range(1, 13):
            assert grid.merged_over(row, col) == naive(merged, row, col), (row, col)


def test_a_new_list_of_ranges_is_indexed_again() -> None:
    grid = Grid(merged=[(7, 6, 8, 6)])
    assert grid.merged_over(8, 6) == "F7:F8"
    grid.merged = [(10, 6, 12, 6)]
    assert grid.merged_over(8, 6) is None
    assert grid.merged_over(12, 6) == "F10:F12"
