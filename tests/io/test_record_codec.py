"""`io/record_codec`: kla's records to JSON and back exactly, only known classes built, and a
`same` that sees what `==` does not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

import pytest

from kla_cli.core.assess import assess
from kla_cli.core.findings import Finding, Severity
from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Text
from kla_cli.io.record_codec import Codec
from kla_cli.region_memo import CODEC
from kla_cli.workbook.read import read_region

from ..conftest import EXAMPLE, ROOT
from ..stages import result

PROVINCE = ROOT / "examples" / "provinsi-contoh"


def same(a: object, b: object) -> bool:
    """`a == b`, with the same types at every level (`io/record_codec`: `==` does not see a named tuple
    turned into a tuple, or a StrEnum member into its text); any two
    mappings count as one type (a record's read-only `MappingProxyType` comes back a dict)."""
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(same(v, b[k]) for k, v in a.items())
    if type(a) is not type(b):
        return False
    if isinstance(a, (tuple, list)):
        assert isinstance(b, (tuple, list))
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, (set, frozenset)):
        return a == b and {type(x) for x in a} == {type(x) for x in b}
    return bool(a == b)


class Colour(StrEnum):
    RED = "red"


class Pair(NamedTuple):
    left: object
    right: object = None


CODEC_HERE = Codec([Pair, Colour])


def test_a_score_result_reads_back_the_same() -> None:
    value = result()
    back = CODEC.decode(CODEC.encode(value))
    assert same(back, value)
    assert type(back.predicate) is type(value.predicate)


@pytest.mark.parametrize(
    "region",
    [EXAMPLE, ROOT / "examples" / "rekap-contoh", *sorted(PROVINCE.glob("k*"))],
    ids=lambda p: p.name,
)
def test_what_the_memo_keeps_of_a_region_reads_back_the_same(kla: Rubric, region: Path) -> None:
    """Every record of an assessment, the findings' arguments (cell values, dates) included."""
    from kla_cli.cli.options import file_read
    from kla_cli.region_memo import Assessed

    submissions = read_region([region])
    validation, scores = assess(kla, submissions)
    files = tuple(file_read(sub) for sub in submissions)
    kept = Assessed(scores, validation.findings, validation.blocking, files, kla.tiers)
    assert same(CODEC.decode(CODEC.encode(kept)), kept)


def test_a_subclass_it_does_not_know_is_refused() -> None:
    class Name(str):
        pass

    class Number(float):
        pass

    for value in (Name("x"), Number(1.5)):
        with pytest.raises(TypeError):
            CODEC_HERE.encode(Pair(value))


@pytest.mark.parametrize(
    "value",
    [
        Pair(("a", 1), [1.5, None]),
        Pair(frozenset({"b", "a"}), {"x": Colour.RED, (1, 2): "tuple key"}),
        Pair(dt.datetime(2025, 1, 2, 3, 4, 5), (dt.date(2025, 1, 2), dt.time(7, 30))),
        Pair(True, 1),
        Pair(1.0, -0.0),
        Pair({1, 2}),
        Pair("dinkes-\udcff.xlsx", "Dinas Kesehatan · 95,5 %"),  # a name that is not UTF-8
    ],
)
def test_values_read_back_with_their_types(value: Pair) -> None:
    assert same(CODEC_HERE.decode(CODEC_HERE.encode(value)), value)


@pytest.mark.parametrize("value", [Pair(float("nan")), Pair(object()), Text("a", "b")])
def test_what_it_cannot_keep_exactly_is_refused(value: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        CODEC_HERE.encode(value)


def test_only_its_own_classes_are_built() -> None:
    with pytest.raises(KeyError):
        CODEC_HERE.decode('{"@": "Popen", "f": [["ls"]]}')
    with pytest.raises(ValueError):
        CODEC_HERE.decode('{"plain": "object"}')


def test_same_sees_a_lost_type() -> None:
    finding = Finding(Severity.ERROR, "x", "f.xlsx")
    assert finding == ("error", "x", "f.xlsx", None, None, {}, None)
    assert not same(finding, ("error", "x", "f.xlsx", None, None, {}, None))
    assert not same(finding, finding._replace(severity="error"))  # type: ignore[arg-type]
    assert not same(Pair(1), Pair(1.0)) and not same(Pair(True), Pair(1))
    assert same(finding, Finding(Severity.ERROR, "x", "f.xlsx", args={}))


def test_the_shape_changes_with_a_record_s_fields() -> None:
    class Pair(NamedTuple):  # the same name, another field
        left: object
        middle: object

    assert Codec([Pair, Colour]).shape() != CODEC_HERE.shape()
