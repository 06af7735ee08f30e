"""`kla rubric show -f json` (the tree other tools read) and `kla rubric check` warnings."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.io.rubric_yaml import shipped_rubrics

from ..conftest import DEMO_RUBRIC

KLA_2024 = str(shipped_rubrics() / "kla-2024.yaml")


def test_show_json_is_the_tree() -> None:
    out = CliRunner().invoke(app, ["rubric", "show", "--rubric", KLA_2024, "-f", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["id"] == "kla-2024" and data["max_total"] == 1000
    assert data["provisional"] is False and data["provisional_steps"] is True
    assert [(g["id"], g["max"]) for g in data["groups"]][:2] == [("K", 164), ("I", 115)]
    assert data["groups"][0]["name"] == {"id": "Kelembagaan", "en": "Institutional arrangements"}
    by_id = {i["id"]: i for i in data["indicators"]}
    assert len(by_id) == 31 and by_id["19"]["max"] == 51 and by_id["21B"]["group"] == "V"
    assert sum(i["max"] for i in data["indicators"]) == 1000
    questions = {q["code"]: q for i in data["indicators"] for q in i["items"]}
    assert len(questions) == 274
    policy = questions["1.1"]
    assert policy["max"] == 12 and policy["type"] == "choice" and policy["provisional"] is True
    assert policy["opd"][0] == "jdih" and len(policy["opd"]) > 1  # the lead first
    assert [o["points"] for o in policy["options"]] == [12, 9, 6, 3, 0]
    assert policy["evidence_asked"]["id"].startswith("Salinan Perda")
    share = questions["26.2"]
    assert share["type"] == "percent" and share["respondent"] in ("kecamatan", "desa")
    assert [b["points"] for b in share["bands"]] == [1.2, 2.4, 3.6, 4.8, 6]
    assert questions["26.17"]["max"] == 0


def test_show_table_stays_the_default_and_says_the_steps_are_provisional() -> None:
    out = CliRunner().invoke(app, ["--lang", "en", "rubric", "show", "--rubric", KLA_2024])
    assert out.exit_code == 0 and not out.stdout.lstrip().startswith("{")
    assert "The points are official; the graded steps" in out.stdout
    demo = CliRunner().invoke(app, ["--lang", "en", "rubric", "show", "--rubric", str(DEMO_RUBRIC)])
    assert "PROVISIONAL (not KemenPPPA" in demo.stdout


def test_check_prints_warnings_and_exits_0() -> None:
    out = CliRunner().invoke(app, ["--lang", "en", "rubric", "check", KLA_2024])
    assert out.exit_code == 0
    warnings = [line for line in out.stderr.splitlines() if line.startswith("Warning: ")]
    assert len(warnings) == 2
    assert "indicator 19" in warnings[0] and "21B" in warnings[1]
    assert "total 1000" in out.stdout
    clean = CliRunner().invoke(app, ["rubric", "check", str(DEMO_RUBRIC)])
    assert clean.exit_code == 0 and clean.stderr == ""
