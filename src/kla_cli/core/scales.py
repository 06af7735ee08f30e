"""Graded answer scales: the steps between 0 and a question's official maximum.

The official instrument gives each question its maximum, not the steps. A region's real
self-assessed points divided by the maximum fall in a few sets (docs/kla-reference.md §7.1):
1 or 0, quarters (every sector-policy question), thirds (nearly every budget question) and
fifths (percentages of kecamatan/desa). The scales here reproduce those steps; what each step
is called is inferred, so every item that uses a scale is marked provisional. A step's points
are the fraction times the maximum, kept to two decimals (a ¼ step of 5,28 is 1,32).
"""

from typing import Literal, NamedTuple


class Scale(NamedTuple):
    kind: Literal["options", "bands"]
    steps: tuple[tuple[str, str, str, float], ...] = ()
    """(key, Indonesian label, English label, fraction of the max) of each option."""
    fractions: tuple[tuple[float, float], ...] = ()
    """(threshold in percent, fraction of the max) of each band, for `higher` values."""


SCALES: dict[str, Scale] = {
    "policy": Scale(
        "options",
        (
            ("a", "Peraturan Daerah (Perda)", "Regional regulation (Perda)", 1.0),
            (
                "b",
                "Peraturan Bupati/Wali Kota (Perkada)",
                "Regent/mayor regulation (Perkada)",
                0.75,
            ),
            (
                "c",
                "Instruksi atau Surat Edaran kepala daerah",
                "Instruction or circular of the regional head",
                0.5,
            ),
            (
                "d",
                "Kebijakan lain (SK, keputusan, nota kesepahaman)",
                "Other policy (decree, decision, memorandum)",
                0.25,
            ),
            ("e", "Tidak ada", "None", 0.0),
        ),
    ),
    "budget": Scale(
        "options",
        (
            (
                "a",
                "Ada, untuk semua kegiatan, dengan kutipan APBD ditandatangani Bappeda",
                "Yes, for every activity, with an APBD extract signed by Bappeda",
                1.0,
            ),
            (
                "b",
                "Ada, untuk sebagian kegiatan",
                "Yes, for some of the activities",
                2 / 3,
            ),
            (
                "c",
                "Ada, tanpa kutipan APBD yang ditandatangani Bappeda",
                "Yes, without an APBD extract signed by Bappeda",
                1 / 3,
            ),
            ("d", "Tidak ada", "None", 0.0),
        ),
    ),
    "yes-is-bad": Scale(
        "options",
        (
            ("a", "Tidak", "No", 1.0),
            ("b", "Ya", "Yes", 0.0),
        ),
    ),
    "fifths": Scale(
        "bands",
        fractions=((20.0, 0.2), (40.0, 0.4), (60.0, 0.6), (80.0, 0.8), (100.0, 1.0)),
    ),
}


def step_points(fraction: float, top: float) -> float:
    """A step's points: the fraction of the maximum, to two decimals."""
    return round(fraction * top, 2)


def scale_options(name: str, top: float) -> list[tuple[str, str, str, float]]:
    """(key, label id, label en, points) of each option of scale `name` for maximum `top`."""
    return [(key, lid, len_, step_points(f, top)) for key, lid, len_, f in SCALES[name].steps]


def scale_bands(name: str, top: float, lower: bool) -> list[tuple[float, float]]:
    """(threshold, points) of each band of scale `name` for maximum `top`. For a value where
    lower is better (stunting, the share of desa with malnutrition cases) the bands mirror:
    0 % earns the whole maximum, up to 20 % four fifths, and so on."""
    fractions = SCALES[name].fractions
    if lower:
        return [(100.0 - t, step_points(f, top)) for t, f in fractions]
    return [(t, step_points(f, top)) for t, f in fractions]
