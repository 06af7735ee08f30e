"""The message catalogue: every user-facing text, in Indonesian and English, one module per area.

Each area module defines `MESSAGES`, key -> (Indonesian, English) with `str.format` placeholders;
Indonesian is canonical (the users are Gugus Tugas secretariats). They are merged here into the
one `MESSAGES` that `kla_cli.i18n.messages.t()` reads. A key belongs to one area: a key defined in
two areas fails at import, so that one area's text cannot silently replace another's.
"""

from collections.abc import Mapping

from kla_cli.i18n.catalogue import (
    batch,
    cli,
    contract,
    conventions,
    desk,
    findings,
    forms,
    gap,
    paths,
    report,
    rubric,
    score,
)


def merge(areas: Mapping[str, Mapping[str, tuple[str, str]]]) -> dict[str, tuple[str, str]]:
    """The areas' messages in one mapping; ValueError if a key is defined in two areas."""
    merged: dict[str, tuple[str, str]] = {}
    for name, messages in areas.items():
        if twice := merged.keys() & messages.keys():
            raise ValueError(f"message keys defined twice, again in {name}: {sorted(twice)}")
        merged.update(messages)
    return merged


MESSAGES = merge(
    {
        area.__name__: area.MESSAGES
        for area in (
            cli,
            paths,
            rubric,
            findings,
            forms,
            score,
            gap,
            batch,
            report,
            desk,
            contract,
            conventions,
        )
    }
)
