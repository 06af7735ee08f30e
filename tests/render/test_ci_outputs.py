"""What CI reads: JUnit valid against the Jenkins junit-10.xsd with time, timestamp and hostname
(reproducible under SOURCE_DATE_EPOCH); GitHub annotations capped at 10 per kind, files relative
to GITHUB_WORKSPACE, no notice for passing regions; the job summary; validate's formats."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core.ranking import RegionResult, summarise
from kla_cli.render.batch import batch_github

from ..conftest import DATA, EXAMPLE, ROOT

PROVINSI = ROOT / "examples" / "provinsi-contoh"
JUNIT = xmlschema.XMLSchema(str(DATA / "junit-10.xsd"))


def _kla(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], *args: str) -> tuple[int, str]:
    for key in ("SOURCE_DATE_EPOCH", "GITHUB_WORKSPACE", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    out = CliRunner().invoke(app, ["--lang", "en", *args])
    return out.exit_code, out.stdout


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two regions of the example province and one that cannot be read."""
    root = tmp_path_factory.mktemp("provinsi")
    for name in ("kota-bahari", "kota-lama"):
        shutil.copytree(PROVINSI / name, root / name)
    (root / "rusak").mkdir()
    (root / "rusak" / "dinkes.xlsx").write_bytes(b"bukan buku kerja")
    return root


@pytest.mark.slow
@pytest.mark.parametrize("command", ["batch", "validate"])
def test_junit_is_valid_against_the_jenkins_schema(
    monkeypatch: pytest.MonkeyPatch, province: Path, command: str
) -> None:
    target = str(province) if command == "batch" else str(province / "kota-lama")
    code, xml = _kla(monkeypatch, {}, command, target, "-f", "junit")
    assert code in (1, 2), xml
    JUNIT.validate(xml.encode("utf-8"))
    suite = ET.fromstring(xml.encode("utf-8")).find("testsuite")
    assert suite is not None
    assert float(suite.get("time", "x")) >= 0 and suite.get("hostname")
    assert len(suite.get("timestamp", "")) == 19  # 2026-01-31T08:00:00
    failures = suite.findall("testcase/failure") + suite.findall("testcase/error")
    assert failures and int(suite.get("failures", 0)) + int(suite.get("errors", 0)) == len(failures)


@pytest.mark.slow
def test_junit_is_reproducible_under_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch, province: Path
) -> None:
    env = {"SOURCE_DATE_EPOCH": "1735689600"}
    first = _kla(monkeypatch, env, "batch", str(province), "-f", "junit", "-j", "1")[1]
    second = _kla(monkeypatch, env, "batch", str(province), "-f", "junit", "-j", "1")[1]
    assert first == second
    assert 'timestamp="2025-01-01T00:00:00"' in first and 'hostname="localhost"' in first
    JUNIT.validate(first.encode("utf-8"))


def test_validate_github_caps_annotations_and_names_files_from_the_workspace(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    env = {"GITHUB_WORKSPACE": str(ROOT), "GITHUB_STEP_SUMMARY": str(summary)}
    monkeypatch.chdir(tmp_path)  # the workspace, not the working folder, is the base
    code, out = _kla(monkeypatch, env, "validate", str(EXAMPLE), "-f", "github")
    assert code == 0
    warnings = [line for line in out.splitlines() if line.startswith("::warning ")]
    assert len(warnings) == 10  # of 26: GitHub would drop the rest
    assert all("file=examples/kota-contoh/" in line for line in warnings)
    assert "16 more annotations not shown (warning 16) — see the job summary" in out
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("# earlier step\n## Workbook check")  # appended, not replaced
    assert written.count("\n| warning | ") == 26  # the summary lists them all


def test_batch_github_has_no_notice_for_passing_regions_and_errors_carry_file(
    monkeypatch: pytest.MonkeyPatch, province: Path, tmp_path: Path
) -> None:
    summary = tmp_path / "summary.md"
    env = {"GITHUB_WORKSPACE": str(province.parent), "GITHUB_STEP_SUMMARY": str(summary)}
    code, out = _kla(monkeypatch, env, "batch", str(province), "-f", "github", "-j", "1")
    assert code == 2  # a region could not be read
    assert "::notice" not in out
    errors = [line for line in out.splitlines() if line.startswith("::error ")]
    assert {line.split(",")[0] for line in errors} == {
        f"::error file={province.name}/kota-lama",
        f"::error file={province.name}/rusak",
    }
    assert "Kota Bahari" in summary.read_text(encoding="utf-8")  # passing: in the summary only


def test_batch_github_caps_errors_at_ten(mini: object) -> None:
    from kla_cli.core.rubric import Rubric

    assert isinstance(mini, Rubric)
    results = [
        RegionResult(name=f"kab-{i:02}", path=f"/tmp/p/kab-{i:02}", total=1.0, errors=1)
        for i in range(13)
    ]
    out = batch_github(summarise(mini, results, "en"), "en", base="/tmp/p")
    errors = [line for line in out.splitlines() if line.startswith("::error ")]
    assert len(errors) == 10 and errors[0].startswith("::error file=kab-00,")
    assert "3 more annotations not shown (error 3)" in out


def test_validate_speaks_the_common_format_vocabulary(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    region = str(PROVINSI / "kota-lama")
    table = _kla(monkeypatch, {}, "validate", region)
    assert table[0] == 1
    assert _kla(monkeypatch, {}, "validate", region, "-f", "table") == table
    assert _kla(monkeypatch, {}, "validate", region, "-f", "text") == table  # the old name
    code, markdown = _kla(monkeypatch, {}, "validate", region, "-f", "markdown")
    assert code == 1 and markdown.startswith("## Workbook check")
    assert "| Severity | File | Cell | Code | Problem |" in markdown
    written = tmp_path / "hasil.xml"
    assert _kla(monkeypatch, {}, "validate", region, "-o", str(written))[0] == 1
    JUNIT.validate(str(written))
    helped = _kla(monkeypatch, {}, "validate", "--help")[1]
    assert "table|json|markdown|junit|github" in helped and "text|" not in helped
