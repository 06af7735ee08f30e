"""Result sheets (group totals only, as regions publish them) read from YAML, JSON and CSV, from
real outcomes: Sumbawa 2022 and Lombok Tengah 2024."""

from __future__ import annotations

from pathlib import Path

import pytest

from kla_cli.core.rubric import Rubric
from kla_cli.errors import KlaError
from kla_cli.io.result_sheet import read_sheet

from ..stages import rubric_2024

SUMBAWA_2022 = """\
region: Kabupaten Sumbawa
year: 2022
rubric: kla-2022
groups:
  - Kelembagaan 83,50/150
  - Klaster I 53/115
  - {group: Klaster II, score: 78, max: 170}
  - Klaster III 94,50/150
  - Klaster IV 44,50/110
  - Klaster V 104,85/205
  - Kelana 17/25
  - Dekela 30,50/75
"""

LOMBOK_TENGAH_VA_CSV = """\
wilayah;Kabupaten Lombok Tengah
tahun;2024
kelompok;nilai
Kelembagaan;99,01
Klaster I;64,67
Klaster II;103,8
Klaster III;114
Klaster IV;58
Klaster V;87,15
KD;71,3
Jumlah;597,928
"""


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return rubric_2024()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_sumbawa_2022_with_its_own_maxima(tmp_path: Path, rubric: Rubric) -> None:
    sheet = read_sheet(_write(tmp_path, "sumbawa-2022.yaml", SUMBAWA_2022), rubric, "id")
    snap = sheet.snapshot
    assert snap.region == "Kabupaten Sumbawa" and snap.year == "2022"
    assert snap.rubric_id == "kla-2022" and snap.total == 505.85 and snap.max_total == 1000
    assert snap.predicate_id == "pratama" and snap.total_evidenced is None
    assert len(snap.groups) == 8 and snap.items == () and snap.indicators == ()
    assert [(g.score, g.max) for g in snap.groups][:3] == [(83.5, 150), (53, 115), (78, 170)]
    assert snap.groups[0].key == "K"  # a group of the rubric keeps its id
    assert snap.groups[6].key == "Kelana"  # a group of another instrument keeps its name
    assert sheet.verified is None


def test_lombok_tengah_csv_semicolons_and_a_total_row(tmp_path: Path, rubric: Rubric) -> None:
    sheet = read_sheet(_write(tmp_path, "lomtengah.csv", LOMBOK_TENGAH_VA_CSV), rubric, "en")
    snap = sheet.snapshot
    assert snap.region == "Kabupaten Lombok Tengah" and snap.year == "2024"
    assert snap.total == 597.928  # rounded only when shown
    assert [g.key for g in snap.groups] == ["K", "I", "II", "III", "IV", "V", "KD"]
    assert snap.groups[6].max == 100 and snap.max_total == 1000
    assert snap.rubric_id == "kla-2024" and snap.predicate_id == "pratama"


def test_both_stages_in_one_sheet(tmp_path: Path, rubric: Rubric) -> None:
    text = "region: Lombok Tengah\nyear: 2024\ntotal: 779,05\ngroups:\n" + "".join(
        f"  - {{group: {g}, verified: {v}}}\n"
        for g, v in zip(
            ["K", "I", "II", "III", "IV", "V", "KD"],
            ["99.01", "64.67", "103.8", "114", "58", "87.15", "71.3"],
            strict=True,
        )
    )
    sheet = read_sheet(_write(tmp_path, "lt.yaml", text), rubric, "id")
    assert sheet.snapshot.total == 779.05 and sheet.snapshot.predicate_id == "nindya"
    assert sheet.snapshot.groups == ()  # the self-assessed groups are not given
    assert sheet.snapshot.total_verified == 597.93
    assert sheet.verified is not None and sheet.verified.total == 597.93
    assert sheet.verified.predicate_id == "pratama" and len(sheet.verified.groups) == 7


def test_json_sheet(tmp_path: Path, rubric: Rubric) -> None:
    data = {"region": "X", "year": 2024, "total": 600.5}
    sheet = read_sheet(tmp_path / "x.json", rubric, "id", data)
    assert sheet.snapshot.total == 600.5 and sheet.snapshot.predicate_id == "madya"
    assert sheet.snapshot.groups == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("total: 505.85\ngroups:\n  - Kelembagaan 83,50/150\n", "differs from the sum"),
        ("groups:\n  - Kelembagaan 183,50/150\n", "more than its maximum"),
        ("groups: [{group: Kelana, score: 17}]\n", "give its max"),
        ("groups:\n  - Kelembagaan delapan/150\n", "cannot read"),
        ("groups: [{group: K, score: abc}]\n", "is not a number"),
        ("region: X\n", "no points"),
        ("regoin: X\ntotal: 1\n", "unknown key 'regoin'"),
        ('total: "597.928"\n', "more than its maximum"),  # a thousands dot, never silently
        ("groups: [{group: K, score: 1}, {group: I, verified: 2}]\n", "for every group"),
    ],
)
def test_never_a_silent_wrong_number(
    tmp_path: Path, rubric: Rubric, text: str, message: str
) -> None:
    path = _write(tmp_path, "bad.yaml", text)
    with pytest.raises(KlaError) as caught:
        read_sheet(path, rubric, "en")
    rendered = caught.value.render("en")
    assert str(path) in rendered and message in rendered


def test_csv_without_header(tmp_path: Path, rubric: Rubric) -> None:
    with pytest.raises(KlaError) as caught:
        read_sheet(_write(tmp_path, "x.csv", "region,X\n"), rubric, "en")
    assert "no header row" in caught.value.render("en")
