"""Which answer counts when a question's lead and co-sources both answer (core/consolidate.py).

Built in code on the 2024 instrument: question 4.4 (yes/no, 5 points) is led by Disdukcapil,
with Dinas Sosial, DP3A and BPBD as co-sources.
"""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from kla_cli.core.findings import Finding, Severity
from kla_cli.core.rubric import Rubric
from kla_cli.core.submission import Row, Submission
from kla_cli.core.validate import Validation, validate_region

QUESTION = "4.4"
LEAD, DINSOS, DP3A = "Disdukcapil", "Dinas Sosial", "DP3A"


def _form(opd: str, answer: object, *, file: str | None = None, row: int = 15) -> Submission:
    """One OPD's form answering 4.4 (its other questions left out: they do not matter here)."""
    return Submission(
        file=file or f"{opd.lower().replace(' ', '-')}.xlsx",
        sheet="Isian",
        opd=opd,
        region="Kota Uji",
        year="2025",
        rows=(
            Row(
                QUESTION,
                row,
                answer,
                evidence="bukti.pdf",
                answer_col="F",
                evidence_col="H",
            ),
        ),
    )


def _about_the_question(validation: Validation) -> list[Finding]:
    return [f for f in validation.findings if f.item == QUESTION and f.code != "unanswered"]


def test_the_lead_counts_and_a_differing_co_source_is_one_warning(kla: Rubric) -> None:
    lead, cosource = _form(LEAD, "Ya"), _form(DINSOS, "Tidak", row=24)
    for order in itertools.permutations([lead, cosource]):  # whatever the order of the files
        validation = validate_region(kla, order)
        assert validation.responses[QUESTION].answer is True
        assert validation.responses[QUESTION].opd == "disdukcapil"
        assert QUESTION not in validation.invalid
        (finding,) = _about_the_question(validation)
        assert (finding.severity, finding.code) == (Severity.WARNING, "cosource-differs")
        assert (finding.file, finding.cell) == ("dinas-sosial.xlsx", "F24")  # the answer not used
        assert finding.args["lead"] == "Dinas Kependudukan dan Pencatatan Sipil"
        assert finding.args["opd"] == "Dinas Sosial"
        assert (finding.args["lead_answer"], finding.args["answer"]) == ("Ya", "Tidak")
        assert not validation.blocking
    text = finding.message("en")
    assert text.startswith("item 4.4: Dinas Sosial (co-source) answered 'Tidak', the lead OPD")
    assert (
        "Dinas Kependudukan dan Pencatatan Sipil answered 'Ya' at disdukcapil.xlsx:Isian!F15"
        in text
    )
    assert "the lead's answer counts" in text
    indonesian = finding.message("id")
    assert "OPD pendukung" in indonesian and "jawaban OPD utama yang dipakai" in indonesian


@pytest.mark.parametrize(
    ("lead_file", "shown"),
    [
        # one region folder, however deep: the other file by its name (a long path would fill
        # a printed report's line and run off the page)
        ("/srv/" + "x" * 120 + "/kota-uji/disdukcapil.xlsx", "disdukcapil.xlsx:Isian!F15"),
        # another folder: the whole path, or the secretariat could not find it
        ("/srv/lain/disdukcapil.xlsx", "/srv/lain/disdukcapil.xlsx:Isian!F15"),
    ],
)
def test_the_other_answer_is_named_by_file_name_within_one_folder(
    kla: Rubric, lead_file: str, shown: str
) -> None:
    cosource_file = "/srv/" + "x" * 120 + "/kota-uji/dinsos.xlsx"
    lead = _form(LEAD, "Ya", file=lead_file)
    validation = validate_region(kla, [lead, _form(DINSOS, "Tidak", file=cosource_file, row=24)])
    (finding,) = _about_the_question(validation)
    assert finding.args["other"] == shown


def test_a_co_source_that_agrees_is_silent(kla: Rubric) -> None:
    validation = validate_region(kla, [_form(DINSOS, "ya", row=24), _form(LEAD, "Ya")])
    assert _about_the_question(validation) == []
    assert validation.responses[QUESTION].source == "disdukcapil.xlsx:Isian!F15"


def test_a_question_only_a_co_source_answered_counts_without_warning(kla: Rubric) -> None:
    blank = _form(LEAD, None)  # Disdukcapil sent its form, 4.4 left blank
    validation = validate_region(kla, [blank, _form(DINSOS, "Ya", row=24)])
    assert validation.responses[QUESTION].answer is True
    assert validation.responses[QUESTION].opd == "dinsos"
    assert [f for f in validation.findings if f.item == QUESTION] == []  # nor unanswered


def test_each_differing_co_source_is_its_own_warning_and_the_lead_still_counts(
    kla: Rubric,
) -> None:
    forms = [_form(DINSOS, "Tidak", row=24), _form(DP3A, "Tidak", row=30), _form(LEAD, "Ya")]
    validation = validate_region(kla, forms)
    found = _about_the_question(validation)
    assert [(f.code, f.args["opd"]) for f in found] == [
        ("cosource-differs", "Dinas Sosial"),
        (
            "cosource-differs",
            "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan KB",
        ),
    ]
    assert validation.responses[QUESTION].answer is True


def test_two_co_sources_that_disagree_without_the_lead_are_a_conflict(kla: Rubric) -> None:
    validation = validate_region(kla, [_form(DINSOS, "Ya", row=24), _form(DP3A, "Tidak")])
    (finding,) = _about_the_question(validation)
    assert (finding.severity, finding.code) == (Severity.ERROR, "conflicting-answers")
    assert QUESTION in validation.invalid and QUESTION not in validation.responses


@pytest.mark.parametrize(("second", "differing"), [("Ya", 0), ("Tidak", 1)])
def test_two_forms_of_the_same_opd_the_newer_counts(
    kla: Rubric, second: str, differing: int
) -> None:
    """A re-sent form is no longer a duplicate or a conflict per question (issue 21): the newer
    form counts, one finding says which, one more counts the answers that differ."""
    first = dataclasses.replace(_form(LEAD, "Ya"), file_time=1_000.0)
    revised = dataclasses.replace(
        _form(LEAD, second, file="disdukcapil-revisi.xlsx"), file_time=2_000.0
    )
    validation = validate_region(kla, [first, revised])
    assert _about_the_question(validation) == []
    codes = [(f.code, f.file) for f in validation.findings if f.code.startswith("form-resent")]
    expected = [("form-resent-file", "disdukcapil.xlsx")]
    if differing:
        expected.append(("form-resent-differs", "disdukcapil.xlsx"))
    assert codes == expected
    assert QUESTION not in validation.invalid
    assert validation.responses[QUESTION].answer is (second == "Ya")


def test_an_opd_the_question_does_not_name_is_compared_as_before(kla: Rubric) -> None:
    outsider = _form("Dishub", "Tidak", row=9)
    validation = validate_region(kla, [_form(LEAD, "Ya"), outsider])
    codes = sorted(f.code for f in _about_the_question(validation))
    assert codes == ["conflicting-answers", "not-responsible"]
    assert QUESTION in validation.invalid
