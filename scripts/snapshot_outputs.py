"""Run every command on the shipped examples and record what it printed and wrote.

    python scripts/snapshot_outputs.py OUT_DIR          # record
    diff -r BEFORE_DIR AFTER_DIR                        # compare two recordings

Each case leaves `<case>.out` (stdout), `<case>.err` (stderr), `<case>.rc` (exit code) and the
files the command wrote. A spreadsheet is recorded as its unzipped members, with the creation
and modification times of docProps/core.xml removed (openpyxl stamps the time of writing), so
two recordings of the same behaviour are byte-identical. Used to show that a refactoring changes
no output (issue 15).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CITY = "examples/kota-contoh"
PROVINCE = "examples/provinsi-contoh"
MANIFEST = f"{PROVINCE}/provinsi-contoh.yaml"


def cases(work: Path) -> list[tuple[str, list[str]]]:
    """(name, argv after `kla`); `{w}` stands for the scratch folder."""
    w = str(work)
    out: list[tuple[str, list[str]]] = [
        ("version", ["--version"]),
        ("help", ["--help"]),
        ("help-score-en", ["--lang", "en", "score", "--help"]),
        ("rubric-show", ["rubric", "show"]),
        ("rubric-show-items-en", ["--lang", "en", "rubric", "show", "--items"]),
        ("rubric-check", ["rubric", "check", "rubrics/kla-2024.yaml"]),
        ("rubric-check-missing", ["rubric", "check", "no-such.yaml"]),
        ("template", ["template", "-o", f"{w}/forms", "--region", "Kota Contoh", "--year", "2024"]),
        (
            "template-en-opd",
            ["template", "-o", f"{w}/forms-en", "--opd", "dinkes", "--form-lang", "en"],
        ),
        ("validate", ["validate", CITY]),
        ("validate-json", ["validate", CITY, "-f", "json"]),
        ("validate-github", ["validate", CITY, "-f", "github"]),
        ("validate-broken", ["validate", f"{PROVINCE}/kota-lama"]),
        ("merge", ["merge", CITY, "-o", f"{w}/rekap.xlsx"]),
        ("score-merged", ["score", f"{w}/rekap.xlsx"]),
        ("gap-merged", ["gap", f"{w}/rekap.xlsx", "--target", "utama"]),
        ("score-missing", ["score", "no/such/folder"]),
        ("score-bad-format", ["score", CITY, "-f", "pdf"]),
        ("score-bad-suffix", ["score", CITY, "-o", f"{w}/x.pdf"]),
        ("gap-score", ["gap", "--score", "650"]),
        ("gap-score-target-json", ["gap", "--score", "650,5", "--target", "utama", "-f", "json"]),
        ("gap-assume", ["gap", CITY, "--target", "utama", "--assume", "13.1=a"]),
        ("batch-broken", ["batch", f"{PROVINCE}/kota-lama"]),
    ]
    for lang in ("id", "en"):
        out += [
            (f"score-{lang}", ["--lang", lang, "score", CITY]),
            (f"score-detail-{lang}", ["--lang", lang, "score", CITY, "--detail", "--warnings"]),
            (f"gap-{lang}", ["--lang", lang, "gap", CITY, "--target", "nindya"]),
            (f"gap-self-{lang}", ["--lang", lang, "gap", CITY, "--self-assessed"]),
            (f"batch-{lang}", ["--lang", lang, "batch", PROVINCE]),
            (f"batch-manifest-{lang}", ["--lang", lang, "batch", MANIFEST]),
            (f"report-md-{lang}", ["--lang", lang, "report", CITY, "-o", f"{w}/laporan-{lang}.md"]),
            (
                f"report-html-{lang}",
                ["--lang", lang, "report", CITY, "-o", f"{w}/laporan-{lang}.html"],
            ),
            (
                f"report-xlsx-{lang}",
                ["--lang", lang, "report", CITY, "-o", f"{w}/laporan-{lang}.xlsx"],
            ),
            (f"compare-{lang}", ["--lang", lang, "compare", f"{PROVINCE}/kota-bahari", CITY]),
            (f"history-{lang}", ["--lang", lang, "history", f"{w}/sejarah"]),
            (
                f"history-xlsx-{lang}",
                ["--lang", lang, "history", f"{w}/sejarah", "-o", f"{w}/sejarah-{lang}.xlsx"],
            ),
        ]
    for fmt in ("json", "csv", "markdown"):
        out += [
            (f"score-{fmt}", ["score", CITY, "-f", fmt]),
            (f"gap-{fmt}", ["gap", CITY, "--target", "utama", "-f", fmt]),
        ]
    for fmt in ("json", "csv", "markdown", "junit", "github"):
        out.append((f"batch-{fmt}", ["batch", MANIFEST, "-f", fmt]))
    for fmt in ("json", "markdown"):
        out += [
            (f"compare-{fmt}", ["compare", f"{PROVINCE}/kota-bahari", CITY, "-f", fmt]),
            (f"history-{fmt}", ["history", f"{w}/sejarah", "-f", fmt]),
        ]
    out.append(("score-json-file", ["score", CITY, "-o", f"{w}/nilai.json"]))
    return out


def _history_folder(work: Path, kla: str) -> None:
    region = work / "sejarah"
    shutil.copytree(ROOT / PROVINCE / "kabupaten-pesisir", region / "2022")
    shutil.copytree(ROOT / CITY, region / "2024")
    saved = subprocess.run(
        [kla, "score", f"{PROVINCE}/kota-lama", "-f", "json", "--allow-errors"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    (region / "2023.json").write_text(saved.stdout, encoding="utf-8")


_STAMP = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def _record_written(work: Path, dest: Path) -> None:
    for path in sorted(work.rglob("*")):
        if not path.is_file() or "sejarah" in path.parts:
            continue
        rel = path.relative_to(work)
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                for name in book.namelist():
                    data = book.read(name)
                    if name == "docProps/core.xml":
                        data = _STAMP.sub(b"", data)
                    member = dest / f"{rel}.d" / name
                    member.parent.mkdir(parents=True, exist_ok=True)
                    member.write_bytes(data)
        else:
            shutil.copyfile(path, target)


def main() -> int:
    out = Path(sys.argv[1]).resolve()
    out.mkdir(parents=True, exist_ok=True)
    kla = str(Path(sys.executable).with_name("kla"))
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}
    env.pop("KLA_LANG", None)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "w"
        work.mkdir()
        _history_folder(work, kla)
        for name, argv in cases(work):
            done = subprocess.run([kla, *argv], cwd=ROOT, capture_output=True, env=env, check=False)
            scrub = str(work).encode()
            (out / f"{name}.out").write_bytes(done.stdout.replace(scrub, b"{w}"))
            (out / f"{name}.err").write_bytes(done.stderr.replace(scrub, b"{w}"))
            (out / f"{name}.rc").write_text(f"{done.returncode}\n")
        _record_written(work, out / "written")
    print(f"{len(cases(Path('.')))} cases recorded in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
