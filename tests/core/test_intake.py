"""Files as they really arrive (issue 21): re-sent forms, renamed files, kla's own outputs."""

from __future__ import annotations

from pathlib import Path

from kla_cli.core.assess import assess
from kla_cli.core.intake import Resent, chosen_by_file_times
from kla_cli.core.rubric import Rubric
from kla_cli.core.submission import Submission
from kla_cli.core.validate import validate_region
from kla_cli.workbook.form_writer import Filled
from kla_cli.workbook.read import read_region
from tests.arrivals import ANSWERS, write_form, write_region


def _codes(findings: list) -> list[str]:
    return sorted(f.code for f in findings)


def test_a_re_sent_copy_is_one_line_not_a_warning_per_question(
    mini: Rubric, tmp_path: Path
) -> None:
    folder = write_region(mini, tmp_path / "masuk")
    write_form(mini, "dinkes", folder / "dinkes (1).xlsx", saved="2025-11-12T09:30:00Z")
    validation = validate_region(mini, read_region([folder]))
    resent = [f for f in validation.findings if f.code.startswith("form-resent")]
    assert [(f.code, Path(f.file).name) for f in resent] == [("form-resent-saved", "dinkes.xlsx")]
    text = resent[0].problem("en")
    assert "dinkes (1).xlsx is used" in text and "2025-11-12 09:30" in text
    assert "duplicate-answer" not in _codes(validation.findings)


def test_a_corrected_copy_is_used_and_its_differences_counted_once(
    mini: Rubric, tmp_path: Path
) -> None:
    folder = write_region(mini, tmp_path / "masuk")
    corrected = {"13.1": Filled(18, "stunting.pdf"), "13.2": Filled(82, "asi.pdf")}
    write_form(
        mini,
        "dinkes",
        folder / "Dinkes_rev2 FINAL.xlsx",
        filled=corrected,
        saved="2025-11-20T10:00:00Z",
    )
    assessment = assess(mini, read_region([folder]))
    findings = assessment.validation.findings
    assert "conflicting-answers" not in _codes(findings)
    assert assessment.validation.blocking == []  # it scores
    (differs,) = [f for f in findings if f.code == "form-resent-differs"]
    assert differs.args["count"] == 2 and Path(differs.file).name == "dinkes.xlsx"
    item = {s.code: s for s in assessment.result.all_items()}["13.2"]
    assert item.points == 15  # 82 % from the corrected form


def test_the_older_form_saved_later_on_disk_still_loses_to_the_newer_saved_form(
    mini: Rubric, tmp_path: Path
) -> None:
    """The form's own saved time decides, not when the file was copied into the folder."""
    folder = tmp_path / "masuk"
    write_form(
        mini,
        "dinkes",
        folder / "IMG-20251120-WA0003.xlsx",
        saved="2025-11-20T10:00:00Z",
        filled={"13.1": Filled(18, "s.pdf"), "13.2": Filled(82, "a.pdf")},
    )
    write_form(mini, "dinkes", folder / "dinkes.xlsx", saved="2025-11-01T10:00:00Z")  # copied later
    validation = validate_region(mini, read_region([folder]))
    (line,) = [f for f in validation.findings if f.code == "form-resent-saved"]
    assert line.args["used"].endswith("IMG-20251120-WA0003.xlsx")


def test_renamed_files_are_matched_by_the_forms_metadata(mini: Rubric, tmp_path: Path) -> None:
    folder = tmp_path / "masuk"
    names = {"dp3a": "IMG-2025-11-03-WA0001.xlsx", "bappeda": "Dokumen (2).xlsx",
             "dinkes": "Dinkes_rev2 FINAL.xlsx"}  # fmt: skip
    for opd_id, name in names.items():
        write_form(mini, opd_id, folder / name)
    validation = validate_region(mini, read_region([folder]))
    assert sorted(validation.opds) == sorted(ANSWERS)
    assert "opd-missing" not in _codes(validation.findings)
    assert set(validation.responses) == {c for a in ANSWERS.values() for c in a}


def test_kla_outputs_in_the_folder_are_skipped_with_one_line(mini: Rubric, tmp_path: Path) -> None:
    from kla_cli.workbook.recap_writer import build_recap

    folder = write_region(mini, tmp_path / "masuk")
    submissions = read_region([folder])
    recap = build_recap(mini, assess(mini, submissions), submissions, lang="id")
    recap.save(folder / "rekap.xlsx")
    before = validate_region(mini, submissions).findings
    after = validate_region(mini, read_region([folder])).findings
    assert _codes(after) == sorted([*_codes(before), "kla-output-recap"])
    # given alone, the recap is a region's input as before
    alone = validate_region(mini, read_region([folder / "rekap.xlsx"]))
    assert "kla-output-recap" not in _codes(alone.findings) and alone.responses


def test_a_form_checked_alone_is_not_checked_against_its_region(
    mini: Rubric, tmp_path: Path
) -> None:
    form = write_form(mini, "dinkes", tmp_path / "dinkes.xlsx")
    alone = validate_region(mini, read_region([form]), whole_region=False)
    assert "opd-missing" not in _codes(alone.findings)
    assert "evidence-missing" in _codes(alone.findings)  # its own warnings stay
    region = validate_region(mini, read_region([form]))
    assert "opd-missing" in _codes(region.findings)


def test_bands_are_written_as_officials_write_them(kla: Rubric) -> None:
    from kla_cli.core.predicate import band_rule, bands_line

    assert bands_line(kla, "id").startswith("Pratama 500–600 · Madya 601–700 · Nindya 701–800")
    assert "600,50 termasuk Madya" in band_rule(kla, "id")


def _copies(*stamps: tuple[str | None, float]) -> Resent:
    forms = [
        Submission(f"dinkes-{i}.xlsx", saved=s, file_time=t) for i, (s, t) in enumerate(stamps)
    ]
    return Resent("dinkes", forms[-1], tuple(forms[:-1]), "saved", (0,) * (len(forms) - 1))


def test_file_times_chose_only_where_saved_times_could_not() -> None:
    """The results cache must keep the files' times exactly when they took part in the choice."""
    distinct = _copies(("2025-11-01T10:00:00Z", 5.0), ("2025-11-20T10:00:00Z", 1.0))
    assert chosen_by_file_times([distinct]) == ()
    one_unsaved = _copies((None, 5.0), ("2025-11-20T10:00:00Z", 1.0))
    assert [s.file for s in chosen_by_file_times([one_unsaved])] == [
        "dinkes-1.xlsx",
        "dinkes-0.xlsx",
    ]
    # the same instant written two ways is a tie: the files' times decide
    tied = _copies(("2025-11-20T10:00:00Z", 1.0), ("2025-11-20T10:00:00.000+00:00", 5.0))
    assert len(chosen_by_file_times([distinct, tied])) == 2


def test_a_batch_reads_saved_times_only_where_copies_of_a_form_decide(
    mini: Rubric, tmp_path: Path
) -> None:
    """`read_region(opd_of=...)` (the batch's): a form alone for its OPD is read without its
    author and saved time, which tell nothing there; the copies of one OPD's form, a kla output
    and a form named only by its OPD cell get them, and the region is taken in, validated and
    scored exactly as when everything is read."""
    import functools

    from openpyxl import load_workbook

    from kla_cli.core.form_layout import META_PROPERTY
    from kla_cli.core.intake import form_opd
    from kla_cli.workbook.recap_writer import build_recap

    folder = write_region(mini, tmp_path / "masuk")
    write_form(mini, "dinkes", folder / "dinkes (1).xlsx", saved="2025-11-12T09:30:00Z")
    write_form(mini, "bappeda", folder / "Bappeda lama.xlsx", saved="2025-11-01T08:00:00Z")
    named = load_workbook(folder / "Bappeda lama.xlsx")  # retyped: its OPD in its OPD cell only
    named.properties.creator = "Microsoft Office User"
    for prop in list(named.custom_doc_props.props):
        if prop.name.startswith(META_PROPERTY):
            named.custom_doc_props.props.remove(prop)
    if "_meta" in named.sheetnames:
        del named["_meta"]
    named.save(folder / "Bappeda lama.xlsx")
    eager = read_region([folder])
    build_recap(mini, assess(mini, eager), eager, lang="id").save(folder / "rekap.xlsx")
    eager = read_region([folder])
    lazy = read_region([folder], opd_of=functools.partial(form_opd, mini))
    by_name = {Path(sub.file).name: sub for sub in lazy}
    assert by_name["dp3a.xlsx"].saved is None and by_name["dp3a.xlsx"].creator is None
    for name in ("dinkes.xlsx", "dinkes (1).xlsx", "bappeda.xlsx", "Bappeda lama.xlsx"):
        assert by_name[name].saved is not None, name
    assert by_name["rekap.xlsx"].kla_output == "recap"
    for read_lazily, read_fully in zip(lazy, eager, strict=True):
        assert read_lazily.saved in (None, read_fully.saved)
    kept, judged = validate_region(mini, eager), validate_region(mini, lazy)
    assert judged.findings == kept.findings and judged.responses == kept.responses
    assert judged.intake is not None and kept.intake is not None
    assert [g.used.file for g in judged.intake.resent] == [g.used.file for g in kept.intake.resent]
    assert len(judged.intake.resent) == 2
