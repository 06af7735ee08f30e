"""Dates as people write them on a letter: 2 Desember 2025 in Indonesian, 2 December 2025 in
English."""

from __future__ import annotations

from datetime import date

from kla_cli.i18n.messages import Lang, t


def fmt_date(when: date, lang: Lang) -> str:
    months = t("date.months", lang).split()
    return f"{when.day} {months[when.month - 1]} {when.year}"
