"""The message catalogue: complete in both languages, every key the code uses exists, and every
key is used."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from kla_cli.i18n.catalogue import MESSAGES, merge
from kla_cli.i18n.messages import detect_lang, t
from kla_cli.i18n.numbers import fmt_num, fmt_points

SRC = Path(__file__).resolve().parents[2] / "src" / "kla_cli"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_present_with_same_placeholders() -> None:
    """Every entry is (Indonesian, English), neither blank, with the same placeholders."""
    offenders = []
    for key, texts in sorted(MESSAGES.items()):
        if not (
            isinstance(texts, tuple) and len(texts) == 2 and all(isinstance(x, str) for x in texts)
        ):
            offenders.append(f"{key}: not (Indonesian, English): {texts!r}")
            continue
        indonesian, english = texts
        if not (indonesian.strip() and english.strip()):
            offenders.append(f"{key}: blank text")
        if _fields(indonesian) != _fields(english):
            offenders.append(f"{key}: placeholders {_fields(indonesian)} != {_fields(english)}")
    assert not offenders, "\n".join(offenders)


def _used_keys() -> set[str]:
    keys: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        keys |= set(re.findall(r"""\b(?:t|verbose)\(\s*["']([a-z_]+\.[a-z0-9_.-]+)["']""", text))
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


# Keys built at run time from a prefix and a value, with where the f-string is. A key under one of
# these prefixes counts as used while its f-string is in src/; the prefix must stay in src/.
DYNAMIC_PREFIXES = {
    "finding.": 'core/findings.py, core/gap.py: f"finding.{code}" and its .hint',
    "severity.": "core/findings.py, render/report_layout.py, workbook/recap_writer.py",
    "tpl.instr.": "workbook/form_writer.py: the form's numbered instructions 1-10",
    "gap.basis.": "render/gap.py: the basis (evidenced, self_assessed)",
    "gap.effort.": "render/gap.py: an action's effort (low, medium, high)",
    "report.effort.": "render/report_layout.py: an action's effort (low, medium, high)",
    "report.basis.": "render/report_layout.py: the total the report is about (evidenced, verified)",
    "report.badge.": "render/report_front.py: the predikat badge's label (evidenced, verified)",
    "batch.manifest.": "batch.py: _manifest_error(what) names the manifest problem",
    "format.": "workbook/sniff.py: the format a misnamed file really has",
    "history.mismatch_": "cli/app.py: the field two results disagree on (year, region)",
    "sheet.": "io/result_sheet.py: _error(what) names the result sheet's problem",
    "compare.json.": "core/compare.py: NotAScore(message) names why a JSON is not a score",
    "compare.stage.": "render/compare.py: _label(key) words a column for the stages (EM, VA)",
    "compare.mismatch.": "render/compare.py: what two results differ in (region, rubric, year)",
    "status.col.": "render/status.py: the desk's column headers",
    "status.state.": "render/status.py: an OPD's form state (missing, clean, errors)",
    "followup.col.": "render/followup.py: the follow-up's column headers",
    "followup.owed.": "render/followup.py: what an OPD still owes (form, error, unanswered, …)",
    "help.examples.": "cli/framework.py: two examples under each command's --help",
}


def test_every_key_is_used() -> None:
    """Every catalogue key is written in src/ as a string, or built from a dynamic prefix."""
    text = "\n".join(
        p.read_text(encoding="utf-8") for p in SRC.rglob("*.py") if "catalogue" not in p.parts
    )
    stale = [p for p in DYNAMIC_PREFIXES if f'f"{p}{{' not in text and f"f'{p}{{" not in text]
    assert not stale, f"dynamic prefixes no longer in src/: {stale}"
    unused = [
        key
        for key in sorted(MESSAGES)
        if f'"{key}"' not in text
        and f"'{key}'" not in text
        and not key.startswith(tuple(DYNAMIC_PREFIXES))
    ]
    assert not unused, "catalogue keys used nowhere in src/:\n" + "\n".join(unused)


def test_a_key_in_two_areas_is_refused() -> None:
    merge({"a": {"x": ("1", "1")}, "b": {"y": ("2", "2")}})
    with pytest.raises(ValueError, match=r"again in b: \['x'\]"):
        merge({"a": {"x": ("1", "1")}, "b": {"x": ("2", "2")}})


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
