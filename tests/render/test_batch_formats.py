"""The province ranking in every format `kla batch` writes (table, JSON, CSV, Markdown, JUnit,
GitHub, xlsx, HTML): the region names the forms carry (the folder's name only when no form names
one), equal totals sharing a rank, the reason of every failure, and no pass/fail without a
target."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kla_cli.batch import discover, run_batch, with_targets
from kla_cli.core.ranking import BatchSummary, RegionResult, summarise
from kla_cli.core.rubric import Rubric
from kla_cli.render.batch import render_batch
from kla_cli.render.batch_sheet import batch_html, batch_workbook
from kla_cli.render.formats import Format
from kla_cli.workbook.synthetic import answers_in_band, write_region

TEXT_FORMATS = (Format.TABLE, Format.JSON, Format.CSV, Format.MARKDOWN, Format.JUNIT, Format.GITHUB)
NAMES = ("Kota Anggrek", "Kabupaten Bakau", "Kabupaten Cemara", "Kota Damar")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory, mini: Rubric) -> Path:
    """kota-a first; kab-b and kab-c with the same answers (a tie); kota-d with a broken
    workbook (invalid); kota-e with no workbook at all (could not be read)."""
    root = tmp_path_factory.mktemp("provinsi")
    tie = answers_in_band(mini, 62, 68, seed=7, missing_evidence=0.0)
    bands = {
        "kota-a": answers_in_band(mini, 72, 78, seed=5, missing_evidence=0.0),
        "kab-b": tie,
        "kab-c": tie,
        "kota-d": answers_in_band(mini, 52, 58, seed=9, missing_evidence=0.0),
    }
    for (folder, filled), name in zip(bands.items(), NAMES, strict=True):
        write_region(mini, root / folder, name, "2025", filled)
    (root / "kota-d" / "dinkes.xlsx").write_bytes(b"PK\x03\x04 cut off")
    (root / "kota-e").mkdir()
    return root


@pytest.fixture(scope="module")
def plain(root: Path, mini: Rubric) -> BatchSummary:
    """No target anywhere (no --fail-under, no manifest)."""
    return summarise(mini, run_batch(mini, discover(root), 1, "en"), "en")


@pytest.fixture(scope="module")
def targeted(root: Path, mini: Rubric) -> BatchSummary:
    """--fail-under madya."""
    specs = with_targets(mini, discover(root), "madya")
    return summarise(mini, run_batch(mini, specs, 1, "en"), "en")


def _every_format(summary: BatchSummary, mini: Rubric) -> dict[str, str]:
    texts = {fmt.value: str(render_batch(summary, fmt, "en", width=100)) for fmt in TEXT_FORMATS}
    texts["html"] = batch_html(summary, mini, "en")
    book = load_workbook(io.BytesIO(batch_workbook(summary, mini, "en")))
    texts["xlsx"] = "\n".join(
        " | ".join("" if v is None else str(v) for v in row)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
    )
    return texts


def test_the_regions_are_named_as_their_forms_name_them_in_every_format(
    plain: BatchSummary, mini: Rubric
) -> None:
    assert [r.name for r in plain.results] == [*NAMES, "kota-e"]  # kota-e: no form to name it
    failing = {r.name for r in plain.results if r.failed}
    for fmt, text in _every_format(plain, mini).items():
        for name in NAMES:
            if fmt == "github" and name not in failing:
                continue  # GitHub gets annotations for failing regions only (issue 18)
            assert name in text, (fmt, name)
        rows = text if fmt in ("json", "csv") else text.replace("kota-d", "")  # its reason's path
        for slug in ("kota-a", "kab-b", "kab-c"):
            assert slug not in rows or fmt in ("json", "csv"), (fmt, slug)
    data = json.loads(render_batch(plain, Format.JSON, "en"))
    first = data["regions"][0]
    assert (first["name"], first["region"]) == ("Kota Anggrek", "Kota Anggrek")
    assert first["path"].endswith("kota-a")


def test_equal_totals_share_a_rank_in_every_format(plain: BatchSummary, mini: Rubric) -> None:
    b, c = plain.results[1], plain.results[2]
    assert b.total == c.total
    assert [rank for rank, _ in plain.ranked()] == [1, 2, 2, 4, 5]
    data = json.loads(render_batch(plain, Format.JSON, "en"))
    assert [r["rank"] for r in data["regions"]] == [1, 2, 2, 4, 5]
    rows = list(csv.DictReader(io.StringIO(render_batch(plain, Format.CSV, "en"))))
    assert [r["rank"] for r in rows] == ["1", "2", "2", "4", "5"]
    table = str(render_batch(plain, Format.TABLE, "en", width=100)).splitlines()
    starts = [line.split()[0] for line in table if re.match(r"\d+  ", line)]
    assert starts == ["1", "2", "2", "4", "5"]
    markdown = str(render_batch(plain, Format.MARKDOWN, "en"))
    assert "| 2 | Kabupaten Bakau |" in markdown and "| 2 | Kabupaten Cemara |" in markdown
    assert "| 5 | kota-e |" in markdown
    github = str(render_batch(plain, Format.GITHUB, "en"))  # failing regions only, ranked
    assert "#4 Kota Damar" in github and "#5 kota-e" in github
    sheet = load_workbook(io.BytesIO(batch_workbook(plain, mini, "en"))).worksheets[0]
    ranks = [row[0] for row in sheet.iter_rows(values_only=True) if row[1] in (*NAMES, "kota-e")]
    assert ranks == [1, 2, 2, 4, 5]


def test_ranks_by_the_total_as_shown() -> None:
    """650.004 and 650.0 both read 650.00: one rank, not two; two regions without a total
    share the last."""
    from kla_cli.core.ranking import _ranks

    results = [RegionResult(n, n, total=t) for n, t in (("a", 700.0), ("b", 650.004))]
    results += [RegionResult("c", "c", total=650.0), RegionResult("d", "d", total=600.0)]
    results += [RegionResult("e", "e", problem="x"), RegionResult("f", "f", problem="y")]
    assert _ranks(results) == (1, 2, 2, 4, 5, 5)


def test_the_reason_of_each_failure_is_in_every_format(plain: BatchSummary, mini: Rubric) -> None:
    for fmt, wrapped in _every_format(plain, mini).items():
        text = " ".join(wrapped.split())  # the table folds a long reason onto a second line
        assert "validation errors: 1" in text, fmt  # kota-d: its broken workbook
        assert "no workbooks (.xlsx, .xlsm, .xls, .ods) in this folder" in text, fmt  # kota-e
    table = str(render_batch(plain, Format.TABLE, "en", width=100))
    assert "- Kota Damar: validation errors: 1; see them with: kla score" in table
    assert "- kota-e: " in table
    data = json.loads(render_batch(plain, Format.JSON, "en"))
    reasons = {r["name"]: r["reason"] for r in data["regions"]}
    assert reasons["Kota Anggrek"] is None
    assert reasons["Kota Damar"].startswith("validation errors: 1")


def test_without_a_target_there_is_no_pass_or_fail(plain: BatchSummary, mini: Rubric) -> None:
    assert not plain.targets
    for fmt, text in _every_format(plain, mini).items():
        if fmt in ("json", "csv"):
            continue
        assert "passed" not in text and "below target" not in text, fmt
        assert "Target met" not in text and "| Target |" not in text, fmt
        if fmt != "junit":  # JUnit counts its failures and errors instead
            assert "5 regions: 3 without errors, 1 with errors, 1 could not be read" in text, fmt
    header = str(render_batch(plain, Format.MARKDOWN, "en")).splitlines()[2]
    assert header == "| # | Region | Total | Total with evidence | Predikat | Errors |"
    indonesian = str(render_batch(summarise(mini, plain.results, "id"), Format.TABLE, "id"))
    assert "lolos" not in indonesian and "Capaian" not in indonesian
    assert "3 tanpa galat, 1 bergalat, 1 tidak terbaca" in indonesian


def test_with_a_target_each_region_passes_or_fails(targeted: BatchSummary) -> None:
    markdown = str(render_batch(targeted, Format.MARKDOWN, "en"))
    header = markdown.splitlines()[2]
    assert "| Target | Target met |" in header
    assert "5 regions: 3 passed, 0 below target, 1 with errors, 1 could not be read" in markdown


def test_two_folders_whose_forms_name_one_region_keep_their_folders(
    tmp_path: Path, mini: Rubric
) -> None:
    """A form copied from a neighbour's: both rows stay told apart."""
    filled = answers_in_band(mini, 62, 68, seed=3, missing_evidence=0.0)
    for folder in ("kota-a", "kota-b"):
        write_region(mini, tmp_path / folder, "Kota Anggrek", "2025", filled)
    summary = summarise(mini, run_batch(mini, discover(tmp_path), 1, "en"), "en")
    assert sorted(r.name for r in summary.results) == [
        "Kota Anggrek (kota-a)",
        "Kota Anggrek (kota-b)",
    ]


def test_a_manifest_keeps_its_own_names(tmp_path: Path, mini: Rubric) -> None:
    filled = answers_in_band(mini, 62, 68, seed=3, missing_evidence=0.0)
    write_region(mini, tmp_path / "kota-a", "Kota Anggrek", "2025", filled)
    manifest = tmp_path / "provinsi.yaml"
    manifest.write_text("regions:\n  - {name: Kota A (SK 2025), path: kota-a}\n")
    (result,) = run_batch(mini, discover(manifest), 1, "en")
    assert (result.name, result.region) == ("Kota A (SK 2025)", "Kota Anggrek")


def test_the_junit_cases_are_named_by_region(plain: BatchSummary) -> None:
    suite = ET.fromstring(str(render_batch(plain, Format.JUNIT, "en")))
    names = [case.get("name") for case in suite.iter("testcase")]
    assert names == [*NAMES, "kota-e"]
