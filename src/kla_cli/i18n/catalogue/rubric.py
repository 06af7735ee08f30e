"""Messages for rubric files: loading and checking them (`kla rubric check`), `kla rubric show`.

Each entry is key -> (Indonesian, English); `kla_cli.i18n.catalogue` merges the areas.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- rubric.*
    "rubric.invalid": (
        "rubrik tidak valid ({count} masalah)",
        "invalid rubric ({count} {count:plural/problem/problems})",
    ),
    "rubric.ok": (
        "{path}: rubrik valid: {indicators} indikator, {items} butir, total {total}",
        "{path}: rubric valid: {indicators} {indicators:plural/indicator/indicators}, {items} {items:plural/item/items}, total {total}",
    ),
    "rubric.too_large": (
        "berkas rubrik terlalu besar ({size} bita, batas {limit})",
        "rubric file too large ({size} bytes, limit {limit})",
    ),
    "rubric.too_large.hint": (
        "rubrik biasanya hanya puluhan KB; periksa apakah ini berkas yang benar",
        "a rubric is usually tens of KB; check that this is the right file",
    ),
    "rubric.too_complex": (
        "rubrik memuat terlalu banyak simpul YAML (alias berulang?)",
        "rubric has too many YAML nodes (nested aliases?)",
    ),
    "rubric.too_deep": (
        "rubrik bersarang lebih dari {limit} tingkat",
        "rubric nests values more than {limit} levels deep",
    ),
    "rubric.too_deep.hint": (
        "periksa tanda kurung [ ] dan {{ }} yang tidak ditutup atau indentasi yang terus "
        "bertambah; rubrik KLA hanya beberapa tingkat",
        "look for unclosed [ ] or {{ }} brackets or ever-growing indentation; a KLA rubric is "
        "only a few levels deep",
    ),
    "rubric.too_complex.hint": (
        "hapus jangkar dan alias YAML (& dan *) lalu tulis nilainya langsung",
        "remove YAML anchors and aliases (& and *) and write the values out",
    ),
    "rubric.yaml_error": ("YAML tidak valid: {error}", "invalid YAML: {error}"),
    # --- the YAML parser's problems (io/yaml_safe.worded), in any YAML file kla reads
    "yaml.problem.colon_in_value": (
        "titik dua (:) di tempat yang tidak boleh; apit teks yang memuat ': ' dengan tanda kutip,"
        " atau periksa indentasi",
        "a colon (:) where none may be; put a text containing ': ' in quotes, or check the"
        " indentation",
    ),
    "yaml.problem.list_item": (
        "butir daftar (-) di tempat yang tidak boleh; periksa indentasinya",
        "a list item (-) where none may be; check its indentation",
    ),
    "yaml.problem.tab": ("tab pada indentasi; pakai spasi", "a tab in the indentation; use spaces"),
    "yaml.problem.token": (
        "karakter yang tidak boleh mengawali nilai (tab pada indentasi, atau @, ` atau % di awal"
        " teks tanpa kutip)",
        "a character that cannot start a value (a tab in the indentation, or @, ` or % at the"
        " start of a text without quotes)",
    ),
    "yaml.problem.indentation": (
        "indentasi tidak sejajar dengan baris di atasnya (kunci atau butir daftar yang bergeser),"
        " atau ada teks sesudah tanda kutip penutup (di dalam teks, pakai jenis kutip yang lain)",
        "the indentation does not line up with the lines above (a key or list item out of line),"
        " or there is text after a closing quote (inside a text, use the other kind of quote)",
    ),
    "yaml.problem.colon_missing": (
        "titik dua (:) yang diharapkan tidak ada: kunci tanpa ':', ':' tanpa spasi sesudahnya"
        " (pada baris ini atau di atasnya), atau teks beberapa baris tanpa kutip",
        "an expected colon (:) is missing: a key without ':', a ':' with no space after it (on"
        " this line or the one above), or a text over several lines without quotes",
    ),
    "yaml.problem.unclosed_quote": (
        "tanda kutip yang dibuka tidak ditutup",
        "a quote that is opened is never closed",
    ),
    "yaml.problem.bracket": (
        "kurung siku [ tidak ditutup dengan ], koma antarbutir hilang, atau ada teks sesudah"
        " tanda kutip penutup",
        "a '[' is never closed with ']', a comma between items is missing, or there is text after"
        " a closing quote",
    ),
    "yaml.problem.brace": (
        "kurung kurawal {{ tidak ditutup dengan }}, koma antarbagian hilang, atau ada teks"
        " sesudah tanda kutip penutup",
        "a '{{' is never closed with '}}', a comma between entries is missing, or there is text"
        " after a closing quote",
    ),
    "yaml.problem.escape": (
        "urutan escape dengan garis miring terbalik (\\) yang tidak dikenal dalam teks berkutip"
        " ganda; pakai kutip tunggal",
        "an unknown escape with a backslash (\\) in a double-quoted text; use single quotes",
    ),
    "yaml.problem.alias": (
        "alias (*nama) tanpa jangkar (&nama) di atasnya",
        "an alias (*name) with no anchor (&name) above it",
    ),
    "rubric.yaml_error.hint": (
        "periksa indentasi (spasi, bukan tab), tanda kutip dan kurung pada baris itu",
        "check indentation (spaces, not tabs), quotes and brackets on that line",
    ),
    "rubric.not_mapping": (
        "rubrik harus berupa pemetaan YAML (kunci: nilai)",
        "a rubric must be a YAML mapping (key: value)",
    ),
    "rubric.not_mapping.hint": (
        "mulai dari rubrics/kla-2024.yaml sebagai contoh",
        "start from rubrics/kla-2024.yaml as an example",
    ),
    "rubric.extends_loop": (
        "rubrik 'extends' berputar atau terlalu dalam",
        "rubric 'extends' loops or nests too deep",
    ),
    "rubric.extends_loop.hint": (
        "periksa rantai 'extends': sebuah rubrik tidak boleh menurunkan dirinya sendiri",
        "check the 'extends' chain: a rubric cannot extend itself",
    ),
    "rubric.duplicate": ("nilai ganda '{value}'", "duplicate value '{value}'"),
    "rubric.unknown_group": (
        "kelompok tidak dikenal '{group}' (yang ada: {known})",
        "unknown group '{group}' (known: {known})",
    ),
    "rubric.unknown_opd": (
        "OPD tidak dikenal '{opd}'; daftarkan di 'opds'",
        "unknown OPD '{opd}'; declare it under 'opds'",
    ),
    "rubric.sum_mismatch": (
        "jumlah nilai maksimum butir {total} tidak sama dengan max_total {declared}",
        "item maxima sum to {total}, not the declared max_total {declared}",
    ),
    "rubric.code_prefix": (
        "kode butir {code} tidak diawali nomor indikatornya ({number}.)",
        "item code {code} does not start with its indicator number ({number}.)",
    ),
    "rubric.missing_options": (
        "butir {code} memerlukan 'options'",
        "item {code} needs 'options'",
    ),
    "rubric.missing_bands": (
        "butir {code} memerlukan 'bands'",
        "item {code} needs 'bands'",
    ),
    "rubric.missing_direction": (
        "butir {code} memerlukan 'direction' (higher atau lower)",
        "item {code} needs 'direction' (higher or lower)",
    ),
    "rubric.unexpected_field": (
        "'{field}' tidak berlaku untuk jenis {type}",
        "'{field}' does not apply to type {type}",
    ),
    "rubric.option_over_max": (
        "pilihan {key} bernilai {points}, melebihi maksimum butir {max}",
        "option {key} is worth {points}, more than the item maximum {max}",
    ),
    "rubric.percent_threshold": (
        "ambang persen {value} di luar 0–100",
        "percent threshold {value} outside 0–100",
    ),
    "rubric.checklist_sum": (
        "elemen daftar periksa butir {code} berjumlah {total}, bukan {max}",
        "checklist elements of item {code} sum to {total}, not {max}",
    ),
    "rubric.max_unreachable": (
        "jawaban terbaik butir {code} hanya bernilai {best}, maksimum {max} tak tercapai",
        "the best answer to item {code} is worth {best}; its maximum {max} is unreachable",
    ),
    "rubric.tier_empty": (
        "predikat {tier}: min {min} harus lebih kecil dari max {max}",
        "tier {tier}: min {min} must be below max {max}",
    ),
    "rubric.tier_above_total": (
        "predikat {tier}: max {max} melebihi max_total {total}",
        "tier {tier}: max {max} exceeds max_total {total}",
    ),
    "rubric.tier_overlap": (
        "predikat {tier} tumpang tindih dengan {other}",
        "tier {tier} overlaps {other}",
    ),
    "rubric.tier_gap": (
        "ada celah antara predikat {other} dan {tier} ({start}–{end})",
        "gap between tiers {other} and {tier} ({start}–{end})",
    ),
    "rubric.indicator_capped": (
        "butir indikator {id} berjumlah {items}, lebih dari maksimum resminya {max}: nilai indikator dibatasi {max}",
        "indicator {id}'s questions add up to {items}, more than its official maximum {max}: its score is capped at {max}",
    ),
    "rubric.indicator_unreachable": (
        "butir indikator {id} hanya berjumlah {items}, maksimum {max} tak tercapai",
        "indicator {id}'s questions add up to only {items}; its maximum {max} is unreachable",
    ),
    "rubric.group_sum": (
        "indikator kelompok {group} berjumlah {total}, bukan maksimum kelompok {max}",
        "group {group}'s indicators add up to {total}, not the group maximum {max}",
    ),
    "rubric.no_opd": (
        "butir {code} tidak punya OPD: isi 'opd' pada butir atau indikatornya",
        "item {code} has no OPD: set 'opd' on the item or its indicator",
    ),
    "rubric.hint": (
        "perbaiki baris yang disebut lalu jalankan 'kla rubric check'",
        "fix the lines named above, then run 'kla rubric check'",
    ),
    "rubric.unreadable": ("tidak dapat membaca berkas: {error}", "cannot read the file: {error}"),
    "rubric.unreadable.hint": (
        "berikan berkas rubrik .yaml biasa yang dapat dibaca",
        "give a plain, readable .yaml rubric file",
    ),
    "rubric.not_utf8": (
        "berkas bukan teks UTF-8 (bita 0x{byte} di kolom {column})",
        "the file is not UTF-8 text (byte 0x{byte} at column {column})",
    ),
    "rubric.not_utf8.hint": (
        "simpan ulang dengan pengodean UTF-8 (Notepad: Simpan Sebagai → UTF-8)",
        "save it again with UTF-8 encoding (Notepad: Save As → UTF-8)",
    ),
    "rubric.extends_missing": (
        "rubrik dasar '{base}' (extends) tidak ada",
        "the base rubric '{base}' (extends) does not exist",
    ),
    "rubric.yaml_tag": (
        "tag YAML '{tag}' tidak diizinkan: rubrik hanya berisi data biasa",
        "YAML tag '{tag}' is not allowed: a rubric holds plain data only",
    ),
    "rubric.yaml_tag.hint": (
        "hapus tag yang diawali '!' dan tulis nilainya langsung",
        "remove the tag starting with '!' and write the value itself",
    ),
    # --- show.*
    "show.type": ("Jenis", "Type"),
    "show.code": ("Kode", "Code"),
    "show.question": ("Pertanyaan", "Question"),
    "show.evidence_required": ("Wajib data dukung", "Evidence required"),
}
