"""The validated rubric kept as plain data (`io/rubric_cache`): the same rubric and the same
scores as a fresh validation, a miss for any change, and a damaged entry never trusted."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core import rubric as plain
from kla_cli.core import rubric_schema as schema
from kla_cli.core.rubric import rubric_data, rubric_from_data
from kla_cli.errors import KlaError
from kla_cli.io.cache import read_entry, write_entry
from kla_cli.io.rubric_cache import load_rubric_cached
from kla_cli.io.rubric_yaml import load_rubric_and_files

from ..conftest import DEMO_RUBRIC, EXAMPLE, KLA_RUBRIC_2024, ROOT

RUBRICS = sorted((ROOT / "rubrics").glob("*.yaml"))


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("rubric-*.json"))


@pytest.mark.parametrize("file", RUBRICS, ids=lambda p: p.name)
def test_cached_rubric_equals_a_fresh_validation(file: Path, tmp_path: Path) -> None:
    fresh, files = load_rubric_and_files(file)
    stored, stored_files = load_rubric_cached(file, tmp_path)  # a miss: validated and kept
    assert len(_entries(tmp_path)) == 1
    cached, cached_files = load_rubric_cached(file, tmp_path)  # a hit
    assert fresh == stored == cached
    assert rubric_data(cached) == rubric_data(fresh)
    assert cached.content_hash == fresh.content_hash
    assert files == stored_files == cached_files


@pytest.mark.parametrize("file", RUBRICS, ids=lambda p: p.name)
def test_content_hash_is_the_one_forms_already_carry(file: Path) -> None:
    """Forms record the rubric's fingerprint; it was pydantic's JSON of the rubric, and must
    stay what it was, or every form written before would be flagged."""
    data = yaml.safe_load(file.read_text("utf-8"))
    if "extends" in data:
        data = {**yaml.safe_load((file.parent / data.pop("extends")).read_text("utf-8")), **data}
    model = schema.Rubric.model_validate(data)
    before = hashlib.sha256(model.model_dump_json().encode()).hexdigest()[:16]
    assert schema.validate_rubric(data).content_hash == before


def test_schema_and_plain_classes_have_the_same_fields_in_order() -> None:
    for name in ("Text", "Option", "Band", "Item", "Indicator", "Group", "Opd", "Tier", "Rubric"):
        model = getattr(schema, name)
        kind = getattr(plain, name)
        names = getattr(kind, "_fields", None) or [f.name for f in dataclasses.fields(kind)]
        assert list(model.model_fields) == list(names), name


def test_plain_data_round_trips_through_json(kla: plain.Rubric) -> None:
    again = rubric_from_data(json.loads(json.dumps(rubric_data(kla))))
    assert again == kla
    assert again.item_index.keys() == kla.item_index.keys()


def _json(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "-f", "json"])
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


def test_score_and_gap_are_the_same_with_and_without_the_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KLA_CACHE_DIR", str(tmp_path / "cache"))
    outputs = [  # a miss (validated, then kept), then a hit
        (_json("score", str(EXAMPLE), "--detail"), _json("gap", str(EXAMPLE), "-t", "utama"))
        for _ in range(2)
    ]
    assert len(_entries(tmp_path / "cache")) == 1
    monkeypatch.setattr(
        "kla_cli.io.rubric_cache.load_rubric_cached", lambda file: load_rubric_and_files(file)
    )
    uncached = (
        _json("score", str(EXAMPLE), "--detail"),
        _json("gap", str(EXAMPLE), "-t", "utama"),
    )
    assert outputs[0] == outputs[1]
    score, gap = outputs[1]
    assert json.loads(score) == json.loads(uncached[0])  # full JSON equality
    assert json.loads(gap) == json.loads(uncached[1])


def _refuse(*args: object, **kwargs: object) -> None:
    raise AssertionError("the rubric cache was used")


def test_batch_no_cache_validates_the_rubric(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("kla_cli.io.rubric_cache.load_rubric_cached", _refuse)
    root = ROOT / "examples" / "provinsi-contoh"
    result = CliRunner().invoke(app, ["batch", str(root), "--no-cache", "-f", "json"])
    assert result.exit_code in (0, 1), result.stderr


def test_a_changed_rubric_misses_the_cache(tmp_path: Path) -> None:
    file = tmp_path / "rubric.yaml"
    text = DEMO_RUBRIC.read_text("utf-8")
    file.write_text(text, "utf-8")
    first, _ = load_rubric_cached(file, tmp_path / "cache")
    file.write_text(text.replace("max_total:", "# a comment\nmax_total:", 1), "utf-8")
    second, _ = load_rubric_cached(file, tmp_path / "cache")
    assert len(_entries(tmp_path / "cache")) == 2  # any change of the bytes is a new key
    assert second == first
    data = yaml.safe_load(text)
    data["title"] = "Judul lain"
    file.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    third, _ = load_rubric_cached(file, tmp_path / "cache")
    assert third.title.id == "Judul lain" != first.title.id


def test_a_changed_base_misses_the_cache(tmp_path: Path) -> None:
    base = tmp_path / "base.yaml"
    base.write_text(KLA_RUBRIC_2024.read_text("utf-8"), "utf-8")
    child = tmp_path / "child.yaml"
    child.write_text("extends: base.yaml\nversion: '2024-b'\n", "utf-8")
    first, files = load_rubric_cached(child, tmp_path / "cache")
    assert files == (child, base)
    assert load_rubric_cached(child, tmp_path / "cache")[0] == first
    data = yaml.safe_load(base.read_text("utf-8"))
    data["max_total"] = 1000.0
    data["title"] = {"id": "Dasar baru", "en": "New base"}
    base.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    second, _ = load_rubric_cached(child, tmp_path / "cache")
    assert second.title.en == "New base"
    assert second.version == "2024-b"


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: len(data) // 2],  # cut off
        lambda data: data.replace(b'"points": 1', b'"points": 9', 1),  # changed, hash kept
        lambda data: b"not a cache entry at all\n{}",
    ],
    ids=["empty", "truncated", "tampered", "garbage"],
)
def test_a_damaged_entry_is_ignored_and_rewritten(tmp_path: Path, damage: object) -> None:
    fresh, _ = load_rubric_cached(DEMO_RUBRIC, tmp_path)
    (entry,) = _entries(tmp_path)
    good = entry.read_bytes()
    entry.write_bytes(damage(good))  # type: ignore[operator]
    again, _ = load_rubric_cached(DEMO_RUBRIC, tmp_path)
    assert again == fresh
    assert entry.read_bytes() == good


def test_a_well_formed_entry_of_the_wrong_shape_is_a_miss(tmp_path: Path) -> None:
    fresh, _ = load_rubric_cached(DEMO_RUBRIC, tmp_path)
    (entry,) = _entries(tmp_path)
    write_entry(entry, json.dumps({"rubric": {"id": "x"}, "bases": []}).encode())
    assert load_rubric_cached(DEMO_RUBRIC, tmp_path)[0] == fresh


def test_an_invalid_rubric_is_never_kept(tmp_path: Path) -> None:
    file = tmp_path / "bad.yaml"
    file.write_text(DEMO_RUBRIC.read_text("utf-8").replace("max_total:", "max_total: -1\nx:", 1))
    for _ in range(2):
        with pytest.raises(KlaError):
            load_rubric_cached(file, tmp_path / "cache")
    assert _entries(tmp_path / "cache") == []


def test_a_cache_that_cannot_be_written_changes_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    rubric, _ = load_rubric_cached(DEMO_RUBRIC, blocker / "cache")
    assert rubric == load_rubric_and_files(DEMO_RUBRIC)[0]
    assert read_entry(blocker / "cache" / "x.json") is None
