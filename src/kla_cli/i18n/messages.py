"""The message catalogue: every user-facing text, in Indonesian and English, plus number formatting.

Each entry is (Indonesian, English) with `str.format` placeholders. Indonesian is canonical: the
users are Gugus Tugas secretariats. `t()` is the only way text reaches a user, so a test can check
that both languages have every message and the same placeholders.
"""

from __future__ import annotations

import locale
import os
import string
from collections.abc import Mapping
from contextvars import ContextVar
from typing import Literal

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")

current_lang: ContextVar[Lang | None] = ContextVar("kla_lang", default=None)
"""Set by the CLI from --lang; when unset, `active_lang()` detects it from the environment."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- generic --------------------------------------------------------------------------
    "error.prefix": ("Galat", "Error"),
    "warning.prefix": ("Peringatan", "Warning"),
    "hint": ("Saran: {text}", "Hint: {text}"),
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
    "lang.unknown": (
        "bahasa tidak dikenal '{value}'; pilih id atau en",
        "unknown language '{value}'; choose id or en",
    ),
    # --- command help ---------------------------------------------------------------------
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
        "Berkas rubrik YAML (bawaan: rubrics/kla-2023.yaml).",
        "Rubric YAML file (default: rubrics/kla-2023.yaml).",
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
    # --- paths and output ------------------------------------------------------------------
    "path.not_workbook": (
        "bukan berkas isian OPD (.xlsx, .xlsm, .xls atau .ods)",
        "not an OPD workbook (.xlsx, .xlsm, .xls or .ods)",
    ),
    "path.not_workbook.hint": (
        "berikan berkas isian atau foldernya; hasil .json dibaca oleh kla compare dan kla history",
        "give the workbooks or their folder; saved .json results are read by kla compare and "
        "kla history",
    ),
    "batch.not_root": (
        "bukan folder dan bukan manifest .yaml",
        "neither a folder nor a .yaml manifest",
    ),
    "batch.not_root.hint": (
        "berikan folder berisi satu folder per kabupaten/kota, atau manifest .yaml",
        "give a folder holding one folder per regency/city, or a .yaml manifest",
    ),
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
    "path.missing": ("berkas atau folder tidak ada", "no such file or folder"),
    "path.no_workbooks": (
        "tidak ada berkas isian (.xlsx, .xlsm, .xls, .ods) di folder ini",
        "no workbooks (.xlsx, .xlsm, .xls, .ods) in this folder",
    ),
    "path.no_workbooks.hint": (
        "letakkan berkas isian OPD (.xlsx) di folder ini",
        "put the OPD workbooks (.xlsx) in this folder",
    ),
    "output.is_dir": (
        "berkas keluaran adalah sebuah folder",
        "the output path is a folder",
    ),
    "output.is_dir.hint": (
        "beri nama berkas, mis. -o laporan.json",
        "give a file name, e.g. -o report.json",
    ),
    "output.failed": ("tidak dapat menulis: {error}", "cannot write: {error}"),
    "output.not_regular": (
        "berkas keluaran bukan berkas biasa (mis. soket atau perangkat blok)",
        "the output path is not a regular file (e.g. a socket or a block device)",
    ),
    "output.not_regular.hint": (
        "beri nama berkas biasa, mis. -o laporan.json, atau hilangkan -o untuk menulis ke layar",
        "name a regular file, e.g. -o report.json, or leave -o out to write to the screen",
    ),
    "output.stream.hint": (
        "periksa ruang disk dan bahwa penerima keluaran masih berjalan",
        "check the free disk space and that whatever reads the output is still running",
    ),
    "output.written": ("ditulis: {path}", "written: {path}"),
    # --- rubric ----------------------------------------------------------------------------
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
    "rubric.too_complex": (
        "rubrik memuat terlalu banyak simpul YAML (alias berulang?)",
        "rubric has too many YAML nodes (nested aliases?)",
    ),
    "rubric.yaml_error": ("YAML tidak valid: {error}", "invalid YAML: {error}"),
    "rubric.not_mapping": (
        "rubrik harus berupa pemetaan YAML (kunci: nilai)",
        "a rubric must be a YAML mapping (key: value)",
    ),
    "rubric.extends_loop": (
        "rubrik 'extends' berputar atau terlalu dalam",
        "rubric 'extends' loops or nests too deep",
    ),
    "rubric.field": ("{path}: {message}", "{path}: {message}"),
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
    # >>> issue 16: the 2024 instrument (rubric)
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
    "rubric.warning_line": ("peringatan: {text}", "warning: {text}"),
    # <<< issue 16
    "rubric.hint": (
        "perbaiki baris yang disebut lalu jalankan 'kla rubric check'",
        "fix the lines named above, then run 'kla rubric check'",
    ),
    # --- findings (workbook problems): finding.<code> and, where useful, finding.<code>.hint -----
    "severity.error": ("galat", "error"),
    "severity.warning": ("peringatan", "warning"),
    "finding.unreadable": (
        "bukan buku kerja Excel yang dapat dibaca ({error})",
        "not a readable Excel workbook ({error})",
    ),
    "finding.unreadable.hint": (
        "buka di Excel/LibreOffice lalu simpan ulang sebagai .xlsx",
        "open it in Excel/LibreOffice and save it again as .xlsx",
    ),
    "finding.missing-sheet": (
        "lembar '{sheet}' tidak ditemukan (ada: {sheets})",
        "sheet '{sheet}' not found (found: {sheets})",
    ),
    "finding.missing-sheet.hint": (
        "gunakan format dari 'kla template'",
        "use the format made by 'kla template'",
    ),
    "finding.no-header": (
        "baris judul kolom (Kode, Jawaban, Data dukung) tidak ditemukan",
        "header row (Kode, Jawaban, Data dukung) not found",
    ),
    "finding.no-header.hint": (
        "jangan hapus baris judul dari format",
        "do not delete the header row of the format",
    ),
    "finding.missing-column": (
        "kolom '{column}' tidak ada di baris judul",
        "column '{column}' missing from the header row",
    ),
    "finding.wrong-rubric": (
        "format ini dibuat untuk rubrik '{found}', bukan '{expected}'",
        "this format was made for rubric '{found}', not '{expected}'",
    ),
    "finding.wrong-rubric.hint": (
        "kirim ulang format dari 'kla template' dengan rubrik yang benar",
        "send the OPD a new format made by 'kla template' with the right rubric",
    ),
    "finding.rubric-version": (
        "format versi rubrik {found}, yang berlaku {expected}",
        "format is for rubric version {found}; the current one is {expected}",
    ),
    "finding.rubric-version.hint": (
        "salin jawaban ke format terbaru dari 'kla template'",
        "copy the answers into a new format from 'kla template'",
    ),
    "finding.rubric-changed": (
        "rubrik telah diubah sejak format ini dibuat",
        "the rubric has changed since this format was made",
    ),
    "finding.rubric-changed.hint": (
        "periksa apakah pilihan jawaban masih sama",
        "check that the answer options are still the same",
    ),
    "finding.missing-opd": ("nama OPD kosong", "OPD name is empty"),
    "finding.missing-opd.hint": ("isi nama OPD", "fill in the OPD name"),
    "finding.missing-region": ("nama kabupaten/kota kosong", "region name is empty"),
    "finding.missing-region.hint": ("isi nama kabupaten/kota", "fill in the regency/city name"),
    "finding.missing-year": ("tahun kosong", "year is empty"),
    "finding.missing-year.hint": (
        "isi tahun evaluasi, mis. 2025",
        "fill in the evaluation year, e.g. 2025",
    ),
    "finding.unknown-opd": (
        "OPD '{opd}' tidak ada dalam daftar OPD rubrik",
        "OPD '{opd}' is not in the rubric's list of OPDs",
    ),
    "finding.unknown-opd.hint": (
        "tulis nama OPD seperti di 'kla rubric show'",
        "write the OPD name as 'kla rubric show' lists it",
    ),
    "finding.region-mismatch": (
        "kabupaten/kota '{found}' berbeda dengan berkas lain ('{expected}')",
        "region '{found}' differs from the other files ('{expected}')",
    ),
    "finding.year-mismatch": (
        "tahun '{found}' berbeda dengan berkas lain ('{expected}')",
        "year '{found}' differs from the other files ('{expected}')",
    ),
    "finding.unknown-item": (
        "kode butir '{code}' tidak ada dalam rubrik",
        "item code '{code}' is not in the rubric",
    ),
    "finding.unknown-item.hint": (
        "periksa kode di kolom Kode; jangan mengubah kode",
        "check the code in the Kode column; codes must not be edited",
    ),
    "finding.duplicate-row": (
        "butir {code} muncul lebih dari sekali (pertama di {first})",
        "item {code} appears more than once (first at {first})",
    ),
    "finding.duplicate-row.hint": ("hapus baris ganda", "delete the duplicate row"),
    "finding.formula-not-computed": (
        "butir {code}: rumus tanpa nilai tersimpan (berkas disimpan oleh program yang tidak menghitungnya)",
        "item {code}: formula without a saved value (the file was saved by a program that did not compute it)",
    ),
    "finding.formula-not-computed.hint": (
        "buka dan simpan ulang di Excel/LibreOffice, atau ketik nilainya langsung",
        "open and save it again in Excel/LibreOffice, or type the value itself",
    ),
    "finding.not-a-number": (
        "butir {code}: '{value}' bukan angka",
        "item {code}: '{value}' is not a number",
    ),
    "finding.not-a-number.hint": (
        "ketik angka saja, mis. 95,5",
        "type a number only, e.g. 95,5",
    ),
    "finding.not-an-option": (
        "butir {code}: '{value}' bukan salah satu pilihan",
        "item {code}: '{value}' is not one of the options",
    ),
    "finding.not-an-option.hint": (
        "isi huruf pilihan ({options})",
        "enter an option letter ({options})",
    ),
    "finding.not-yes-no": (
        "butir {code}: '{value}' bukan Ya/Tidak",
        "item {code}: '{value}' is not Ya/Tidak (yes/no)",
    ),
    "finding.not-yes-no.hint": ("isi Ya atau Tidak", "enter Ya or Tidak"),
    "finding.percent-out-of-range": (
        "butir {code}: persentase {value} di luar 0–100",
        "item {code}: percentage {value} outside 0–100",
    ),
    "finding.percent-out-of-range.hint": (
        "isi persen antara 0 dan 100, mis. 87,5",
        "enter a percentage between 0 and 100, e.g. 87,5",
    ),
    "finding.negative-count": (
        "butir {code}: jumlah {value} negatif",
        "item {code}: count {value} is negative",
    ),
    "finding.negative-count.hint": ("isi 0 atau lebih", "enter 0 or more"),
    "finding.not-whole-number": (
        "butir {code}: jumlah {value} bukan bilangan bulat",
        "item {code}: count {value} is not a whole number",
    ),
    "finding.not-responsible": (
        "butir {code} dijawab oleh {opd}, yang bukan penanggung jawabnya",
        "item {code} is answered by {opd}, which is not responsible for it",
    ),
    "finding.evidence-missing": (
        "butir {code}: data dukung wajib belum diisi; nilainya hilang saat verifikasi",
        "item {code}: required evidence (data dukung) is missing; its points are lost at verification",
    ),
    "finding.evidence-missing.hint": (
        "isi nama berkas atau tautan dokumen",
        "enter the document's file name or link",
    ),
    "finding.duplicate-answer": (
        "butir {code} juga dijawab di {other} (jawaban sama)",
        "item {code} is also answered at {other} (same answer)",
    ),
    "finding.conflicting-answers": (
        "butir {code}: jawaban '{value}' bertentangan dengan '{first}' di {other}",
        "item {code}: answer '{value}' contradicts '{first}' at {other}",
    ),
    "finding.conflicting-answers.hint": (
        "sepakati satu jawaban dan hapus yang lain",
        "agree on one answer and delete the other",
    ),
    "finding.unanswered": ("butir {code} belum dijawab", "item {code} is unanswered"),
    "finding.opd-missing": (
        "belum ada berkas dari {opd} ({count} butir bernilai 0)",
        "no workbook from {opd} yet ({count} {count:plural/item scores/items score} 0)",
    ),
    "findings.blocking": (
        "{count} galat validasi; penilaian dihentikan",
        "{count} validation {count:plural/error/errors}; not scoring",
    ),
    "findings.blocking.hint": (
        "perbaiki galat di atas (lihat 'kla validate') atau jalankan dengan --allow-errors",
        "fix the errors above (see 'kla validate') or run with --allow-errors",
    ),
    "findings.skipped": (
        "{count} butir dilewati karena galat: {codes}",
        "{count} {count:plural/item/items} skipped because of errors: {codes}",
    ),
    # --- OPD template ---------------------------------------------------------------------
    "tpl.title": ("Format isian OPD · {rubric}", "OPD answer form · {rubric}"),
    "tpl.fill_hint": (
        "Isi hanya sel kuning. Kolom Kode jangan diubah. * = wajib data dukung.",
        "Fill in the yellow cells only. Do not edit the Kode column. * = evidence required.",
    ),
    "tpl.choice": ("Pilih satu huruf:", "Choose one letter:"),
    "tpl.checklist": (
        "Tulis semua huruf yang terpenuhi, mis. a, c:",
        "Write every letter that applies, e.g. a, c:",
    ),
    "tpl.yesno": ("Ya / Tidak (Ya = {points})", "Ya / Tidak (yes = {points})"),
    "tpl.percent": ("Persen 0–100", "Percent 0–100"),
    "tpl.count": ("Jumlah", "Count"),
    "tpl.higher": ("makin tinggi makin baik", "higher is better"),
    "tpl.lower": ("makin rendah makin baik", "lower is better"),
    "tpl.dv_yesno": ("Isi Ya atau Tidak.", "Enter Ya or Tidak."),
    "tpl.dv_percent": ("Isi angka persen 0 sampai 100.", "Enter a percentage from 0 to 100."),
    "tpl.dv_count": ("Isi bilangan bulat 0 atau lebih.", "Enter a whole number, 0 or more."),
    "tpl.dv_choice": ("Pilih salah satu huruf: {options}.", "Choose one letter: {options}."),
    "tpl.instr.title": ("Petunjuk pengisian", "How to fill in this form"),
    "tpl.instr.1": (
        "Format ini untuk {opd}. Isi lembar 'Isian': satu baris per butir pertanyaan evaluasi KLA.",
        "This form is for {opd}. Fill in the 'Isian' sheet: one row per KLA evaluation question.",
    ),
    "tpl.instr.2": (
        "Isi nama OPD, kabupaten/kota dan tahun di bagian atas bila masih kosong.",
        "Fill in the OPD, regency/city and year at the top if they are empty.",
    ),
    "tpl.instr.3": (
        "Kolom Jawaban: pilihan huruf (a, b, c …), Ya/Tidak, persen (mis. 87,5) atau jumlah, sesuai kolom 'Pilihan jawaban / satuan'.",
        "Answer column: an option letter (a, b, c …), Ya/Tidak, a percentage (e.g. 87,5) or a count, as the 'Pilihan jawaban / satuan' column says.",
    ),
    "tpl.instr.4": (
        "Kolom Data dukung: nama berkas atau tautan dokumen bukti (SK, Perda, laporan, foto). Butir bertanda * wajib data dukung; tanpa data dukung nilainya hilang saat verifikasi administrasi.",
        "Data dukung column: the file name or link of the evidence (decree, regulation, report, photo). Items marked * require evidence; without it their points are lost at administrative verification.",
    ),
    "tpl.instr.5": (
        "Kolom Keterangan: catatan bebas untuk Gugus Tugas.",
        "Keterangan column: free notes for the task force.",
    ),
    "tpl.instr.6": (
        "Jangan mengubah kolom Kode, menghapus baris judul, atau mengganti nama lembar.",
        "Do not edit the Kode column, delete the header row, or rename sheets.",
    ),
    "tpl.instr.7": (
        "Ketik nilai langsung; jangan memakai rumus yang merujuk ke berkas lain.",
        "Type values directly; do not use formulas that refer to other files.",
    ),
    "tpl.instr.8": (
        "Simpan sebagai .xlsx lalu kirim ke sekretariat Gugus Tugas KLA.",
        "Save as .xlsx and send it to the KLA task force secretariat.",
    ),
    # --- scoring output --------------------------------------------------------------------
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
    "score.no_predicate": ("belum berpredikat (< {min})", "no predikat (< {min})"),
    "score.answer": ("Jawaban", "Answer"),
    "score.evidence": ("Data dukung", "Evidence"),
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
    "score.files": (
        "{count} berkas OPD dibaca",
        "{count} OPD {count:plural/workbook/workbooks} read",
    ),
    "status.yes": ("ada", "yes"),
    "status.no": ("belum", "missing"),
    "status.not_required": ("tidak wajib", "not required"),
    "yes": ("Ya", "Yes"),
    "no": ("Tidak", "No"),
    # --- rubric show -----------------------------------------------------------------------
    "show.type": ("Jenis", "Type"),
    "show.code": ("Kode", "Code"),
    "show.question": ("Pertanyaan", "Question"),
    "show.evidence_required": ("Wajib data dukung", "Evidence required"),
    # === validate / merge (issue 3): add entries below this line ===
    # --- command help
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
        "Format keluaran: text, json atau github (anotasi GitHub Actions); bawaan: dari "
        "ekstensi -o, atau text.",
        "Output format: text, json or github (GitHub Actions annotations); default: from the "
        "-o extension, else text.",
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
    # --- kla template
    "template.unknown_opd": (
        "OPD tidak dikenal '{opd}'; pilih salah satu: {known}",
        "unknown OPD '{opd}'; choose one of: {known}",
    ),
    "template.exists": (
        "berkas sudah ada ({count} berkas akan tertimpa)",
        "file already exists ({count} {count:plural/file/files} would be overwritten)",
    ),
    "template.exists.hint": (
        "pilih folder lain, atau tambahkan --force untuk menimpa",
        "choose another folder, or add --force to overwrite",
    ),
    "template.not_dir": ("bukan folder", "not a folder"),
    "template.not_dir.hint": (
        "beri nama folder dengan -o, mis. -o format-2025",
        "give a folder with -o, e.g. -o forms-2025",
    ),
    "template.no_items": (
        "{opd} tidak memimpin butir apa pun; formatnya tanpa butir",
        "{opd} leads no items; its form has no items",
    ),
    "template.written": (
        "{count} format ditulis ke {folder}",
        "{count} {count:plural/form/forms} written to {folder}",
    ),
    # --- kla validate
    "validate.file_clean": ("{file}: bersih", "{file}: clean"),
    "validate.file_summary": (
        "{file}: {errors} galat, {warnings} peringatan",
        "{file}: errors: {errors}, warnings: {warnings}",
    ),
    "validate.total": (
        "{files} berkas diperiksa: {errors} galat, {warnings} peringatan",
        "{files} {files:plural/file/files} checked: errors: {errors}, warnings: {warnings}",
    ),
    # --- kla merge
    "merge.written": (
        "rekap ditulis: {path} (total {total}, {errors} galat, {warnings} peringatan)",
        "recap written: {path} (total {total}, errors: {errors}, warnings: {warnings})",
    ),
    "merge.not_xlsx": (
        "berkas rekap harus berakhiran .xlsx",
        "the recap file must end in .xlsx",
    ),
    "merge.not_xlsx.hint": ("mis. -o rekap.xlsx", "e.g. -o rekap.xlsx"),
    "merge.inside": (
        "berkas rekap tidak boleh di dalam folder yang digabung",
        "the recap file must not be inside the folder being merged",
    ),
    "merge.inside.hint": (
        "tulis rekap di luar folder itu, mis. -o ../rekap.xlsx",
        "write the recap outside that folder, e.g. -o ../rekap.xlsx",
    ),
    "recap.title": ("Rekap penilaian mandiri · {rubric}", "Self-assessment recap · {rubric}"),
    "recap.hint": (
        "Rekap dari {files} berkas OPD. Kolom OPD, Berkas dan Sel menunjukkan asal setiap jawaban.",
        "Recap of {files} OPD {files:plural/workbook/workbooks}. The OPD, File and Cell columns show where each answer came from.",
    ),
    "recap.skipped": (
        "dilewati: jawaban bergalat, lihat lembar Temuan",
        "skipped: the answer had errors, see the Findings sheet",
    ),
    "recap.sheet.summary": ("Ringkasan", "Summary"),
    "recap.sheet.unanswered": ("Belum dijawab", "Unanswered"),
    "recap.sheet.findings": ("Temuan", "Findings"),
    "recap.col.points": ("Nilai", "Points"),
    "recap.col.points_evidenced": ("Nilai berdata dukung", "Points with evidence"),
    "recap.col.max": ("Maks", "Max"),
    "recap.col.file": ("Berkas", "File"),
    "recap.col.cell": ("Sel", "Cell"),
    "recap.col.sheet": ("Lembar", "Sheet"),
    "recap.col.severity": ("Tingkat", "Severity"),
    "recap.col.code": ("Kode temuan", "Finding code"),
    "recap.col.problem": ("Masalah", "Problem"),
    "recap.col.expected": ("Yang diharapkan", "Expected"),
    "recap.col.required": ("Wajib", "Required"),
    "recap.col.status": ("Status", "Status"),
    "recap.status.blank": ("belum dijawab", "not answered"),
    "recap.status.no_file": ("belum ada berkas dari OPD ini", "no workbook from this OPD yet"),
    "recap.status.error": ("jawaban bergalat (lihat Temuan)", "answer has errors (see Findings)"),
    "recap.files": ("Berkas OPD dibaca", "OPD workbooks read"),
    "recap.predicate_evidenced": ("Predikat berdata dukung", "Predikat with evidence"),
    "recap.answered": ("Butir dijawab", "Items answered"),
    "recap.unanswered": ("Butir belum dijawab", "Items unanswered"),
    "recap.skipped_count": ("Butir dilewati (galat)", "Items skipped (errors)"),
    "recap.errors": ("Galat", "Errors"),
    "recap.warnings": ("Peringatan", "Warnings"),
    # --- findings added by issue 3, and the "what is expected" of the others
    "finding.opd-mismatch": (
        "OPD '{found}' berbeda dengan OPD penerima format ini ('{expected}')",
        "OPD '{found}' differs from the OPD this form was sent to ('{expected}')",
    ),
    "finding.opd-mismatch.hint": (
        "pakai format milik OPD sendiri, atau perbaiki nama OPD",
        "use the OPD's own form, or correct the OPD name",
    ),
    "finding.missing-column.hint": (
        "kembalikan kolom itu ke baris judul (lihat 'kla template')",
        "put the column back in the header row (see 'kla template')",
    ),
    "finding.region-mismatch.hint": (
        "semua berkas satu kabupaten/kota harus menulis nama yang sama",
        "every file of one region must give the same name",
    ),
    "finding.year-mismatch.hint": (
        "semua berkas harus untuk tahun evaluasi yang sama",
        "every file must be for the same evaluation year",
    ),
    "finding.not-whole-number.hint": (
        "isi bilangan bulat, mis. 12",
        "enter a whole number, e.g. 12",
    ),
    "finding.not-responsible.hint": (
        "biarkan OPD penanggung jawab yang menjawab, atau hapus jawaban ini",
        "let the responsible OPD answer it, or delete this answer",
    ),
    "finding.duplicate-answer.hint": (
        "cukup satu OPD yang menjawab; hapus salah satunya",
        "one OPD answering is enough; delete one of them",
    ),
    "finding.unanswered.hint": (
        "isi kolom Jawaban butir ini",
        "fill in this item's Jawaban (answer) cell",
    ),
    "finding.opd-missing.hint": (
        "minta berkas isian dari OPD itu (buat dengan 'kla template --opd')",
        "ask that OPD for its workbook (make one with 'kla template --opd')",
    ),
    # === end validate / merge ===
    #
    #
    # === gap (issue 4): add entries below this line ===
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
    "gap.no_predicate": ("belum berpredikat", "no predikat"),
    "gap.unanswered": ("belum dijawab", "unanswered"),
    "gap.basis.evidenced": ("Total berdata dukung", "Total with evidence"),
    "gap.basis.self_assessed": ("Total penilaian mandiri", "Self-assessed total"),
    "gap.current": (
        "{label}: {total} ({predicate}); {other}: {other_total} ({other_predicate})",
        "{label}: {total} ({predicate}); {other}: {other_total} ({other_predicate})",
    ),
    "gap.target": (
        "Target {tier} (minimal {floor}): kurang {points} poin",
        "Target {tier} (at least {floor}): {points} points needed",
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
    # === end gap ===
    #
    #
    # === batch (issue 5): add entries below this line ===
    "help.help": ("Tampilkan bantuan ini lalu keluar.", "Show this message and exit."),
    "help.batch": (
        "Nilai banyak kabupaten/kota sekaligus: satu folder per kabupaten/kota, atau manifest YAML.",
        "Score many regions in one run: one folder per region, or a manifest YAML.",
    ),
    "help.batch_root": (
        "Folder berisi satu folder (atau satu berkas rekap) per kabupaten/kota, atau manifest .yaml.",
        "A folder holding one folder (or one recap workbook) per region, or a manifest .yaml.",
    ),
    "help.jobs": (
        "Jumlah proses paralel (bawaan: semua inti CPU).",
        "Number of parallel processes (default: all CPU cores).",
    ),
    "help.fail_under": (
        "Keluar dengan kode 1 bila ada kabupaten/kota di bawah predikat ini (mis. madya).",
        "Exit with code 1 when any region is below this predikat (e.g. madya).",
    ),
    "batch.title": ("Rekap penilaian mandiri KLA", "KLA self-assessment summary"),
    "batch.col.rank": ("#", "#"),
    "batch.col.region": ("Kabupaten/Kota", "Region"),
    "batch.col.total": ("Total", "Total"),
    "batch.col.evidenced": ("Total berdata dukung", "Total with evidence"),
    "batch.col.predicate": ("Predikat", "Predikat"),
    "batch.col.target": ("Target", "Target"),
    "batch.col.met": ("Capaian", "Target met"),
    "batch.col.errors": ("Galat", "Errors"),
    "batch.met": ("tercapai", "met"),
    "batch.not_met": ("belum tercapai", "not met"),
    "batch.invalid": ("bergalat", "has errors"),
    "batch.unreadable": ("tidak terbaca", "could not be read"),
    "batch.summary": (
        "{count} kabupaten/kota: {ok} lolos, {below} di bawah target, {invalid} bergalat, {unreadable} tidak terbaca",
        "{count} {count:plural/region/regions}: {ok} passed, {below} below target, {invalid} with errors, {unreadable} could not be read",
    ),
    "batch.below": (
        "total {total} ({predicate}) di bawah target {target}",
        "total {total} ({predicate}) is below the target {target}",
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
    "batch.manifest.duplicate.hint": (
        "nama sudah dipakai oleh {first}; beri setiap kabupaten/kota nama yang berbeda",
        "{first} already has that name; give every region its own name",
    ),
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
    "batch.unknown_tier": (
        "predikat '{value}' tidak dikenal; pilih salah satu: {tiers}",
        "unknown predikat '{value}'; choose one of: {tiers}",
    ),
    "batch.jobs": ("--jobs harus 1 atau lebih", "--jobs must be 1 or more"),
    # === end batch ===
    #
    #
    # === report / compare / history (issue 6): add entries below this line ===
    "help.report": (
        "Buat laporan (Excel .xlsx, HTML atau Markdown) dari berkas isian OPD; format dari ekstensi -o.",
        "Make a report (Excel .xlsx, HTML or Markdown) from OPD workbooks; the format follows the -o extension.",
    ),
    "help.report_format": (
        "Format laporan (bawaan: dari ekstensi -o, atau markdown).",
        "Report format (default: from the -o extension, else markdown).",
    ),
    "help.compare": (
        "Bandingkan dua hasil (folder berkas isian, rekap, atau JSON dari 'kla score -f json'): perubahan per butir, indikator, kelompok dan predikat.",
        "Compare two results (workbook folders, a recap, or JSON from 'kla score -f json'): change per item, indicator, group and predikat.",
    ),
    "help.compare_old": (
        "Hasil lama (folder, .xlsx atau .json).",
        "Old result (folder, .xlsx or .json).",
    ),
    "help.compare_new": (
        "Hasil baru (folder, .xlsx atau .json).",
        "New result (folder, .xlsx or .json).",
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
    # --- report output ---------------------------------------------------------------------
    "report.title": ("Laporan evaluasi KLA", "KLA evaluation report"),
    "report.sheet.summary": ("Ringkasan", "Summary"),
    "report.sheet.groups": ("Kelompok", "Groups"),
    "report.sheet.indicators": ("Indikator", "Indicators"),
    "report.sheet.plan": ("Rencana OPD", "OPD plan"),
    "report.sheet.findings": ("Temuan", "Findings"),
    "report.ladder": ("Tangga ke predikat berikutnya", "Ladder to the next predikat"),
    "report.floor": ("Total minimum", "Minimum total"),
    "report.needed": ("Kurang (total)", "Still needed (total)"),
    "report.needed_evidenced": (
        "Kurang (total berdata dukung)",
        "Still needed (total with evidence)",
    ),
    "report.top_tier": (
        "Sudah mencapai predikat tertinggi.",
        "Already at the highest predikat.",
    ),
    "report.full_name": ("Nama lengkap", "Full name"),
    "report.gap": ("Selisih ke maks", "Gap to max"),
    "report.evidence_status": ("Status data dukung", "Data dukung status"),
    "report.evidence_present": ("Data dukung ada", "Evidence present"),
    "report.evidence_missing": ("Tanpa data dukung", "Answered without evidence"),
    "report.evidence.complete": ("lengkap", "complete"),
    "report.evidence.missing": ("{count} tanpa data dukung", "{count} without evidence"),
    "report.evidence.unanswered": ("{count} belum dijawab", "{count} unanswered"),
    "report.plan.evidence": ("lengkapi data dukung", "add the data dukung"),
    "report.plan.answer": ("jawaban {old} → {new}", "answer {old} → {new}"),
    "report.plan.action": ("Langkah", "Action"),
    "report.plan.from": ("Nilai kini", "Points now"),
    "report.plan.to": ("Nilai sesudah", "Points after"),
    "report.plan.gain": ("Tambahan", "Gain"),
    "report.plan.lead": (
        "Menuju {tier} (total berdata dukung minimal {floor}): {start} → {end} dengan {count} langkah.",
        "Towards {tier} (total with evidence of at least {floor}): {start} → {end} in {count} {count:plural/step/steps}.",
    ),
    "report.plan.unreachable": (
        "{tier} tidak dapat dicapai: total berdata dukung terbaik yang mungkin {best}.",
        "{tier} cannot be reached: the best possible total with evidence is {best}.",
    ),
    "report.plan.done": (
        "{tier} sudah tercapai; tidak ada langkah yang diperlukan.",
        "{tier} is already reached; no action is needed.",
    ),
    "report.effort": ("Upaya", "Effort"),
    "report.effort.low": ("rendah", "low"),
    "report.effort.medium": ("sedang", "medium"),
    "report.effort.high": ("tinggi", "high"),
    "report.chart.groups": ("Nilai vs maksimum per kelompok", "Score vs maximum per group"),
    "report.findings.none": ("Tidak ada temuan.", "No findings."),
    "report.findings.count": (
        "{errors} galat, {warnings} peringatan",
        "{errors} {errors:plural/error/errors}, {warnings} {warnings:plural/warning/warnings}",
    ),
    "report.severity": ("Tingkat", "Severity"),
    "report.file": ("Berkas", "File"),
    "report.sheet": ("Lembar", "Sheet"),
    "report.cell": ("Sel", "Cell"),
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
    "output.suffix_unsupported": (
        "kla tidak menulis berkas '{suffix}' (format yang tersedia: {known})",
        "kla does not write '{suffix}' files (formats available: {known})",
    ),
    "output.suffix_unsupported.hint": (
        "pakai ekstensi salah satu format itu, mis. -o hasil{example}",
        "use one of those formats' extensions, e.g. -o result{example}",
    ),
    "report.needs_output": (
        "format {fmt} harus ditulis ke berkas",
        "format {fmt} must be written to a file",
    ),
    "report.needs_output.hint": (
        "tambahkan -o laporan.xlsx",
        "add -o report.xlsx",
    ),
    # --- compare ---------------------------------------------------------------------------
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
    "compare.rubric_differs": (
        "kedua hasil memakai rubrik berbeda ({old} dan {new}); butir dibandingkan menurut kode",
        "the two results use different rubrics ({old} and {new}); items are matched by code",
    ),
    "compare.unreadable": ("tidak dapat dibaca: {error}", "cannot be read: {error}"),
    "compare.bad_json": (
        "bukan hasil JSON dari 'kla score --format json' ({error})",
        "not a JSON result of 'kla score --format json' ({error})",
    ),
    "compare.bad_json.hint": (
        "buat dengan 'kla score FOLDER --format json -o hasil.json'",
        "make one with 'kla score FOLDER --format json -o result.json'",
    ),
    # --- history ---------------------------------------------------------------------------
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
    # === end report ===
    #
    #
    # === hostile input / language (issue 7): add entries below this line ===
    "path.missing.hint": (
        "periksa ejaan nama berkas/folder; beri tanda kutip bila namanya mengandung spasi",
        "check the spelling of the path; quote names that contain spaces",
    ),
    "output.no_folder": (
        "folder tujuan berkas keluaran tidak ada",
        "the output file's folder does not exist",
    ),
    "output.no_folder.hint": (
        "buat foldernya dulu, atau periksa ejaan jalurnya",
        "create the folder first, or check the spelling of the path",
    ),
    "output.is_input": (
        "berkas keluaran adalah salah satu berkas masukan; berkas masukan tidak pernah ditimpa",
        "the output file is one of the input files; inputs are never overwritten",
    ),
    "output.is_input.hint": (
        "pilih nama berkas lain untuk -o",
        "choose another file name for -o",
    ),
    "output.in_input_folder": (
        "lembar kerja ini berada di folder berkas OPD yang dibaca, sehingga akan ikut terbaca "
        "sebagai berkas OPD pada proses berikutnya",
        "this spreadsheet lies in the folder of OPD workbooks being read, so the next run would "
        "read it as an OPD workbook",
    ),
    "output.in_input_folder.hint": (
        "simpan di luar folder itu, mis. -o ../laporan.xlsx",
        "save it outside that folder, e.g. -o ../laporan.xlsx",
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
    "rubric.yaml_error.hint": (
        "periksa indentasi (spasi, bukan tab), tanda kutip dan kurung pada baris itu",
        "check indentation (spaces, not tabs), quotes and brackets on that line",
    ),
    "rubric.extends_missing": (
        "rubrik dasar '{base}' (extends) tidak ada",
        "the base rubric '{base}' (extends) does not exist",
    ),
    "batch.manifest.loop": (
        "path '{path}' adalah tautan simbolik yang berputar",
        "path '{path}' is a symbolic link that loops",
    ),
    "rubric.yaml_tag": (
        "tag YAML '{tag}' tidak diizinkan: rubrik hanya berisi data biasa",
        "YAML tag '{tag}' is not allowed: a rubric holds plain data only",
    ),
    "rubric.yaml_tag.hint": (
        "hapus tag yang diawali '!' dan tulis nilainya langsung",
        "remove the tag starting with '!' and write the value itself",
    ),
    "rubric.too_large.hint": (
        "rubrik biasanya hanya puluhan KB; periksa apakah ini berkas yang benar",
        "a rubric is usually tens of KB; check that this is the right file",
    ),
    "rubric.too_complex.hint": (
        "hapus jangkar dan alias YAML (& dan *) lalu tulis nilainya langsung",
        "remove YAML anchors and aliases (& and *) and write the values out",
    ),
    "rubric.not_mapping.hint": (
        "mulai dari rubrics/kla-2023.yaml sebagai contoh",
        "start from rubrics/kla-2023.yaml as an example",
    ),
    "rubric.extends_loop.hint": (
        "periksa rantai 'extends': sebuah rubrik tidak boleh menurunkan dirinya sendiri",
        "check the 'extends' chain: a rubric cannot extend itself",
    ),
    "output.failed.hint": (
        "periksa bahwa folder tujuan ada dan boleh ditulisi",
        "check that the target folder exists and may be written to",
    ),
    "finding.empty-file": ("berkas kosong (0 bita)", "the file is empty (0 bytes)"),
    "finding.empty-file.hint": (
        "minta OPD mengirim ulang berkasnya (unduhan/kiriman mungkin gagal)",
        "ask the OPD to send the file again (the download or transfer may have failed)",
    ),
    "finding.damaged": (
        "berkas rusak atau tidak lengkap (mungkin terpotong saat diunduh atau dikirim)",
        "the file is damaged or incomplete (perhaps cut off while downloading or sending)",
    ),
    "finding.damaged.hint": (
        "minta OPD mengirim ulang berkasnya",
        "ask the OPD to send the file again",
    ),
    "finding.cannot-open": (
        "berkas tidak dapat dibuka ({error})",
        "cannot open the file ({error})",
    ),
    "finding.cannot-open.hint": (
        "pastikan ini berkas biasa yang boleh dibaca, bukan folder atau tautan yang rusak",
        "make sure it is an ordinary file you may read, not a folder or a broken link",
    ),
    "finding.not-a-file": (
        "bukan berkas biasa (mis. pipa bernama atau perangkat), tidak dibaca",
        "not an ordinary file (e.g. a named pipe or a device), not read",
    ),
    "finding.not-a-file.hint": (
        "pindahkan atau hapus dari folder isian; simpan isian OPD sebagai berkas .xlsx biasa",
        "move it out of the workbook folder or delete it; save OPD workbooks as ordinary .xlsx files",
    ),
    "finding.xml-entities": (
        "bagian {part} memuat deklarasi entitas XML (DOCTYPE), yang ditolak demi keamanan",
        "part {part} declares XML entities (DOCTYPE), which are refused for safety",
    ),
    "finding.xml-entities.hint": (
        "Excel tidak pernah menulisnya: minta OPD menyimpan ulang berkas dari Excel/LibreOffice",
        "Excel never writes these: ask the OPD to save the file again from Excel/LibreOffice",
    ),
    "finding.encrypted": (
        "buku kerja dilindungi kata sandi sehingga tidak dapat dibaca",
        "the workbook is password-protected, so it cannot be read",
    ),
    "finding.encrypted.hint": (
        "buka di Excel, hapus kata sandi (File → Info → Proteksi Buku Kerja) lalu simpan ulang",
        "open it in Excel, remove the password (File → Info → Protect Workbook) and save it again",
    ),
    "finding.wrong-format": (
        "isi berkas adalah {format}, bukan .xlsx",
        "the file's content is {format}, not .xlsx",
    ),
    "finding.wrong-format.hint": (
        "buka di Excel/LibreOffice lalu simpan sebagai Buku Kerja Excel (.xlsx)",
        "open it in Excel/LibreOffice and save it as an Excel Workbook (.xlsx)",
    ),
    "finding.too-large": (
        "isi berkas mengembang menjadi {size} MB, melebihi batas {limit} MB (kemungkinan bom zip)",
        "the file inflates to {size} MB, over the limit of {limit} MB (possibly a zip bomb)",
    ),
    "finding.too-large.hint": (
        "hapus gambar dan lembar yang tidak perlu lalu simpan ulang; format isian biasanya < 1 MB",
        "remove pictures and sheets that are not needed and save it again; a form is usually < 1 MB",
    ),
    "finding.merged-cell": (
        "butir {code}: sel jawaban termasuk sel gabungan {range}, sehingga jawabannya hilang",
        "item {code}: the answer cell is part of the merged cells {range}, so its answer is lost",
    ),
    "finding.merged-cell.hint": (
        "pisahkan sel (Unmerge) dan isi satu jawaban per baris",
        "unmerge the cells and type one answer per row",
    ),
    "format.xls": ("buku kerja Excel lama (.xls)", "an old Excel workbook (.xls)"),
    "format.ods": ("lembar kerja OpenDocument (.ods)", "an OpenDocument spreadsheet (.ods)"),
    "format.html": ("halaman web (HTML)", "a web page (HTML)"),
    "format.text": ("teks biasa (mis. CSV)", "plain text (e.g. CSV)"),
    "format.xml": (
        "berkas XML (mis. XML Spreadsheet 2003)",
        "an XML file (e.g. XML Spreadsheet 2003)",
    ),
    "format.pdf": ("dokumen PDF", "a PDF document"),
    "format.zip": (
        "arsip zip lain (mis. dokumen Word)",
        "another zip archive (e.g. a Word document)",
    ),
    "format.unknown": ("data biner yang tidak dikenal", "unrecognised binary data"),
    # === end hostile input ===
}


class _Formatter(string.Formatter):
    """`str.format` plus plurals: `{count:plural/item/items}` is `item` for 1, else `items`."""

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith("plural/"):
            one, _, many = format_spec.removeprefix("plural/").partition("/")
            return one if value == 1 or value == "1" else many
        return str(super().format_field(value, format_spec))


_FORMATTER = _Formatter()


def t(key: str, lang: Lang | None = None, /, **args: object) -> str:
    """The message `key` in `lang` (default: the current language), formatted with `args`.

    English plurals are written `{count} {count:plural/item/items}` (Indonesian needs none).
    """
    text = MESSAGES[key][1 if (lang or active_lang()) == "en" else 0]
    if not args:
        return text.replace("{{", "{").replace("}}", "}")  # as str.format would
    return _FORMATTER.vformat(text, (), args) if ":plural/" in text else text.format(**args)


def active_lang() -> Lang:
    """The language in force: the CLI's choice, else detected from KLA_LANG and the locale."""
    chosen = current_lang.get()
    if chosen is not None:
        return chosen
    try:
        return detect_lang(None)
    except ValueError:
        return "id"


def detect_lang(explicit: str | None, environ: Mapping[str, str] | None = None) -> Lang:
    """Choose the language: explicit option, then KLA_LANG, then the locale; Indonesian wins ties.

    Raises ValueError for an explicit value or KLA_LANG that is neither id nor en.
    """
    env = os.environ if environ is None else environ
    for value in (explicit, env.get("KLA_LANG")):
        if value:
            normal = value.strip().lower()[:2]
            if normal in LANGS:
                return "en" if normal == "en" else "id"
            raise ValueError(value)
    # The first locale variable that is set decides, as in POSIX; a neutral one (C, POSIX,
    # C.UTF-8: containers and CI) means Indonesian. Python's getlocale() is asked only when none
    # is set, since it reports C.UTF-8 as en_US.
    setting = next((v for n in ("LC_ALL", "LC_MESSAGES", "LANG") if (v := env.get(n, ""))), "")
    if not setting and environ is None:
        setting = locale.getlocale()[0] or ""
    return "en" if setting.lower().startswith("en") else "id"


def fmt_num(value: float, lang: Lang | None = None, places: int = 2) -> str:
    """A number as users write it: 1.234,50 in Indonesian, 1,234.50 in English."""
    text = f"{value:,.{places}f}"
    if (lang or active_lang()) == "en":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_points(value: float, lang: Lang | None = None) -> str:
    """Points with two decimals (588,40) the way results are announced."""
    return fmt_num(value, lang, 2)
