"""Validation findings (`kla validate`) as a table of lines, JSON, Markdown, JUnit XML or GitHub
annotations, with a summary per file.

Renderers return strings; the CLI decides where they go. Text output shows at most
`MAX_SHOWN_PER_KIND` findings of one kind per file (`core.findings.capped`), GitHub output at most
10 annotations of a kind (GitHub drops the rest); the counts and the JSON stay complete, every
finding listed, for the programs that read it. The JSON shape is a contract
(`kla schema validate`): `{"schema", "kla_version", "ok", "errors", "warnings", "files": [{"file",
"errors", "warnings"}], "findings": [{"severity", "code", "file", "sheet", "cell", "item",
"message", "expected", "args"}]}`.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from kla_cli.core.findings import Finding, Severity, capped
from kla_cli.i18n.messages import Lang, t
from kla_cli.render.contract import json_text
from kla_cli.render.formats import FindingFormat, Format
from kla_cli.render.github import annotation, workspace_path
from kla_cli.render.github import capped as github_capped
from kla_cli.render.markdown import md_escape, md_table

if TYPE_CHECKING:  # the JUnit writer (xml.etree) is loaded only for --format junit
    from kla_cli.render.junit import JunitRun


class FileSummary(NamedTuple):
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
    return json_text("validate", data)


def _place(finding: Finding) -> str | None:
    """`Isian!F7`, or the sheet alone, or None."""
    return f"{finding.sheet}!{finding.cell}" if finding.sheet and finding.cell else finding.sheet


def github_line(finding: Finding, lang: Lang, base: str | None = None) -> str:
    """`::error file=…,title=…::…`: a GitHub Actions workflow annotation; the file relative to
    `base` (the workspace) so that GitHub finds it in the repository."""
    place = _place(finding)
    title = f"{finding.code} {place}" if place else finding.code
    message = f"{place}: {finding.message(lang)}" if place else finding.message(lang)
    file = workspace_path(finding.file, base)
    return annotation(finding.severity.value, message, file=file, title=title)


def findings_github(
    findings: Sequence[Finding], files: Sequence[str], lang: Lang, base: str | None = None
) -> str:
    """Annotations for GitHub Actions (at most 10 of each kind, GitHub drops the rest), then
    the summary lines as plain log output."""
    lines = github_capped([(f.severity.value, github_line(f, lang, base)) for f in findings], lang)
    lines += [_summary_line(s, lang) for s in summarise(findings, files)]
    lines.append(_total_line(findings, files, lang))
    return "\n".join(lines) + "\n"


def findings_markdown(findings: Sequence[Finding], files: Sequence[str], lang: Lang) -> str:
    """A title, the total, a table of every finding and one line per file (for a job summary
    or an issue)."""
    lines = [f"## {t('validate.md_title', lang)}", "", _total_line(findings, files, lang), ""]
    if findings:
        keys = (
            "validate.col.severity",
            "validate.col.file",
            "validate.col.place",
            "validate.col.code",
            "validate.col.message",
        )
        lines += md_table(
            [t(key, lang) for key in keys],
            (
                [
                    t(f"severity.{f.severity.value}", lang),
                    f.file,
                    _place(f) or "",
                    f"`{f.code}`",
                    f.message(lang),
                ]
                for f in findings
            ),
        )
        lines.append("")
    lines += [f"- {md_escape(_summary_line(s, lang))}" for s in summarise(findings, files)]
    return "\n".join(lines) + "\n"


def findings_junit(
    findings: Sequence[Finding], files: Sequence[str], lang: Lang, run: "JunitRun | None" = None
) -> str:
    """One testcase per file: a failure when it has errors; its findings as the failure's
    text, or as output when they are warnings only."""
    import xml.etree.ElementTree as ET

    from kla_cli.render.junit import JunitRun, document, suite, xml_text

    summaries = summarise(findings, files)
    failing = sum(1 for s in summaries if s.errors)
    suites, one = suite(
        "kla validate",
        "kla validate",
        run or JunitRun(),
        tests=len(summaries),
        failures=failing,
        errors=0,
    )
    for s in summaries:
        case = ET.SubElement(
            one, "testcase", {"classname": "kla.validate", "name": xml_text(s.file)}
        )
        own = "\n".join(xml_text(f.render(lang)) for f in findings if f.file == s.file)
        line = xml_text(_summary_line(s, lang))
        if s.errors:
            ET.SubElement(case, "failure", {"message": line, "type": "validation"}).text = own
        else:
            ET.SubElement(case, "system-out").text = own or t("validate.junit_clean", lang)
    return document(suites)


def render_findings(
    findings: Sequence[Finding],
    files: Sequence[str],
    fmt: FindingFormat,
    lang: Lang,
    *,
    base: str | None = None,
    run: "JunitRun | None" = None,
) -> str:
    """`base`: the folder GitHub annotations name files from (`--format github`); `run`: the
    run's time and host (`--format junit`)."""
    if fmt is Format.GITHUB:
        return findings_github(findings, files, lang, base)
    if fmt is Format.JUNIT:
        return findings_junit(findings, files, lang, run)
    if fmt is Format.JSON:
        return findings_json(findings, files, lang)
    if fmt is Format.MARKDOWN:
        return findings_markdown(findings, files, lang)
    return findings_text(findings, files, lang)  # table, or its old name text
