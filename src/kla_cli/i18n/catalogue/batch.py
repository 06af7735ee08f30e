"""Messages for `kla batch`: many regions at once, their manifest, table and summary.

Each entry is key -> (Indonesian, English); `kla_cli.i18n.catalogue` merges the areas.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "batch.not_root": (
        "bukan folder dan bukan manifest .yaml",
        "neither a folder nor a .yaml manifest",
    ),
    "batch.not_root.hint": (
        "berikan folder berisi satu folder per kabupaten/kota, atau manifest .yaml",
        "give a folder holding one folder per regency/city, or a .yaml manifest",
    ),
    "batch.title": ("Rekap penilaian mandiri KLA", "KLA self-assessment summary"),
    "batch.col.rank": ("#", "#"),
    "batch.col.region": ("Kabupaten/Kota", "Region"),
    "batch.col.total": ("Total", "Total"),
    "batch.col.evidenced": ("Total berdata dukung", "Total with evidence"),
    "batch.col.verified": ("Total VA", "Verified total (VA)"),
    "batch.col.predicate": ("Predikat", "Predikat"),
    "batch.col.target": ("Target", "Target"),
    "batch.col.met": ("Capaian", "Target met"),
    "batch.col.errors": ("Galat", "Errors"),
    "batch.met": ("tercapai", "met"),
    "batch.not_met": ("belum tercapai", "not met"),
    "batch.unreadable": ("tidak terbaca", "could not be read"),
    "batch.summary": (
        "{count} kabupaten/kota: {ok} lolos, {below} di bawah target, {invalid} bergalat, {unreadable} tidak terbaca",
        "{count} {count:plural/region/regions}: {ok} passed, {below} below target, {invalid} with errors, {unreadable} could not be read",
    ),
    "batch.summary_no_target": (
        "{count} kabupaten/kota: {ok} tanpa galat, {invalid} bergalat, {unreadable} tidak terbaca",
        "{count} {count:plural/region/regions}: {ok} without errors, {invalid} with errors, {unreadable} could not be read",
    ),
    "batch.target_basis": (
        "(target dinilai dari total berdata dukung, seperti kla gap)",
        "(targets judged on the total with evidence, as kla gap does)",
    ),
    "batch.below": (
        "total berdata dukung {total} ({predicate}) di bawah target {target}",
        "total with evidence {total} ({predicate}) is below the target {target}",
    ),
    "batch.errors": (
        "{count} galat validasi; periksa dengan: kla score {path}",
        "validation errors: {count}; see them with: kla score {path}",
    ),
    "batch.no_workbook_read": (
        "tidak satu pun dari {count} berkas isian dapat dibaca",
        "none of its {count} {count:plural/workbook/workbooks} could be read",
    ),
    "batch.progress": ("Menilai", "Scoring"),
    "batch.cached": (
        "{count} dari {total} kabupaten/kota diambil dari cache (berkasnya tidak berubah)",
        "{count} of {total} regions taken from the cache (their workbooks did not change)",
    ),
    "batch.opd_form": (
        "ini isian satu OPD ({opd}), bukan rekap satu kabupaten/kota",
        "this is one OPD's workbook ({opd}), not a region's recap",
    ),
    "batch.opd_form.hint": (
        "kla batch menerima satu folder per kabupaten/kota (atau rekap dari kla merge); "
        "untuk menilai folder ini sebagai satu kabupaten/kota: kla score {folder}",
        "kla batch takes one folder per region (or a recap made by kla merge); "
        "to score this folder as one region: kla score {folder}",
    ),
    "batch.root_is_region": (
        "folder ini berisi isian OPD ({opd}, …) satu kabupaten/kota, bukan satu folder per "
        "kabupaten/kota",
        "this folder holds one region's OPD workbooks ({opd}, …), not one folder per region",
    ),
    "batch.root_is_region.hint": (
        "untuk satu kabupaten/kota: kla score {folder}; untuk kla batch, beri folder induk yang "
        "berisi folder-folder kabupaten/kota",
        "for one region: kla score {folder}; for kla batch, give the parent folder that holds "
        "the region folders",
    ),
    "batch.own_targets": (
        "catatan: {count} dari {total} kabupaten/kota memakai target sendiri dari manifest; "
        "--fail-under berlaku untuk yang lain",
        "note: {count} of {total} {total:plural/region/regions} keep their own target from the "
        "manifest; --fail-under applies to the others",
    ),
    "batch.no_regions": (
        "tidak ada folder kabupaten/kota atau berkas isian di sini",
        "no region folders or workbooks here",
    ),
    "batch.no_regions.hint": (
        "buat satu folder per kabupaten/kota berisi berkas isian OPD, atau beri manifest .yaml",
        "make one folder per region holding its OPD workbooks, or give a manifest .yaml",
    ),
    "batch.manifest.invalid": ("manifest tidak valid: {error}", "invalid manifest: {error}"),
    "batch.manifest.hint": (
        "tulis 'regions:' berisi daftar {{name, path, target}}; lihat docs/batch.md",
        "write 'regions:' as a list of {{name, path, target}}; see docs/batch.md",
    ),
    "batch.manifest.too_big": ("lebih besar dari {size} bita", "larger than {size} bytes"),
    "batch.manifest.too_deep": (
        "nilai bersarang lebih dari {limit} tingkat",
        "values nested more than {limit} levels deep",
    ),
    "batch.manifest.nul": (
        "'{key}' memuat karakter NUL (\\0), yang tidak bisa ada dalam nama berkas",
        "'{key}' holds a NUL character (\\0), which no file name can hold",
    ),
    "batch.manifest.too_many_nodes": (
        "lebih dari {count} simpul YAML",
        "more than {count} YAML nodes",
    ),
    "batch.manifest.not_utf8": ("bukan teks UTF-8", "not UTF-8 text"),
    "batch.manifest.yaml": ("YAML tidak dapat dibaca ({problem})", "unreadable YAML ({problem})"),
    "batch.manifest.no_regions_list": (
        "harus berupa pemetaan dengan daftar 'regions'",
        "expected a mapping with a 'regions' list",
    ),
    "batch.manifest.unknown_key": (
        "kunci '{key}' tidak dikenal (yang dikenal: {allowed})",
        "unknown key '{key}' (known: {allowed})",
    ),
    "batch.manifest.not_text": ("'{key}' harus berupa teks", "'{key}' must be a text"),
    "batch.manifest.not_entry": (
        "setiap entri harus berupa {{name, path, target}}",
        "each entry must be {{name, path, target}}",
    ),
    "batch.manifest.entry": ("regions[{index}] (baris {line})", "regions[{index}] (line {line})"),
    "batch.manifest.escape": (
        "path '{path}' keluar dari folder manifest",
        "path '{path}' leaves the manifest's folder",
    ),
    "batch.manifest.escape.hint": (
        "tulis path relatif yang berada di dalam folder manifest",
        "write a relative path inside the manifest's folder",
    ),
    "batch.manifest.duplicate": (
        "nama kabupaten/kota '{name}' muncul dua kali",
        "region name '{name}' appears twice",
    ),
    "batch.manifest.duplicate.hint": (
        "nama sudah dipakai oleh {first}; beri setiap kabupaten/kota nama yang berbeda",
        "{first} already has that name; give every region its own name",
    ),
    "batch.unknown_tier": (
        "predikat '{value}' tidak dikenal; pilih salah satu: {tiers}",
        "unknown predikat '{value}'; choose one of: {tiers}",
    ),
    "batch.jobs": ("--jobs harus 1 atau lebih", "--jobs must be 1 or more"),
    "batch.manifest.loop": (
        "path '{path}' adalah tautan simbolik yang berputar",
        "path '{path}' is a symbolic link that loops",
    ),
}
