"""One colour per predikat tier, the same in every output (terminal, HTML, Excel, PDF).

Colours are keyed by the tier's position on the rubric's ladder (lowest first), not by its id,
so a rubric with other tier ids still gets the same palette. "No predikat" has its own grey.
Each entry is a (background, text) pair of hex RGB strings without '#', chosen so the text
stays readable when printed in greyscale.
"""

from typing import NamedTuple

from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_leaves import Tier


class TierColour(NamedTuple):
    background: str
    text: str

    @property
    def css_background(self) -> str:
        return f"#{self.background}"

    @property
    def css_text(self) -> str:
        return f"#{self.text}"


NO_TIER = TierColour(background="9AA5B1", text="FFFFFF")
"""Below the lowest tier: grey."""

LADDER = (
    TierColour(background="C8102E", text="FFFFFF"),  # Pratama: red
    TierColour(background="E67E22", text="FFFFFF"),  # Madya: orange
    TierColour(background="F1C40F", text="1F2933"),  # Nindya: yellow
    TierColour(background="27AE60", text="FFFFFF"),  # Utama: green
    TierColour(background="1F6FB2", text="FFFFFF"),  # KLA: blue
)


def tier_colour(rubric: Rubric, tier: Tier | None) -> TierColour:
    """The colour of `tier` on `rubric`'s ladder (grey for no tier). A rubric with more tiers
    than the palette repeats its top colour."""
    if tier is None:
        return NO_TIER
    position = next((i for i, each in enumerate(rubric.tiers) if each.id == tier.id), None)
    if position is None:
        return NO_TIER
    return LADDER[min(position, len(LADDER) - 1)]
