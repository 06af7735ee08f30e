"""Messages for help texts, usage errors and the global texts (error and warning prefixes,
--lang, --debug, interruption, yes/no).

Each entry is key -> (Indonesian, English); `kla_cli.i18n.catalogue` merges the areas.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "error.prefix": ("Galat", "Error"),
    "warning.prefix": ("Peringatan", "Warning"),
    "hint": ("Saran: {text}", "Hint: {text}"),
    # --- usage.*
    "usage.no_option": ("opsi {option} tidak ada", "no such option: {option}"),
    "usage.maybe": ("mungkin: {options}", "perhaps: {options}"),
    "usage.missing": ("{name} belum diberikan", "missing {name}"),
    "usage.no_command": ("perintah '{name}' tidak ada", "no such command '{name}'"),
    "usage.extra": ("argumen berlebih: {args}", "unexpected extra arguments: {args}"),
    "usage.needs_value": ("opsi {option} memerlukan nilai", "option {option} needs a value"),
    "usage.expected.choice": ("pilih salah satu: {choices}", "choose one of: {choices}"),
    "usage.bad_value": (
        "nilai '{value}' tidak sah untuk {option}: {expected}",
        "'{value}' is not a valid value for {option}: {expected}",
    ),
    "usage.expected.int": ("harus bilangan bulat, mis. 4", "must be a whole number, e.g. 4"),
    "usage.expected.number": ("harus bilangan, mis. 0,5", "must be a number, e.g. 0.5"),
    "usage.hint": ("lihat {command} --help", "see {command} --help"),
    "debug.hint": (
        "jalankan ulang dengan --debug untuk melihat traceback",
        "run again with --debug to see the traceback",
    ),
    "internal": (
        "kesalahan internal: {error}; {hint}",
        "internal error: {error}; {hint}",
    ),
    "interrupted": ("dihentikan oleh pengguna", "interrupted by user"),
    "terminated": ("dihentikan oleh sinyal {signal}", "stopped by signal {signal}"),
    "lang.unknown": (
        "bahasa tidak dikenal '{value}'; pilih id atau en",
        "unknown language '{value}'; choose id or en",
    ),
    "yes": ("Ya", "Yes"),
    "no": ("Tidak", "No"),
    # --- help.*
    "help.app": (
        "kla: penilaian mandiri Kabupaten/Kota Layak Anak dari berkas isian OPD.",
        "kla: Kabupaten/Kota Layak Anak (child-friendly regency/city) self-assessment from OPD workbooks.",
    ),
    "help.rubric": ("Periksa dan tampilkan rubrik YAML.", "Check and show YAML rubrics."),
    "help.lang": (
        "Bahasa keluaran: id atau en (bawaan: KLA_LANG, lalu locale).",
        "Output language: id or en (default: KLA_LANG, then the locale).",
    ),
    "help.debug": ("Tampilkan traceback bila terjadi galat.", "Show the traceback on errors."),
    "help.version": ("Tampilkan versi lalu keluar.", "Show the version and exit."),
    "help.rubric_opt": (
        "Berkas rubrik YAML (bawaan: rubrics/kla-2024.yaml).",
        "Rubric YAML file (default: rubrics/kla-2024.yaml).",
    ),
    "help.format": (
        "Format keluaran (bawaan: dari ekstensi -o, atau table).",
        "Output format (default: from the -o extension, else table).",
    ),
    "help.output": (
        "Tulis ke berkas ini, bukan ke layar.",
        "Write to this file instead of the screen.",
    ),
    "help.paths": (
        "Berkas isian OPD (.xlsx) atau folder berisi berkas-berkas satu kabupaten/kota.",
        "OPD workbooks (.xlsx) or a folder holding one region's workbooks.",
    ),
    "help.score": (
        "Hitung nilai butir, indikator, klaster, total dan predikat dari berkas isian OPD.",
        "Compute item, indicator, cluster and total scores and the predikat from OPD workbooks.",
    ),
    "help.allow_errors": (
        "Tetap hitung walau ada galat validasi (butir bergalat bernilai 0).",
        "Score despite validation errors (items with errors score 0).",
    ),
    "help.columns": (
        "Kolom rekap daerah yang judulnya tidak dikenali, mis. nilai=F,kode=B (nama: kode,"
        " indikator, pertanyaan, uraian, max, nilai, va, sumber, dukung, catatan, keterangan).",
        "A region recap's columns whose headers kla does not recognise, e.g. nilai=F,kode=B"
        " (names: kode, indikator, pertanyaan, uraian, max, nilai, va, sumber, dukung,"
        " catatan, keterangan).",
    ),
    "columns.unknown_name": (
        "nama kolom '{name}' tidak dikenal",
        "unknown column name '{name}'",
    ),
    "columns.bad_letter": (
        "kolom '{name}': '{letter}' bukan huruf kolom Excel",
        "column '{name}': '{letter}' is not an Excel column letter",
    ),
    "columns.hint": (
        "tulis nama=huruf dipisah koma, mis. --columns nilai=F,kode=B; nama yang dikenal: {known}",
        "write name=letter separated by commas, e.g. --columns nilai=F,kode=B; known names:"
        " {known}",
    ),
    "help.detail": ("Tampilkan juga tabel per indikator.", "Also show the per-indicator table."),
    "help.warnings": ("Tampilkan semua peringatan.", "Show every warning."),
    "help.rubric_check": (
        "Periksa berkas rubrik; setiap masalah dicetak dengan nomor barisnya.",
        "Check rubric files; every problem is printed with its line number.",
    ),
    "help.rubric_files": ("Berkas rubrik YAML.", "Rubric YAML files."),
    "help.rubric_show": (
        "Tampilkan pohon rubrik: kelompok, indikator, (butir), OPD dan nilai maksimum.",
        "Show the rubric tree: groups, indicators, (items), OPDs and maximum points.",
    ),
    "help.show_items": ("Tampilkan juga setiap butir.", "Also show every item."),
    "help.template": (
        "Buat format isian (.xlsx) per OPD dari rubrik: hanya butir tanggung jawab OPD itu.",
        "Make the answer forms (.xlsx), one per OPD, from the rubric: only that OPD's items.",
    ),
    "help.template_opd": (
        "OPD (id, nama atau alias); boleh diulang. Bawaan: semua OPD.",
        "OPD (id, name or alias); may be repeated. Default: every OPD.",
    ),
    "help.template_region": (
        "Nama kabupaten/kota yang dicetak di format.",
        "Regency/city name printed in the forms.",
    ),
    "help.template_year": ("Tahun evaluasi, mis. 2025.", "Evaluation year, e.g. 2025."),
    "help.template_out": (
        "Folder tujuan (dibuat bila belum ada).",
        "Folder to write into (created if missing).",
    ),
    "help.form_lang": (
        "Bahasa format isian: id (bawaan) atau en; tidak bergantung pada --lang.",
        "Language of the forms: id (default) or en; independent of --lang.",
    ),
    "help.force": (
        "Timpa berkas yang sudah ada.",
        "Overwrite files that already exist.",
    ),
    "help.validate": (
        "Periksa berkas isian OPD satu kabupaten/kota; setiap masalah dengan berkas, lembar dan sel.",
        "Check one region's OPD workbooks; every problem with its file, sheet and cell.",
    ),
    "help.validate_format": (
        "Format keluaran: table, json, markdown, junit atau github (anotasi GitHub Actions); "
        "bawaan: dari ekstensi -o, atau table.",
        "Output format: table, json, markdown, junit or github (GitHub Actions annotations); "
        "default: from the -o extension, else table.",
    ),
    "help.strict": (
        "Peringatan juga menghasilkan kode keluar 1.",
        "Warnings also give exit code 1.",
    ),
    "help.merge": (
        "Gabungkan berkas OPD menjadi satu rekap .xlsx (jawaban, nilai, asal, butir kosong, temuan).",
        "Merge the OPD workbooks into one recap .xlsx (answers, points, sources, gaps, findings).",
    ),
    "help.merge_dir": (
        "Folder berisi berkas isian OPD satu kabupaten/kota.",
        "Folder holding one region's OPD workbooks.",
    ),
    "help.merge_out": (
        "Berkas rekap yang ditulis, mis. rekap.xlsx.",
        "Recap file to write, e.g. rekap.xlsx.",
    ),
    "help.gap": (
        "Seberapa jauh dari predikat target, dan apa yang harus dikerjakan oleh OPD mana. Kode keluar: 0 target tercapai, 1 di bawah target, 2 gagal.",
        "How far from the target predikat, and what to do, by which OPD. Exit code: 0 target reached, 1 below target, 2 could not run.",
    ),
    "help.gap_paths": (
        "Berkas isian OPD (.xlsx) atau folder satu kabupaten/kota (tidak dipakai dengan --score).",
        "OPD workbooks (.xlsx) or one region's folder (not used with --score).",
    ),
    "help.gap_target": (
        "Predikat target: Pratama, Madya, Nindya, Utama atau KLA (bawaan: predikat berikutnya).",
        "Target predikat: Pratama, Madya, Nindya, Utama or KLA (default: the next one up).",
    ),
    "help.gap_assume": (
        "Andaikan jawaban butir KODE=JAWABAN (boleh berulang), mis. 14.3=b atau 13.1=18,5; dianggap berdata dukung.",
        "Assume an answer CODE=ANSWER (repeatable), e.g. 14.3=b or 13.1=18,5; counted as evidenced.",
    ),
    "help.gap_score": (
        "Total saja (mis. hasil resmi tahun lalu, 588,40): tampilkan tangga predikat.",
        "A bare total (e.g. last year's official result, 588,40): show the predikat ladder.",
    ),
    "help.gap_basis": (
        "Ukur terhadap total berdata dukung (bawaan; yang bertahan saat verifikasi) atau total penilaian mandiri.",
        "Measure against the total with evidence (default; what survives verification) or the self-assessed total.",
    ),
    "help.help": ("Tampilkan bantuan ini lalu keluar.", "Show this message and exit."),
    # --- help.framework.*: the CLI framework's own words in --help
    "help.framework.usage": ("Penggunaan:", "Usage:"),
    "help.framework.arguments": ("Argumen", "Arguments"),
    "help.framework.options": ("Opsi", "Options"),
    "help.framework.commands": ("Perintah", "Commands"),
    "help.framework.required": ("wajib", "required"),
    "help.framework.env_var": ("variabel lingkungan: {var}", "env var: {var}"),
    "help.framework.default": ("bawaan: {default}", "default: {default}"),
    "help.framework.dynamic": ("(dinamis)", "(dynamic)"),
    "help.framework.options_metavar": ("[OPSI]", "[OPTIONS]"),
    "help.framework.command_metavar": ("PERINTAH [ARGUMEN]...", "COMMAND [ARGS]..."),
    "help.framework.missing_command": ("Perintah belum diberikan.", "Missing command."),
    "help.batch": (
        "Nilai banyak kabupaten/kota sekaligus: satu folder per kabupaten/kota, atau manifest YAML.",
        "Score many regions in one run: one folder per region, or a manifest YAML.",
    ),
    "help.batch_root": (
        "Folder berisi satu folder (atau satu berkas rekap) per kabupaten/kota, atau manifest .yaml.",
        "A folder holding one folder (or one recap workbook) per region, or a manifest .yaml.",
    ),
    "help.jobs": (
        "Jumlah proses paralel (bawaan: 1 untuk batch kecil, selain itu satu per inti CPU yang"
        " menganggur).",
        "Number of parallel processes (default: 1 for a small batch, else one per idle CPU core).",
    ),
    "help.no_cache_region": (
        "Baca dan nilai ulang semua berkas; jangan pakai atau tulis cache rubrik dan hasil.",
        "Read and assess every workbook again; neither use nor write the rubric and result cache.",
    ),
    "help.no_cache": (
        "Nilai ulang setiap kabupaten/kota; jangan baca atau tulis cache hasil.",
        "Score every region again; neither read nor write the results cache.",
    ),
    "help.cache_dir": (
        "Folder cache hasil (mis. yang disimpan CI antar-run); bawaan: folder cache pengguna.",
        "Results cache folder (e.g. one CI keeps between runs); default: the user's cache folder.",
    ),
    "help.fail_under": (
        "Keluar dengan kode 1 bila ada kabupaten/kota di bawah predikat ini (mis. madya).",
        "Exit with code 1 when any region is below this predikat (e.g. madya).",
    ),
    "help.report": (
        "Buat laporan (Excel .xlsx, HTML atau Markdown) dari berkas isian OPD; format dari ekstensi -o.",
        "Make a report (Excel .xlsx, HTML or Markdown) from OPD workbooks; the format follows the -o extension.",
    ),
    "help.report_format": (
        "Format laporan (bawaan: dari ekstensi -o, atau markdown).",
        "Report format (default: from the -o extension, else markdown).",
    ),
    "help.compare": (
        "Bandingkan dua hasil (folder berkas isian, rekap, JSON dari 'kla score -f json', atau lembar hasil per kelompok .yaml/.csv): perubahan per butir, indikator, kelompok dan predikat. Dengan satu hasil yang memuat Nilai VA: penilaian mandiri (EM) dibanding verifikasi (VA).",
        "Compare two results (workbook folders, a recap, JSON from 'kla score -f json', or a result sheet of group totals .yaml/.csv): change per item, indicator, group and predikat. Given one result with Nilai VA: its self-assessment (EM) against its verification (VA).",
    ),
    "help.compare_old": (
        "Hasil lama (folder, .xlsx, .json, .yaml atau .csv).",
        "Old result (folder, .xlsx, .json, .yaml or .csv).",
    ),
    "help.compare_new": (
        "Hasil baru (folder, .xlsx, .json, .yaml atau .csv); tanpa ini: EM dibanding VA dari hasil pertama.",
        "New result (folder, .xlsx, .json, .yaml or .csv); without it: EM against VA of the first result.",
    ),
    "help.top": (
        "Jumlah kenaikan/penurunan terbesar yang ditampilkan.",
        "How many of the biggest gains and losses to show.",
    ),
    "help.history": (
        "Riwayat satu kabupaten/kota: subfolder per tahun (2019, 2020 …) atau hasil JSON bernama tahun; tabel total dan predikat, grafik di .xlsx/.html.",
        "A region's history: one subfolder per year (2019, 2020 …) or JSON results named by year; table of totals and predikat, chart in .xlsx/.html.",
    ),
    "help.region_dir": (
        "Folder kabupaten/kota yang berisi tahun-tahunnya.",
        "The region's folder holding its years.",
    ),
    "help.gap_basis_name": (
        "Total yang diukur: evidenced (berdata dukung, bawaan), self-assessed (penilaian mandiri) atau verified (Nilai VA hasil verifikasi; rencana dimulai dari butir yang dipotong verifikator).",
        "The total measured: evidenced (with evidence, the default), self-assessed, or verified (the verifier's Nilai VA; the plan starts with the questions the verifier cut).",
    ),
    "help.rubric_format": (
        "Format keluaran: table (bawaan) atau json (pohon rubrik untuk alat lain: kelompok, indikator, butir, OPD, data dukung, pilihan jawaban dan poinnya).",
        "Output format: table (default) or json (the rubric's tree for other tools: groups, indicators, questions, OPDs, data dukung, answer options and their points).",
    ),
}
