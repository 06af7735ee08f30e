"""Messages of the machine-output contract and CI: `kla schema`, the rubric checker's wording of
pydantic's problems, `--excel`, `--fail-under`, GitHub annotations and JUnit.

Each entry is key -> (Indonesian, English); `kla_cli.i18n.catalogue` merges the areas.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- kla schema
    "help.schema": (
        "Cetak JSON Schema (draft 2020-12) sebuah keluaran JSON kla atau berkas rubrik; tanpa "
        "NAMA: daftar skema.",
        "Print the JSON Schema (draft 2020-12) of a kla JSON output or of the rubric file; "
        "without NAME: the list of schemas.",
    ),
    "help.schema_name": (
        "Nama skema: score, validate, gap, batch, compare, history, rubric-show, rubric.",
        "The schema's name: score, validate, gap, batch, compare, history, rubric-show, rubric.",
    ),
    "schema.unknown": (
        "skema '{name}' tidak ada; yang ada: {known}",
        "no schema '{name}'; there are: {known}",
    ),
    "schema.unknown.hint": (
        "jalankan 'kla schema' untuk daftarnya",
        "run 'kla schema' for the list",
    ),
    # --- a rubric's problems, as pydantic finds them, in the user's language
    "rubric.pyd.missing": ("kunci wajib '{key}' belum ada", "required key '{key}' is missing"),
    "rubric.pyd.extra": ("kunci '{key}' tidak dikenal", "unknown key '{key}'"),
    "rubric.pyd.maybe": ("mungkin maksudnya '{name}'?", "did you mean '{name}'?"),
    "rubric.pyd.known": ("kunci yang dikenal: {names}", "known keys: {names}"),
    "rubric.pyd.string": ("harus teks", "must be text"),
    "rubric.pyd.number": ("harus bilangan, mis. 2,5", "must be a number, e.g. 2.5"),
    "rubric.pyd.integer": ("harus bilangan bulat, mis. 2024", "must be a whole number, e.g. 2024"),
    "rubric.pyd.bool": ("harus true atau false", "must be true or false"),
    "rubric.pyd.list": ("harus daftar (baris '- …')", "must be a list ('- …' lines)"),
    "rubric.pyd.mapping": (
        "harus pemetaan 'kunci: nilai'",
        "must be a mapping of 'key: value'",
    ),
    "rubric.pyd.text": (
        "harus teks, atau pemetaan 'id:' dan 'en:'",
        "must be a text, or a mapping of 'id:' and 'en:'",
    ),
    "rubric.pyd.pattern": (
        "'{value}' tidak sesuai bentuk yang diminta ({pattern})",
        "'{value}' does not have the required form ({pattern})",
    ),
    "rubric.pyd.empty": ("tidak boleh kosong", "must not be empty"),
    "rubric.pyd.too_few": (
        "minimal {min} entri, ada {count}",
        "needs at least {min} entries, has {count}",
    ),
    "rubric.pyd.ge": ("harus ≥ {limit}", "must be ≥ {limit}"),
    "rubric.pyd.gt": ("harus > {limit}", "must be > {limit}"),
    "rubric.pyd.enum": (
        "'{value}' tidak dikenal; pilih salah satu: {expected}",
        "'{value}' is not known; choose one of: {expected}",
    ),
    "rubric.pyd.unknown_scale": (
        "skala '{name}' tidak dikenal; yang dikenal: {known}",
        "unknown scale '{name}'; known: {known}",
    ),
    "rubric.pyd.scale_and_steps": (
        "'scale' sudah memberi pilihan/pita nilai: hapus salah satunya",
        "a 'scale' gives the options/bands: remove one of them",
    ),
    "rubric.pyd.other": ("{message}", "{message}"),
    # --- --excel, --fail-under
    "help.excel": (
        "CSV untuk Excel berbahasa Indonesia: BOM UTF-8, pemisah ';' dan koma desimal "
        "(bawaan: CSV biasa untuk program, pemisah ',' dan titik desimal).",
        "CSV for Excel set to Indonesian: a UTF-8 BOM, ';' separators and comma decimals "
        "(default: plain CSV for programs, ',' separators and dot decimals).",
    ),
    "excel.needs_csv": (
        "--excel hanya berlaku untuk keluaran CSV, bukan {fmt}",
        "--excel applies to CSV output only, not {fmt}",
    ),
    "excel.needs_csv.hint": (
        "tambahkan -f csv atau -o hasil.csv",
        "add -f csv or -o result.csv",
    ),
    "fail_under.below": (
        "{total} ({predicate}) di bawah --fail-under {tier}",
        "{total} ({predicate}) is below --fail-under {tier}",
    ),
    # --- GitHub annotations, the job summary, JUnit
    "github.more": (
        "{count} anotasi lainnya tidak ditampilkan ({kinds}) — lihat ringkasan job",
        "{count} more annotations not shown ({kinds}) — see the job summary",
    ),
    "validate.md_title": ("Pemeriksaan berkas isian", "Workbook check"),
    "validate.col.severity": ("Tingkat", "Severity"),
    "validate.col.file": ("Berkas", "File"),
    "validate.col.place": ("Sel", "Cell"),
    "validate.col.code": ("Kode", "Code"),
    "validate.col.message": ("Masalah", "Problem"),
    "validate.junit_clean": ("tidak ada masalah", "no problems"),
}
