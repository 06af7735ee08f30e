"""The region memo (`region_memo`): `kla score` or `kla gap` on workbooks that did not change
answers from the memo, exactly as a fresh read would; anything the assessment depends on that
changed is a fresh read; what cannot be kept exactly is not kept."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kla_cli import region_memo
from kla_cli.cli.app import app

from ..conftest import EXAMPLE, ROOT

HIT = "from the cache"


@pytest.fixture
def city(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example city in a folder of its own, with a cache folder of its own."""
    monkeypatch.setenv("KLA_CACHE_DIR", str(tmp_path / "cache"))
    shutil.copytree(EXAMPLE, tmp_path / "kota")
    return tmp_path / "kota"


def _run(*args: str) -> Result:
    result = CliRunner().invoke(app, ["-v", *args], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code in (0, 1), result.stderr
    return result


def _memos(city: Path) -> list[Path]:
    return sorted((city.parent / "cache").glob("memo-*.json"))


def _without_memo_line(stderr: str) -> str:
    return "\n".join(line for line in stderr.splitlines() if HIT not in line)


@pytest.mark.parametrize(
    "args",
    [
        ["score"],
        ["score", "--detail", "--warnings"],
        ["score", "-f", "json"],
        ["gap", "-f", "json"],
        ["gap", "--target", "utama"],
    ],
)
def test_an_unchanged_region_answers_from_the_memo_exactly(city: Path, args: list[str]) -> None:
    first = _run(*args, str(city))
    assert HIT not in first.stderr
    again = _run(*args, str(city))
    assert HIT in again.stderr
    fresh = _run(*args, str(city), "--no-cache")
    assert HIT not in fresh.stderr
    for result in (first, again):
        assert result.stdout == fresh.stdout
        assert result.exit_code == fresh.exit_code
    # -v still names every workbook, as read the first time
    assert _without_memo_line(again.stderr) == _without_memo_line(first.stderr)


def test_gap_after_score_takes_the_score_s_assessment(city: Path) -> None:
    _run("score", str(city))
    assert HIT in _run("gap", str(city)).stderr


def test_a_changed_form_is_read_again(city: Path) -> None:
    import openpyxl

    before = _run("score", "-f", "json", str(city))
    form = city / "dinkes.xlsx"
    book = openpyxl.load_workbook(form)
    for (cell,) in book["Isian"].iter_rows(min_row=7, min_col=6, max_col=6):
        cell.value = None
    book.save(form)
    after = _run("score", "-f", "json", str(city))
    assert HIT not in after.stderr
    assert after.stdout != before.stdout
    assert after.stdout == _run("score", "-f", "json", str(city), "--no-cache").stdout


def test_a_form_added_or_touched_is_read_again(city: Path) -> None:
    _run("score", str(city))
    os.utime(city / "dinkes.xlsx", (1_000_000_000, 1_000_000_000))
    assert HIT not in _run("score", str(city)).stderr  # which copy of a form is newer may count
    assert HIT in _run("score", str(city)).stderr
    shutil.copy(city / "dinkes.xlsx", city / "dinkes (1).xlsx")
    assert HIT not in _run("score", str(city)).stderr


def test_another_rubric_or_columns_is_another_assessment(city: Path, tmp_path: Path) -> None:
    _run("score", str(city))
    rubric = tmp_path / "kla-2024.yaml"
    shutil.copy(ROOT / "rubrics" / "kla-2024.yaml", rubric)
    assert HIT not in _run("score", "--rubric", str(rubric), str(city)).stderr
    with rubric.open("a", encoding="utf-8") as out:
        out.write("\n# a comment: other bytes\n")
    assert HIT not in _run("score", "--rubric", str(rubric), str(city)).stderr
    assert HIT not in _run("score", "--columns", "nilai=F", str(city)).stderr


def test_the_paths_as_given_are_part_of_the_key(
    city: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Findings name files as they were given: another spelling of the same folder is a fresh
    read, never another run's file names."""
    _run("score", str(city))
    monkeypatch.chdir(city.parent)
    relative = _run("score", "kota")
    assert HIT not in relative.stderr
    assert str(city) not in relative.stderr


def test_no_cache_neither_reads_nor_writes_the_memo(city: Path) -> None:
    _run("score", "--no-cache", str(city))
    _run("gap", "--no-cache", str(city))
    assert _memos(city) == []
    _run("score", str(city))
    assert len(_memos(city)) == 1
    assert HIT not in _run("score", "--no-cache", str(city)).stderr


def test_a_damaged_entry_is_a_miss(city: Path) -> None:
    expected = _run("score", "-f", "json", str(city))
    (memo,) = _memos(city)
    memo.write_bytes(memo.read_bytes()[:-40] + b"x" * 40)
    again = _run("score", "-f", "json", str(city))
    assert HIT not in again.stderr and again.stdout == expected.stdout


def test_an_entry_under_the_right_key_but_not_kla_s_records_is_a_miss(city: Path) -> None:
    """A well-formed entry naming a class the codec does not build is refused, not run."""
    from kla_cli.io.cache import read_entry, write_entry

    _run("score", str(city))
    (memo,) = _memos(city)
    payload = read_entry(memo)
    assert payload is not None
    key = payload.partition(b"\n")[0]
    write_entry(memo, key + b'\n{"@": "Popen", "f": [["rm", "-rf", "/"]]}')
    assert HIT not in _run("score", str(city)).stderr
    write_entry(memo, key + b"\n" + b"[" * 100_000 + b"]" * 100_000)  # deeper than JSON goes
    assert HIT not in _run("score", str(city)).stderr


def test_a_region_with_a_form_that_could_not_be_opened_is_not_kept(tmp_path: Path) -> None:
    """A form held open by Excel (cannot-open) is readable once closed: never kept. A file that
    is no workbook at all is kept: its bytes are in the key, and they are what is wrong."""
    from kla_cli.core.findings import Finding, Severity
    from kla_cli.region_memo import Assessed, Slot

    from ..stages import result

    slot = Slot(tmp_path / "memo.json", lambda files: "key")
    slot.begin([])
    locked = Finding(Severity.ERROR, "cannot-open", "dinkes.xlsx", args={"error": "locked"})
    assert not slot.keep(Assessed(result(), [locked], [locked], (), ()))
    assert slot.get() is None


def test_a_file_that_is_no_workbook_is_kept_with_its_finding(city: Path) -> None:
    (city / "rusak.xlsx").write_bytes(b"not a zip")
    first = _run("score", "--allow-errors", str(city))
    again = _run("score", "--allow-errors", str(city))
    assert "rusak.xlsx" in first.stdout + first.stderr
    assert HIT in again.stderr
    assert (again.stdout, again.exit_code) == (first.stdout, first.exit_code)


def test_what_does_not_read_back_the_same_is_not_kept(tmp_path: Path) -> None:
    """The memo keeps an assessment only when its entry decodes to exactly the same records."""
    from kla_cli.core.findings import Finding, Severity
    from kla_cli.region_memo import Assessed, Slot

    from ..stages import result

    slot = Slot(tmp_path / "memo.json", lambda files: "key")
    rubric = [tmp_path / "rubrik.yaml"]
    slot.begin(rubric)
    odd = Finding(Severity.WARNING, "x", "f.xlsx", args={"where": Path("f.xlsx")})
    assert not slot.keep(Assessed(result(), [odd], [], (), ()))
    assert not (tmp_path / "memo.json").exists()
    plain = Finding(Severity.WARNING, "x", "f.xlsx", args={"value": 0.1})
    kept = Assessed(result(), [plain], [], (), ())
    assert slot.keep(kept)
    assert Slot(tmp_path / "memo.json", lambda files: "key").get() == (kept, tuple(rubric))
    assert Slot(tmp_path / "memo.json", lambda files: "other").get() is None


def test_without_begin_nothing_is_kept(tmp_path: Path) -> None:
    from kla_cli.region_memo import Assessed, Slot

    from ..stages import result

    slot = Slot(tmp_path / "memo.json", lambda files: "key")
    assert not slot.keep(Assessed(result(), [], [], (), ()))


def test_a_path_that_cannot_be_stamped_has_no_memo(tmp_path: Path) -> None:
    from ..stages import result

    for paths in ([tmp_path / "missing"], [tmp_path]):  # not there; no workbooks
        slot = region_memo.slot(paths, tmp_path / "r.yaml", None, True, tmp_path)
        slot.begin([])
        assert not slot.keep(region_memo.Assessed(result(), [], [], (), ()))
        assert slot.get() is None


def test_a_rubric_piped_in_has_no_memo(city: Path) -> None:
    """`--rubric -`: no file to stamp, so the memo is neither read nor written."""
    rubric = (ROOT / "rubrics" / "kla-2024.yaml").read_text(encoding="utf-8")
    for _ in range(2):
        result = CliRunner().invoke(app, ["-v", "score", "--rubric", "-", str(city)], input=rubric)
        assert result.exit_code in (0, 1), result.stderr
        assert HIT not in result.stderr
    assert _memos(city) == []


# Found in review: what the key did not cover.


def test_a_finding_worded_as_the_file_is_read_is_kept_per_language(city: Path) -> None:
    """A file that is no workbook says what it is in the run's language as it is read: a memo
    filled in Indonesian is not read back in English."""
    (city / "dinkes.xlsx").write_bytes(b"%PDF-1.4\n%%EOF\n")
    _run("--lang", "id", "score", "--allow-errors", str(city))
    english = _run("--lang", "en", "score", "--allow-errors", str(city))
    fresh = _run("--lang", "en", "score", "--allow-errors", "--no-cache", str(city))
    assert HIT not in english.stderr
    assert "PDF document" in english.stderr + english.stdout
    assert (english.stdout, english.stderr) == (fresh.stdout, fresh.stderr)
    assert HIT in _run("--lang", "en", "score", "--allow-errors", str(city)).stderr


def test_a_form_that_arrives_while_the_region_is_read_is_not_kept(
    city: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key is worked out before the read and again after it: a download that finished in
    between (and was then removed) does not leave a result that names it."""
    from kla_cli.workbook import read

    listed = read.workbook_paths

    def arriving(paths: list[Path]) -> list[Path]:
        shutil.copy(city / "dinkes.xlsx", city / "unduhan.xlsx")
        return listed(paths)

    monkeypatch.setattr(read, "workbook_paths", arriving)
    _run("score", str(city))
    monkeypatch.setattr(read, "workbook_paths", listed)
    (city / "unduhan.xlsx").unlink()
    again = _run("score", str(city))
    assert HIT not in again.stderr and "unduhan" not in again.stderr + again.stdout
    assert again.stdout == _run("score", "--no-cache", str(city)).stdout


def test_memory_that_ran_out_is_not_kept(city: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Running out of memory reads as a sheet too large; the next run may well read it."""
    from kla_cli.workbook import read

    real = read._read_any
    failed: list[Path] = []

    def once(path: Path, *args: object) -> object:
        if path.name == "dinkes.xlsx" and not failed:
            failed.append(path)
            raise MemoryError
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(read, "_read_any", once)
    first = _run("score", "--allow-errors", str(city))
    assert failed and "too-large" in first.stderr + first.stdout
    again = _run("score", "--allow-errors", str(city))
    assert HIT not in again.stderr
    assert again.stdout == _run("score", "--no-cache", str(city)).stdout


# The rubric, when the memo answers `kla score`: not loaded at all.


def test_score_answered_by_the_memo_does_not_load_the_rubric(
    city: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kla_cli.cli import options

    first = _run("score", "--fail-under", "utama", str(city))

    def refused(*args: object, **kwargs: object) -> object:
        raise AssertionError("the rubric was loaded")

    monkeypatch.setattr(options, "load_rubric", refused)
    again = _run("score", "--fail-under", "utama", str(city))
    assert HIT in again.stderr
    assert again.stdout == first.stdout
    assert again.exit_code == first.exit_code == 1  # below Utama, judged on the memo's tiers
    unknown = CliRunner().invoke(app, ["score", "--fail-under", "emas", str(city)])
    assert unknown.exit_code == 2 and "emas" in unknown.stderr


def test_a_base_the_rubric_extends_is_in_the_key(city: Path, tmp_path: Path) -> None:
    """`kla-2024-pratama501.yaml` extends `kla-2024.yaml`: a changed base is a fresh read."""
    folder = tmp_path / "rubrik"
    shutil.copytree(ROOT / "rubrics", folder)
    profile = folder / "kla-2024-pratama501.yaml"
    first = _run("score", "--rubric", str(profile), "-f", "json", str(city))
    assert HIT in _run("score", "--rubric", str(profile), "-f", "json", str(city)).stderr
    base = folder / "kla-2024.yaml"
    base.write_text(base.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    again = _run("score", "--rubric", str(profile), "-f", "json", str(city))
    assert HIT not in again.stderr and again.stdout == first.stdout


def test_every_module_of_kla_is_in_the_key(tmp_path: Path) -> None:
    """An edited checkout is a new kla: each module's size and time are part of the key, in
    every subfolder, but not the byte-compiled copies."""
    stamped = region_memo._code_stamp().decode()
    for module in (
        region_memo.__file__,
        Path(region_memo.__file__).parent / "core" / "gap" / "plan.py",
    ):
        assert f"{module}:" in stamped
    assert "__pycache__" not in stamped
    (tmp_path / "sub" / "__pycache__").mkdir(parents=True)
    for name in ("a.py", "sub/b.py", "sub/__pycache__/b.py", "sub/notes.txt"):
        (tmp_path / name).write_text("x = 1\n")
    found: list[str] = []
    region_memo._stamp_modules(str(tmp_path), found)
    assert [line.split(":")[0] for line in found] == [
        str(tmp_path / "a.py"),
        str(tmp_path / "sub" / "b.py"),
    ]
    (tmp_path / "sub" / "b.py").write_text("x = 10\n")
    again: list[str] = []
    region_memo._stamp_modules(str(tmp_path), again)
    assert again[0] == found[0] and again[1] != found[1]
