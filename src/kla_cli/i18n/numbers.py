"""Numbers as users write them: 1.234,50 in Indonesian, 1,234.50 in English."""

from __future__ import annotations

from kla_cli.i18n.messages import Lang, active_lang


def fmt_num(value: float, lang: Lang | None = None, places: int = 2) -> str:
    """A number as users write it: 1.234,50 in Indonesian, 1,234.50 in English."""
    text = f"{value:,.{places}f}"
    if (lang or active_lang()) == "en":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_points(value: float, lang: Lang | None = None) -> str:
    """Points with two decimals (588,40) the way results are announced."""
    return fmt_num(value, lang, 2)
