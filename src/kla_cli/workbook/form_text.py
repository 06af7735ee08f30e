"""What an OPD's form says about each question: the OPD's part in it (lead or co-source), the
answers it takes with their points, and an answer as a person would type or pick it.

Shared by the form writer (`kla template`, the examples) and the recap. Pure text, no openpyxl.
"""

from __future__ import annotations

from kla_cli.core.answer_types import Answer, answer_text
from kla_cli.core.consolidate import Role, role_of
from kla_cli.core.rubric import Indicator, Item, Rubric
from kla_cli.core.rubric_leaves import RESPONDENT_OPDS, AnswerType, Direction, Opd
from kla_cli.i18n.messages import Lang, t
from kla_cli.i18n.numbers import fmt_num


def is_respondent(opd: Opd) -> bool:
    """Whether `opd` is the kecamatan or desa/kelurahan respondent (no OPD form for it)."""
    return opd.id in RESPONDENT_OPDS


def items_for(rubric: Rubric, opd: Opd | None) -> list[tuple[Indicator, Item]]:
    """The questions on an OPD's form: those it leads (first OPD listed) and those it
    co-sources (listed after the first), in rubric order; every question for None."""
    return [
        (ind, item)
        for ind, item in rubric.iter_items()
        if opd is None or opd.id in rubric.item_opds(ind, item)
    ]


def short_name(rubric: Rubric, opd_id: str) -> str:
    """An OPD as a form names it in little space: its first alias, else its name."""
    opd = rubric.opd_by_name(opd_id)
    return opd.short if opd else opd_id


def role_text(rubric: Rubric, indicator: Indicator, item: Item, opd: Opd | None, lang: Lang) -> str:
    """`utama`, or `pendukung (utama: Bappeda)`; for a form of every question, who leads."""
    opds = rubric.item_opds(indicator, item)
    lead = short_name(rubric, opds[0]) if opds else "-"
    if opd is None:
        return t("tpl.role.all", lang, lead=lead)
    if role_of(opd.id, opds) is Role.LEAD:
        return t("tpl.role.lead", lang)
    return t("tpl.role.cosource", lang, lead=lead)


def points_text(points: float, lang: Lang) -> str:
    """Points as short as they are exact: 12, 9,5, 0,67."""
    text = fmt_num(points, lang, 2)
    return text.rstrip("0").rstrip(",.") if ("," in text or "." in text) else text


def option_entry(item: Item, key: str, lang: Lang) -> str:
    """An option as the dropdown lists it: `a. Peraturan Daerah (Perda) — 12`."""
    for option in item.options:
        if option.key == key:
            return f"{key}. {option.label.get(lang)} — {points_text(option.points, lang)}"
    return key


def option_entries(item: Item, lang: Lang) -> list[str]:
    return [option_entry(item, o.key, lang) for o in item.options]


def options_text(item: Item, lang: Lang) -> str:
    """What can be answered and what each answer is worth, shown beside the answer cell."""
    lines = _options_lines(item, lang)
    if item.provisional:
        lines.append(t("tpl.provisional", lang))
    return "\n".join(lines)


def _options_lines(item: Item, lang: Lang) -> list[str]:
    if item.type is AnswerType.CHOICE:
        return [t("tpl.choice", lang), *option_entries(item, lang)]
    if item.type is AnswerType.CHECKLIST:
        return [t("tpl.checklist", lang), *option_entries(item, lang)]
    if item.type is AnswerType.YESNO:
        return [t("tpl.yesno", lang, points=points_text(item.max, lang))]
    if item.type is AnswerType.SCORE:
        return [t("tpl.score", lang, max=points_text(item.max, lang))]
    unit = item.unit.get(lang) if item.unit else ("%" if item.type is AnswerType.PERCENT else "")
    better = t("tpl.lower" if item.direction is Direction.LOWER else "tpl.higher", lang)
    sign = "≤" if item.direction is Direction.LOWER else "≥"
    bands = "; ".join(
        f"{sign} {points_text(b.threshold, lang)}: {points_text(b.points, lang)}"
        for b in item.bands
    )
    kind = t("tpl.percent" if item.type is AnswerType.PERCENT else "tpl.count", lang)
    return [f"{kind} ({unit}); {better}".replace(" ()", ""), bands]


def cell_answer(item: Item, answer: Answer | None, lang: Lang) -> object:
    """An answer as a person would type it into the cell, or pick it from the dropdown."""
    if answer is None:
        return None
    if isinstance(answer, float):
        return int(answer) if item.type is AnswerType.COUNT else answer
    if item.type is AnswerType.CHOICE and isinstance(answer, str):
        return option_entry(item, answer, lang)
    return answer_text(answer, lang)
