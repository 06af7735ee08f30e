"""What every output says about provisional points: the rubric's points themselves (an invented
demo instrument), or only its graded answer steps (the 2024 instrument: official points, inferred
steps)."""

from __future__ import annotations

from kla_cli.i18n.messages import Lang, t


def provisional_note(provisional: bool, points: bool, lang: Lang) -> str | None:
    """The note for a result or rubric: None when nothing is provisional; `points` says the
    points themselves are provisional, otherwise only the graded steps are inferred."""
    if not provisional and not points:
        return None
    return t("score.provisional" if points else "score.provisional_steps", lang)
