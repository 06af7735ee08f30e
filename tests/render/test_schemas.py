"""The JSON contract: every JSON output names its schema and kla version and validates against
the schema `kla schema NAME` prints; docs/schemas/ holds exactly those schemas."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from kla_cli import __version__
from kla_cli.cli.app import app
from kla_cli.render.contract import SCHEMA_MAJORS
from kla_cli.render.schemas import NAMES, schema, schema_text

from ..conftest import DATA, ROOT

EXAMPLES = ROOT / "examples"
KOTA = str(EXAMPLES / "kota-contoh")
REKAP = str(EXAMPLES / "rekap-contoh")
PROVINSI = EXAMPLES / "provinsi-contoh"


def _run(*args: str, codes: tuple[int, ...] = (0, 1)) -> dict[str, Any]:
    out = CliRunner().invoke(app, list(args))
    assert out.exit_code in codes, out.output
    data: dict[str, Any] = json.loads(out.stdout)
    return data


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict[str, Any]]]:
    """Every JSON output of the examples, by schema name."""
    tmp = tmp_path_factory.mktemp("json")
    score_kota = _run("score", KOTA, "-f", "json")
    score_rekap = _run("score", REKAP, "-f", "json")
    (tmp / "2023.json").write_text(json.dumps(score_kota), encoding="utf-8")
    (tmp / "2024.json").write_text(json.dumps(score_rekap), encoding="utf-8")
    return {
        "score": [
            score_kota,
            score_rekap,
            _run("score", str(PROVINSI / "kota-bahari"), "-f", "json", "--allow-errors"),
        ],
        "validate": [
            _run("validate", KOTA, "-f", "json"),
            _run("validate", REKAP, "-f", "json"),
            _run("validate", str(PROVINSI / "kabupaten-pesisir"), "-f", "json"),
        ],
        "gap": [
            _run("gap", KOTA, "-t", "utama", "-f", "json"),
            _run("gap", KOTA, "-t", "madya", "--assume", "22B.1=ya", "-f", "json"),
            _run("gap", REKAP, "--basis", "verified", "-f", "json"),
            _run("gap", "--score", "588,40", "-t", "madya", "-f", "json"),
        ],
        "batch": [
            _run("batch", str(PROVINSI), "-f", "json", "-j", "1"),
            _run("batch", str(PROVINSI / "provinsi-contoh.yaml"), "-f", "json", "-j", "1"),
        ],
        "compare": [
            _run("compare", REKAP, "-f", "json"),
            _run("compare", str(tmp / "2023.json"), str(tmp / "2024.json"), "-f", "json"),
        ],
        "history": [_run("history", str(tmp), "-f", "json")],
        "status": [
            _run("status", KOTA, "-f", "json", "--deadline", "2025-12-20"),
            _run("status", REKAP, "-f", "json", "--target", "utama"),
        ],
        "error": [
            _run("score", str(tmp / "tidak-ada"), "-f", "json", codes=(2,)),
            _run("batch", str(PROVINSI), "-j", "0", "-f", "json", codes=(2,)),
            _run("gap", KOTA, "-f", "json", "--rubric", str(tmp / "2023.json"), codes=(2,)),
            _run("compare", "-f", "json", codes=(2,)),
        ],
        "rubric-show": [
            _run("rubric", "show", "-f", "json"),
            _run("rubric", "show", "-f", "json", "--rubric", str(DATA / "mini-rubric.yaml")),
        ],
    }


def test_every_schema_is_a_valid_draft_2020_12_schema() -> None:
    for name in NAMES:
        jsonschema.Draft202012Validator.check_schema(schema(name))


def test_the_committed_schemas_are_what_kla_schema_prints() -> None:
    folder = ROOT / "docs" / "schemas"
    assert sorted(p.stem for p in folder.glob("*.json")) == sorted(NAMES)
    for name in NAMES:
        committed = (folder / f"{name}.json").read_text(encoding="utf-8")
        assert committed == schema_text(name), f"docs/schemas/{name}.json: run kla schema {name}"
    out = CliRunner().invoke(app, ["schema", "score"])
    assert out.exit_code == 0 and out.stdout == schema_text("score")


def test_kla_schema_lists_them_and_refuses_an_unknown_name() -> None:
    listed = CliRunner().invoke(app, ["schema"])
    assert listed.exit_code == 0
    assert [line.split()[0] for line in listed.stdout.splitlines()] == list(NAMES)
    bad = CliRunner().invoke(app, ["schema", "skor"])
    assert bad.exit_code == 2 and "score, validate" in bad.stderr and not bad.stdout


@pytest.mark.slow
def test_every_json_output_of_the_examples_follows_its_schema(
    outputs: dict[str, list[dict[str, Any]]],
) -> None:
    assert set(outputs) == set(SCHEMA_MAJORS)
    for name, documents in outputs.items():
        validator = jsonschema.Draft202012Validator(schema(name))
        for data in documents:
            assert list(data)[:2] == ["schema", "kla_version"]
            assert data["schema"] == f"kla.{name}/{SCHEMA_MAJORS[name]}"
            assert data["kla_version"] == __version__
            errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
            assert not errors, f"{name}: " + "\n".join(errors[:5])
    # the examples reach the optional parts of the contract
    gaps = outputs["gap"]
    assert "assumed" in gaps[1] and "before" in gaps[1] and gaps[2]["cuts"]
    assert {r["status"] for r in outputs["batch"][0]["regions"]} >= {"ok", "invalid"}


@pytest.mark.slow
def test_the_schemas_are_strict(outputs: dict[str, list[dict[str, Any]]]) -> None:
    """A key added, a value retyped or the wrong schema name fails validation."""
    score = outputs["score"][0]
    validator = jsonschema.Draft202012Validator(schema("score"))
    assert validator.is_valid(score)
    assert not validator.is_valid({**score, "extra": 1})
    assert not validator.is_valid({**score, "total": "663,09"})
    assert not validator.is_valid({**score, "schema": "kla.score/2"})
    item = dict(score["indicators"][0]["items"][0], pts=1)
    indicator = dict(score["indicators"][0], items=[item])
    assert not validator.is_valid({**score, "indicators": [indicator]})
    assert not jsonschema.Draft202012Validator(schema("validate")).is_valid(score)


def test_the_shipped_rubrics_follow_the_rubric_schema_and_a_misspelt_key_does_not() -> None:
    validator = jsonschema.Draft202012Validator(schema("rubric"))
    files = [*sorted((ROOT / "rubrics").glob("*.yaml")), DATA / "mini-rubric.yaml"]
    assert len(files) >= 3
    for file in files:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, f"{file.name}: {errors[:3]}"
    mini = yaml.safe_load((DATA / "mini-rubric.yaml").read_text(encoding="utf-8"))
    item = mini["indicators"][0]["items"][0]
    misspelt = {**mini, "indicators": [{**mini["indicators"][0], "items": [{**item, "maks": 3}]}]}
    assert not validator.is_valid(misspelt)
    assert not validator.is_valid({**mini, "tiers": "pratama"})
    assert validator.is_valid({"extends": "kla-2024.yaml", "tiers": mini["tiers"]})


def test_a_saved_json_of_another_schema_is_refused_by_compare(tmp_path: Path) -> None:
    saved = _run("score", KOTA, "-f", "json")
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({**saved, "schema": "kla.score/9"}), encoding="utf-8")
    out = CliRunner().invoke(app, ["compare", str(newer), KOTA])
    assert out.exit_code == 2 and "kla.score/9" in out.stderr
