"""`kla status` (the desk), `kla followup` and `kla validate FORM` on forms as they arrive."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.cli.desk import folder_state, today, watch
from kla_cli.core.rubric import Rubric
from tests.arrivals import write_form, write_region
from tests.conftest import MINI_RUBRIC

RUBRIC = ["--rubric", str(MINI_RUBRIC)]


@pytest.fixture
def arriving(mini: Rubric, tmp_path: Path) -> Path:
    """Two forms in, Bappeda's not yet; Dinkes re-sent a copy."""
    folder = write_region(mini, tmp_path / "masuk", skip=("bappeda",))
    write_form(mini, "dinkes", folder / "dinkes (1).xlsx", saved="2025-11-12T09:30:00Z")
    return folder


def test_status_json_says_each_opds_state_and_the_days_left(
    runner: CliRunner, arriving: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KLA_TODAY", "2025-12-01")
    result = runner.invoke(
        app, ["status", str(arriving), *RUBRIC, "-f", "json", "--deadline", "2025-12-20"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    states = {o["id"]: o["state"] for o in data["opds"]}
    assert states == {"dp3a": "clean", "dinkes": "clean", "bappeda": "missing"}
    assert data["days_left"] == 19 and data["received"] == 2
    dinkes = next(o for o in data["opds"] if o["id"] == "dinkes")
    assert dinkes["resent"]["used"].endswith("dinkes (1).xlsx")
    assert [i["code"] for i in dinkes["evidence_missing"]] == ["13.2"]
    assert dinkes["evidence_missing"][0]["cell"].endswith("Isian!H8")
    bappeda = next(o for o in data["opds"] if o["id"] == "bappeda")
    assert [i["code"] for i in bappeda["unanswered"]] == ["2.1"]
    assert data["total_evidenced"] < data["total"]


def test_status_table_fits_80_columns_in_both_languages(
    runner: CliRunner, arriving: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01
    for lang in ("id", "en"):
        result = runner.invoke(
            app, ["--lang", lang, "status", str(arriving), *RUBRIC, "--deadline", "2025-12-20"]
        )
        assert result.exit_code == 0, result.output
        assert all(len(line) <= 80 for line in result.stdout.splitlines())
        assert ("19 hari lagi" if lang == "id" else "19 days left") in result.stdout
        assert ("belum masuk" if lang == "id" else "not yet") in result.stdout


def test_status_bad_deadline_is_one_line(runner: CliRunner, arriving: Path) -> None:
    result = runner.invoke(app, ["status", str(arriving), *RUBRIC, "--deadline", "20/12/2025"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr and "Traceback" not in result.output


def test_today_is_injectable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KLA_TODAY", "2025-12-05")
    assert today().isoformat() == "2025-12-05"
    monkeypatch.delenv("KLA_TODAY")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    assert today().isoformat() == "2025-12-01"


def test_watch_redraws_when_a_file_arrives(mini: Rubric, arriving: Path) -> None:
    drawn: list[int] = []
    polls: list[float] = []

    def sleep(seconds: float) -> None:
        polls.append(seconds)
        if len(polls) == 2:  # Bappeda's form arrives between the second and third look
            write_form(mini, "bappeda", arriving / "bappeda.xlsx")

    count = watch(
        lambda: drawn.append(1), lambda: folder_state(arriving), 5, sleep=sleep, iterations=4
    )
    assert count == 2 and polls == [5, 5, 5, 5]


def test_watch_stops_quietly_on_ctrl_c(arriving: Path) -> None:
    def sleep(_: float) -> None:
        raise KeyboardInterrupt

    assert watch(lambda: None, lambda: folder_state(arriving), 1, sleep=sleep) == 1


def test_validate_one_form_checks_the_form_only(runner: CliRunner, arriving: Path) -> None:
    result = runner.invoke(app, ["validate", str(arriving / "dinkes.xlsx"), *RUBRIC])
    assert result.exit_code == 0, result.output
    assert "opd-missing" not in result.stdout and "evidence-missing" in result.stdout
    assert "1 file checked" in result.stdout


def test_followup_writes_a_pack_per_opd(
    runner: CliRunner, arriving: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KLA_TODAY", "2025-12-01")
    out = tmp_path / "tindak-lanjut"
    result = runner.invoke(
        app,
        ["--lang", "id", "followup", str(arriving), *RUBRIC, "-o", str(out),
         "--deadline", "2025-12-20", "--target", "nindya"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert "tindak-lanjut.html" in names and "bappeda.txt" in names and "dinkes.xlsx" in names
    dinkes = (out / "dinkes.txt").read_text(encoding="utf-8")
    assert dinkes.startswith("Yth. Kepala Dinas Kesehatan,")
    assert "13.2 (Isian!H8): data dukung belum ada" in dinkes and "2025-12-20" in dinkes
    bappeda = (out / "bappeda.txt").read_text(encoding="utf-8")
    assert "belum kami terima: 1 pertanyaan" in bappeda
    with zipfile.ZipFile(out / "dinkes.xlsx") as book:
        assert "xl/workbook.xml" in book.namelist()
    html = (out / "tindak-lanjut.html").read_text(encoding="utf-8")
    assert "Dinas Kesehatan" in html and "@page" in html


def test_followup_refuses_the_region_folder_and_writes_nothing(
    runner: CliRunner, arriving: Path
) -> None:
    before = sorted(p.name for p in arriving.iterdir())
    result = runner.invoke(app, ["followup", str(arriving), *RUBRIC, "-o", str(arriving)])
    assert result.exit_code == 2
    assert sorted(p.name for p in arriving.iterdir()) == before


def test_status_names_the_files_it_cannot_place(runner: CliRunner, arriving: Path) -> None:
    """A damaged file (perhaps Bappeda's form, cut off) and a workbook that is not a form are
    counted for no OPD: the desk says so, with why, in the table's notes and in JSON."""
    (arriving / "bappeda.xlsx").write_bytes(b"PK\x03\x04 cut off")
    with zipfile.ZipFile(arriving / "anggaran.xlsx", "w") as book:
        book.writestr("hello.txt", "not a workbook part")
    result = runner.invoke(app, ["status", str(arriving), *RUBRIC, "-f", "json"])
    notes = json.loads(result.stdout)["notes"]
    for name in ("bappeda.xlsx", "anggaran.xlsx"):
        line = next((n for n in notes if name in n), None)
        assert line is not None and "not counted for any OPD; " in line, notes
    assert "damaged" in next(n for n in notes if "bappeda.xlsx" in n)
    table = runner.invoke(app, ["status", str(arriving), *RUBRIC]).stdout
    assert "bappeda.xlsx: not counted for any OPD" in " ".join(table.split())
