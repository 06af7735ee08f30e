"""Validation findings as text, JSON or GitHub annotations (`kla validate`), with a summary per file.

Renderers return strings; the CLI decides where they go. Text and GitHub output show at most
`MAX_SHOWN_PER_KIND` findings of one kind per file (`core.findings.capped`); the counts and the
JSON stay complete, every finding listed, for the programs that read it. The JSON shape is a
contract:
`{"ok", "errors", "warnings", "files": [{"file", "errors", "warnings"}], "findings": [{"severity",
"code", "file", "sheet", "cell", "item", "message", "expected", "args"}]}`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from kla_cli.core.findings import Finding, Severity, capped
from kla_cli.i18n.messages import Lang, t
from kla_cli.render.formats import FindingFormat, Format
from kla_cli.render.github import annotation


@dataclass(frozen=True)
class FileSummary:
    file: str
    errors: int
    warnings: int


def summarise(findings: Sequence[Finding], files: Sequence[str]) -> list[FileSummary]:
    """Error and warning counts per file: every input file, then any other file findings name."""
    order = list(dict.fromkeys([*files, *(f.file for f in findings)]))
    return [
        FileSummary(
            file,
            sum(1 for f in findings if f.file == file and f.severity is Severity.ERROR),
            sum(1 for f in findings if f.file == file and f.severity is Severity.WARNING),
        )
        for file in order
    ]


def _counts(findings: Sequence[Finding]) -> tuple[int, int]:
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    return errors, len(findings) - errors


def _summary_line(summary: FileSummary, lang: Lang) -> str:
    if not summary.errors and not summary.warnings:
        return t("validate.file_clean", lang, file=summary.file)
    return t(
        "validate.file_summary",
        lang,
        file=summary.file,
        errors=summary.errors,
        warnings=summary.warnings,
    )


def _total_line(findings: Sequence[Finding], files: Sequence[str], lang: Lang) -> str:
    errors, warnings = _counts(findings)
    return t("validate.total", lang, files=len(files), errors=errors, warnings=warnings)


def findings_text(findings: Sequence[Finding], files: Sequence[str], lang: Lang) -> str:
    """One line per finding (at most MAX_SHOWN_PER_KIND of a kind per file, then one line
    counting the rest), then one summary line per file and a total."""
    lines = [f.render(lang) for f in capped(findings)]
    if lines:
        lines.append("")
    lines += [_summary_line(s, lang) for s in summarise(findings, files)]
    lines.append(_total_line(findings, files, lang))
    return "\n".join(lines) + "\n"


def finding_json(f: Finding, lang: Lang) -> dict[str, object]:
    """One finding as JSON, the same in `kla validate` and `kla score` output."""
    return {
        "severity": f.severity.value,
        "code": f.code,
        "file": f.file,
        "sheet": f.sheet,
        "cell": f.cell,
        "item": f.item,
        "message": f.problem(lang),
        "expected": f.expected(lang),
        "args": {key: str(value) for key, value in f.args.items()},
    }


def findings_json(findings: Sequence[Finding], files: Sequence[str], lang: Lang) -> str:
    errors, warnings = _counts(findings)
    data = {
        "ok": errors == 0,
        "errors": errors,
        "warnings": warnings,
        "files": [
            {"file": s.file, "errors": s.errors, "warnings": s.warnings}
            for s in summarise(findings, files)
        ],
        "findings": [finding_json(f, lang) for f in findings],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def github_line(finding: Finding, lang: Lang) -> str:
    """`::error file=…,title=…::…`: a GitHub Actions workflow annotation."""
    place = f"{finding.sheet}!{finding.cell}" if finding.sheet and finding.cell else finding.sheet
    title = f"{finding.code} {place}" if place else finding.code
    message = f"{place}: {finding.message(lang)}" if place else finding.message(lang)
    return annotation(finding.severity.value, message, file=finding.file, title=title)


def findings_github(findings: Sequence[Finding], files: Sequence[str], lang: Lang) -> str:
    """Annotations for GitHub Actions, then the summary lines as plain log output."""
    lines = [
        github_line(f, lang) if isinstance(f, Finding) else f.render(lang) for f in capped(findings)
    ]
    lines += [_summary_line(s, lang) for s in summarise(findings, files)]
    lines.append(_total_line(findings, files, lang))
    return "\n".join(lines) + "\n"


def render_findings(
    findings: Sequence[Finding], files: Sequence[str], fmt: FindingFormat, lang: Lang
) -> str:
    render = {
        Format.TEXT: findings_text,
        Format.JSON: findings_json,
        Format.GITHUB: findings_github,
    }[fmt]
    return render(findings, files, lang)
