"""The fast byte searches of a sheet's XML (`byte_search.contains`, the formula and error-cell
tests of `xlsx_facts`) answer exactly as the plain searches they stand for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kla_cli.workbook.byte_search import contains
from kla_cli.workbook.xlsx_facts import (
    _ERROR_VALUES,
    _RE_ERROR_TYPE,
    _RE_FORMULA,
    _has_error_cells,
    _has_formulas,
)

FRAGMENTS = [
    b"<",
    b">",
    b"/",
    b" ",
    b"\n",
    b":",
    b"f",
    b"c",
    b"e",
    b'"',
    b"'",
    b"t=",
    b"x",
    b"<f>",
    b"<x:f ",
    b"<formula1>",
    b"</f>",
    b'<c r="A1" t="e">',
    b"<v>#N/A</v>",
    b"a.b-c",
    b"1",
]
xml = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(b"".join)


@settings(max_examples=500, deadline=None)
@given(xml, st.sampled_from([b":c", b'"e"', b"'e\"", b"<f", b"<formula1>"]))
def test_contains_is_in(data: bytes, needle: bytes) -> None:
    assert contains(data, needle) == (needle in data)


@settings(max_examples=1000, deadline=None)
@given(xml)
def test_the_formula_and_error_tests_answer_as_the_full_patterns(data: bytes) -> None:
    assert _has_formulas(data) == (_RE_FORMULA.search(data) is not None)
    plain = any(value in data for value in _ERROR_VALUES) and bool(_RE_ERROR_TYPE.search(data))
    assert _has_error_cells(data) == plain
