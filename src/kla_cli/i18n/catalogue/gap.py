"""Messages for `kla gap`: what is missing to reach a predikat, and what to do first.

Each entry is key -> (Indonesian, English); `kla_cli.i18n.catalogue` merges the areas.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "gap.unknown_tier": (
        "predikat tidak dikenal '{name}'; pilih salah satu: {valid}",
        "unknown predikat '{name}'; choose one of: {valid}",
    ),
    "gap.assume_syntax": (
        "--assume '{value}' tidak dapat dibaca",
        "cannot read --assume '{value}'",
    ),
    "gap.assume_syntax.hint": (
        "tulis KODE=JAWABAN, mis. --assume 14.3=b atau --assume 13.1=18,5",
        "write CODE=ANSWER, e.g. --assume 14.3=b or --assume 13.1=18,5",
    ),
    "gap.assume_unknown": (
        "--assume: kode butir '{code}' tidak ada dalam rubrik",
        "--assume: item code '{code}' is not in the rubric",
    ),
    "gap.assume_unknown.hint": (
        "lihat kode butir dengan 'kla rubric show --items'",
        "see the item codes with 'kla rubric show --items'",
    ),
    "gap.title": ("Analisis kesenjangan predikat KLA", "KLA predikat gap analysis"),
    "gap.unanswered": ("belum dijawab", "unanswered"),
    "gap.basis.evidenced": ("Total berdata dukung", "Total with evidence"),
    "gap.basis.self_assessed": ("Total penilaian mandiri", "Self-assessed total"),
    "gap.current": (
        "{label}: {total} ({predicate}); {other}: {other_total} ({other_predicate})",
        "{label}: {total} ({predicate}); {other}: {other_total} ({other_predicate})",
    ),
    "gap.target": (
        "Target {tier} ({floor}): kurang {points} poin",
        "Target {tier} ({floor}): {points} points needed",
    ),
    "gap.reached": (
        "Target {tier} sudah tercapai ({total}); tidak ada poin yang kurang",
        "Target {tier} already reached ({total}); no points needed",
    ),
    "gap.plan_summary": (
        "Rencana: {count} langkah, +{gain} poin → {total}",
        "Plan: {count} {count:plural/action/actions}, +{gain} points → {total}",
    ),
    "gap.unreachable": (
        "Target {tier} TIDAK dapat dicapai: nilai terbaik yang mungkin {max} (< {floor}); rencana di bawah memuat semua perbaikan",
        "Target {tier} CANNOT be reached: the best possible total is {max} (< {floor}); the plan below holds every improvement",
    ),
    "gap.ladder": ("Tangga predikat", "Predikat ladder"),
    "gap.ladder_top": (
        "Sudah berada di predikat tertinggi.",
        "Already at the highest predikat.",
    ),
    "gap.score_line": ("Total: {total} ({predicate})", "Total: {total} ({predicate})"),
    "gap.plan_by_opd": ("Rencana per OPD", "Plan per OPD"),
    "gap.quick_wins": (
        "Cepat: lengkapi data dukung (jawaban sudah ada)",
        "Quick wins: add the missing data dukung (answers already given)",
    ),
    "gap.opportunities": ("Peluang menambah nilai", "Opportunities"),
    "gap.more_opportunities": (
        "Peluang lain (di luar rencana):",
        "Other opportunities (not in the plan):",
    ),
    "gap.gives": (
        "{answer_from} → {answer_to} memberi +{gain}",
        "{answer_from} → {answer_to} gives +{gain}",
    ),
    "gap.todo_evidence": (
        "unggah data dukung",
        "upload data dukung",
    ),
    "gap.data_current": ("data dukung jawaban saat ini", "data dukung for the current answer"),
    "gap.data_new": ("data dukung jawaban baru", "data dukung for the new answer"),
    "gap.self_assessed_note": (
        "Catatan: {count} butir tanpa data dukung wajib (−{points} poin) akan dipotong saat verifikasi administrasi; jalankan tanpa --self-assessed untuk menghitungnya.",
        "Note: {count} {count:plural/item lacks/items lack} required data dukung (−{points} points) and will be cut at administrative verification; run without --self-assessed to count that.",
    ),
    "gap.assumed": ("Dengan asumsi: {answers}", "Assuming: {answers}"),
    "gap.assumed_before": (
        "Dengan asumsi: {answers} (sebelumnya: total {total}, berdata dukung {evidenced})",
        "Assuming: {answers} (before: total {total}, with evidence {evidenced})",
    ),
    "gap.col.tier": ("Predikat", "Predikat"),
    "gap.col.floor": ("Batas bawah", "Lower bound"),
    "gap.col.needed": ("Kurang", "Points needed"),
    "gap.col.item": ("Butir", "Item"),
    "gap.col.indicator": ("Indikator", "Indicator"),
    "gap.col.done": ("Telah dilaksanakan", "Done"),
    "gap.col.todo": ("Belum dilaksanakan", "To do"),
    "gap.col.responsible": ("Penanggung jawab", "Responsible"),
    "gap.col.data": ("Data yang dibutuhkan", "Data needed"),
    "gap.col.gain": ("+Nilai", "+Points"),
    "gap.col.step": ("Langkah", "Step"),
    "gap.col.effort": ("Upaya", "Effort"),
    "gap.first_legend": (
        "{mark} = kerjakan dahulu: cukup unggah data dukung, atau upayanya rendah",
        "{mark} = do this first: only data dukung to upload, or a low-effort step",
    ),
    "gap.col.first": ("Kerjakan dahulu", "Do first"),
    "gap.col.status": ("Status", "Status"),
    "gap.status.todo": ("belum", "to do"),
    "gap.status.doing": ("sedang dikerjakan", "in progress"),
    "gap.status.done": ("selesai", "done"),
    "gap.xlsx.title": (
        "Rencana aksi menuju predikat {tier} · {where}",
        "Action plan towards {tier} · {where}",
    ),
    "gap.xlsx.sheet": ("Rencana", "Plan"),
    "gap.xlsx.target": ("Target (batas bawah)", "Target (lower bound)"),
    "gap.xlsx.after": ("Total setelah rencana", "Total after the plan"),
    "gap.xlsx.no_tier": ("belum berpredikat", "no predikat"),
    "gap.xlsx.first_note": (
        "Kerjakan dahulu = cukup unggah data dukung, atau upayanya rendah. Kolom Status diisi"
        " tim: belum, sedang dikerjakan, selesai.",
        "Do first = only data dukung to upload, or a low-effort step. The team fills in the"
        " Status column: to do, in progress, done.",
    ),
    "gap.effort.low": ("rendah", "low"),
    "gap.effort.medium": ("sedang", "medium"),
    "gap.effort.high": ("tinggi", "high"),
    "gap.no_input": (
        "beri berkas isian OPD atau --score",
        "give OPD workbooks or --score",
    ),
    "gap.no_input.hint": (
        "mis. kla gap folder-isian --target nindya, atau kla gap --score 588,40 --target madya",
        "e.g. kla gap answers-folder --target nindya, or kla gap --score 588,40 --target madya",
    ),
    "gap.score_and_paths": (
        "--score tidak dapat dipakai bersama berkas isian OPD",
        "--score cannot be combined with OPD workbooks",
    ),
    "gap.score_only": (
        "{option} memerlukan berkas isian OPD, tidak berlaku dengan --score",
        "{option} needs OPD workbooks; it does not apply with --score",
    ),
    "gap.score_invalid": (
        "--score '{value}' bukan total antara 0 dan {max}",
        "--score '{value}' is not a total between 0 and {max}",
    ),
    "gap.score_invalid.hint": ("tulis mis. --score 588,40", "write e.g. --score 588,40"),
    # --- the kecamatan and desa/kelurahan that lack an item (from the inventory)
    "gap.places": (
        "Kecamatan dan desa/kelurahan yang belum",
        "Kecamatan and desa/kelurahan still lacking",
    ),
    "gap.places_lacking": (
        "{code}: {count} dari {total} {kind} belum: {names}",
        "{code}: {count} of {total} {kind} lack it: {names}",
    ),
    "gap.places_cases": (
        "{code}: {count} dari {total} {kind} masih ada kasus: {names}",
        "{code}: {count} of {total} {kind} still have cases: {names}",
    ),
    "gap.places_more": ("+{count} lainnya", "+{count} more"),
    "gap.places_more_items": (
        "… dan {count} butir lain; semuanya ada di -f markdown atau -f json",
        "… and {count} more {count:plural/item/items}; -f markdown or -f json lists them all",
    ),
    "gap.kind_kecamatan": ("kecamatan", "kecamatan"),
    "gap.kind_desa": ("desa/kelurahan", "desa/kelurahan"),
    "gap.basis.verified": ("Total terverifikasi (VA)", "Verified total (VA)"),
    "gap.basis_conflict": (
        "--basis {basis} bertentangan dengan {alias}",
        "--basis {basis} contradicts {alias}",
    ),
    "gap.no_verification": (
        "berkas ini tidak memuat nilai verifikasi (kolom Nilai VA), jadi --basis verified tidak dapat dihitung",
        "these files carry no verified points (no Nilai VA column), so --basis verified cannot be computed",
    ),
    "gap.no_verification.hint": (
        "beri rekap yang berisi kolom Nilai VA, atau pakai --basis evidenced",
        "give a recap with a Nilai VA column, or use --basis evidenced",
    ),
    "gap.cuts": ("Dipotong saat verifikasi", "Cut at verification"),
    "gap.cuts_summary": (
        "{count} butir dipotong saat verifikasi: −{points} poin dari penilaian mandiri. Kerjakan ini dulu:",
        "{count} {count:plural/question was/questions were} cut at verification: −{points} points from the self-assessment. Do these first:",
    ),
    "gap.cuts_more": (
        "… dan {count} butir lain yang dipotong (−{points} poin); semuanya ada di -f markdown atau -f json",
        "… and {count} more {count:plural/question/questions} cut (−{points} points); -f markdown or -f json lists them all",
    ),
    "gap.cuts_none": (
        "Tidak ada butir yang dipotong saat verifikasi.",
        "No question was cut at verification.",
    ),
    "gap.cut.opd": ("OPD", "OPD"),
    "gap.cut.lead": ("utama", "lead"),
    "gap.cut.asked": ("Data dukung diminta", "Data dukung asked"),
    "gap.cut.note": ("Catatan verifikator", "Verifier's note"),
    "gap.cut.points": ("{points} → {verified}", "{points} → {verified}"),
    "gap.col.em": ("Nilai EM", "Self-assessed"),
    "gap.col.va": ("Nilai VA", "Verified"),
    "gap.col.cut": ("Dipotong", "Cut"),
    "gap.todo_cut": (
        "penuhi catatan verifikator",
        "meet the verifier's note",
    ),
}
