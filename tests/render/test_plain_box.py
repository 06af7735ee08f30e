"""Without colour, `kla score`, `kla gap` and the documents' tables are drawn by the plain writer
(`render/plain_box.py`) exactly as rich draws them: random tables and lines at widths 40 to 160
(wrapped, folded, cut with an ellipsis, never wrapped, sections, ruled rows, an expanded table with
a ratio column, wide characters), and the real pages of score and gap."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kla_cli.core.gap.ladder import Basis
from kla_cli.core.gap.plan import GapAnalysis, analyse
from kla_cli.core.scoring import ScoreResult
from kla_cli.render import plain_box
from kla_cli.render.gap import gap_page
from kla_cli.render.plain_box import divide_line, print_lines, wrap_text
from kla_cli.render.score import score_page
from kla_cli.render.tables import BoxTable, Column, Table
from kla_cli.render.terminal import Page, document_page, rich_page_text

from ..stages import result as stages_result
from ..stages import rubric_2024

WORDS = [
    "Kabupaten",
    "Kota",
    "Layak",
    "Anak",
    "DP3A",
    "588,40",
    "−9,00",
    "→",
    "…",
    "2023–2024",
    "“kutipan”",
    "Tanjung-Jabung-Barat-Selatan-Kepulauan-Seribu-Raya",
    "漢字テスト",  # wide characters: two cells each
    "ｱｲｳ",
    "Ünïcödé",
    "[bold]",
    "x",
    "1.1",
    "",
]

text = st.lists(st.sampled_from(WORDS), max_size=9).map(" ".join) | st.sampled_from(
    ["", " ", "a  b", "a\nb", "lead\n\nafter", "  spaced  ", "tab\there", "end "]
)
columns = st.builds(
    Column,
    header=text,
    justify=st.sampled_from(["left", "right"]),
    no_wrap=st.booleans(),
    overflow=st.sampled_from(["fold", "ellipsis"]),
    width=st.none() | st.integers(1, 40),
    min_width=st.none() | st.integers(1, 20),
)


@st.composite
def tables(draw: st.DrawFn) -> BoxTable:
    cols = draw(st.lists(columns, min_size=1, max_size=6))
    expand = draw(st.booleans())
    if expand and draw(st.booleans()):  # a column sharing what is left (`print_cuts`)
        i = draw(st.integers(0, len(cols) - 1))
        old = cols[i]
        cols[i] = Column(
            old.header, old.justify, no_wrap=old.no_wrap, overflow=old.overflow, ratio=1
        )
    table = BoxTable(
        cols, title=draw(st.none() | text), show_lines=draw(st.booleans()), expand=expand
    )
    for _ in range(draw(st.integers(0, 5))):
        table.add_row(*(((draw(text), draw(st.sampled_from([None, "bold"]))),) for _ in cols))
        if draw(st.booleans()):
            table.add_section()
    return table


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    width=st.integers(40, 160),
    blocks=st.lists(tables() | text.map(lambda t: [t]), min_size=1, max_size=3),
)
def test_the_plain_writer_draws_what_rich_draws(width: int, blocks: list[object]) -> None:
    page = Page(width)
    for block in blocks:
        if isinstance(block, BoxTable):
            page.table(block)
        else:
            assert isinstance(block, list)
            page.line(block[0])
    assert page.text(color=False) == rich_page_text(page)


def test_wrapping_as_rich_wraps() -> None:
    assert divide_line("Kabupaten Kota Layak Anak", 15) == [15]
    assert print_lines("Kabupaten Kota Layak Anak", 15) == ["Kabupaten Kota ", "Layak Anak"]
    assert print_lines("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    # in a column that cuts with an ellipsis, a long word is cut, not folded
    assert wrap_text("ab abcdefghij", 5, justify="left", overflow="ellipsis") == ["ab   ", "abcd…"]
    assert wrap_text("588,40", 8, justify="right") == ["  588,40"]


def test_a_table_wider_than_the_console_collapses_its_widest_columns() -> None:
    table = BoxTable([Column("Item"), Column("Done", no_wrap=True), Column("Gain")])
    table.add_row("word " * 30, "never wrapped text", "+1,00")
    page = Page(40)
    page.table(table)
    text = page.text(color=False)
    assert text == rich_page_text(page)
    assert all(len(line) == 40 for line in text.splitlines())
    assert "never wrapped text" in text


@pytest.mark.parametrize("width", [40, 63, 80, 100, 123, 160])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_score_pages_are_drawn_as_rich_draws_them(width: int, lang: str) -> None:
    kla = rubric_2024()
    lowest = kla.tiers[0].min
    results: list[ScoreResult] = [stages_result(), stages_result(checked=False, share=0.4)]
    for result in results:
        for detail in (False, True):
            page = score_page(result, lang, lowest, detail=detail, width=width)  # type: ignore[arg-type]
            assert page.text(color=False) == rich_page_text(page)


@cache
def _analyses() -> list[GapAnalysis]:
    kla = rubric_2024()
    cases = (
        (stages_result(), Basis.VERIFIED),
        (stages_result(checked=False, share=0.4), Basis.EVIDENCED),
        (stages_result(checked=False, share=0.4), Basis.SELF_ASSESSED),
    )
    return [
        analyse(kla, result, target, basis)
        for result, basis in cases
        for target in (kla.tiers[1], kla.tiers[-1])
    ]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_gap_pages_are_drawn_as_rich_draws_them(lang: str) -> None:
    for width in (40, 80, 100, 160):
        for analysis in _analyses():
            line = "Diandaikan: 1.1 = a"
            page = gap_page(analysis, rubric_2024(), lang, width=width, assumed_line=line)  # type: ignore[arg-type]
            assert page.text(color=False) == rich_page_text(page)


@pytest.mark.slow
def test_example_pages_are_drawn_as_rich_draws_them(example_result: ScoreResult) -> None:
    kla = rubric_2024()
    for width in range(40, 161, 7):
        page = score_page(example_result, "id", kla.tiers[0].min, detail=True, width=width)
        assert page.text(color=False) == rich_page_text(page)
        analysis = analyse(kla, example_result, kla.tiers[2])
        page = gap_page(analysis, kla, "en", width=width)
        assert page.text(color=False) == rich_page_text(page)


def test_document_pages_are_drawn_as_rich_draws_them() -> None:
    tables = [
        Table("summary", "", ("", ""), (("Total", 588.4), ("Predikat", "Madya"))),
        Table(
            "groups",
            "Klaster",
            ("Klaster", "Poin", "Δ"),
            (("I [lama]", 12.5, 3), ("II", None, -1)),
            signed=(2,),
            lead="Per klaster",
        ),
        Table("empty", "Temuan", ("Kode", "Pesan"), (), empty="tidak ada"),
    ]
    for width in (40, 80, 120):
        page = document_page(
            "Laporan · Kota [Contoh]", tables, "id", notes=["catatan"], lead="x", width=width
        )
        assert page.text(color=False) == rich_page_text(page)


@pytest.fixture(scope="module")
def example_result() -> ScoreResult:
    from kla_cli.core.assess import assess
    from kla_cli.workbook.read import read_region

    from ..conftest import EXAMPLE

    submissions = read_region([Path(EXAMPLE)])
    return assess(rubric_2024(), submissions).result


@pytest.mark.parametrize(
    "text",
    ["", "Kota Contoh", "Penilaian mandiri KLA · Kota Contoh · 2025", "(−66,91 poin) → Pratama",
     "2023–2024 … “kutipan” • ≤ ≥ —", "Ünïcödé Ελλάδα Россия ┃━┃", "漢字テスト", "ｱｲｳ", "a\tb",
     "e\u0301", "👍🏽 ok", "\x1b[0m", "soft\xadhyphen", "x" * 600, " →", "ab—"]
)  # fmt: skip
def test_character_widths_are_rich_s(text: str) -> None:
    """The widths plain_box takes without importing rich are rich's own."""
    from rich import cells

    assert plain_box.cell_len(text) == cells.cell_len(text)
    for size in (-2, -1, 0, 1, 5, 40, 700):
        assert plain_box.set_cell_size(text, size) == cells.set_cell_size(text, size)
        if size > 0:  # as plain_box asks: a table column is at least a cell wide
            assert plain_box.chop_cells(text, size) == cells.chop_cells(text, size)


def test_the_marks_are_one_cell_wide_for_rich() -> None:
    from rich.cells import cell_len

    assert [cell_len(mark) for mark in plain_box.MARKS] == [1] * len(plain_box.MARKS)
