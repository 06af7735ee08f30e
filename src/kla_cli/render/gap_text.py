"""The gap analysis's texts, shared by every format: answers as people read them, the summary
lines, notes, and the plan per OPD.

`opd_rows` gives the plan per OPD as the four texts real evaluation reports use ("Telah
dilaksanakan / Belum dilaksanakan / Penanggung jawab / Data yang dibutuhkan"), for reuse by other
report writers.
"""

from collections.abc import Mapping
from typing import NamedTuple

from kla_cli.core.answer_types import Answer, Nilai, answer_text
from kla_cli.core.gap.actions import Action, ActionKind
from kla_cli.core.gap.ladder import Basis
from kla_cli.core.gap.plan import GapAnalysis
from kla_cli.core.predicate import predicate_label
from kla_cli.core.provisional import provisional_note
from kla_cli.core.rubric import Item, Rubric
from kla_cli.core.rubric_leaves import AnswerType, Direction, Effort
from kla_cli.core.scoring import ScoreResult
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_points
from kla_cli.render.ladder import target_line


def answer_label(item: Item, answer: Answer | None, lang: Lang) -> str:
    """An answer as a person reads it: `62%`, `Ya`, `a (Perda KLA)`, `a, c`, `belum dijawab`."""
    if answer is None:
        return t("gap.unanswered", lang)
    text = answer_text(answer, lang)
    if isinstance(answer, Nilai):  # the points themselves: no unit, no option
        return text
    if item.type is AnswerType.SCORE and isinstance(answer, float):
        return answer_text(Nilai(answer), lang)
    if item.type is AnswerType.PERCENT:
        return f"{text}%"
    if item.type is AnswerType.COUNT and item.unit:
        return f"{text} {item.unit.get(lang)}"
    if item.type is AnswerType.CHOICE:
        option = next((o for o in item.options if o.key == answer), None)
        return f"{text} ({option.label.get(lang)})" if option else text
    return text


def target_label(item: Item, answer: Answer | None, lang: Lang) -> str:
    """What to reach: `≥ 70%` for a band (`≤ 14%` when lower is better), else the answer."""
    label = answer_label(item, answer, lang)
    if item.type in (AnswerType.PERCENT, AnswerType.COUNT) and answer is not None:
        return ("≤ " if item.direction is Direction.LOWER else "≥ ") + label
    return label


def _todo(action: Action, item: Item, lang: Lang) -> str:
    if action.kind is ActionKind.EVIDENCE:
        return t("gap.todo_evidence", lang)
    if action.kind is ActionKind.CUT:
        return t("gap.todo_cut", lang)
    if item.type is AnswerType.CHECKLIST and isinstance(action.answer_to, frozenset):
        before = action.answer_from if isinstance(action.answer_from, frozenset) else frozenset()
        added = [o for o in item.options if o.key in action.answer_to - before]
        return ", ".join(f"{o.key} ({o.label.get(lang)})" for o in added)
    return target_label(item, action.answer_to, lang)


def _data_needed(action: Action, item: Item, lang: Lang) -> str:
    """What to upload: the data dukung the question asks for, where the rubric says it."""
    wanted = action.kind is not ActionKind.ANSWER or action.evidence_required
    if wanted and item.evidence_asked:
        return item.evidence_asked.get(lang)
    if action.kind is not ActionKind.ANSWER:
        return t("gap.data_current", lang)
    return t("gap.data_new", lang) if action.evidence_required else "-"


class OpdRow(NamedTuple):
    """One line of an OPD's plan, as text in the user's language."""

    code: str
    item: str
    done: str
    """Telah dilaksanakan: the current answer."""
    todo: str
    """Belum dilaksanakan: the answer to reach, or the missing data dukung."""
    responsible: str
    """Penanggung jawab: every responsible OPD, lead first."""
    data_needed: str
    """Data yang dibutuhkan."""
    gain: float
    opd: str = ""
    """The lead OPD's short name (DP3A, Dinkes)."""
    effort: str = ""
    """Upaya: low, medium or high, in the user's language."""
    first: bool = False
    """Do this first: only a document to upload, or a step the rubric calls cheap."""


def effort_of(action: Action) -> Effort:
    """How costly an action is: uploading the data dukung of an answer already given is cheap;
    a better answer costs what the rubric says (medium when it says nothing)."""
    if action.kind is not ActionKind.ANSWER:
        return Effort.LOW
    return action.effort or Effort.MEDIUM


def do_first(action: Action) -> bool:
    """Whether the plan marks `action` "do this first": the cheap ones."""
    return effort_of(action) is Effort.LOW


FIRST_MARK = "»"
"""The "do this first" marker of the terminal table (in cp1252, so Windows consoles show it)."""


def opd_short(rubric: Rubric, opd_id: str) -> str:
    """An OPD as people call it: its first alias (DP3A, Dinkes), else its name."""
    opd = rubric.opd_by_name(opd_id)
    return opd.short if opd else opd_id


def opd_rows(analysis: GapAnalysis, rubric: Rubric, lang: Lang) -> list[tuple[str, list[OpdRow]]]:
    """The plan per lead OPD: (OPD name, rows), in rubric order."""
    return [
        (group.name, [action_row(rubric, action, lang) for action in group.actions])
        for group in analysis.plan_by_opd
    ]


def action_row(rubric: Rubric, action: Action, lang: Lang) -> OpdRow:
    """One action of a plan as the texts people read (what is done, what to do, by whom)."""
    item = rubric.item_index[action.code][1]
    return OpdRow(
        code=action.code,
        item=action.question.get(lang),
        done=answer_label(item, action.answer_from, lang),
        todo=_todo(action, item, lang),
        responsible=", ".join(opd_short(rubric, o) for o in action.opds),
        data_needed=_data_needed(action, item, lang),
        gain=action.gain,
        opd=opd_short(rubric, action.opds[0]) if action.opds else "-",
        effort=t(f"gap.effort.{effort_of(action).value}", lang),
        first=do_first(action),
    )


def basis_label(basis: Basis, lang: Lang) -> str:
    return t(f"gap.basis.{basis.value}", lang)


def summary_lines(analysis: GapAnalysis, lang: Lang) -> list[str]:
    """Plain lines: current total, the other total, the target and points needed, the plan."""
    p = fmt_points
    result = analysis.result
    other = Basis.EVIDENCED if analysis.basis is Basis.SELF_ASSESSED else Basis.SELF_ASSESSED
    other_total = result.total if other is Basis.SELF_ASSESSED else result.total_evidenced
    other_tier = result.predicate if other is Basis.SELF_ASSESSED else result.predicate_evidenced
    lines = [
        t(
            "gap.current",
            lang,
            label=basis_label(analysis.basis, lang),
            total=p(analysis.total, lang),
            predicate=predicate_label(analysis.predicate, lang),
            other=basis_label(other, lang).lower(),
            other_total=p(other_total, lang),
            other_predicate=predicate_label(other_tier, lang),
        ),
        target_line(analysis.target, analysis.floor, analysis.total, analysis.points_needed, lang),
    ]
    if not analysis.reached:
        plan = analysis.plan
        if plan.reached:
            lines.append(
                t(
                    "gap.plan_summary",
                    lang,
                    count=len(plan.actions),
                    gain=p(plan.gain, lang),
                    total=p(plan.end_total, lang),
                )
            )
        else:
            lines.append(
                t(
                    "gap.unreachable",
                    lang,
                    tier=analysis.target.name.get(lang),
                    max=p(plan.max_reachable, lang),
                    floor=p(plan.floor, lang),
                )
            )
    return lines


def gap_notes(analysis: GapAnalysis, lang: Lang) -> list[str]:
    notes = []
    if analysis.quick_wins and analysis.basis is Basis.SELF_ASSESSED:
        lost = sum(a.gain for a in analysis.quick_wins)
        notes.append(
            t(
                "gap.self_assessed_note",
                lang,
                count=len(analysis.quick_wins),
                points=fmt_points(lost, lang),
            )
        )
    result = analysis.result
    note = provisional_note(result.provisional, result.provisional_points, lang)
    if note:
        notes.append(note)
    return notes


def gain_text(action: Action, lang: Lang) -> str:
    return f"+{fmt_points(action.gain, lang)}"


def opportunity_text(action: Action, item: Item, lang: Lang) -> str:
    return t(
        "gap.gives",
        lang,
        answer_from=answer_label(item, action.answer_from, lang),
        answer_to=target_label(item, action.answer_to, lang),
        gain=fmt_points(action.gain, lang),
    )


def assumed_summary(
    rubric: Rubric,
    assumed: Mapping[str, Answer],
    before: ScoreResult | None,
    lang: Lang,
) -> str:
    index = rubric.item_index
    answers = ", ".join(
        f"{code} = {answer_label(index[code][1], answer, lang)}" for code, answer in assumed.items()
    )
    if before is None:
        return t("gap.assumed", lang, answers=answers)
    return t(
        "gap.assumed_before",
        lang,
        answers=answers,
        total=fmt_points(before.total, lang),
        evidenced=fmt_points(before.total_evidenced, lang),
    )
