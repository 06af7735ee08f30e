"""What people expect of a command-line tool: kla.toml, `-` for stdin/stdout, -q and -v,
FORCE_COLOR, and --help without Python type names."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
CITY = ROOT / "examples" / "kota-contoh"
RECAP = ROOT / "examples" / "rekap-contoh"


def _run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def region(tmp_path: Path) -> Path:
    """A project folder with a `.git` (where the search stops) and a region of two forms."""
    (tmp_path / "proyek" / ".git").mkdir(parents=True)
    folder = tmp_path / "proyek" / "2025" / "kota"
    folder.mkdir(parents=True)
    for name in ("dinkes.xlsx", "dp3a.xlsx"):
        shutil.copy(CITY / name, folder / name)
    return folder


# --- kla.toml


def test_kla_toml_is_found_upwards_and_the_command_line_wins(region: Path) -> None:
    (region.parents[1] / "kla.toml").write_text('lang = "en"\ntarget = "utama"\n', encoding="utf-8")
    code, out, err = _run("gap", str(region), "--allow-errors", "-f", "json")
    assert code == 1, err
    assert json.loads(out)["target"]["name"].lower() == "utama"
    code, out, err = _run("gap", str(region), "--allow-errors", "-f", "json", "-t", "madya")
    assert json.loads(out)["target"]["name"].lower() == "madya"
    code, out, err = _run("gap", str(region), "--allow-errors")
    assert "points needed" in out  # lang = "en" from the file
    code, out, err = _run("--lang", "id", "gap", str(region), "--allow-errors")
    assert "kurang 588,46 poin" in out  # --lang wins


def test_the_search_stops_at_the_repository_root(region: Path, tmp_path: Path) -> None:
    (tmp_path / "kla.toml").write_text('lang = "en"\nbogus = 1\n', encoding="utf-8")
    _, _, err = _run("validate", str(region))
    assert "bogus" not in err  # above the .git folder: not read


def test_an_unknown_key_names_the_file_and_line_with_a_did_you_mean(region: Path) -> None:
    config = region.parents[1] / "kla.toml"
    config.write_text('lang = "en"\n\nrubirc = "x.yaml"\n', encoding="utf-8")
    code, out, err = _run("--lang", "en", "score", str(region))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"Error: {config}:3: unknown key 'rubirc' (did you mean 'rubric'?). Hint: known keys:"
        " rubric, region, year, target, lang, form_lang"
    ]


@pytest.mark.parametrize("command", ["status", "followup"])
def test_status_and_followup_find_kla_toml_from_the_region_too(
    region: Path, tmp_path: Path, command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (region.parents[1] / "kla.toml").write_text('target = "emas"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # outside the project: only the region leads to its kla.toml
    args = [command, str(region)] + (["-o", str(tmp_path / "out")] if command == "followup" else [])
    code, _, err = _run("--lang", "en", *args)
    assert code == 2 and "kla.toml" in err and "emas" in err, err


@pytest.mark.parametrize(
    "args", [["gap"], ["gap", "--score", "500"], ["status"], ["gap", "-t", "emas"]]
)
def test_an_unknown_target_is_located_where_it_was_given(
    region: Path, tmp_path: Path, args: list[str]
) -> None:
    config = region.parents[1] / "kla.toml"
    config.write_text('lang = "en"\ntarget = "emas"\n', encoding="utf-8")
    given = args + ([] if "--score" in args else [str(region)])
    code, _, err = _run("--config", str(config), *given)
    where = "--target" if "-t" in args else f"{config}:2"
    assert code == 2 and err.startswith(f"Error: {where}: unknown predikat 'emas'"), err


def test_every_input_argument_leads_to_kla_toml() -> None:
    """A command's input argument is where the search for kla.toml starts (settings.INPUTS);
    the arguments that are not an input say why here."""
    import typer.main

    from kla_cli.cli.settings import INPUTS

    not_inputs = {"new": "the second of compare's two", "name": "a schema's name",
                  "folder": "demo's output", "files": "rubric check's rubrics, not a region"}  # fmt: skip
    group = typer.main.get_command(app)
    todo = [group]
    while todo:
        command = todo.pop()
        todo += getattr(command, "commands", {}).values()
        for param in getattr(command, "params", []):
            if param.param_type_name == "argument":
                assert param.name in INPUTS or param.name in not_inputs, (command.name, param.name)


@pytest.mark.parametrize(
    ("text", "indonesian", "english"),
    [
        ("target = nindya\n", "1: bukan TOML yang sah: nilai tidak sah", "invalid value"),
        ('target "nindya"\n', "1: bukan TOML yang sah: setelah nama kunci harus ada '='", "'='"),
        ('lang = "id"\nlang = "en"\n', "2: bukan TOML yang sah: kunci yang sama", "twice"),
        ("[kla\n", "1: bukan TOML yang sah: Expected ']'", "Expected ']'"),  # kept as it is
    ],
)
def test_a_toml_mistake_names_the_line_in_the_users_language(
    region: Path, text: str, indonesian: str, english: str
) -> None:
    config = region.parents[1] / "kla.toml"
    config.write_text(text, encoding="utf-8")
    code, _, err = _run("--lang", "id", "score", str(region))
    assert code == 2 and f"{config}:{indonesian}" in err, err
    assert "(at line" not in err or "Expected ']'" in err
    code, _, err = _run("--lang", "en", "score", str(region))
    assert code == 2 and english in err, err


def test_tool_kla_in_pyproject_and_config_naming_a_file(region: Path, tmp_path: Path) -> None:
    rubric = region.parents[1] / "rubrik.yaml"
    shutil.copy(ROOT / "rubrics" / "demo-2023.yaml", rubric)
    (region.parent / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.kla]\nrubric = "../rubrik.yaml"\n', encoding="utf-8"
    )
    code, out, err = _run("--lang", "en", "score", str(region), "--allow-errors", "-f", "json")
    assert code == 0, err
    assert json.loads(out)["rubric"]["id"] == "demo-2023", err
    named = tmp_path / "lain.toml"
    named.write_text('rubric = "rubrics/kla-2024.yaml"\n', encoding="utf-8")
    shutil.copytree(ROOT / "rubrics", tmp_path / "rubrics")
    code, out, err = _run(
        "score", str(region), "--allow-errors", "-f", "json", "--config", str(named)
    )
    assert json.loads(out)["rubric"]["id"] == "kla-2024", err


def test_template_takes_region_year_and_form_language(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    (tmp_path / "kla.toml").write_text(
        'region = "Kota Toml"\nyear = 2031\nform_lang = "en"\n', encoding="utf-8"
    )
    code, _, err = _run(
        "template", "-o", str(tmp_path / "f"), "--opd", "dinkes", "--config",
        str(tmp_path / "kla.toml"),
    )  # fmt: skip
    assert code == 0, err
    book = load_workbook(next((tmp_path / "f").glob("*.xlsx")))
    cells = {str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value}
    assert "Kota Toml" in cells and "2031" in cells


# --- `-` for standard input and output


def test_rubric_from_standard_input() -> None:
    text = (ROOT / "rubrics" / "demo-2023.yaml").read_text(encoding="utf-8")
    code, out, err = _run("rubric", "show", "--rubric", "-", "-f", "json", stdin=text)
    assert code == 0, err
    assert json.loads(out)["id"] == "demo-2023"


def test_a_saved_result_from_standard_input(tmp_path: Path) -> None:
    code, saved, err = _run("score", str(RECAP), "-f", "json")
    assert code == 0, err
    code, out, err = _run("--lang", "en", "compare", "-", str(RECAP), "-f", "json", stdin=saved)
    assert code == 0, err
    data = json.loads(out)
    assert data["old"]["total"] == data["new"]["total"] == 751.52
    code, out, err = _run("--lang", "en", "compare", "-", "-", stdin=saved)
    assert code == 2 and "may be used only once" in err


def test_dash_output_is_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = _run("score", str(RECAP), "-f", "json", "-o", "-")
    assert code == 0, err
    assert json.loads(out)["total"] > 0
    assert not (tmp_path / "-").exists()


# --- -q, -v, FORCE_COLOR


def test_quiet_prints_only_the_result(tmp_path: Path) -> None:
    code, out, err = _run("-q", "score", str(CITY), "-o", str(tmp_path / "n.json"))
    assert code == 0 and out == "" and err == ""
    code, out, err = _run("demo", str(tmp_path / "d"), "-q")
    assert code == 0 and out == "" and err == ""
    code, out, err = _run("-q", "score", str(CITY))
    assert code == 0 and out and err == ""


def test_verbose_names_each_file_its_opd_and_counts() -> None:
    _, _, err = _run("--lang", "en", "-v", "score", str(CITY / "dinkes.xlsx"), "--allow-errors")
    assert f"read: {CITY / 'dinkes.xlsx'} · OPD Dinas Kesehatan · " in err
    assert "answered" in err and "rubric: " in err


def test_force_color_as_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from kla_cli.cli.console import use_color

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_color(None)  # through a pipe too
    assert not use_color(Path("x.txt"))  # never in a file
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(None)
    monkeypatch.delenv("NO_COLOR")
    _, out, _ = _run("score", str(RECAP))
    assert "\x1b[" in out


# --- --help


def _commands() -> list[list[str]]:
    import typer.main

    group = typer.main.get_command(app)
    found = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subs = getattr(command, "commands", None)
        found += [[name, sub] for sub in subs] if subs else [[name]]
    return found


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_help_shows_python_type_names_and_each_has_two_examples(lang: str) -> None:
    for command in _commands():
        code, out, err = _run("--lang", lang, *command, "--help")
        assert code == 0, err
        for bad in ("list[", "Path]", "int range", "<path>", "<str>"):
            assert bad not in out, (command, bad, out)
        examples = out.split("Examples:" if lang == "en" else "Contoh:")[1].strip().splitlines()
        assert len(examples) == 2 and all(x.strip().startswith("kla ") for x in examples)
    code, out, _ = _run("--lang", "en", "gap", "--help")
    assert "pratama|madya|nindya|utama|kla" in out
