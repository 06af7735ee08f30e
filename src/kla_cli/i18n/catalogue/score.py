"""Messages for `kla score`: its tables, totals and notes.

Each entry is key -> (Indonesian, English); `kla_cli.i18n.catalogue` merges the areas.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "score.title": ("Penilaian mandiri KLA", "KLA self-assessment"),
    "score.region": ("Wilayah", "Region"),
    "score.year": ("Tahun", "Year"),
    "score.rubric": ("Rubrik", "Rubric"),
    "score.group": ("Kelompok", "Group"),
    "score.indicator": ("Indikator", "Indicator"),
    "score.item": ("Butir", "Item"),
    "score.points": ("Nilai", "Score"),
    "score.evidenced": ("Nilai berdata dukung", "Score with evidence"),
    "score.max": ("Maks", "Max"),
    "score.percent": ("%", "%"),
    "score.total": ("Total", "Total"),
    "score.total_evidenced": ("Total berdata dukung", "Total with evidence"),
    "score.predicate": ("Predikat", "Predikat"),
    "predicate.none": ("belum berpredikat", "no predikat"),
    "predicate.rule": (
        "Batas predikat: nilai di atas {low} sampai dengan {high} adalah {tier} ({example} "
        "termasuk {tier}); {lowest} mulai {start}.",
        "Bands: a total above {low} and up to {high} is {tier} ({example} is {tier}); "
        "{lowest} starts at {start}.",
    ),
    "answer.nilai": ("nilai {points}", "points {points}"),
    "score.opd": ("OPD", "OPD"),
    "score.provisional": (
        "Bobot nilai rubrik ini SEMENTARA (bukan bobot resmi KemenPPPA).",
        "This rubric's points are PROVISIONAL (not KemenPPPA's official weights).",
    ),
    "score.evidence_note": (
        "{count} butir kehilangan nilai karena data dukung belum ada (−{points} poin).",
        "{count} {count:plural/item loses its points because its/items lose their points because their} evidence is missing (−{points} points).",
    ),
    "score.unanswered_note": (
        "{count} butir belum dijawab.",
        "{count} {count:plural/item is/items are} unanswered.",
    ),
    "status.not_required": ("tidak wajib", "not required"),
    "score.provisional_steps": (
        "Bobot butir resmi; nilai tiap tingkat jawaban bertingkat (kebijakan, anggaran, "
        "persentase) masih DUGAAN, belum resmi.",
        "The points are official; the graded steps (policy, budget, percentage levels) are "
        "inferred, PROVISIONAL.",
    ),
    "score.verified": ("Nilai VA", "Verified (VA)"),
    "score.total_verified": ("Total terverifikasi (VA)", "Verified total (VA)"),
    "score.verified_note": (
        "{count} butir dipotong saat verifikasi (−{points} poin dari penilaian mandiri).",
        "{count} {count:plural/item was/items were} cut at verification (−{points} points "
        "from the self-assessment).",
    ),
}
