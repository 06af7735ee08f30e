"""Messages for `kla report`, `kla compare` and `kla history`: the region report, two results
side by side, and a region's years.

Each entry is key -> (Indonesian, English); `kla_cli.i18n.catalogue` merges the areas.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "print.page_of": ("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    # --- report.*
    "report.title": ("Laporan evaluasi KLA", "KLA evaluation report"),
    "report.sheet.summary": ("Ringkasan", "Summary"),
    "report.sheet.groups": ("Kelompok", "Groups"),
    "report.sheet.indicators": ("Indikator", "Indicators"),
    "report.sheet.plan": ("Rencana OPD", "OPD plan"),
    "report.sheet.findings": ("Temuan", "Findings"),
    "report.sheet.sign": ("Pengesahan", "Signature"),
    "report.ladder": ("Tangga ke predikat berikutnya", "Ladder to the next predikat"),
    "report.floor": ("Total minimum", "Minimum total"),
    "report.needed": ("Kurang (total)", "Still needed (total)"),
    "report.predicate_verified": ("Predikat terverifikasi (VA)", "Verified predikat (VA)"),
    "report.needed_evidenced": (
        "Kurang (total berdata dukung)",
        "Still needed (total with evidence)",
    ),
    "report.top_tier": (
        "Sudah mencapai predikat tertinggi.",
        "Already at the highest predikat.",
    ),
    "report.full_name": ("Nama lengkap", "Full name"),
    "report.evidence_status": ("Status data dukung", "Data dukung status"),
    "report.evidence.complete": ("lengkap", "complete"),
    "report.evidence.missing": ("{count} tanpa data dukung", "{count} without evidence"),
    "report.evidence.unanswered": ("{count} belum dijawab", "{count} unanswered"),
    "report.plan.action": ("Langkah", "Action"),
    "report.plan.gain": ("Tambahan", "Gain"),
    "report.plan.lead": (
        "Menuju {tier} ({basis} minimal {floor}): {start} → {end} dengan {count} langkah.",
        "Towards {tier} ({basis} of at least {floor}): {start} → {end} in {count} {count:plural/step/steps}.",
    ),
    "report.plan.unreachable": (
        "{tier} tidak dapat dicapai: {basis} terbaik yang mungkin {best}.",
        "{tier} cannot be reached: the best possible {basis} is {best}.",
    ),
    "report.plan.done": (
        "{tier} sudah tercapai; tidak ada langkah yang diperlukan.",
        "{tier} is already reached; no action is needed.",
    ),
    "report.effort": ("Upaya", "Effort"),
    "report.effort.low": ("rendah", "low"),
    "report.effort.medium": ("sedang", "medium"),
    "report.effort.high": ("tinggi", "high"),
    "report.chart.groups": (
        "Capaian per kelompok (% dari maksimum)",
        "Score per group (% of its maximum)",
    ),
    "report.chart.indicators": (
        "Capaian per indikator (% dari maksimum, {basis})",
        "Score per indicator (% of its maximum, {basis})",
    ),
    "report.reached": ("tercapai", "reached"),
    "report.range": ("Rentang total", "Total range"),
    "report.needed_verified": ("Kurang (total VA)", "Still needed (verified total)"),
    "report.stage": ("Tahap", "Stage"),
    "report.stage.self": ("EM", "EM"),
    "report.stage.evidenced": ("berdata dukung", "with evidence"),
    "report.stage.verified": ("VA", "VA"),
    "report.stage.self_long": ("Penilaian mandiri (EM)", "Self-assessed (EM)"),
    "report.basis.evidenced": ("total berdata dukung", "total with evidence"),
    "report.basis.verified": ("total terverifikasi (VA)", "verified total (VA)"),
    "report.badge.evidenced": ("Predikat (total berdata dukung)", "Predikat (total with evidence)"),
    "report.badge.verified": ("Predikat terverifikasi (VA)", "Verified predikat (VA)"),
    "report.plan.done_now": ("Kini", "Now"),
    "report.plan.data": ("Data dukung yang dibutuhkan", "Data dukung needed"),
    "report.plan.none": ("Tidak ada langkah yang diperlukan.", "No action is needed."),
    "report.legend": ("Singkatan OPD", "OPD abbreviations"),
    "report.place": ("Lembar!Sel", "Sheet!Cell"),
    "report.front.total": ("{total} dari {max} poin", "{total} of {max} points"),
    "report.front.next": (
        "Kurang {points} poin menuju {tier} ({floor}).",
        "{points} points short of {tier} ({floor}).",
    ),
    "report.front.stages": ("Total per tahap", "Totals per stage"),
    "report.front.ladder": ("Posisi pada tangga predikat", "Position on the predikat ladder"),
    "report.front.gaps": ("Tiga selisih terbesar per kelompok", "The three biggest gaps by group"),
    "report.front.missing": ("Kurang", "Missing"),
    "report.front.actions": ("Lima langkah pertama", "The first five actions"),
    "report.front.number": ("No.", "No."),
    "report.printed": ("Dicetak {date}", "Printed {date}"),
    "report.sign.place_date": ("{place}, {date}", "{place}, {date}"),
    "report.sign.role": ("Ketua Gugus Tugas KLA", "Chair of the KLA Task Force (Gugus Tugas KLA)"),
    "report.sign.name": ("Nama: {blank}", "Name: {blank}"),
    "report.sign.nip": ("NIP: {blank}", "NIP: {blank}"),
    "date.months": (
        "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
        "January February March April May June July August September October November December",
    ),
    "pdf.no_soffice": (
        "LibreOffice (soffice) tidak ditemukan, jadi PDF tidak dapat dibuat",
        "LibreOffice (soffice) was not found, so the PDF cannot be made",
    ),
    "pdf.no_soffice.hint": (
        "pasang paket libreoffice-calc-nogui (Debian/Ubuntu: sudo apt install libreoffice-calc-nogui) atau LibreOffice dari libreoffice.org (Windows), atau tulis -o laporan.xlsx",
        "install the package libreoffice-calc-nogui (Debian/Ubuntu: sudo apt install libreoffice-calc-nogui) or LibreOffice from libreoffice.org (Windows), or write -o report.xlsx",
    ),
    "pdf.failed": (
        "LibreOffice tidak dapat mengubah laporan ke PDF: {error}",
        "LibreOffice could not convert the report to PDF: {error}",
    ),
    "pdf.failed.hint": (
        "tulis -o laporan.xlsx lalu cetak ke PDF dari LibreOffice atau Excel",
        "write -o report.xlsx and print it to PDF from LibreOffice or Excel",
    ),
    "pdf.timeout": (
        "LibreOffice tidak selesai mengubah laporan ke PDF dalam {seconds} detik",
        "LibreOffice did not finish converting the report to PDF within {seconds} seconds",
    ),
    "report.findings.none": ("Tidak ada temuan.", "No findings."),
    "report.findings.count": (
        "{errors} galat, {warnings} peringatan",
        "{errors} {errors:plural/error/errors}, {warnings} {warnings:plural/warning/warnings}",
    ),
    "report.severity": ("Tingkat", "Severity"),
    "report.file": ("Berkas", "File"),
    "report.message": ("Pesan", "Message"),
    "report.notes": ("Catatan", "Notes"),
    "report.made_by": ("Dibuat dengan kla {version}", "Made with kla {version}"),
    "report.format_mismatch": (
        "--format {fmt} tidak cocok dengan ekstensi berkas keluaran '{suffix}'",
        "--format {fmt} does not match the output file extension '{suffix}'",
    ),
    "report.format_mismatch.hint": (
        "hapus --format atau ganti ekstensi berkas",
        "drop --format or change the file extension",
    ),
    "report.format_unsupported": (
        "format {fmt} tidak tersedia untuk perintah ini (pilih: {known})",
        "format {fmt} is not available for this command (choose: {known})",
    ),
    "report.needs_output": (
        "format {fmt} harus ditulis ke berkas",
        "format {fmt} must be written to a file",
    ),
    "report.needs_output.hint": (
        "tambahkan -o laporan.xlsx",
        "add -o report.xlsx",
    ),
    # --- compare.*
    "compare.title": ("Perbandingan hasil", "Comparison of results"),
    "compare.old": ("Lama", "Old"),
    "compare.new": ("Baru", "New"),
    "compare.change": ("Perubahan", "Change"),
    "compare.predicate_up": ("naik: {old} → {new}", "up: {old} → {new}"),
    "compare.predicate_down": ("turun: {old} → {new}", "down: {old} → {new}"),
    "compare.predicate_same": ("tetap {name}", "unchanged: {name}"),
    "compare.gains": ("Kenaikan terbesar", "Biggest gains"),
    "compare.losses": ("Penurunan terbesar", "Biggest losses"),
    "compare.evidence": (
        "Data dukung berubah (jawaban sama)",
        "Evidence changed (same answers)",
    ),
    "compare.old_evidenced": ("Lama (berdata dukung)", "Old (evidenced)"),
    "compare.new_evidenced": ("Baru (berdata dukung)", "New (evidenced)"),
    "compare.none_changed": ("tidak ada", "none"),
    "compare.items": ("Butir", "Items"),
    "compare.items_changed": (
        "{count} dari {total} butir berubah",
        "{count} of {total} {total:plural/item/items} changed",
    ),
    "compare.mismatch.rubric": (
        "kedua hasil memakai rubrik berbeda ({old} dan {new}); butir dibandingkan menurut kode",
        "the two results use different rubrics ({old} and {new}); items are matched by code",
    ),
    "compare.mismatch.region": (
        "kedua hasil dari kabupaten/kota berbeda ({old} dan {new}); perubahannya bukan "
        "perubahan satu daerah",
        "the two results are of different regions ({old} and {new}); the changes are not one "
        "region's",
    ),
    "compare.mismatch.year": (
        "hasil 'baru' ({new}) lebih lama dari hasil 'lama' ({old}); perubahannya terbaca "
        "terbalik: tukar urutan kedua hasil",
        "the 'new' result ({new}) is older than the 'old' one ({old}); the changes read "
        "backwards: swap the two results",
    ),
    "compare.unreadable": ("tidak dapat dibaca: {error}", "cannot be read: {error}"),
    "compare.bad_json": (
        "bukan hasil JSON dari 'kla score --format json' ({error})",
        "not a JSON result of 'kla score --format json' ({error})",
    ),
    # --- compare.json.*: why a JSON is not a score kla reads
    "compare.json.not_number": ("'{key}' bukan angka", "'{key}' is not a number"),
    "compare.json.not_finite": ("{name} bukan angka", "{name} is not a number"),
    "compare.json.not_list": ("'{key}' bukan daftar objek", "'{key}' is not a list of objects"),
    "compare.json.not_object": ("bukan objek JSON", "not a JSON object"),
    "compare.json.missing": ("'{key}' tidak ada", "'{key}' is missing"),
    "compare.json.too_large": ("lebih dari {limit} bita", "larger than {limit} bytes"),
    "compare.json.schema": (
        "'schema' berisi '{schema}'; kla ini membaca {wanted}",
        "'schema' is '{schema}'; this kla reads {wanted}",
    ),
    "compare.json.syntax": (
        "JSON tidak sah pada baris {line}, kolom {column}",
        "invalid JSON at line {line}, column {column}",
    ),
    "compare.json.not_utf8": ("bukan teks UTF-8", "not UTF-8 text"),
    "compare.json.too_deep": ("bersarang terlalu dalam", "nested too deeply"),
    "compare.bad_json.hint": (
        "buat dengan 'kla score FOLDER --format json -o hasil.json'",
        "make one with 'kla score FOLDER --format json -o result.json'",
    ),
    # --- history.*
    "history.mismatch_year": (
        "isinya untuk tahun {found}, bukan {expected}; periksa apakah berkasnya tertukar",
        "its results are for {found}, not {expected}; check that the files are not mixed up",
    ),
    "history.mismatch_region": (
        "isinya untuk {found}, bukan {expected}; periksa apakah berkasnya tertukar",
        "its results are for {found}, not {expected}; check that the files are not mixed up",
    ),
    "history.not_folder": (
        "bukan folder",
        "not a folder",
    ),
    "history.title": ("Riwayat penilaian KLA", "KLA assessment history"),
    "history.sheet": ("Riwayat", "History"),
    "history.chart": ("Total per tahun", "Total per year"),
    "history.source": ("Sumber", "Source"),
    "history.story": ("Perjalanan", "Story"),
    "history.no_years": (
        "tidak ada subfolder tahun (mis. 2019) atau hasil JSON bernama tahun di folder ini",
        "no year subfolders (e.g. 2019) or JSON results named by year in this folder",
    ),
    "history.no_years.hint": (
        "buat satu subfolder per tahun berisi berkas isian, atau simpan 'kla score -f json -o 2024.json'",
        "make one subfolder per year holding its workbooks, or save 'kla score -f json -o 2024.json'",
    ),
    "history.duplicate_year": (
        "tahun {year} muncul dua kali ({first} dan {second})",
        "year {year} appears twice ({first} and {second})",
    ),
    "history.duplicate_year.hint": (
        "simpan satu sumber per tahun",
        "keep one source per year",
    ),
    "history.times.1": ("{name} sekali", "{name} once"),
    "history.times.2": ("{name} dua kali", "{name} twice"),
    "history.times.n": ("{name} {count} kali", "{name} {count} times"),
    "history.now": ("kini {name}", "now {name}"),
    "history.now_running": (
        "kini {name} ({count} tahun berturut-turut)",
        "now {name} ({count} years running)",
    ),
    # --- result sheets (group totals only) and the stages of one result
    "sheet.invalid": ("lembar hasil tidak valid: {error}", "invalid result sheet: {error}"),
    "sheet.hint": (
        "tulis region, year, total dan/atau groups (baris group, score, max), lihat README bagian lembar hasil",
        "write region, year, total and/or groups (rows group, score, max); see the README's result sheet section",
    ),
    "sheet.not_mapping": (
        "bukan lembar hasil: harus berisi kunci region, year, total atau groups",
        "not a result sheet: expected the keys region, year, total or groups",
    ),
    "sheet.unknown_key": (
        "kunci '{key}' tidak dikenal; yang dikenal: {known}",
        "unknown key '{key}'; known: {known}",
    ),
    "sheet.not_number": (
        "{field}: '{value}' bukan angka",
        "{field}: '{value}' is not a number",
    ),
    "sheet.above_max": (
        "{field} {value} melebihi maksimumnya {max}",
        "{field} {value} is more than its maximum {max}",
    ),
    "sheet.no_max": (
        "kelompok '{group}' bukan kelompok rubrik {rubric}: tuliskan max-nya",
        "group '{group}' is not a group of the rubric {rubric}: give its max",
    ),
    "sheet.no_group": ("nama kelompok kosong", "the group's name is empty"),
    "sheet.total_mismatch": (
        "total {total} tidak sama dengan jumlah nilai kelompok {sum}",
        "the total {total} differs from the sum of the groups {sum}",
    ),
    "sheet.mixed": (
        "{field} harus diisi untuk semua kelompok atau tidak sama sekali",
        "give {field} for every group or for none",
    ),
    "sheet.no_score": (
        "tidak ada nilai: beri total atau score tiap kelompok (verified hanya bila lembar memuat kedua tahap)",
        "no points: give the total or each group's score (verified only when the sheet gives both stages)",
    ),
    "sheet.groups_list": ("groups harus berupa daftar", "groups must be a list"),
    "sheet.short_form": (
        "'{text}' tidak dapat dibaca; tulis KELOMPOK NILAI/MAKS, mis. Kelembagaan 83,50/150",
        "cannot read '{text}'; write GROUP SCORE/MAX, e.g. Kelembagaan 83,50/150",
    ),
    "sheet.no_header": (
        "tidak ada baris judul kolom group,score,max (atau kelompok,nilai,maks)",
        "no header row group,score,max (or kelompok,nilai,maks)",
    ),
    "sheet.too_big": ("lebih dari {size} bita", "larger than {size} bytes"),
    "sheet.not_utf8": ("bukan teks UTF-8", "not UTF-8 text"),
    "sheet.yaml": ("YAML tidak dapat dibaca: {problem}", "cannot read the YAML: {problem}"),
    "compare.no_stages": (
        "hasil ini tidak memuat nilai verifikasi (Nilai VA): tidak ada tahap untuk dibandingkan",
        "this result carries no verified points (Nilai VA): there are no stages to compare",
    ),
    "compare.no_stages.hint": (
        "beri dua hasil (kla compare LAMA BARU), atau satu rekap/lembar hasil yang memuat Nilai VA",
        "give two results (kla compare OLD NEW), or one recap or result sheet with Nilai VA",
    ),
    "compare.stages_title": (
        "Penilaian mandiri → verifikasi",
        "Self-assessment → verification",
    ),
    "compare.stage.self_assessed": ("Penilaian mandiri (EM)", "Self-assessed (EM)"),
    "compare.stage.verified": ("Verifikasi (VA)", "Verified (VA)"),
    "compare.stage.old": ("EM", "EM"),
    "compare.stage.new": ("VA", "VA"),
    "compare.stage.change": ("VA − EM", "VA − EM"),
    "compare.stage.gains": ("Dinaikkan verifikator", "Raised by the verifier"),
    "compare.stage.losses": ("Dipotong paling banyak", "Cut the most"),
    "history.verified": ("Total VA", "Verified total"),
}
