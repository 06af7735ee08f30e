"""`kla gap` end to end on the shipped example (CliRunner)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core.assess import assess
from kla_cli.core.gap.ladder import Basis, basis_total, find_tier
from kla_cli.core.gap.plan import analyse
from kla_cli.core.gap.whatif import apply_plan
from kla_cli.core.rubric import Rubric
from kla_cli.workbook.read import read_region

from ..conftest import EXAMPLE


def _gap_json(runner: CliRunner, *args: str, code: int = 1) -> dict[str, Any]:
    result = runner.invoke(app, ["gap", *args, "--format", "json"])
    assert result.exit_code == code, result.output
    data: dict[str, Any] = json.loads(result.stdout)  # nothing but JSON on stdout
    return data


def _cli_answer(answer: object) -> str:
    """An answer as a person would type it after --assume CODE=."""
    if isinstance(answer, bool):
        return "ya" if answer else "tidak"
    if isinstance(answer, list):
        return ",".join(answer)
    if isinstance(answer, float):
        return f"{answer:g}".replace(".", ",")
    return str(answer)


def test_example_table_tells_points_items_and_opds(runner: CliRunner) -> None:
    result = runner.invoke(app, ["gap", str(EXAMPLE), "--target", "nindya"])
    assert result.exit_code == 1  # below the target
    out = result.stdout
    assert "Total with evidence: 596.18 (Pratama)" in out
    assert "self-assessed total: 663.09 (Madya)" in out
    assert "Target Nindya (701–800): 103.83 points needed" in out  # 700.01 - 596.18
    assert "Plan: 21 actions, +104.34 points → 700.52" in out  # 596.18 + 104.34
    assert "Plan per OPD" in out
    # each OPD by its first alias (dp3a, bappeda, disdik, dinkes, uptd-ppa)
    for opd in ("DPPPAPPKB", "BAPPEDA", "Disdikbud", "Dinkes", "UPTD PPA"):
        assert opd in out
    assert "2.4 Has a KLA regional act" in out  # no RAD yet: No → Yes, +10
    assert "21A.2" in out and "+15.00" in out
    # every action and answer whole: the texts wrap, only a question may end in `…`
    assert "upload data dukung" in out and "upload data …" not in out


def test_example_table_in_indonesian(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--lang", "id", "gap", str(EXAMPLE), "-t", "NINDYA"])
    assert result.exit_code == 1
    assert "Target Nindya (701–800): kurang 103,83 poin" in result.stdout
    assert "dilaksanakan" in result.stdout and "Rencana per OPD" in result.stdout


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_the_bands_rule_is_stated_once_under_the_ladder(runner: CliRunner, fmt: str) -> None:
    """600,50 is Madya: the ladder's 601–700 is read by the half-open rule, said once."""
    result = runner.invoke(app, ["--lang", "id", "gap", str(EXAMPLE), "-t", "nindya", "-f", fmt])
    text = " ".join(result.stdout.split())  # the table wraps at the terminal's width
    rule = (
        "Batas predikat: nilai di atas 600 sampai dengan 700 adalah Madya (600,50 termasuk "
        "Madya); Pratama mulai 500."
    )
    assert text.count(rule) == 1
    assert text.index("Madya 601–700" if fmt == "table" else "| Madya |") < text.index(rule)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_plan_table_fits_80_columns_with_every_gain_whole(runner: CliRunner, lang: str) -> None:
    result = runner.invoke(
        app, ["--lang", lang, "gap", str(EXAMPLE), "-t", "nindya"], env={"COLUMNS": "80"}
    )
    head = [line for line in result.stdout.splitlines() if line.startswith("┃")]
    table = [line for line in result.stdout.splitlines() if line.startswith("│")]
    assert table and all(len(line) <= 80 for line in head + table)
    assert ("+Nilai" if lang == "id" else "+Points") in " ".join(head)
    gains = [line.rsplit("│", 2)[1].strip() for line in table]
    gains = [gain for gain in gains if gain]  # an OPD's row and wrapped lines have none
    assert len(gains) == 21 and all(re.fullmatch(r"\+\d+[.,]\d\d", gain) for gain in gains)


def test_example_json_contract(runner: CliRunner) -> None:
    data = _gap_json(runner, str(EXAMPLE), "--target", "Nindya")
    for key in (
        "target",
        "total",
        "predicate",
        "points_needed",
        "reached",
        "ladder",
        "opportunities",
        "plan",
        "plan_by_opd",
        "quick_wins",
        "basis",
    ):
        assert key in data, key
    assert data["target"] == {"id": "nindya", "name": "Nindya", "floor": 700.01}
    assert data["basis"] == "evidenced"
    assert (data["total"], data["predicate"]) == (596.18, "Pratama")
    assert (data["total_self_assessed"], data["total_evidenced"]) == (663.09, 596.18)
    assert data["points_needed"] == 103.83 and data["reached"] is False  # 700.01 - 596.18
    assert [r["tier_id"] for r in data["ladder"]] == ["madya", "nindya", "utama", "kla"]
    plan = data["plan"]
    assert plan["reaches_target"] is True and plan["end_total"] >= 700.01
    kinds = [a["kind"] for a in plan["actions"]]
    assert kinds == sorted(kinds, key=lambda k: k != "evidence")  # evidence first
    by_opd = [a["code"] for g in data["plan_by_opd"] for a in g["actions"]]
    assert sorted(by_opd) == sorted(a["code"] for a in plan["actions"])
    assert all(a["gain"] > 0 for a in data["opportunities"])
    assert {"code", "question", "indicator", "group", "opd", "answer_from", "answer_to"} <= set(
        data["opportunities"][0]
    )


def test_applying_the_plan_via_assume_reaches_nindya(runner: CliRunner) -> None:
    data = _gap_json(runner, str(EXAMPLE), "--target", "nindya")
    assumes = [
        arg
        for action in data["plan"]["actions"]
        for arg in ("--assume", f"{action['code']}={_cli_answer(action['answer_to'])}")
    ]
    after = _gap_json(runner, str(EXAMPLE), "--target", "nindya", *assumes, code=0)
    assert after["reached"] is True and after["points_needed"] == 0
    assert after["predicate"] == "Nindya" and after["total"] >= 700.01
    assert after["total"] == data["plan"]["end_total"]
    assert after["before"] == {"total_self_assessed": 663.09, "total_evidenced": 596.18}
    assert after["plan"]["actions"] == []


def test_applying_the_plan_in_the_core_reaches_nindya(kla: Rubric) -> None:
    result = assess(kla, read_region([EXAMPLE])).result
    for basis in (Basis.EVIDENCED, Basis.SELF_ASSESSED):  # the example carries no Nilai VA
        analysis = analyse(kla, result, find_tier(kla, "nindya"), basis)
        after = apply_plan(kla, result, analysis.plan)
        total = basis_total(after, basis)
        assert total == analysis.plan.end_total >= 700.01
        tier = after.predicate if basis is Basis.SELF_ASSESSED else after.predicate_evidenced
        assert tier is not None and tier.id == "nindya"
        assert analysis.plan.actions


def test_self_assessed_basis(runner: CliRunner) -> None:
    data = _gap_json(runner, str(EXAMPLE), "--target", "nindya", "--self-assessed")
    assert data["basis"] == "self_assessed"
    # 700.01 - 663.09
    assert (data["total"], data["predicate"], data["points_needed"]) == (663.09, "Madya", 36.92)
    assert all(a["kind"] == "answer" for a in data["plan"]["actions"])


def test_what_if_shows_new_total_and_remaining_gap(runner: CliRunner) -> None:
    data = _gap_json(
        runner, str(EXAMPLE), "--target", "nindya", "--assume", "1.1=a", "--assume", "14.2=80"
    )
    assert data["assumed"] == {"1.1": "a", "14.2": 80.0}
    # 1.1: c (an instruction, half of 12) → a Perda, +6; 14.2: 60 % (three fifths of 3) → 80 %, +0,6
    assert data["total"] == round(596.18 + 6 + 0.6, 2)
    assert data["points_needed"] == round(700.01 - data["total"], 2)


def test_default_target_is_the_next_tier(runner: CliRunner) -> None:
    data = _gap_json(runner, str(EXAMPLE))
    assert data["target"]["id"] == "madya" and data["points_needed"] == 3.83  # 600.01 - 596.18


def test_reached_target_exits_zero(runner: CliRunner) -> None:
    result = runner.invoke(app, ["gap", str(EXAMPLE), "-t", "pratama"])
    assert result.exit_code == 0
    assert "Target Pratama already reached (596.18); no points needed" in result.stdout


def test_markdown_has_the_evaluation_report_columns(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["--lang", "id", "gap", str(EXAMPLE), "-t", "nindya", "-f", "markdown"]
    )
    assert result.exit_code == 1
    out = result.stdout
    assert (
        "| Butir | Telah dilaksanakan | Belum dilaksanakan | Penanggung jawab | Data yang dibutuhkan | +Nilai |"
        in out
    )
    assert "### Dinas Sosial" in out
    assert "## Peluang menambah nilai" in out
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    quick = next(i for i, h in enumerate(headings) if "data dukung" in h)
    assert quick < headings.index("## Rencana per OPD")  # cheapest first, as the plan is


def test_output_file(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "gap.json"
    result = runner.invoke(
        app, ["gap", str(EXAMPLE), "-t", "nindya", "-f", "json", "-o", str(target)]
    )
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["points_needed"] == 103.83


# --- a bare total --------------------------------------------------------------------------


def test_score_ladder(runner: CliRunner) -> None:
    result = runner.invoke(app, ["gap", "--score", "588,40", "--target", "madya"])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        "Total: 588.40 (Pratama)",
        "Target Madya (601–700): 11.61 points needed",
    ]
    assert "Nindya 701–800 (+111.61)" in result.stdout


def test_score_ladder_json(runner: CliRunner) -> None:
    data = _gap_json(runner, "--score", "588,40", "--target", "MADYA")
    assert data["points_needed"] == 11.61 and data["reached"] is False
    assert data["predicate"] == "Pratama"
    assert [(r["tier"], r["points_needed"]) for r in data["ladder"]] == [
        ("Madya", 11.61),
        ("Nindya", 111.61),
        ("Utama", 211.61),
        ("Kabupaten/Kota Layak Anak", 311.61),
    ]


def test_score_at_target_exits_zero(runner: CliRunner) -> None:
    data = _gap_json(runner, "--score", "600,01", "--target", "madya", code=0)
    assert data["reached"] is True and data["points_needed"] == 0


# --- could not run -------------------------------------------------------------------------


def _one_error_line(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, ["gap", *args])
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def test_unknown_tier(runner: CliRunner) -> None:
    line = _one_error_line(runner, str(EXAMPLE), "--target", "emas")
    assert "unknown predikat 'emas'" in line
    assert "Pratama, Madya, Nindya, Utama, Kabupaten/Kota Layak Anak (kla)" in line
    _one_error_line(runner, "--score", "588,40", "--target", "emas")


@pytest.mark.parametrize(
    ("assume", "expected"),
    [
        ("99.1=a", "item code '99.1' is not in the rubric"),
        ("13.1=banyak", "--assume 13.1=banyak: item 13.1: 'banyak' is not a number. Hint: "),
        ("1.1=z", "'z' is not one of the options. Hint: enter an option letter (a, b, c, d, e)"),
        ("14.3=z", "--assume 14.3=z: item 14.3: 'z' is not a number. Hint: "),
        ("2.1", "cannot read --assume '2.1'"),
    ],
)
def test_invalid_assume(runner: CliRunner, assume: str, expected: str) -> None:
    assert expected in _one_error_line(runner, str(EXAMPLE), "--assume", assume)


def test_bad_invocations(runner: CliRunner) -> None:
    assert "give OPD workbooks or --score" in _one_error_line(runner, "--target", "nindya")
    assert "cannot be combined" in _one_error_line(runner, str(EXAMPLE), "--score", "500")
    assert "is not a total" in _one_error_line(runner, "--score", "banyak")
    assert "is not a total" in _one_error_line(runner, "--score", "1200")
    assert "--assume" in _one_error_line(runner, "--score", "500", "--assume", "2.1=a")


def test_csv_plan_per_opd(runner: CliRunner) -> None:
    import csv
    import io

    result = runner.invoke(app, ["gap", str(EXAMPLE), "-t", "nindya", "-f", "csv"])
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert set(rows[0]) == {
        "opd",
        "code",
        "item",
        "done",
        "todo",
        "responsible",
        "data_needed",
        "gain",
    }
    rad = next(r for r in rows if r["code"] == "2.4")
    assert (rad["done"], rad["todo"], rad["gain"]) == ("No", "Yes", "10.0")
    budget = next(r for r in rows if r["code"] == "1.3j")  # an answer kept, its evidence missing
    assert budget["done"] == "b (Yes, for some of the activities)" and budget["gain"] == "1.33"
    assert round(sum(float(r["gain"]) for r in rows), 2) == 104.34  # the plan's +104,34


def test_blocking_findings_stop_gap_as_they_stop_score(runner: CliRunner) -> None:
    """Blocking validation errors are findings (exit 1) for gap as for score, said the same way;
    --allow-errors goes on with those items at 0."""
    broken = EXAMPLE.parent / "provinsi-contoh" / "kota-lama"
    gap_run = runner.invoke(app, ["--lang", "en", "gap", str(broken), "--target", "madya"])
    score_run = runner.invoke(app, ["--lang", "en", "score", str(broken)])
    assert gap_run.exit_code == score_run.exit_code == 1, gap_run.output
    assert gap_run.stderr == score_run.stderr
    assert gap_run.stderr.splitlines()[-1].startswith("Error: 1 validation error; not scoring.")
    assert gap_run.stdout == ""
    allowed = runner.invoke(app, ["gap", str(broken), "--target", "madya", "--allow-errors"])
    assert allowed.exit_code in (0, 1) and allowed.stdout, allowed.output


def test_plan_table_at_80_columns_cuts_no_text(runner: CliRunner) -> None:
    """Every action and answer wraps instead of ending in `…`; each action has its effort, and
    the cheap ones the do-first marker (explained below the table)."""
    result = runner.invoke(
        app, ["--lang", "id", "gap", str(EXAMPLE), "--target", "nindya"], env={"COLUMNS": "80"}
    )
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    table = lines[
        lines.index("Rencana per OPD" + " " * 65) : next(
            i for i, line in enumerate(lines) if line.startswith("└")
        )
    ]
    assert all(len(line) <= 80 for line in result.stdout.splitlines())
    # the answer and the action columns (between the first and the fourth rule) never end
    # in `…`: they wrap
    assert not [line for line in table if "…" in "│".join(line.split("│")[2:4])]
    body = [line for line in table if line.startswith("│")]
    columns = [" ".join(line.split("│")[c].strip() for line in body) for c in (1, 2, 3, 4)]
    assert "unggah data dukung" in columns[2] and "b (Ada, untuk sebagian kegiatan)" in columns[1]
    assert {"rendah", "sedang"} <= set(columns[3].split())
    assert "» 3.1b" in columns[0] and " 2.4 Sudah" in columns[0]  # 2.4: a new answer, not first
    assert "Upaya" in result.stdout
    assert "» = kerjakan dahulu" in result.stdout


def test_plan_as_a_sheet_needs_an_output_file(runner: CliRunner, tmp_path: Path) -> None:
    refused = runner.invoke(app, ["gap", str(EXAMPLE), "-f", "xlsx"])
    assert refused.exit_code == 2 and "-o" in refused.stderr
    written = runner.invoke(app, ["gap", str(EXAMPLE), "-o", str(tmp_path / "rencana.xlsx")])
    assert written.exit_code == 1 and (tmp_path / "rencana.xlsx").read_bytes()[:2] == b"PK"
