"""Messages for validation findings: `finding.<code>` and, where useful, `finding.<code>.hint`
(what is expected), their severities, and the summary lines of `kla validate`.

Each entry is key -> (Indonesian, English); `kla_cli.i18n.catalogue` merges the areas.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- finding.*
    "finding.unreadable": (
        "bukan buku kerja Excel yang dapat dibaca ({error})",
        "not a readable Excel workbook ({error})",
    ),
    "finding.unreadable.hint": (
        "buka di Excel/LibreOffice lalu simpan ulang sebagai .xlsx",
        "open it in Excel/LibreOffice and save it again as .xlsx",
    ),
    "finding.answer-sheet-renamed": (
        "lembar '{sheet}' tidak ditemukan, tetapi ada lembar '{found}'",
        "no sheet '{sheet}', but a sheet '{found}'",
    ),
    "finding.answer-sheet-renamed.hint": (
        "ganti nama lembar '{found}' kembali menjadi '{sheet}'",
        "rename the sheet '{found}' back to '{sheet}'",
    ),
    "finding.answer-column-twice": (
        "dua kolom Jawaban ({first} dan {second}); jawaban di kolom {first} yang dibaca",
        "two Jawaban columns ({first} and {second}); the answers in column {first} are read",
    ),
    "finding.answer-column-twice.hint": (
        "hapus kolom yang tidak dipakai, atau ganti judulnya",
        "delete the column not meant, or rename its header",
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
    "finding.missing-column.hint": (
        "kembalikan kolom itu ke baris judul (lihat 'kla template')",
        "put the column back in the header row (see 'kla template')",
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
    "finding.region-mismatch.hint": (
        "semua berkas satu kabupaten/kota harus menulis nama yang sama",
        "every file of one region must give the same name",
    ),
    "finding.year-mismatch": (
        "tahun '{found}' berbeda dengan berkas lain ('{expected}')",
        "year '{found}' differs from the other files ('{expected}')",
    ),
    "finding.year-mismatch.hint": (
        "semua berkas harus untuk tahun evaluasi yang sama",
        "every file must be for the same evaluation year",
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
    "finding.option-text-differs": (
        "butir {code}: '{value}' memakai huruf {letter} dengan teks pilihan {option}",
        "item {code}: '{value}' has the letter {letter} but the text of option {option}",
    ),
    "finding.option-text-differs.hint": (
        "pilih satu entri dari daftar pilihan, atau tulis hurufnya saja",
        "pick one entry from the dropdown, or write its letter alone",
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
    "finding.nilai-out-of-range": (
        "butir {code}: nilai {value} di luar 0–{max} (nilai maksimum butir ini)",
        "item {code}: points {value} outside 0–{max} (this question's maximum)",
    ),
    "finding.nilai-out-of-range.hint": (
        "isi nilai antara 0 dan {max}, dua desimal",
        "enter points between 0 and {max}, two decimals",
    ),
    "finding.verified-out-of-range": (
        "butir {code}: nilai verifikasi {value} di luar 0–{max} (nilai maksimum butir ini)",
        "item {code}: verified points {value} outside 0–{max} (this question's maximum)",
    ),
    "finding.verified-out-of-range.hint": (
        "nilai verifikasi antara 0 dan {max}; nilai mandiri butir ini tetap dihitung",
        "verified points lie between 0 and {max}; the self-assessed points still count",
    ),
    # --- a region's own recap (Rekap Penilaian Mandiri)
    "finding.recap-wrong-rubric": (
        "{unknown} dari {count} kode pertanyaan rekap ini tidak ada dalam rubrik '{rubric}'",
        "{unknown} of this recap's {count} question codes are not in rubric '{rubric}'",
    ),
    "finding.recap-wrong-rubric.hint": (
        "pakai rubrik tahun rekap ini, mis. --rubric rubrics/kla-2024.yaml",
        "use the rubric of the recap's year, e.g. --rubric rubrics/kla-2024.yaml",
    ),
    "finding.recap-subtotal-mismatch": (
        "{section}: {column} tertulis {found}, jumlah {count} pertanyaan di bawahnya {sum}",
        "{section}: {column} says {found}; its {count} {count:plural/question/questions} sum"
        " to {sum}",
    ),
    "finding.recap-subtotal-mismatch.hint": (
        "kla menjumlah nilai per pertanyaan dan tidak memakai baris subtotal; periksa rumus"
        " atau isian baris ini",
        "kla adds the questions' points and never uses the subtotal row; check this row's"
        " formula or figure",
    ),
    "finding.recap-max-differs": (
        "{section}: Nilai Max tertulis {found}, menurut rubrik {expected}",
        "{section}: Nilai Max says {found}, the rubric says {expected}",
    ),
    "finding.recap-max-differs.hint": (
        "kla memakai nilai maksimum rubrik; samakan rekap dengan instrumen yang berlaku",
        "kla uses the rubric's maximum; bring the recap in line with the current instrument",
    ),
    "finding.recap-not-a-number": (
        "'{value}' bukan angka; sel ini tidak diperiksa",
        "'{value}' is not a number; this cell was not checked",
    ),
    "finding.recap-not-a-number.hint": (
        "ketik angka saja, mis. 12,5",
        "type a number only, e.g. 12,5",
    ),
    "finding.recap-unknown-section": (
        "{section} tidak ada dalam rubrik; subtotalnya tidak diperiksa",
        "{section} is not in the rubric; its subtotal was not checked",
    ),
    "finding.recap-unknown-section.hint": (
        "periksa judul klaster atau kode indikator; gunakan rubrik tahun yang sama dengan rekap",
        "check the cluster heading or indicator code; use the rubric of the recap's year",
    ),
    "finding.recap-no-indicator": (
        "pertanyaan {question} tanpa indikator di atasnya; baris ini tidak dibaca",
        "question {question} has no indicator above it; this row was not read",
    ),
    "finding.recap-no-indicator.hint": (
        "tambahkan baris 'Indikator …' di atasnya, atau tulis kode lengkap mis. 21A.2za",
        "add an 'Indikator …' row above it, or write the full code, e.g. 21A.2za",
    ),
    "finding.recap-row-unread": (
        "baris {row} berisi nilai tetapi tidak punya kode pertanyaan; nilainya tidak dihitung",
        "row {row} holds points but no question code; its points are not counted",
    ),
    "finding.recap-row-unread.hint": (
        "tulis 'Pertanyaan …' atau kode lengkap (mis. 21A.2za) di kolom kode, atau pakai"
        " --columns untuk menunjuk kolom kode",
        "write 'Pertanyaan …' or a full code (e.g. 21A.2za) in the code column, or point"
        " --columns at the code column",
    ),
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
    "finding.not-whole-number.hint": (
        "isi bilangan bulat, mis. 12",
        "enter a whole number, e.g. 12",
    ),
    "finding.not-responsible": (
        "butir {code} dijawab oleh {opd}, yang bukan penanggung jawabnya",
        "item {code} is answered by {opd}, which is not responsible for it",
    ),
    "finding.not-responsible.hint": (
        "biarkan OPD penanggung jawab yang menjawab, atau hapus jawaban ini",
        "let the responsible OPD answer it, or delete this answer",
    ),
    "finding.evidence-missing": (
        "butir {code}: data dukung wajib belum diisi; nilainya hilang saat verifikasi",
        "item {code}: required evidence (data dukung) is missing; its points are lost at verification",
    ),
    "finding.evidence-missing.hint": (
        "isi nama berkas atau tautan dokumen",
        "enter the document's file name or link",
    ),
    "finding.evidence-none-said": (
        "butir {code}: data dukung '{value}' berarti belum ada dokumen; nilainya hilang saat verifikasi",
        "item {code}: data dukung '{value}' means there is no document yet; its points are lost at verification",
    ),
    "finding.evidence-none-said.hint": (
        "isi nama berkas atau tautan dokumen, atau kosongkan bila memang belum ada",
        "enter the document's file name or link, or leave the cell empty if there is none yet",
    ),
    "finding.percent-as-fraction": (
        "butir {code}: persentase {value} sangat kecil; maksudnya {percent} %?",
        "item {code}: percentage {value} is very small; did you mean {percent} %?",
    ),
    "finding.percent-as-fraction.hint": (
        "tulis persentasenya, mis. 21,3 (bukan 0,213); bila memang di bawah 1 %, abaikan",
        "write the percentage, e.g. 21,3 (not 0,213); if it really is below 1 %, ignore this",
    ),
    "finding.several-options": (
        "butir {code}: '{value}' menyebut lebih dari satu pilihan; butir ini hanya menerima satu",
        "item {code}: '{value}' names more than one option; this question takes one",
    ),
    "finding.several-options.hint": (
        "isi satu huruf pilihan ({options}): yang paling sesuai dengan data dukung",
        "enter one option letter ({options}): the one the data dukung supports",
    ),
    "finding.duplicate-answer": (
        "butir {code} juga dijawab di {other} (jawaban sama)",
        "item {code} is also answered at {other} (same answer)",
    ),
    "finding.duplicate-answer.hint": (
        "cukup satu OPD yang menjawab; hapus salah satunya",
        "one OPD answering is enough; delete one of them",
    ),
    "finding.conflicting-answers": (
        "butir {code}: jawaban '{value}' bertentangan dengan '{first}' di {other}",
        "item {code}: answer '{value}' contradicts '{first}' at {other}",
    ),
    "finding.conflicting-answers.hint": (
        "sepakati satu jawaban dan hapus yang lain",
        "agree on one answer and delete the other",
    ),
    "finding.cosource-differs": (
        "butir {code}: {opd} (OPD pendukung) menjawab '{answer}', OPD utama {lead} menjawab "
        "'{lead_answer}' di {other}; jawaban OPD utama yang dipakai",
        "item {code}: {opd} (co-source) answered '{answer}', the lead OPD {lead} answered "
        "'{lead_answer}' at {other}; the lead's answer counts",
    ),
    "finding.cosource-differs.hint": (
        "samakan jawaban dengan OPD utama, atau kosongkan jawaban OPD pendukung",
        "agree the answer with the lead OPD, or clear the co-source's answer",
    ),
    "finding.unanswered": ("butir {code} belum dijawab", "item {code} is unanswered"),
    "finding.unanswered.hint": (
        "isi kolom Jawaban butir ini",
        "fill in this item's Jawaban (answer) cell",
    ),
    "finding.opd-missing": (
        "belum ada berkas dari {opd} ({count} butir bernilai 0)",
        "no workbook from {opd} yet ({count} {count:plural/item scores/items score} 0)",
    ),
    "finding.opd-missing.hint": (
        "minta berkas isian dari OPD itu (buat dengan 'kla template --opd')",
        "ask that OPD for its workbook (make one with 'kla template --opd')",
    ),
    "finding.respondent-missing": (
        "belum ada jawaban dari {opd} ({count} butir bernilai 0)",
        "no answers from {opd} yet ({count} {count:plural/item scores/items score} 0)",
    ),
    "finding.respondent-missing.hint": (
        "pertanyaan ini dijawab lewat inventaris kecamatan/desa, bukan format OPD",
        "these questions are answered in the kecamatan/desa inventory, not in an OPD form",
    ),
    "finding.opd-mismatch": (
        "OPD '{found}' berbeda dengan OPD penerima format ini ('{expected}')",
        "OPD '{found}' differs from the OPD this form was sent to ('{expected}')",
    ),
    "finding.opd-mismatch.hint": (
        "pakai format milik OPD sendiri, atau perbaiki nama OPD",
        "use the OPD's own form, or correct the OPD name",
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
        "berkas terlalu besar untuk dibaca dengan aman: {detail}",
        "the file is too large to read safely: {detail}",
    ),
    "finding.too-large.inflates": (
        "isinya mengembang menjadi {size} MB, melebihi batas {limit} MB (kemungkinan bom zip)",
        "it inflates to {size} MB, over the limit of {limit} MB (possibly a zip bomb)",
    ),
    "finding.too-large.cells": (
        "lembar '{sheet}' membentang hingga {rows} baris × {columns} kolom, melebihi batas"
        " {limit} sel (mungkin ada isian jauh di bawah atau di kanan)",
        "sheet '{sheet}' spans up to {rows} rows × {columns} columns, over the limit of"
        " {limit} cells (perhaps a value far down or far right)",
    ),
    "finding.too-large.hint": (
        "hapus gambar, lembar, serta baris dan kolom yang tidak perlu (Ctrl+End menunjukkan sel"
        " terakhir) lalu simpan ulang; format isian biasanya < 1 MB dan beberapa ratus baris",
        "remove pictures, sheets, rows and columns that are not needed (Ctrl+End shows the last"
        " cell) and save it again; a form is usually < 1 MB and a few hundred rows",
    ),
    "finding.duplicate-part": (
        "berkas memuat dua salinan bagian {part}; Excel menolak berkas seperti ini (mungkin"
        " diubah di luar Excel)",
        "the file holds two copies of part {part}; Excel refuses such a file (it may have been"
        " altered outside Excel)",
    ),
    "finding.duplicate-part.hint": (
        "minta OPD menyimpan ulang berkas dari Excel/LibreOffice dan mengirimnya lagi",
        "ask the OPD to save the file again from Excel/LibreOffice and send it again",
    ),
    "finding.percent-format-unknown": (
        "format angka berkas ini tidak dapat dibaca: jawaban yang tampil 91,8% akan terbaca 0,918",
        "this file's number formats cannot be read: an answer shown as 91.8% would be read as"
        " 0.918",
    ),
    "finding.percent-format-unknown.hint": (
        "periksa jawaban persen, atau simpan berkas sebagai .xlsx",
        "check the percent answers, or save the file as .xlsx",
    ),
    "finding.merged-cell": (
        "butir {code}: sel jawaban termasuk sel gabungan {range}, sehingga jawabannya hilang",
        "item {code}: the answer cell is part of the merged cells {range}, so its answer is lost",
    ),
    "finding.merged-cell.hint": (
        "pisahkan sel (Unmerge) dan isi satu jawaban per baris",
        "unmerge the cells and type one answer per row",
    ),
    # --- findings.*
    "findings.more": (
        "… dan {count} lainnya dari jenis ini",
        "… and {count} more of this kind",
    ),
    "findings.blocking.json": (
        "{count} galat validasi; JSON tetap ditulis, dinilai tanpa butir yang salah (seperti "
        "--allow-errors), dengan kode keluar 1",
        "{count} validation {count:plural/error/errors}; the JSON is written all the same, "
        "scored without the items in error (as with --allow-errors), and the exit code is 1",
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
    # --- severity.*
    "severity.error": ("galat", "error"),
    "severity.warning": ("peringatan", "warning"),
    # --- validate.*
    "validate.file_clean": ("{file}: bersih", "{file}: clean"),
    "validate.file_summary": (
        "{file}: {errors} galat, {warnings} peringatan",
        "{file}: errors: {errors}, warnings: {warnings}",
    ),
    "validate.total": (
        "{files} berkas diperiksa: {errors} galat, {warnings} peringatan",
        "{files} {files:plural/file/files} checked: errors: {errors}, warnings: {warnings}",
    ),
    # --- the inventory of kecamatan and desa/kelurahan
    "finding.inventory-not-yes-no": (
        "{place}, butir {code}: '{value}' bukan Ya/Tidak; butir ini tidak dihitung",
        "{place}, item {code}: '{value}' is not Ya/Tidak (yes/no); the item is not scored",
    ),
    "finding.inventory-not-yes-no.hint": (
        "isi Ya atau Tidak (atau 1/0; angka lebih dari 0 dibaca Ya)",
        "enter Ya or Tidak (or 1/0; a number above 0 reads as yes)",
    ),
    "finding.inventory-blank": (
        "butir {code}: {count} dari {total} sel kosong, dihitung sebagai jawaban yang tidak menambah nilai",
        "item {code}: {count} of {total} cells are blank, counted as the answer that earns nothing",
    ),
    "finding.inventory-blank.hint": (
        "isi Ya atau Tidak untuk setiap baris (sel pertama yang kosong ditunjukkan)",
        "enter Ya or Tidak on every row (the first blank cell is shown)",
    ),
    "finding.inventory-no-places": (
        "lembar ini belum memuat nama kecamatan atau desa/kelurahan",
        "this sheet lists no kecamatan or desa/kelurahan yet",
    ),
    "finding.inventory-no-places.hint": (
        "tulis satu nama per baris di bawah judul kolom",
        "write one name per row below the column headers",
    ),
    "finding.inventory-no-name": (
        "baris ini berisi jawaban tetapi tanpa nama; tetap dihitung",
        "this row has answers but no name; it is counted",
    ),
    "finding.inventory-no-name.hint": (
        "tulis nama kecamatan atau desa/kelurahan",
        "write the kecamatan or desa/kelurahan name",
    ),
    "finding.inventory-duplicate-place": (
        "'{name}' sudah tercantum di {first}; keduanya dihitung",
        "'{name}' is already listed at {first}; both are counted",
    ),
    "finding.inventory-duplicate-place.hint": (
        "hapus baris ganda, atau bedakan namanya",
        "delete the duplicate row, or tell the names apart",
    ),
    "finding.inventory-unknown-column": (
        "kolom {code} bukan pertanyaan rubrik untuk lembar ini; kolom diabaikan",
        "column {code} is not a question the rubric asks of this sheet's places; it is ignored",
    ),
    "finding.inventory-unknown-column.hint": (
        "buat ulang inventaris dengan 'kla template' dan rubrik yang dipakai",
        "make the inventory again with 'kla template' and the rubric in use",
    ),
    "finding.inventory-twice": (
        "butir {code} sudah dihitung dari inventaris lain; yang ini diabaikan",
        "item {code} is already computed from another inventory; this one is ignored",
    ),
    "finding.inventory-disagrees": (
        "butir {code}: formulir OPD menjawab '{form}', inventaris menghitung {yes} dari {total} ({percent}%); yang dihitung inventaris",
        "item {code}: the OPD form answers '{form}', the inventory counts {yes} of {total} ({percent}%); the inventory counts",
    ),
    "finding.inventory-disagrees.hint": (
        "samakan jawaban OPD dengan inventaris, atau kosongkan jawaban OPD",
        "make the OPD's answer agree with the inventory, or leave it blank",
    ),
    "finding.inventory-empty-column": (
        "butir {code}: kolom inventaris masih kosong, butir ini belum dijawab",
        "item {code}: the inventory column is blank, the item is unanswered",
    ),
    "finding.inventory-empty-column.hint": (
        "isi Ya atau Tidak untuk setiap kecamatan atau desa/kelurahan",
        "enter Ya or Tidak for every kecamatan or desa/kelurahan",
    ),
    "finding.inventory-unused": (
        "rubrik '{rubric}' tidak memuat pertanyaan untuk kecamatan atau desa/kelurahan; inventaris ini diabaikan",
        "rubric '{rubric}' asks nothing of kecamatan or desa/kelurahan; this inventory is ignored",
    ),
    "finding.inventory-unused.hint": (
        "pakai rubrik yang dipakai saat inventaris dibuat, mis. --rubric kla-2024",
        "use the rubric the inventory was made for, e.g. --rubric kla-2024",
    ),
    "finding.inventory-no-sheet": (
        "berkas inventaris tanpa lembar kecamatan atau desa/kelurahan yang dapat dibaca",
        "an inventory workbook without a readable kecamatan or desa/kelurahan sheet",
    ),
    "finding.inventory-no-sheet.hint": (
        "judul kolom: Kecamatan atau Desa/Kelurahan, lalu satu kolom per pertanyaan yang diawali kodenya (mis. 25.2)",
        "headers: Kecamatan or Desa/Kelurahan, then one column per question starting with its code (e.g. 25.2)",
    ),
}
