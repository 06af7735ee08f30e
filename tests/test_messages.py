"""The message catalogue: complete in both languages, and every key the code uses exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from kla_cli.i18n.catalogue import MESSAGES
from kla_cli.i18n.messages import detect_lang, t
from kla_cli.i18n.numbers import fmt_num, fmt_points

SRC = Path(__file__).resolve().parents[1] / "src" / "kla_cli"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_present_with_same_placeholders(key: str) -> None:
    indonesian, english = MESSAGES[key]
    assert indonesian.strip() and english.strip()
    assert _fields(indonesian) == _fields(english)


def _used_keys() -> set[str]:
    keys: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        keys |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_.-]+)["']""", text))
        keys |= set(re.findall(r"""KlaError\(\s*["']([a-z_]+\.[a-z0-9_.-]+)["']""", text))
        keys |= {
            f"finding.{c}"
            for c in re.findall(
                r"""Finding\(\s*(?:ERROR|WARNING|Severity\.\w+|severity)\s*,\s*["']([a-z-]+)["']""",
                text,
            )
        }
        keys |= {
            f"finding.{c}" for c in re.findall(r"""AnswerProblem\(\s*["']([a-z-]+)["']""", text)
        }
    return keys


def test_every_used_key_exists() -> None:
    used = _used_keys()
    assert len(used) > 40  # the scan really finds the keys
    missing = sorted(k for k in used if k not in MESSAGES)
    assert missing == []


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (588.4, "id", "588,40"),
        (588.4, "en", "588.40"),
        (1234.5, "id", "1.234,50"),
        (1234.5, "en", "1,234.50"),
    ],
)
def test_number_formatting(value: float, lang: str, expected: str) -> None:
    assert fmt_points(value, lang) == expected  # type: ignore[arg-type]


def test_fmt_num_places() -> None:
    assert fmt_num(1234, "id", 0) == "1.234"


@pytest.mark.parametrize(
    ("explicit", "env", "expected"),
    [
        ("en", {}, "en"),
        (None, {"KLA_LANG": "en"}, "en"),
        ("id", {"KLA_LANG": "en"}, "id"),
        (None, {"LANG": "id_ID.UTF-8"}, "id"),
        (None, {"LANG": "en_US.UTF-8"}, "en"),
        (None, {"LC_ALL": "en_GB.UTF-8", "LANG": "id_ID.UTF-8"}, "en"),
        (None, {"LANG": "C.UTF-8"}, "id"),
        (None, {}, "id"),
    ],
)
def test_detect_lang(explicit: str | None, env: dict[str, str], expected: str) -> None:
    assert detect_lang(explicit, env) == expected


def test_detect_lang_rejects_unknown() -> None:
    with pytest.raises(ValueError):
        detect_lang("fr", {})


def test_t_formats_in_both_languages() -> None:
    assert t("finding.unanswered", "id", code="1.1") == "butir 1.1 belum dijawab"
    assert t("finding.unanswered", "en", code="1.1") == "item 1.1 is unanswered"
