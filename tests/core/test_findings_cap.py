"""Findings shown per file and kind are capped (issue 17: 100 000 junk rows printed 100 000
lines); the counts and the JSON stay complete."""

from __future__ import annotations

import json

from kla_cli.core.findings import MAX_SHOWN_PER_KIND, Finding, Overflow, Severity, capped
from kla_cli.render.findings import findings_json, findings_text


def _many(file: str, code: str, count: int) -> list[Finding]:
    return [Finding(Severity.ERROR, code, file, "Isian", f"A{r}") for r in range(count)]


def test_capped_keeps_the_first_of_each_kind_and_counts_the_rest() -> None:
    junk = _many("a.xlsx", "unknown-item", 100_000)
    other = _many("a.xlsx", "not-a-number", 3) + _many("b.xlsx", "unknown-item", 12)
    shown = capped(junk[:5] + other + junk[5:])
    overflow = [s for s in shown if isinstance(s, Overflow)]
    assert [(o.file, o.code, o.count) for o in overflow] == [
        ("b.xlsx", "unknown-item", 2),  # right after the last one of its kind shown
        ("a.xlsx", "unknown-item", 100_000 - MAX_SHOWN_PER_KIND),
    ]
    assert len(shown) == 2 * MAX_SHOWN_PER_KIND + 3 + 2
    assert shown[:5] == junk[:5]
    few = _many("c.xlsx", "x", MAX_SHOWN_PER_KIND)
    assert capped(few) == few


def test_text_is_capped_in_both_languages_json_is_complete() -> None:
    junk = _many("a.xlsx", "unknown-item", 1000)
    text = findings_text(junk, ["a.xlsx"], "en")
    assert "… and 990 more of this kind" in text
    assert len(text.splitlines()) < 20
    assert "… dan 990 lainnya dari jenis ini" in findings_text(junk, ["a.xlsx"], "id")
    data = json.loads(findings_json(junk, ["a.xlsx"], "en"))
    assert len(data["findings"]) == 1000 and data["errors"] == 1000
