"""Messages for what people expect of a command-line tool: `kla demo`, the `kla.toml`
configuration, `-` for standard input and output, `-q`/`-v`, and the examples under each
command's --help.

Each entry is key -> (Indonesian, English); `kla_cli.i18n.catalogue` merges the areas.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- kla demo
    "help.demo": (
        "Tulis contoh kota (format isian OPD dan rekap daerah) ke sebuah folder, untuk mencoba"
        " kla tanpa data sendiri.",
        "Write the example city (OPD forms and a region's recap) into a folder, to try kla"
        " without data of your own.",
    ),
    "help.demo_dir": (
        "Folder tujuan (dibuat bila belum ada).",
        "Folder to write into (made if missing).",
    ),
    "help.demo_force": (
        "Tulis juga ke folder yang tidak kosong (berkas bernama sama ditimpa).",
        "Write into a folder that is not empty too (files of the same name are replaced).",
    ),
    "demo.not_empty": ("folder tidak kosong", "the folder is not empty"),
    "demo.not_empty.hint": (
        "pilih folder baru, mis. kla demo contoh-kla, atau tambahkan --force",
        "choose a new folder, e.g. kla demo kla-example, or add --force",
    ),
    "demo.not_folder": ("sudah ada dan bukan folder", "exists and is not a folder"),
    "demo.not_folder.hint": (
        "pilih nama folder yang belum dipakai",
        "choose a folder name not yet in use",
    ),
    "demo.written": (
        "Contoh ditulis ke {folder}: {forms} berkas isian OPD di {city}, rekap daerah di {recap}.",
        "Example written to {folder}: {forms} OPD workbooks in {city}, a region's recap in"
        " {recap}.",
    ),
    "demo.next": ("Coba berikutnya:", "Try next:"),
    # --- kla.toml
    "help.config": (
        "Berkas konfigurasi (kla.toml atau pyproject.toml dengan [tool.kla]); bawaan: dicari"
        " dari folder masukan ke atas.",
        "Configuration file (kla.toml, or pyproject.toml with [tool.kla]); default: looked for"
        " from the input folder upwards.",
    ),
    "config.unknown_key": (
        "kunci '{key}' tidak dikenal{perhaps}",
        "unknown key '{key}'{perhaps}",
    ),
    "config.perhaps": (" (maksudnya '{match}'?)", " (did you mean '{match}'?)"),
    "config.hint": ("kunci yang dikenal: {known}", "known keys: {known}"),
    "config.bad_value": (
        "'{key}' harus berupa teks atau bilangan",
        "'{key}' must be a text or a number",
    ),
    "config.syntax": ("bukan TOML yang sah: {error}", "not valid TOML: {error}"),
    "config.syntax.hint": (
        'periksa baris itu; contoh: rubric = "kla-2024.yaml"',
        'check that line; e.g. rubric = "kla-2024.yaml"',
    ),
    # --- config.toml.*: tomllib's problems, which it words in English only
    "config.toml.invalid_value": (
        "nilai tidak sah (teks tanpa tanda petik?)",
        "invalid value (a text without quotes?)",
    ),
    "config.toml.invalid_statement": ("baris tidak sah", "invalid statement"),
    "config.toml.expected_equals": (
        "setelah nama kunci harus ada '='",
        "expected '=' after a key",
    ),
    "config.toml.twice": ("kunci yang sama ditulis dua kali", "the same key is written twice"),
    "config.toml.unterminated": ("tanda petik tidak ditutup", "unterminated string"),
    "config.toml.one_per_line": (
        "satu pengaturan per baris",
        "one setting per line",
    ),
    "config.toml.column": (" (kolom {column})", " (column {column})"),
    "config.not_table": ("[tool.kla] harus berupa tabel", "[tool.kla] must be a table"),
    "config.used": ("konfigurasi: {path}", "configuration: {path}"),
    # --- standard input
    "stdin.empty": ("masukan standar kosong", "standard input is empty"),
    "stdin.hint": (
        "alirkan berkas ke kla, mis. cat hasil.json | kla compare - baru.json",
        "pipe a file into kla, e.g. cat result.json | kla compare - new.json",
    ),
    "stdin.twice": (
        "'-' (masukan standar) hanya boleh dipakai sekali",
        "'-' (standard input) may be used only once",
    ),
    # --- -q / -v
    "help.quiet": (
        "Hanya hasilnya (atau tidak ada apa pun bila hasilnya berkas): tanpa kemajuan dan saran.",
        "Only the result (or nothing when the result is a file): no progress, no hints.",
    ),
    "help.verbose": (
        "Rincian per berkas: setiap berkas yang dibaca, OPD-nya dan jumlah jawabannya.",
        "Per-file detail: each file read, its OPD and its counts.",
    ),
    "verbose.file": (
        "dibaca: {file} · OPD {opd} · {rows} baris, {answers} dijawab · {findings} temuan baca",
        "read: {file} · OPD {opd} · {rows} {rows:plural/row/rows}, {answers} answered ·"
        " {findings} reading {findings:plural/finding/findings}",
    ),
    "verbose.rubric": ("rubrik: {path}", "rubric: {path}"),
    "verbose.memo": (
        "berkas tidak berubah sejak penilaian terakhir; hasilnya diambil dari cache (berkas di"
        " bawah tidak dibaca ulang)",
        "the workbooks did not change since the last assessment; its result comes from the cache"
        " (the files below were not read again)",
    ),
    # --- Windows: a file open in Excel
    "output.locked": (
        "berkas sedang dipakai program lain",
        "the file is in use by another program",
    ),
    "output.locked.hint": (
        "tutup berkas di Excel lalu ulangi",
        "close the file in Excel and try again",
    ),
    # --- the examples under each command's --help
    "help.examples": ("Contoh:", "Examples:"),
}

MESSAGES.update(
    {
        f"help.examples.{command}": (ind, en)
        for command, ind, en in (
            (
                "score",
                "kla score contoh-kla/kota-contoh\nkla score contoh-kla/kota-contoh -f json -o nilai.json",
                "kla score kla-example/kota-contoh\nkla score kla-example/kota-contoh -f json -o score.json",
            ),
            (
                "template",
                'kla template -o format-2025 --region "Kota Contoh" --year 2025\nkla template -o format-dinkes --opd dinkes',
                'kla template -o forms-2025 --region "Kota Contoh" --year 2025\nkla template -o forms-dinkes --opd dinkes --form-lang en',
            ),
            (
                "validate",
                "kla validate isian-opd/\nkla validate isian-opd/ -f github --strict",
                "kla validate opd-forms/\nkla validate opd-forms/ -f github --strict",
            ),
            (
                "merge",
                "kla merge isian-opd/ -o rekap.xlsx\nkla merge isian-opd/dinkes.xlsx isian-opd/dp3a.xlsx -o rekap.xlsx",
                "kla merge opd-forms/ -o recap.xlsx\nkla merge opd-forms/dinkes.xlsx opd-forms/dp3a.xlsx -o recap.xlsx",
            ),
            (
                "gap",
                "kla gap isian-opd/ --target nindya\nkla gap --score 612,5 --target utama",
                "kla gap opd-forms/ --target nindya\nkla gap --score 612.5 --target utama",
            ),
            (
                "batch",
                "kla batch provinsi/ -o peringkat.md\nkla batch provinsi.yaml --fail-under madya -f junit -o hasil.xml",
                "kla batch province/ -o ranking.md\nkla batch province.yaml --fail-under madya -f junit -o results.xml",
            ),
            (
                "report",
                "kla report isian-opd/ -o laporan.xlsx\nkla report isian-opd/ -o laporan.html",
                "kla report opd-forms/ -o report.xlsx\nkla report opd-forms/ -o report.html",
            ),
            (
                "compare",
                "kla compare hasil-2024.json isian-opd/\nkla compare rekap-penilaian-mandiri.xlsx",
                "kla compare result-2024.json opd-forms/\nkla compare self-assessment-recap.xlsx",
            ),
            (
                "history",
                "kla history kota-contoh/\nkla history kota-contoh/ -o riwayat.xlsx",
                "kla history kota-contoh/\nkla history kota-contoh/ -o history.xlsx",
            ),
            (
                "demo",
                "kla demo contoh-kla\nkla demo contoh-kla --force",
                "kla demo kla-example\nkla demo kla-example --force",
            ),
            (
                "check",
                "kla rubric check rubrik.yaml\nkla rubric check rubrics/*.yaml",
                "kla rubric check rubric.yaml\nkla rubric check rubrics/*.yaml",
            ),
            (
                "show",
                "kla rubric show --items\nkla rubric show -f json > rubrik.json",
                "kla rubric show --items\nkla rubric show -f json > rubric.json",
            ),
            (
                "status",
                "kla status isian-opd/ --deadline 2025-12-20\nkla status isian-opd/ --target nindya --watch",
                "kla status opd-forms/ --deadline 2025-12-20\nkla status opd-forms/ --target nindya --watch",
            ),
            (
                "followup",
                "kla followup isian-opd/ -o tindak-lanjut --deadline 2025-12-20\nkla followup rekap.xlsx -o tindak-lanjut --target nindya",
                "kla followup opd-forms/ -o follow-up --deadline 2025-12-20\nkla followup recap.xlsx -o follow-up --target nindya",
            ),
            (
                "schema",
                "kla schema score\nkla schema rubric > rubrik.schema.json",
                "kla schema score\nkla schema rubric > rubric.schema.json",
            ),
        )
    }
)
