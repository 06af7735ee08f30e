"""The format a command writes: --format, else the -o extension, else the command's default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.cli.options import choose_format
from kla_cli.errors import KlaError
from kla_cli.render.formats import (
    BATCH_FORMATS,
    COMPARE_FORMATS,
    FINDING_FORMATS,
    GAP_FORMATS,
    HISTORY_FORMATS,
    REPORT_FORMATS,
    SCORE_FORMATS,
    Format,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "kota-contoh"


@pytest.mark.parametrize(
    ("output", "explicit", "expected"),
    [
        (None, None, Format.TABLE),
        ("hasil.json", None, Format.JSON),
        ("hasil.CSV", None, Format.CSV),
        ("hasil.md", None, Format.MARKDOWN),
        ("hasil.txt", None, Format.TABLE),  # .txt implies nothing
        ("hasil", Format.JSON, Format.JSON),
        ("hasil.json", Format.JSON, Format.JSON),
    ],
)
def test_format_from_option_then_extension_then_default(
    output: str | None, explicit: Format | None, expected: Format
) -> None:
    path = Path(output) if output else None
    assert choose_format(path, explicit, SCORE_FORMATS, Format.TABLE) is expected


@pytest.mark.parametrize(
    ("output", "explicit", "key"),
    [
        ("hasil.md", Format.JSON, "report.format_mismatch"),
        ("hasil.html", None, "report.format_unsupported"),  # score writes no HTML
        ("hasil.docx", None, "output.suffix_unsupported"),
        ("hasil.docx", Format.JSON, "output.suffix_unsupported"),
        ("hasil.xls", None, "output.suffix_unsupported"),
    ],
)
def test_refused(output: str, explicit: Format | None, key: str) -> None:
    with pytest.raises(KlaError) as caught:
        choose_format(Path(output), explicit, SCORE_FORMATS, Format.TABLE)
    assert caught.value.key == key
    assert caught.value.where == output


@pytest.mark.parametrize("formats", [SCORE_FORMATS, REPORT_FORMATS, COMPARE_FORMATS])
def test_refused_extension_hint_names_a_file_the_command_writes(
    formats: tuple[Format, ...],
) -> None:
    with pytest.raises(KlaError) as caught:
        choose_format(Path("hasil.docx"), None, formats, formats[0])
    example = caught.value.params["example"]
    assert isinstance(example, str)
    assert choose_format(Path(f"hasil{example}"), None, formats, formats[0]) in formats


def test_excel_needs_a_file() -> None:
    with pytest.raises(KlaError) as caught:
        choose_format(None, Format.XLSX, REPORT_FORMATS, Format.MARKDOWN)
    assert caught.value.key == "report.needs_output"


COMMAND_FORMATS = {
    "score": SCORE_FORMATS,
    "gap": GAP_FORMATS,
    "validate": FINDING_FORMATS,
    "batch": BATCH_FORMATS,
    "report": REPORT_FORMATS,
    "compare": COMPARE_FORMATS,
    "history": HISTORY_FORMATS,
}


def test_every_command_allows_members_of_the_one_format_enum() -> None:
    for formats in COMMAND_FORMATS.values():
        assert formats and all(isinstance(f, Format) for f in formats)
        assert len(set(formats)) == len(formats)
    assert {f for formats in COMMAND_FORMATS.values() for f in formats} == set(Format)


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--lang", "en", *args])
    return result.exit_code, result.stderr


def test_score_writes_json_when_the_file_says_so(tmp_path: Path) -> None:
    out = tmp_path / "hasil.json"
    code, _ = _run("score", str(EXAMPLE), "-o", str(out))
    assert code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["region"]


@pytest.mark.parametrize(
    ("args", "name", "says"),
    [
        (["score", str(EXAMPLE), "-f", "csv"], "hasil.json", "does not match"),
        (["gap", str(EXAMPLE), "--target", "nindya", "-f", "json"], "gap.md", "does not match"),
        (["report", str(EXAMPLE)], "laporan.docx", "does not write '.docx' files"),
        (["validate", str(EXAMPLE)], "temuan.csv", "not available for this command"),
        (["compare", str(EXAMPLE), str(EXAMPLE)], "beda.xlsx", "not available"),
    ],
)
def test_cli_refuses_before_writing(tmp_path: Path, args: list[str], name: str, says: str) -> None:
    out = tmp_path / name
    code, stderr = _run(*args, "-o", str(out))
    assert code == 2
    assert says in stderr and name in stderr
    assert stderr.count("\n") == 1
    assert not out.exists()


@pytest.mark.parametrize("command", sorted(COMMAND_FORMATS))
def test_help_lists_only_the_formats_the_command_writes(command: str) -> None:
    result = CliRunner().invoke(app, ["--lang", "en", command, "--help"], env={"COLUMNS": "200"})
    allowed = [f for f in COMMAND_FORMATS[command] if f.value != "text"]  # an old name, unlisted
    shown = result.stdout.split("--format", 1)[1].split(">", 1)[0]
    assert shown.strip(" <") == "|".join(f.value for f in allowed)


@pytest.mark.parametrize("command", ["score", "batch", "history", "validate"])
def test_unwritable_output_is_refused_before_any_work(tmp_path: Path, command: str) -> None:
    """Checked first: the path does not even need to exist for the error to be about -o."""
    folder = tmp_path / "laporan"
    folder.mkdir()
    code, stderr = _run(command, str(tmp_path / "belum-dibaca"), "-o", str(folder))
    assert code == 2 and f"{folder}: the output path is a folder" in stderr
    missing = tmp_path / "tidak-ada" / "hasil.json"
    code, stderr = _run(command, str(tmp_path / "belum-dibaca"), "-o", str(missing))
    assert code == 2 and f"{missing}: the output file's folder does not exist" in stderr
