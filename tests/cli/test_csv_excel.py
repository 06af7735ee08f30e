"""`--excel`: CSV that Excel set to Indonesian opens in columns with numbers (a UTF-8 BOM, `;`
separators, comma decimals); the default stays plain CSV for programs."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app

from ..conftest import EXAMPLE, ROOT

PROVINSI = ROOT / "examples" / "provinsi-contoh"


def _rows(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


@pytest.mark.parametrize(
    "args",
    [
        ["score", str(EXAMPLE)],
        ["gap", str(EXAMPLE), "--target", "utama"],
        ["gap", "--score", "588,40", "--target", "nindya"],
        ["batch", str(PROVINSI), "-j", "1"],
    ],
)
def test_excel_csv_reads_back_as_the_plain_one(args: list[str]) -> None:
    plain = CliRunner().invoke(app, [*args, "-f", "csv"])
    excel = CliRunner().invoke(app, [*args, "-f", "csv", "--excel"])
    assert plain.exit_code == excel.exit_code and plain.exit_code in (0, 1), excel.output
    assert not plain.stdout.startswith("\ufeff")
    assert excel.stdout.startswith("\ufeff")
    dot = _rows(plain.stdout, ",")
    comma = _rows(excel.stdout.removeprefix("\ufeff"), ";")
    assert len(dot) == len(comma) > 1 and dot[0] == comma[0]
    numbers = 0
    for dot_row, comma_row in zip(dot[1:], comma[1:], strict=True):
        for d, c in zip(dot_row, comma_row, strict=True):
            if c != d:  # only a number changes: its decimal point becomes a comma
                assert c == d.replace(".", ",") and float(c.replace(",", ".")) == float(d)
                numbers += 1
    assert numbers > 0
    if "code" in dot[0]:  # question codes are text, never turned into numbers
        column = dot[0].index("code")
        assert [row[column] for row in comma[1:]] == [row[column] for row in dot[1:]]
        assert any(re.fullmatch(r"\d+\.\d+", row[column]) for row in comma[1:])


def test_excel_is_refused_for_anything_but_csv(tmp_path: Path) -> None:
    out = CliRunner().invoke(app, ["score", str(EXAMPLE), "--excel"])
    assert out.exit_code == 2 and "--excel" in out.stderr and not out.stdout
    written = tmp_path / "nilai.csv"
    out = CliRunner().invoke(app, ["score", str(EXAMPLE), "--excel", "-o", str(written)])
    assert out.exit_code == 0 and written.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.libreoffice
@pytest.mark.slow
def test_libreoffice_in_indonesian_reads_numbers_and_keeps_codes(tmp_path: Path) -> None:
    """LibreOffice importing as Excel does in an Indonesian locale (`;`, UTF-8, id-ID): the
    points are numbers, the question codes stay text."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    openpyxl = pytest.importorskip("openpyxl")
    written = tmp_path / "nilai.csv"
    out = CliRunner().invoke(app, ["score", str(EXAMPLE), "--excel", "-o", str(written)])
    assert out.exit_code == 0
    subprocess.run(
        [
            *(soffice, "--headless", "--infilter=CSV:59,34,76,1,,1057", "--convert-to", "xlsx"),
            *("--outdir", str(tmp_path), str(written)),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    sheet = openpyxl.load_workbook(tmp_path / "nilai.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    head = list(rows[0])
    points, code = head.index("points"), head.index("code")
    assert all(isinstance(row[points], int | float) for row in rows[1:])
    assert any(row[points] == 0.5 for row in rows[1:])
    assert all(isinstance(row[code], str) for row in rows[1:])
    assert any(row[code] == "1.1" for row in rows[1:])
