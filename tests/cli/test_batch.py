"""`kla batch` on crafted provinces (mini rubric) and on examples/provinsi-contoh."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kla_cli.batch import (
    assess_region,
    discover,
    run_batch,
    with_targets,
)
from kla_cli.cli.app import app
from kla_cli.core.ranking import BatchSummary, RegionResult, summarise
from kla_cli.core.rubric import Rubric
from kla_cli.errors import KlaError
from kla_cli.i18n.messages import Lang, t
from kla_cli.io.manifest import RegionSpec, load_manifest
from kla_cli.render.batch import batch_table
from kla_cli.workbook.synthetic import answers_in_band, write_region

from ..conftest import MINI_RUBRIC, ROOT

PROVINCE_EXAMPLE = ROOT / "examples" / "provinsi-contoh"

# folder -> band of the total on the mini rubric (tiers: pratama 50, madya 60, nindya 70, ...)
BANDS = {"kota-a": (72, 78), "kab-b": (62, 68), "kab-c": (52, 58)}
NAMES = {"kota-a": "Kota A", "kab-b": "Kabupaten B", "kab-c": "Kabupaten C"}
"""The region each folder's forms name: what the batch shows, not the folder's slug."""


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory, mini: Rubric) -> Path:
    """Three readable regions (Nindya, Madya, Pratama) and one with a broken workbook."""
    root = tmp_path_factory.mktemp("provinsi")
    for i, (folder, (low, high)) in enumerate(BANDS.items()):
        filled = answers_in_band(mini, low, high, seed=40 + i, missing_evidence=0.0)
        write_region(mini, root / folder, NAMES[folder], "2025", filled)
    filled = answers_in_band(mini, 72, 78, seed=50, missing_evidence=0.0)
    write_region(mini, root / "kota-rusak", "Kota Rusak", "2025", filled)
    (root / "kota-rusak" / "dinkes.xlsx").write_bytes(b"PK\x03\x04 cut off")
    return root


def _run(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(app, ["batch", *args, "--rubric", str(MINI_RUBRIC)])


def _json(runner: CliRunner, *args: str) -> tuple[int, dict[str, object]]:
    result = _run(runner, *args, "--format", "json")
    data: dict[str, object] = json.loads(result.stdout)
    return result.exit_code, data


def _regions(data: dict[str, object]) -> list[dict[str, object]]:
    regions = data["regions"]
    assert isinstance(regions, list)
    return regions


def test_ranking_and_statuses(runner: CliRunner, province: Path) -> None:
    code, data = _json(runner, str(province), "--fail-under", "madya")
    regions = _regions(data)
    names = [r["name"] for r in regions]
    totals = [r["total"] for r in regions]
    assert totals == sorted(totals, reverse=True)  # ranked by total
    assert [r["rank"] for r in regions] == [1, 2, 3, 4]
    by_name = {r["name"]: r for r in regions}
    assert set(names) == {"Kota A", "Kabupaten B", "Kabupaten C", "Kota Rusak"}
    assert by_name["Kota A"]["predicate_id"] == "nindya" and by_name["Kota A"]["met"] is True
    assert by_name["Kota A"]["path"] == str(province / "kota-a")
    assert by_name["Kabupaten B"]["predicate_id"] == "madya"
    assert by_name["Kabupaten B"]["status"] == "ok"
    assert by_name["Kabupaten C"]["met"] is False and by_name["Kabupaten C"]["status"] == "below"
    broken = by_name["Kota Rusak"]
    assert broken["status"] == "invalid" and broken["errors"] == 1
    messages = broken["messages"]
    assert isinstance(messages, list) and "dinkes.xlsx" in messages[0]
    assert data["summary"] == {"regions": 4, "ok": 2, "below": 1, "invalid": 1, "unreadable": 0}
    assert code == 1


def test_exit_codes(runner: CliRunner, province: Path, tmp_path: Path, mini: Rubric) -> None:
    # paths in a manifest stay inside its folder, so the manifest sits beside the regions
    inside = province / "baik.yaml"
    inside.write_text("regions:\n  - {name: A, path: kota-a}\n  - {name: B, path: kab-b}\n")
    try:
        assert _run(runner, str(inside)).exit_code == 0
        assert _run(runner, str(inside), "--fail-under", "madya").exit_code == 0
        assert _run(runner, str(inside), "--fail-under", "nindya").exit_code == 1
    finally:
        inside.unlink()
    root = tmp_path / "prov"
    (root / "kota-kosong").mkdir(parents=True)
    write_region(mini, root / "kota-a", "Kota A", "2025", answers_in_band(mini, 72, 78, seed=1))
    result = _run(runner, str(root))
    assert result.exit_code == 2  # a region could not be read: reported, the others still run
    assert "kota-kosong" in result.stderr and "Kota A" in result.stdout
    assert "kota-kosong" in result.stdout  # no forms to name it: the folder's name


def test_region_folder_as_root_is_refused(runner: CliRunner, province: Path) -> None:
    """ROOT = one region's folder (a common slip): one line saying so, not 3 'regions'."""
    result = _run(runner, str(province / "kota-a"), "--format", "json", "--lang", "en")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["error"]["code"] == "batch-root-is-region"  # -f json
    (line,) = result.stderr.strip().splitlines()
    assert "kota-a: this folder holds one region's OPD workbooks" in line
    assert f"kla score {province / 'kota-a'}" in line


def test_an_opd_form_among_recaps_is_not_a_region(
    runner: CliRunner, province: Path, tmp_path: Path, mini: Rubric
) -> None:
    """A stray OPD workbook beside region folders (or named by a manifest) is reported as one,
    with the command that scores its folder; the recaps and folders still count."""
    import shutil

    root = tmp_path / "prov"
    shutil.copytree(province / "kota-a", root / "kota-a")
    shutil.copy(province / "kab-b" / "dinkes.xlsx", root / "dinkes.xlsx")
    code, data = _json(runner, str(root), "--lang", "en")
    by_name = {r["name"]: r for r in _regions(data)}
    assert by_name["Kota A"]["status"] == "ok"
    stray = by_name["dinkes"]
    assert stray["status"] == "unreadable" and code == 2
    problem = str(stray["problem"])
    assert problem.startswith(f"{root / 'dinkes.xlsx'}: this is one OPD's workbook (")
    assert f"kla score {root}" in problem
    manifest = root / "kla-batch.yaml"
    manifest.write_text("regions:\n  - {name: X, path: dinkes.xlsx}\n")
    code, data = _json(runner, str(manifest), "--lang", "en")
    assert code == 2 and "one OPD's workbook" in str(_regions(data)[0]["problem"])


def test_unreadable_region_names_the_file_and_the_fix(
    runner: CliRunner, tmp_path: Path, mini: Rubric
) -> None:
    root = tmp_path / "prov"
    write_region(mini, root / "kota-a", "Kota A", "2025", answers_in_band(mini, 72, 78, seed=1))
    (root / "kota-b").mkdir()
    (root / "kota-b" / "dinkes.xlsx").write_text("kode;jawaban\n1.1;Ya\n")
    (root / "kota-c").mkdir()
    for name in ("a.xlsx", "b.xlsx"):
        (root / "kota-c" / name).write_bytes(b"")
    result = _run(runner, str(root), "--lang", "en", "--format", "markdown")
    assert result.exit_code == 2
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("Error:")]
    one = next(ln for ln in errors if "kota-b" in ln)
    assert str(root / "kota-b" / "dinkes.xlsx") in one and "[wrong-format]" in one
    assert "save it as an Excel Workbook" in one  # the hint
    two = next(ln for ln in errors if "kota-c" in ln)
    assert "none of its 2 workbooks could be read: " in two and "a.xlsx" in two
    assert "[wrong-format]" in result.stdout  # the markdown summary says it too


def test_manifest_targets(runner: CliRunner, province: Path) -> None:
    manifest = province / "targets.yaml"
    manifest.write_text(
        "target: pratama\n"
        "regions:\n"
        "  - {name: Kota A, path: kota-a, target: utama}\n"
        "  - {name: Kabupaten B, path: kab-b}\n"
        "  - {name: Kabupaten C, path: ./kab-c/../kab-c, target: Pratama}\n"
    )
    try:
        code, data = _json(runner, str(manifest))
    finally:
        manifest.unlink()
    by_name = {r["name"]: r for r in _regions(data)}
    assert by_name["Kota A"]["target_id"] == "utama" and by_name["Kota A"]["met"] is False
    assert by_name["Kabupaten B"]["target_id"] == "pratama" and by_name["Kabupaten B"]["met"]
    assert by_name["Kabupaten C"]["target_id"] == "pratama" and by_name["Kabupaten C"]["met"]
    assert code == 1


def test_fail_under_overrides_the_manifests_default_not_its_entries(
    runner: CliRunner, province: Path
) -> None:
    """Like any command-line option over a file's setting: --fail-under replaces the
    top-level target; a region's own target stays, and stderr says how many kept one."""
    manifest = province / "targets.yaml"
    manifest.write_text(
        "target: pratama\n"
        "regions:\n"
        "  - {name: Kota A, path: kota-a, target: utama}\n"
        "  - {name: Kabupaten B, path: ./kab-b}\n"
    )
    try:
        result = _run(runner, str(manifest), "--fail-under", "nindya", "-f", "json")
    finally:
        manifest.unlink()
    by_name = {r["name"]: r for r in json.loads(result.stdout)["regions"]}
    assert by_name["Kota A"]["target_id"] == "utama"
    assert (
        by_name["Kabupaten B"]["target_id"] == "nindya" and by_name["Kabupaten B"]["met"] is False
    )
    assert "1 of 2 regions keep their own target" in result.stderr
    # shown as written beside the manifest, not resolved to an absolute path
    assert by_name["Kabupaten B"]["path"] == str(province / "kab-b")
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("regions:\n  - {name: X, path: ../outside}\n", "leaves the manifest's folder"),
        ("regions:\n  - {name: X, path: /etc}\n", "leaves the manifest's folder"),
        (
            "regions:\n  - {name: X, path: a}\n  - {name: X, path: b}\n",
            "kla-batch.yaml:3: regions[1]: region name 'X' appears twice. Hint: regions[0] (line 2)",
        ),
        (
            "regions:\n  - {name: X, path: a}\n\n  - {name: Y, path: a, weight: 2}\n",
            "kla-batch.yaml:4: regions[1]: invalid manifest: unknown key 'weight' (known: name,",
        ),
        ("title: P\nregion: []\n", "kla-batch.yaml: invalid manifest: expected a mapping"),
        ("regions: []\nfoo: 1\n", "kla-batch.yaml:2: invalid manifest: unknown key 'foo'"),
        ("regions:\n  - 5\n", "kla-batch.yaml:2: regions[0]: invalid manifest: each entry must"),
        ("regions:\n  - {name: [1], path: a}\n", "regions[0]: invalid manifest: 'name' must be"),
        ("regions: {name: X}\n", "invalid manifest"),
        ("regions:\n  - !!python/object:os.system {name: X}\n", "invalid manifest"),
        ("regions:\n  - {name: X, path: a\n", "invalid manifest"),
        ("regions:\n  - {name: X\x00, path: a}\n", "control characters are not allowed)"),
        (
            "regions:\n  - {name: X, path: a, target: emas}\n",
            "kla-batch.yaml:2: regions[0]: unknown predikat 'emas'",
        ),
        (
            "target: perak\nregions:\n  - {name: X, path: a}\n",
            "kla-batch.yaml:1: unknown predikat 'perak'",
        ),
    ],
)
def test_bad_manifests_are_one_line(
    runner: CliRunner, tmp_path: Path, body: str, expected: str
) -> None:
    (tmp_path / "a").mkdir()
    manifest = tmp_path / "kla-batch.yaml"
    manifest.write_text(body)
    result = _run(runner, str(manifest))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], result.stderr
    assert "Traceback" not in result.output


def test_unknown_fail_under_and_missing_root(runner: CliRunner, province: Path) -> None:
    result = _run(runner, str(province), "--fail-under", "emas")
    assert result.exit_code == 2 and "pratama, madya, nindya, utama, kla" in result.stderr
    assert "--fail-under: unknown predikat 'emas'" in result.stderr
    result = _run(runner, str(province / "nope"))
    assert result.exit_code == 2 and "nope" in result.stderr
    assert _run(runner, str(province), "--jobs", "0").exit_code == 2


def test_junit_is_valid_with_the_right_failures(runner: CliRunner, province: Path) -> None:
    result = _run(runner, str(province), "--fail-under", "madya", "--format", "junit")
    assert result.exit_code == 1
    suites = ET.fromstring(result.stdout)
    suite = suites.find("testsuite")
    assert suite is not None
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert set(cases) == {"Kota A", "Kabupaten B", "Kabupaten C", "Kota Rusak"}
    failed = {name for name, case in cases.items() if case.find("failure") is not None}
    assert failed == {"Kabupaten C", "Kota Rusak"}
    assert suite.get("tests") == "4" and suite.get("failures") == "2" and suite.get("errors") == "0"
    failure = cases["Kota Rusak"].find("failure")
    assert failure is not None and failure.get("type") == "invalid"
    assert "dinkes.xlsx" in (failure.text or "")


def test_junit_error_for_unreadable_region_and_odd_names(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "kota\x01aneh").mkdir()  # a control character cannot go into XML as is
    (tmp_path / "kota\x01aneh" / "isian.xlsx").write_bytes(b"not a workbook")
    result = _run(runner, str(tmp_path), "--format", "junit")
    assert result.exit_code == 2
    case = ET.fromstring(result.stdout).find("testsuite/testcase")
    assert case is not None and case.find("error") is not None
    assert case.get("name") == "kota\ufffdaneh"


def test_csv_and_markdown_and_github(runner: CliRunner, province: Path, tmp_path: Path) -> None:
    result = _run(runner, str(province), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["rank"] for r in rows] == ["1", "2", "3", "4"]
    assert {"name", "total", "total_evidenced", "predicate_id", "met", "status"} <= set(rows[0])
    assert float(rows[0]["total"]) >= float(rows[1]["total"])
    sneaky = tmp_path / "prov"
    (sneaky / "=HYPERLINK(1)").mkdir(parents=True)
    rows = list(csv.DictReader(io.StringIO(_run(runner, str(sneaky), "--format", "csv").stdout)))
    assert rows[0]["name"] == "'=HYPERLINK(1)"  # formula-like text neutralised

    md = _run(runner, str(province), "--format", "markdown", "--fail-under", "madya").stdout
    assert md.startswith("## ") and "| Kota A |" in md and "**Kabupaten C**" in md
    gh = _run(runner, str(province), "--format", "github", "--fail-under", "madya").stdout
    lines = gh.splitlines()
    assert sum(line.startswith("::error file=") for line in lines) == 2
    assert not any(line.startswith("::notice") for line in lines)  # passing: no annotation


def test_parallel_same_as_serial(mini: Rubric, province: Path) -> None:
    specs = discover(province)
    serial = sorted(run_batch(mini, specs, 1, "en"), key=lambda r: r.name)
    parallel = sorted(run_batch(mini, specs, 2, "en"), key=lambda r: r.name)
    assert serial == parallel
    assert len(parallel) == 4


def test_regions_scored_in_turn_with_fewer_collections_then_as_before(
    mini: Rubric, province: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`batch.fewer_collections`: while the regions are scored one after another the collector
    runs every GC_YOUNG allocations with the objects made before frozen; once the batch is done
    (or stopped early by its reader), Python's own settings are back."""
    import gc

    import kla_cli.batch as batch

    seen: list[tuple[int, int]] = []
    score = batch.assess_region

    def watched(*args: object, **kwargs: object) -> RegionResult:
        seen.append((gc.get_threshold()[0], gc.get_freeze_count()))
        return score(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "assess_region", watched)
    before = gc.get_threshold(), gc.get_freeze_count()
    results = list(run_batch(mini, discover(province), 1, "en"))
    assert len(results) == len(seen) == 4
    assert all(young == batch.GC_YOUNG and frozen > 0 for young, frozen in seen)
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
    stopped = run_batch(mini, discover(province), 1, "en")
    next(stopped)
    assert gc.get_threshold()[0] == batch.GC_YOUNG
    stopped.close()
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
    first, second = (run_batch(mini, discover(province), 1, "en") for _ in range(2))
    next(first), next(second)  # two batches overlap: the last to end puts Python's back
    first.close()
    assert gc.get_threshold()[0] == batch.GC_YOUNG
    second.close()
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_regions_taken_from_the_cache_with_fewer_collections_too(
    mini: Rubric, province: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cached re-run finds its keys (a country's `stat`s and listings) with the collector as
    while regions are scored; Python's settings are back afterwards."""
    import gc

    import kla_cli.batch as batch
    from kla_cli.batch_cache import ResultCache

    seen: list[int] = []
    get = ResultCache.get

    def watched(self: ResultCache, spec: RegionSpec) -> RegionResult | None:
        seen.append(gc.get_threshold()[0])
        return get(self, spec)

    monkeypatch.setattr(ResultCache, "get", watched)
    before = gc.get_threshold(), gc.get_freeze_count()
    specs = discover(province)
    list(run_batch(mini, specs, 1, "en", None, ResultCache(province, tmp_path)))
    assert seen == [batch.GC_YOUNG] * len(specs)
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_what_crosses_to_spawned_workers_pickles(kla: Rubric, mini: Rubric, province: Path) -> None:
    """Where workers are spawned (Windows, macOS), the rubric and each chunk of regions are
    pickled to them and the results back (`batch._run`); a record holding a `MappingProxyType`
    (a named tuple's read-only mapping default) could not be."""
    import pickle

    found = [*discover(province), RegionSpec("Hilang", province / "hilang")]
    specs = with_targets(mini, found, "madya")
    results = [assess_region(mini, spec) for spec in specs]
    assert any(r.problem for r in results) and any(r.messages for r in results)
    for value in (kla, mini, specs, results):
        assert pickle.loads(pickle.dumps(value)) == value
    assert pickle.loads(pickle.dumps(kla)).content_hash == kla.content_hash


def test_assess_region_never_raises(mini: Rubric, tmp_path: Path) -> None:
    result = assess_region(mini, RegionSpec("hilang", tmp_path / "hilang"))
    assert result.status == "unreadable" and result.problem


def test_discover_skips_hidden_and_non_workbooks(tmp_path: Path) -> None:
    for name in ("b-kota", "a-kab", ".git", "_arsip"):
        (tmp_path / name).mkdir()
    (tmp_path / "rekap-kota-c.xlsx").write_bytes(b"")
    (tmp_path / "catatan.txt").write_text("x")
    (tmp_path / "kla-batch.yaml").write_text("regions: []\n")
    assert [s.name for s in discover(tmp_path)] == ["a-kab", "b-kota", "rekap-kota-c"]
    with pytest.raises(KlaError):
        discover(tmp_path / "catatan.txt")
    with pytest.raises(KlaError):
        load_manifest(tmp_path / "kla-batch.yaml")  # no regions


def test_example_province_junit_fail_under_madya(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["batch", str(PROVINCE_EXAMPLE), "--format", "junit", "--fail-under", "madya"]
    )
    assert result.exit_code == 1
    suite = ET.fromstring(result.stdout).find("testsuite")
    assert suite is not None
    cases = list(suite.iter("testcase"))
    assert len(cases) == 7
    failed = {c.get("name") for c in cases if c.find("failure") is not None}
    assert failed == {"Kota Lama", "Kabupaten Maju", "Kabupaten Pesisir"}


def test_example_manifest(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["batch", str(PROVINCE_EXAMPLE / "provinsi-contoh.yaml"), "--format", "json"]
    )
    data = json.loads(result.stdout)
    regions = _regions(data)
    assert regions[0]["name"] == "Kota Harapan"
    tiers = {r["predicate_id"] for r in regions}
    assert len(tiers) >= 5  # regions in different tiers, one below Pratama (None)
    assert result.exit_code == 1


def test_a_region_below_the_lowest_tier_reads_no_predikat(
    runner: CliRunner, mini: Rubric, tmp_path: Path
) -> None:
    filled = answers_in_band(mini, 20, 40, seed=3, missing_evidence=0.0)
    write_region(mini, tmp_path / "kota-rendah", "Kota Rendah", "2025", filled)
    for lang, words in (("en", "no predikat"), ("id", "belum berpredikat")):
        result = runner.invoke(
            app, ["--lang", lang, "batch", str(tmp_path), "--rubric", str(MINI_RUBRIC)]
        )
        row = next(line for line in result.stdout.splitlines() if "Kota Rendah" in line)
        assert words in row
    _, data = _json(runner, str(tmp_path))
    assert _regions(data)[0]["predicate"] is None  # JSON stays null


def test_the_manifest_is_never_overwritten(runner: CliRunner, province: Path) -> None:
    manifest = province / "kla-batch.yaml"
    manifest.write_text("regions:\n  - {name: Kota A, path: kota-a}\n", encoding="utf-8")
    before = manifest.read_bytes()
    try:
        result = _run(runner, str(manifest), "-f", "json", "-o", str(manifest))
        assert result.exit_code == 2
        assert "inputs are never overwritten" in result.stderr
        assert manifest.read_bytes() == before
    finally:
        manifest.unlink()


def test_manifest_paths_are_shown_as_written(
    province: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(province)
    manifest = Path("paths.yaml")
    manifest.write_text("regions:\n  - {name: B, path: ./kab-b/}\n  - {name: C, path: kab-c}\n")
    try:
        specs = load_manifest(manifest)
    finally:
        manifest.unlink()
    assert [str(spec.path) for spec in specs] == ["kab-b", "kab-c"]
    assert all(spec.path.is_dir() for spec in specs)


def _table_summary(kla: Rubric, names: list[str], lang: Lang) -> BatchSummary:
    """Regions in every state the table shows: each tier, no predikat, invalid, unreadable."""
    tiers = [None, *(tier.id for tier in kla.tiers)]
    results = [
        RegionResult(
            name,
            f"prov/{name}",
            target="madya",
            total=410.0 + 100 * i,
            total_evidenced=400.0 + 100 * i,
            predicate=tiers[i % len(tiers)],
            met=i % len(tiers) >= 2,
            errors=1 if i == 1 else 0,
        )
        for i, name in enumerate(names)
    ]
    results.append(RegionResult("kota-hilang", "prov/kota-hilang", problem="missing"))
    return summarise(kla, results, lang)


def _region_column(lines: list[str], rank: int) -> str:
    """The region cell of a table row, its wrapped lines joined (the column starts at 3)."""
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{rank}  "))
    parts = [lines[start][3:].split("  ")[0]]
    for line in lines[start + 1 :]:
        if not line.startswith("   "):  # the next row, or the summary line
            break
        parts.append(line[3:].split("  ")[0])
    return " ".join(part for part in parts if part)


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("width", [80, 100, 160])
def test_table_fits_the_line_and_never_cuts_a_region_name(
    kla: Rubric, lang: Lang, width: int
) -> None:
    names = ["kota-harapan", "kabupaten-sejahtera", "Kabupaten Kepulauan Seribu", "kota-lama"]
    summary = _table_summary(kla, [*names, "kab-b", "kab-c"], lang)
    lines = batch_table(summary, lang, color=False, width=width).splitlines()
    assert all(len(line) <= width for line in lines), max(lines, key=len)
    assert not any("…" in line for line in lines)
    for rank, result in summary.ranked():
        # whole, on one line when the line has room (the other columns wrap first); else
        # wrapped at its spaces: never cut
        assert _region_column(lines, rank) == result.name
    if width >= 100:
        assert any("Kabupaten Kepulauan Seribu" in line for line in lines)
    text = "\n".join(lines)
    header = " ".join(t(f"batch.col.{col}", lang) for col in ("errors", "met", "target"))
    for word in header.split():  # the last columns are there too, not cropped
        assert word in text
    for tier in kla.tiers:  # tier names wrap at spaces, never inside a word
        for word in tier.name.get(lang).split():
            assert word in text


def test_a_name_longer_than_the_line_allows_is_folded_not_cut(kla: Rubric) -> None:
    long = "kabupaten-" + "sangat-panjang-" * 5 + "akhir"
    summary = _table_summary(kla, [long, "kota-lama"], "en")
    lines = batch_table(summary, "en", color=False, width=80).splitlines()
    assert all(len(line) <= 80 for line in lines)
    rank = next(i for i, r in summary.ranked() if r.name == long)
    assert _region_column(lines, rank).replace(" ", "") == long


def _batch_with_stderr_on_a_terminal(tmp_path: Path, *args: str) -> tuple[int, bytes, bytes]:
    """Run `kla batch` on the example province with stderr on a pseudo-terminal (as in an
    interactive shell) and stdout to a file: exit code, stdout, what the terminal got."""
    import os
    import subprocess
    import sys

    pty = pytest.importorskip("pty", reason="pseudo-terminals are POSIX only")
    master, slave = pty.openpty()
    cmd = [sys.executable, "-m", "kla_cli", "batch", str(PROVINCE_EXAMPLE), "-j", "2", *args]
    # TERM: rich draws no bar on a 'dumb' terminal, which some CI runners declare
    env = {**os.environ, "KLA_LANG": "en", "COLUMNS": "100", "TERM": "xterm"}
    out_file = tmp_path / "stdout"
    with out_file.open("wb") as out:  # a file, not a pipe: nothing to drain while reading the pty
        proc = subprocess.Popen(cmd, stdout=out, stderr=slave, env=env)
        os.close(slave)
        terminal = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other end closed (Linux reports EIO)
                break
            if not chunk:
                break
            terminal.append(chunk)
        os.close(master)
        code = proc.wait(timeout=120)
    return code, out_file.read_bytes(), b"".join(terminal)


@pytest.mark.slow
def test_progress_bar_on_a_terminal_only_and_never_with_json(tmp_path: Path) -> None:
    code, out, terminal = _batch_with_stderr_on_a_terminal(tmp_path)
    assert code == 1  # kota-lama has a broken workbook
    assert b"Scoring" in terminal and b"7/7" in terminal.replace(b"\x1b[0m", b"")
    assert b"Scoring" not in out and b"\x1b[" not in out  # the summary stays clean
    assert b"Kota Harapan" in out  # the region the forms name, not the folder's slug

    code, out, terminal = _batch_with_stderr_on_a_terminal(tmp_path, "--format", "json")
    assert code == 1
    assert b"Scoring" not in terminal
    assert len(json.loads(out)["regions"]) == 7


def test_no_progress_bar_in_logs() -> None:
    """stderr to a file or a CI log (not a terminal): no bar, only the lines that matter."""
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "kla_cli", "batch", str(PROVINCE_EXAMPLE), "-j", "2"],
        capture_output=True,
        env={**os.environ, "KLA_LANG": "en"},
        check=False,
    )
    assert done.returncode == 1
    assert b"Scoring" not in done.stderr and b"\x1b[" not in done.stderr
    assert b"Scoring" not in done.stdout


_MEMORY_PROBE = """
import json, sys, tracemalloc
from pathlib import Path
from kla_cli.batch import run_batch
from kla_cli.io.manifest import RegionSpec
from kla_cli.workbook.read import read_region
from kla_cli.io.rubric_yaml import load_rubric

rubric = load_rubric(Path(sys.argv[1]))
specs = [RegionSpec(p.name, p) for p in sorted(Path(sys.argv[2]).iterdir())]
list(run_batch(rubric, specs, 1, "en"))  # warm: caches, interned path parts

def growth(step):
    \"\"\"Memory kept per region from the 8th to the 32nd, what `step` returns being kept.\"\"\"
    tracemalloc.start()
    kept, sizes = [], []
    for spec in specs:
        kept.append(step(spec))
        sizes.append(tracemalloc.get_traced_memory()[0])
    tracemalloc.stop()
    return (sizes[31] - sizes[7]) / 24

results = run_batch(rubric, specs, 1, "en")  # the batch keeps each region's result, no more
batch = growth(lambda spec: next(results))
kept = growth(lambda spec: read_region([spec.path]))  # what keeping what was read would cost
print(json.dumps({"batch": batch, "kept": kept}))
"""


@pytest.mark.slow
def test_memory_stays_flat_with_the_number_of_regions(tmp_path: Path, kla: Rubric) -> None:
    """A region's cells and findings are dropped once its small result is made: each region
    keeps a few KB, where keeping what was read would keep tens of KB (measured with
    tracemalloc in a fresh process, so that other tests' state does not count)."""
    import shutil
    import subprocess
    import sys

    filled = answers_in_band(kla, 600, 700, seed=7)
    write_region(kla, tmp_path / "regions" / "r00", "Kabupaten Datar", "2025", filled)
    for i in range(1, 32):
        shutil.copytree(tmp_path / "regions" / "r00", tmp_path / "regions" / f"r{i:02d}")
    rubric = ROOT / "rubrics" / "kla-2024.yaml"
    done = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(rubric), str(tmp_path / "regions")],
        capture_output=True,
        text=True,
        check=True,
    )
    per_region = json.loads(done.stdout)
    assert per_region["batch"] < 8_000, per_region
    assert per_region["kept"] > 5 * 8_000, per_region  # the bound would catch a leak


def test_tier_names_too_long_for_the_line_are_folded_and_every_column_stays(kla: Rubric) -> None:
    """A rubric's own tier names may hold words longer than the line allows beside seven other
    columns: those are folded inside the word, and no column (the rank first) is dropped."""
    long = "Kabupaten/KotaLayakAnakParipurnaSekaliPanjangNamanya"
    base = _table_summary(kla, ["Kabupaten Kepulauan Seribu", "kota-lama"], "en")
    summary = BatchSummary(
        base.rubric_id,
        base.rubric_version,
        base.provisional,
        dict.fromkeys(base.tier_names, long),
        base.results,
        base.counts,
    )
    lines = batch_table(summary, "en", color=False, width=80).splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    for rank, _ in summary.ranked():
        assert any(line.startswith(f"{rank}  ") for line in lines)
    assert "Errors" in "\n".join(lines)


def test_a_target_is_judged_on_the_evidenced_total_as_gap_does(tmp_path: Path) -> None:
    """Kota Harapan self-assesses 919,20 (KLA) but its evidenced total is 822,59 (Utama): a KLA
    target is not met, as `kla gap` would say, and the outputs name that basis."""
    shutil.copytree(PROVINCE_EXAMPLE / "kota-harapan", tmp_path / "kota-harapan")
    manifest = tmp_path / "prov.yaml"
    manifest.write_text(
        "regions:\n  - {name: Kota Harapan, path: kota-harapan, target: kla}\n", encoding="utf-8"
    )
    runner = CliRunner()
    result = runner.invoke(app, ["--lang", "en", "batch", str(manifest), "-j", "1", "-f", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    region = data["regions"][0]
    assert data["target_basis"] == "evidenced"
    assert (region["predicate_id"], region["predicate_evidenced_id"]) == ("kla", "utama")
    assert region["met"] is False and region["status"] == "below"
    table = runner.invoke(
        app, ["--lang", "en", "batch", str(manifest), "-j", "1", "-f", "markdown"]
    )
    assert "total with evidence 822.59 (Utama) is below the target" in table.stdout
    assert "targets judged on the total with evidence" in table.stdout
    gap = runner.invoke(app, ["gap", str(tmp_path / "kota-harapan"), "-t", "kla", "-f", "json"])
    assert gap.exit_code == 1 and json.loads(gap.stdout)["reached"] is False


@pytest.mark.parametrize(
    "target",
    ["kota-a/dinkes.xlsx", "kota-a/ringkasan.xlsx", "ringkasan.xlsx", "manifest.yaml"],
)
def test_the_output_never_replaces_or_joins_what_the_batch_reads(
    runner: CliRunner, province: Path, tmp_path: Path, target: str
) -> None:
    """An OPD workbook, a spreadsheet in a region folder or in ROOT (read as a recap next
    time), the manifest itself: refused before any region is scored, nothing written."""
    root = tmp_path / "prov"
    shutil.copytree(province, root)
    manifest = root / "manifest.yaml"
    manifest.write_text(
        "regions:\n" + "".join(f"  - {{name: {x}, path: {x}}}\n" for x in BANDS), encoding="utf-8"
    )
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    source = manifest if target == "manifest.yaml" else root
    out = root / target
    result = _run(
        runner,
        str(source),
        "-o",
        str(out),
        "-f",
        "json" if out.suffix == ".yaml" else "xlsx",
        "--no-cache",
    )
    assert result.exit_code == 2, result.stderr
    reason = "input files" if target == "manifest.yaml" else "folder of OPD workbooks"
    assert str(out) in result.stderr and reason in result.stderr
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
