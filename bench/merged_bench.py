"""How long reading an answer column under many merged ranges takes (issue 17: the plain scan of
every range for every row was quadratic, 20 000 rows with merges took 3,9 s).

    .venv/bin/python bench/merged_bench.py [rows ...]

Prints, for each size, the time of `Grid.merged_over` over every row of a column merged in pairs,
and the time of the plain scan it replaced (skipped above 20 000 rows: it would take minutes).
"""

from __future__ import annotations

import sys
import time

from kla_cli.workbook.grid import Grid, col_letter


def _naive(merged: list[tuple[int, int, int, int]], row: int, col: int) -> str | None:
    for r0, c0, r1, c1 in merged:
        if r0 <= row <= r1 and c0 <= col <= c1 and (row, col) != (r0, c0):
            return f"{col_letter(c0)}{r0}:{col_letter(c1)}{r1}"
    return None


def main(sizes: list[int]) -> None:
    print(f"{'rows':>8} {'indexed s':>10} {'plain scan s':>13}")
    for rows in sizes:
        merged = [(r, 6, r + 1, 6) for r in range(7, rows, 2)]
        grid = Grid(merged=merged)
        start = time.perf_counter()
        for row in range(7, rows):
            grid.merged_over(row, 6)
        indexed = time.perf_counter() - start
        plain = "-"
        if rows <= 20_000:
            start = time.perf_counter()
            for row in range(7, rows):
                _naive(merged, row, 6)
            plain = f"{time.perf_counter() - start:.3f}"
        print(f"{rows:>8} {indexed:>10.3f} {plain:>13}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [2_000, 20_000, 100_000])
