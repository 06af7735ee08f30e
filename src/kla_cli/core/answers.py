"""Answers as people type them into a spreadsheet and read them back (pure functions).

`95,5` and `95,5%` are 95.5; `1.234` is one thousand two hundred thirty-four (Indonesian
thousands); `Ya`/`Tidak`; option letters `a`, `(b)`, `c.` or the option's own text. The way back,
how every output shows an answer, is `core.answer_types.answer_text`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import cast

from kla_cli.core.answer_types import Answer, CellValue, Nilai
from kla_cli.core.rubric import Item
from kla_cli.core.rubric_leaves import AnswerType, fold
from kla_cli.i18n.display import printable


@dataclass(frozen=True)
class AnswerProblem(Exception):
    """Why a cell value is not a valid answer: a finding code and its arguments."""

    code: str
    value: str
    extra: tuple[tuple[str, str], ...] = ()

    @property
    def args_dict(self) -> dict[str, object]:
        return {"value": self.value, **dict(self.extra)}


_THOUSANDS_DOT = re.compile(r"^[+-]?[1-9]\d{0,2}(\.\d{3})+$")
"""`1.234`: a thousands dot (never after a lone 0: `0.955` is a fraction)."""
_THOUSANDS_COMMA = re.compile(r"^[+-]?\d{1,3}(,\d{3})+\.\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")

_YES = {"ya", "iya", "y", "yes", "ada", "sudah", "sudah ada", "true", "1", "benar"}
_YES |= {"✓", "✔", "✔\ufe0f", "√", "v"}  # tick marks (✔️: as a phone's emoji keyboard gives it)
_NO = {"tidak", "tdk", "t", "no", "n", "tidak ada", "belum", "blm", "belum ada", "false", "0"}
_NO |= {"salah", "-"}
"""`X` is in neither: a cross marks a ticked box on some forms and a wrong answer on others."""
_EMPTY_LIST = {"-", "tidak ada", "none", "belum ada"}


def is_blank(raw: CellValue) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def display(raw: CellValue) -> str:
    """The cell value as a short text for messages."""
    text = raw.isoformat() if isinstance(raw, datetime | date | time) else str(raw)
    text = printable(" ".join(text.split()))
    return text if len(text) <= 60 else text[:57] + "…"


def parse_number(raw: CellValue) -> float:
    """A finite number from a cell: numbers as they are, text in Indonesian or English notation.

    A dot followed by groups of three digits is a thousands separator (1.234 = 1234); a lone comma
    is the decimal separator (95,5); with both, the last one is the decimal separator.
    """
    if raw is None or isinstance(raw, bool | datetime | date | time):
        raise AnswerProblem("not-a-number", display(raw))
    if isinstance(raw, int | float):
        value = float(raw)
    else:
        text = raw.strip().replace("\u00a0", "").replace(" ", "").rstrip("%").strip()
        if _THOUSANDS_DOT.match(text):
            text = text.replace(".", "")
        elif _THOUSANDS_COMMA.match(text):
            text = text.replace(",", "")
        elif "," in text and "." in text:
            if text.rfind(",") > text.rfind("."):
                text = text.replace(".", "").replace(",", ".")
            else:
                text = text.replace(",", "")
        else:
            text = text.replace(",", ".")
        if not _NUMBER.match(text):
            raise AnswerProblem("not-a-number", display(raw))
        value = float(text)
    if not math.isfinite(value):
        raise AnswerProblem("not-a-number", display(raw))
    return value + 0.0  # normalises -0.0 to 0.0


MEMO_TEXTS = 256
"""Texts an item remembers the parse of (`Item.parsed_texts`); past this many it starts anew."""


def parse_answer(item: Item, raw: CellValue, *, percent_cell: bool = False) -> Answer:
    """Turn a non-blank cell value into the answer of `item`, or raise AnswerProblem.

    `percent_cell` says the cell has a percent number format, so Excel stored 95,5% as 0.955.
    Any question also takes the points themselves, written `nilai 7,5` (or `skor 7,5`).

    What a text parses to depends on the item and the text alone, and forms repeat the same
    texts (`a`, `Ya`, `b. Sudah ada Perda`) across OPDs and regions: the item remembers each
    text's answer, or its problem (`Item.parsed_texts`), so a batch parses it once. Numbers are
    not remembered (they rarely repeat and parse quickly).
    """
    if type(raw) is not str:
        return _parse_answer(item, raw, percent_cell)
    memo = item.parsed_texts
    found = memo.get(raw)
    if found is None:
        try:
            found = _parse_answer(item, raw, percent_cell)
        except AnswerProblem as problem:
            found = problem
        if len(memo) >= MEMO_TEXTS:
            memo.clear()
        memo[raw] = found
    if isinstance(found, AnswerProblem):  # a new one: a raised exception keeps its traceback
        raise AnswerProblem(found.code, found.value, found.extra)
    return cast(Answer, found)


def _parse_answer(item: Item, raw: CellValue, percent_cell: bool) -> Answer:
    kind = item.type
    if kind is AnswerType.SCORE:
        return parse_nilai(item, raw)
    if isinstance(raw, str) and (given := _GIVEN_POINTS.match(raw.strip())):
        return Nilai(parse_nilai(item, given[1]))
    if kind is AnswerType.PERCENT:
        value = parse_number(raw)
        if percent_cell and isinstance(raw, int | float):
            value = round(value * 100, 10)
        if not 0 <= value <= 100:
            raise AnswerProblem("percent-out-of-range", _fmt(value))
        return value
    if kind is AnswerType.COUNT:
        value = parse_number(raw)
        if value < 0:
            raise AnswerProblem("negative-count", _fmt(value))
        if value != int(value):
            raise AnswerProblem("not-whole-number", _fmt(value))
        return value
    if kind is AnswerType.YESNO:
        return _parse_yesno(raw)
    if kind is AnswerType.CHOICE:
        return _parse_choice(item, raw)
    return _parse_checklist(item, raw)


_GIVEN_POINTS = re.compile(r"^(?:nilai|skor|points?|score)\s*[:=]?\s*(\S.*)$", re.IGNORECASE)
"""`nilai 7,5`: the points of a question given directly, whatever its answer type."""


def parse_nilai(item: Item, raw: CellValue) -> float:
    """Points given for `item`: a number 0 <= nilai <= max, kept to two decimals."""
    value = parse_number(raw)
    if not 0 <= value <= item.max + 1e-9:
        raise AnswerProblem("nilai-out-of-range", _fmt(value), (("max", _fmt(item.max)),))
    return round(value, 2)


def _fmt(value: float) -> str:
    return f"{value:g}"


def yes_no_word(text: str) -> bool | None:
    """`Ya`/`Tidak` and their usual variants (`ada`, `belum`, `tdk`, `1`, `0`, `✓`) as True/False;
    None for any other text (`X` among them)."""
    word = " ".join(text.split()).casefold().strip(".")
    if word in _YES:
        return True
    if word in _NO:
        return False
    return None


def _parse_yesno(raw: CellValue) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float) and raw in (0, 1):  # a number cell: 1.0 is `1`
        return raw == 1
    found = yes_no_word(str(raw))
    if found is None:
        raise AnswerProblem("not-yes-no", display(raw))
    return found


def _letter(text: str) -> str | None:
    """`a`, `(a)`, `a.`, `a)`, `a. Perda …` → `a`."""
    match = re.match(r"^\(?([a-z])(?:[.)]|\s|$)", text)
    return match.group(1) if match else None


def _parse_choice(item: Item, raw: CellValue) -> str:
    keys = {o.key for o in item.options}
    text = fold(str(raw))
    for label_id, label_en, key in item.option_folds:
        if text in (label_id, label_en):
            return key
    letter = _letter(text)
    if letter in keys:
        if _SEVERAL.match(text):  # `a dan b`, `a atau b`, `a/b`: one option is asked
            raise AnswerProblem(
                "several-options", display(raw), (("options", ", ".join(sorted(keys))),)
            )
        named = _named_option(item, text)
        if named is not None and named != letter:  # `a. Peraturan Bupati`: a's letter, b's text
            raise AnswerProblem(
                "option-text-differs", display(raw), (("letter", letter), ("option", named))
            )
        return letter
    raise AnswerProblem("not-an-option", display(raw), (("options", ", ".join(sorted(keys))),))


def _named_option(item: Item, text: str) -> str | None:
    """The option whose wording follows the letter of a folded choice text (`b) peraturan
    bupati/walikota`, the dropdown's `a. peraturan daerah (perda) — 12`): the option with the
    longest label the text after the letter starts with, up to a word's end; None when it starts
    with no label (`a. perda kla no. 3` for the option `Peraturan Daerah`: a note, not another
    option)."""
    after = _AFTER_LETTER.match(text)
    if after is None:
        return None
    rest = after[1]
    named, longest = None, 0
    for label_id, label_en, key in item.option_folds:
        for label in (label_id, label_en):
            if (
                len(label) > longest
                and rest.startswith(label)
                and (len(rest) == len(label) or not rest[len(label)].isalnum())
            ):
                named, longest = key, len(label)
    return named


_AFTER_LETTER = re.compile(r"^\(?[a-z](?:[.)]+\s*|\s+)(\S.*)$")
"""The text after an option letter: `(b) perda` → `perda`."""


_SEVERAL = re.compile(
    r"^\(?[a-z][.)]?\s*(?:\b(?:dan|atau|and|or)\b|[/&,;+])\s*\(?[a-z](?:[.)]|\s|$)"
)
"""Two option letters joined (`a dan b`, `a atau b`, `a/b`, `(a) & (b)`)."""


def _parse_checklist(item: Item, raw: CellValue) -> frozenset[str]:
    keys = {o.key for o in item.options}
    text = fold(str(raw))
    if text in _EMPTY_LIST:
        return frozenset()
    folds = item.option_folds
    labels = {label: key for label, _, key in folds} | {label: key for _, label, key in folds}
    ticked: set[str] = set()
    for part in _LIST_SEPARATOR.split(text):
        token = part.strip()
        if not token:
            continue
        if token in labels:
            ticked.add(labels[token])
            continue
        letters = _LETTER.findall(token) if _LETTERS.fullmatch(token) else []
        if letters and all(letter in keys for letter in letters):  # `a c`, `(a)(c)`
            ticked.update(letters)
            continue
        labelled = _LABELLED.match(token)  # "a. Perda Perlindungan Anak"
        if labelled and labels.get(labelled[2]) == labelled[1]:  # the element's own text
            ticked.add(labelled[1])
            continue
        if (
            labelled is None
            or labelled[1] not in keys
            or _ANOTHER_LETTER.search(labelled[2])  # `a. Sekretariat b. RAD KLA`: no separator
            or labelled[2].strip(" .") in _EMPTY_LIST  # `a. tidak ada`: not ticked, then
            or yes_no_word(labelled[2]) is False
        ):
            raise AnswerProblem(
                "not-an-option", display(raw), (("options", ", ".join(sorted(keys))),)
            )
        named = _named_option(item, token)  # a letter and a text, read as a choice's are
        if named is not None and named != labelled[1]:  # `a. Profil Anak`, that is c
            raise AnswerProblem(
                "option-text-differs", display(raw), (("letter", labelled[1]), ("option", named))
            )
        ticked.add(labelled[1])
    return frozenset(ticked)


_LIST_SEPARATOR = re.compile(r"[,;/&\n]+|\s+(?:dan|and)\s+")
_LETTER = re.compile(r"\(?([a-z])[.)]?")
_LABELLED = re.compile(r"^\(?([a-z])[.)]\s+(.+)$")
_ANOTHER_LETTER = re.compile(r"(?:^|\s)\(?[a-z](?:[.)]|\s|$)")
"""An element's letter inside the text after another's (`a. c. Profil Anak`, `a. d`): a
one-letter word, which no note is made of."""
_LETTERS = re.compile(r"(?:\(?[a-z][.)]?\s*)+")
"""A run of option letters as people tick them: `a c`, `(a)(c)`, `a. b.`."""
