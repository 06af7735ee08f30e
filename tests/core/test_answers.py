"""Answers as people type them: numbers, percents, yes/no, option letters and texts."""

from __future__ import annotations

import math
from datetime import datetime

import pytest

from kla_cli.core.answers import AnswerProblem, parse_answer, parse_number
from kla_cli.core.rubric import Rubric


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("95,5", 95.5),
        ("95,5%", 95.5),
        (" 95,5 % ", 95.5),
        ("95.5", 95.5),
        ("1.234", 1234.0),
        ("1.234.567", 1234567.0),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("12", 12.0),
        ("0,25", 0.25),
        (87, 87.0),
        (87.25, 87.25),
        ("-0", 0.0),
        ("1e3", 1000.0),
    ],
)
def test_parse_number(raw: object, expected: float) -> None:
    assert parse_number(raw) == expected  # type: ignore[arg-type]


def test_negative_zero_is_plain_zero() -> None:
    assert math.copysign(1, parse_number(-0.0)) == 1


@pytest.mark.parametrize(
    "raw", ["abc", "12a", "", "1,2,3", True, None, datetime(2025, 1, 1), "nan", "inf", 1e309]
)
def test_not_a_number(raw: object) -> None:
    with pytest.raises(AnswerProblem) as info:
        parse_number(raw)  # type: ignore[arg-type]
    assert info.value.code == "not-a-number"


def _item(rubric: Rubric, code: str):  # type: ignore[no-untyped-def]
    return rubric.item_index[code][1]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a", "a"),
        ("(b)", "b"),
        ("B", "b"),
        ("c.", "c"),
        ("b) Peraturan", "b"),
        ("Perda", "a"),
        ("regent/mayor regulation", "b"),
        ("  perda  ", "a"),
    ],
)
def test_choice(mini: Rubric, raw: str, expected: str) -> None:
    assert parse_answer(_item(mini, "1.1"), raw) == expected


@pytest.mark.parametrize(
    ("raw", "letter", "option"),
    [
        ("a. Peraturan Bupati/Walikota", "a", "b"),
        ("(b) Perda", "b", "a"),
        ("c) Regional regulation", "c", "a"),
        ("a. Belum ada — 0", "a", "c"),  # another option's dropdown entry, its letter edited
        ("A) belum ada, tahun depan", "a", "c"),  # another option's text, then a note
        ("a. Peraturan Bupati/Walikota No. 5 Tahun 2020", "a", "b"),
    ],
)
def test_a_letter_with_another_options_text_is_asked_about(
    mini: Rubric, raw: str, letter: str, option: str
) -> None:
    """The letter says one option and the text names another: kla cannot tell which is meant."""
    with pytest.raises(AnswerProblem) as info:
        parse_answer(_item(mini, "1.1"), raw)
    assert info.value.code == "option-text-differs"
    assert dict(info.value.extra) == {"letter": letter, "option": option}


@pytest.mark.parametrize(
    "raw",
    [
        "a. Perda",
        "b) Peraturan",
        "a. Perda — 20",
        "(c) belum ada",
        "a. Perda KLA No. 3 Tahun 2019",  # its own text and a note
        "a. Perdana",  # another word: `Perda` only up to a word's end
    ],
)
def test_a_letter_with_its_own_text_or_a_note_is_read(mini: Rubric, raw: str) -> None:
    assert parse_answer(_item(mini, "1.1"), raw) == raw.strip("(")[0]


@pytest.mark.parametrize(
    ("raw", "letter", "option"),
    [
        ("b. Peraturan Daerah (Perda)", "b", "a"),
        ("b. Peraturan Daerah (Perda) — 12", "b", "a"),  # a's dropdown entry, its letter edited
        ("a. Peraturan Bupati/Wali Kota (Perkada) — 9", "a", "b"),
        ("e. Kebijakan lain (SK, keputusan, nota kesepahaman)", "e", "d"),
    ],
)
def test_the_instruments_option_texts_ending_in_brackets_are_recognised(
    kla: Rubric, raw: str, letter: str, option: str
) -> None:
    """kla-2024's option texts end in a bracket (`Peraturan Daerah (Perda)`): the text after the
    letter is compared as written, brackets and all (they were stripped, and no option's text
    was ever recognised)."""
    with pytest.raises(AnswerProblem) as info:
        parse_answer(_item(kla, "1.1"), raw)
    assert info.value.code == "option-text-differs"
    assert dict(info.value.extra) == {"letter": letter, "option": option}


@pytest.mark.parametrize(
    "raw", ["a. Peraturan Daerah (Perda) — 12", "b. Peraturan Bupati/Wali Kota (Perkada)"]
)
def test_the_instruments_own_dropdown_entries_are_read(kla: Rubric, raw: str) -> None:
    assert parse_answer(_item(kla, "1.1"), raw) == raw[0]


@pytest.mark.parametrize("raw", ["d", "x", "Perda KLA 2020", "1"])
def test_choice_rejects(mini: Rubric, raw: str) -> None:
    with pytest.raises(AnswerProblem) as info:
        parse_answer(_item(mini, "1.1"), raw)
    assert info.value.code == "not-an-option"
    assert dict(info.value.extra)["options"] == "a, b, c"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ya", True),
        ("ya", True),
        ("YES", True),
        ("Tidak", False),
        ("tidak ada", False),
        (True, True),
        (False, False),
        ("Belum", False),
        ("Sudah", True),
        (1, True),
        (0, False),
        (1.0, True),  # a number cell, as the readers give it
        (0.0, False),
        ("Iya", True),
        ("Sudah ada", True),
        ("√", True),
        ("✔", True),
        ("✔\ufe0f", True),  # ✔️, the emoji form
        ("Tdk", False),
        ("blm", False),
    ],
)
def test_yesno(mini: Rubric, raw: object, expected: bool) -> None:
    assert parse_answer(_item(mini, "1.2"), raw) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize("raw", ["mungkin", "X", "x", 2, 0.5, -1])
def test_yesno_rejects(mini: Rubric, raw: object) -> None:
    """`X` ticks a box on some forms and marks a wrong answer on others: kla asks."""
    with pytest.raises(AnswerProblem) as info:
        parse_answer(_item(mini, "1.2"), raw)  # type: ignore[arg-type]
    assert info.value.code == "not-yes-no"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a, c", {"a", "c"}),
        ("a;b;c", {"a", "b", "c"}),
        ("(a) (b)", {"a", "b"}),
        ("-", set()),
        ("Sekretariat, RAD KLA", {"a", "b"}),
        ("b", {"b"}),
        ("(a)(c)", {"a", "c"}),  # every ticked letter counts, not only the first
        ("A dan C", {"a", "c"}),
        ("a & b", {"a", "b"}),
        ("a. Sekretariat, c", {"a", "c"}),
    ],
)
def test_checklist(mini: Rubric, raw: str, expected: set[str]) -> None:
    assert parse_answer(_item(mini, "2.1"), raw) == frozenset(expected)


def test_checklist_rejects_unknown_letter(mini: Rubric) -> None:
    with pytest.raises(AnswerProblem) as info:
        parse_answer(_item(mini, "2.1"), "a, z")
    assert info.value.code == "not-an-option"


@pytest.mark.parametrize(
    "raw",
    [
        "a b z",
        "semua",
        "z. Sekretariat",
        # found in review: a letter and a text that hide more (each read as `a` alone)
        "a. Sekretariat b. RAD KLA",
        "a. Sekretariat c. Profil Anak",
        "a. c. Profil Anak",
        "a. b. d",
        "a) c) z)",
        "(a) (c) (z)",
        "a. d",
        "a. atau c.",
        "a. tidak ada",
        "a. belum",
        "b. -",
    ],
)
def test_checklist_rejects_unknown(mini: Rubric, raw: str) -> None:
    with pytest.raises(AnswerProblem) as info:
        parse_answer(_item(mini, "2.1"), raw)
    assert info.value.code == "not-an-option"


@pytest.mark.parametrize("raw", ["a. Profil Anak", "b. Sekretariat, c", "c) RAD KLA (2024)"])
def test_checklist_letter_and_text_of_two_elements(mini: Rubric, raw: str) -> None:
    """As for a choice: the letter names one element and the text another (a: Sekretariat,
    b: RAD KLA, c: Profil Anak); kla cannot tell which is ticked."""
    with pytest.raises(AnswerProblem) as info:
        parse_answer(_item(mini, "2.1"), raw)
    assert info.value.code == "option-text-differs"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a. Sekretariat (SK 2024), c", {"a", "c"}),  # a note after the element's text
        ("a. SK Gugus Tugas", {"a"}),  # a note in place of it: the letter counts
        ("a. b.", {"a", "b"}),  # letters, not a letter and a text
        ("(a) Sekretariat; (c) Profil Anak", {"a", "c"}),
    ],
)
def test_checklist_letter_with_a_note(mini: Rubric, raw: str, expected: set[str]) -> None:
    assert parse_answer(_item(mini, "2.1"), raw) == frozenset(expected)


def test_percent(mini: Rubric) -> None:
    item = _item(mini, "13.2")
    assert parse_answer(item, "62,5%") == 62.5
    assert parse_answer(item, 0.625, percent_cell=True) == 62.5
    assert parse_answer(item, 62.5) == 62.5
    for raw in ("100,5", -1, "150%"):
        with pytest.raises(AnswerProblem) as info:
            parse_answer(item, raw)
        assert info.value.code == "percent-out-of-range"


def test_count(mini: Rubric) -> None:
    item = _item(mini, "2.2")
    assert parse_answer(item, "1.234") == 1234
    assert parse_answer(item, 7) == 7
    with pytest.raises(AnswerProblem) as info:
        parse_answer(item, -3)
    assert info.value.code == "negative-count"
    with pytest.raises(AnswerProblem) as info:
        parse_answer(item, "2,5")
    assert info.value.code == "not-whole-number"


def test_texts_are_remembered_per_item_and_problems_raised_anew(kla: Rubric) -> None:
    """A text's parse is remembered by its item (a batch parses `a` once per question): the
    same answer each time, never another item's, and a problem raised as a new exception each
    time (a re-raised one would keep every earlier traceback alive)."""
    from kla_cli.core.answers import MEMO_TEXTS, _parse_answer
    from kla_cli.core.rubric_leaves import AnswerType

    items = [item for _, item in kla.iter_items()]
    choices = [item for item in items if item.type is AnswerType.CHOICE]
    first, other = choices[0], next(i for i in choices[1:] if i.options != choices[0].options)
    for text in ("a", "A.", " b ", "Ya", "zz", "nilai 1"):
        for item in (first, other):
            for _ in range(2):  # the second time from memory
                try:
                    expected: object = _parse_answer(item, text, False)
                except AnswerProblem as problem:
                    expected = problem
                try:
                    got: object = parse_answer(item, text)
                except AnswerProblem as problem:
                    got = problem
                assert got == expected
    assert "zz" in first.parsed_texts and "zz" in other.parsed_texts
    raised = []
    for _ in range(2):
        with pytest.raises(AnswerProblem) as caught:
            parse_answer(first, "zz")
        raised.append(caught.value)
    assert raised[0] is not raised[1] and raised[0] == raised[1]
    for n in range(MEMO_TEXTS + 5):  # bounded: it starts anew past MEMO_TEXTS texts
        with pytest.raises(AnswerProblem):
            parse_answer(first, f"bukan pilihan {n}")
    assert len(first.parsed_texts) <= MEMO_TEXTS


def test_a_rubric_that_remembers_parsed_texts_still_pickles(mini: Rubric) -> None:
    """A spawned batch worker gets the rubric pickled; what its items remember of parsed texts
    (answers and problems, which are exceptions) stays behind and is parsed anew there."""
    import pickle

    from kla_cli.core.scoring import item_points

    item = mini.item_index["1.1"][1]
    with pytest.raises(AnswerProblem):
        parse_answer(item, "bukan pilihan")
    assert parse_answer(item, "a") == "a"
    assert item_points(item, "a") > 0
    assert item.parsed_texts and item.answer_points
    copy = pickle.loads(pickle.dumps(mini))
    assert copy == mini
    copied = copy.item_index["1.1"][1]
    assert copied.parsed_texts == {} and copied.answer_points == {}
    with pytest.raises(AnswerProblem):
        parse_answer(copied, "bukan pilihan")
