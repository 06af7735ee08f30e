"""Random byte changes in a real form (issue 17: 47 of 400 gave 'internal error' and stopped
the region) give a normal read or a finding naming the file, never an exception; a batch goes
on past a file whose read fails in any way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kla_cli.cli.app import app
from kla_cli.core.assess import assess
from kla_cli.io.rubric_yaml import load_rubric
from kla_cli.workbook.read import read_workbook

from .hostile_corpus import MINI, RUBRIC_ARGS, _book, _region, _xlsx_bytes
from .hostile_reading import ods_form, xls_form

RUBRIC = load_rubric(MINI)
FORMS = {".xlsx": _xlsx_bytes(_book()), ".xls": xls_form(), ".ods": ods_form()}


@pytest.mark.slow
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    suffix=st.sampled_from(sorted(FORMS)),
    changes=st.lists(st.tuples(st.integers(0, 10**9), st.integers(0, 255)), min_size=1, max_size=3),
)
def test_a_mutated_form_reads_or_is_named(
    suffix: str, changes: list[tuple[int, int]], tmp_path: Path
) -> None:
    data = bytearray(FORMS[suffix])
    for at, value in changes:
        data[at % len(data)] = value
    path = tmp_path / f"mutan{suffix}"
    path.write_bytes(bytes(data))
    sub = read_workbook(path)  # never raises
    assert all(f.file == str(path) for f in sub.findings)
    assess(RUBRIC, [sub])  # and whatever was read can be assessed


def test_batch_goes_on_past_files_whose_read_fails(tmp_path: Path) -> None:
    """Two regions in two processes; one holds a cut .xls, a corrupt .xlsx and a runaway sheet."""
    from .hostile_corpus import _rezip
    from .hostile_reading import _far_value, corrupt_deflate

    root = tmp_path / "provinsi"
    _region(root, "kota-a")
    bad = _region(root, "kota-b")
    (bad / "potong.xls").write_bytes(xls_form()[:4096])
    (bad / "rusak.xlsx").write_bytes(corrupt_deflate())
    (bad / "jauh.xlsx").write_bytes(_rezip(_far_value("XFD1048576"))())
    result = CliRunner().invoke(
        app, ["--lang", "en", "batch", str(root), *RUBRIC_ARGS, "-j", "2", "-f", "json"]
    )
    assert result.exit_code in (0, 1), result.output
    regions = {Path(r["path"]).name: r for r in json.loads(result.stdout)["regions"]}
    assert set(regions) == {"kota-a", "kota-b"}
    assert regions["kota-a"]["total"] == regions["kota-b"]["total"]  # the bad files add nothing
    assert any("potong.xls" in m for m in regions["kota-b"]["messages"])
