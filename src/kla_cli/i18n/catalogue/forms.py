"""Messages for OPD forms: `kla template` and the form it writes, `kla merge` and its recap.

Each entry is key -> (Indonesian, English); `kla_cli.i18n.catalogue` merges the areas.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- tpl.*
    "tpl.title": ("Format isian OPD · {rubric}", "OPD answer form · {rubric}"),
    "tpl.fill_hint": (
        "Isi hanya sel kuning. Kolom Kode jangan diubah. * = wajib data dukung.",
        "Fill in the yellow cells only. Do not edit the Kode column. * = evidence required.",
    ),
    "tpl.choice": ("Pilih satu (huruf — nilai):", "Choose one (letter — points):"),
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
    "tpl.score": (
        "Isi nilai 0–{max} (boleh dua desimal, mis. 2,5)",
        "Enter the nilai 0–{max} (up to two decimals, e.g. 2.5)",
    ),
    "tpl.dv_score": (
        "Isi nilai antara 0 dan {max}.",
        "Enter a nilai between 0 and {max}.",
    ),
    "tpl.prompt.title": ("Jawaban", "Answer"),
    "tpl.prompt.yesno": ("Pilih Ya atau Tidak dari daftar.", "Pick Ya or Tidak from the list."),
    "tpl.prompt.percent": (
        "Ketik persen 0–100, mis. 87,5 (tanpa tanda %).",
        "Type a percentage from 0 to 100, e.g. 87.5 (no % sign).",
    ),
    "tpl.prompt.count": ("Ketik jumlahnya, mis. 12.", "Type the count, e.g. 12."),
    "tpl.prompt.score": (
        "Ketik nilai 0–{max}, mis. 2,5.",
        "Type the nilai from 0 to {max}, e.g. 2.5.",
    ),
    "tpl.prompt.choice": (
        "Pilih dari daftar, atau ketik hurufnya saja ({options}).",
        "Pick from the list, or type the letter only ({options}).",
    ),
    "tpl.prompt.checklist": (
        "Tulis semua huruf yang terpenuhi, mis. a, c.",
        "Write every letter that applies, e.g. a, c.",
    ),
    "tpl.sign.date": ("Tempat, tanggal", "Place, date"),
    "tpl.sign.head": ("Kepala {opd}", "Head of {opd}"),
    "tpl.sign.name": ("Nama", "Name"),
    "tpl.sign.nip": ("NIP", "NIP"),
    "tpl.provisional": (
        "Nilai tiap langkah jawaban sementara (disimpulkan, belum resmi); nilai maksimum resmi.",
        "The points of each answer step are provisional (inferred, not official); the maximum is official.",
    ),
    "tpl.role.lead": ("utama", "lead"),
    "tpl.role.cosource": ("pendukung (utama: {lead})", "co-source (lead: {lead})"),
    "tpl.role.all": ("utama: {lead}", "lead: {lead}"),
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
        "Kolom Jawaban: pilihan huruf (a, b, c …), Ya/Tidak, persen (mis. 87,5) atau jumlah, sesuai kolom 'Pilihan jawaban / satuan'. Bila nilainya sudah diketahui (mis. dari verifikator), tulis 'nilai 7,5'.",
        "Answer column: an option letter (a, b, c …), Ya/Tidak, a percentage (e.g. 87,5) or a count, as the 'Pilihan jawaban / satuan' column says. Where the points are known (e.g. from the verifier), write 'nilai 7,5'.",
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
    "tpl.instr.9": (
        "Kolom Peran OPD: 'utama' berarti OPD Anda penanggung jawab pertanyaan itu; 'pendukung' berarti OPD Anda ikut menyediakan data dan OPD utamanya disebut. Bila OPD utama dan OPD pendukung sama-sama menjawab, jawaban OPD utama yang dipakai; bila hanya OPD pendukung yang menjawab, jawabannya yang dipakai.",
        "Peran OPD column: 'utama' (lead) means your OPD is responsible for the question; 'pendukung' (co-source) means your OPD supplies data too, and the lead is named. When the lead and a co-source both answer, the lead's answer counts; when only a co-source answers, its answer counts.",
    ),
    "tpl.instr.10": (
        "Kolom Data dukung yang diminta: dokumen, tabel MATRIKS atau foto yang diminta instrumen untuk pertanyaan itu. Pertanyaan berjenis nilai diisi angka nilai langsung (0 sampai nilai maksimum).",
        "Data dukung yang diminta column: the document, MATRIKS table or photos the instrument asks for. Questions that take a nilai are answered with the points themselves (0 up to the maximum).",
    ),
    "tpl.instr.provisional": (
        "Nilai maksimum tiap pertanyaan resmi (instrumen 2024); nilai langkah jawaban bertanda 'sementara' disimpulkan dari rekap daerah dan belum resmi.",
        "Each question's maximum is official (the 2024 instrument); the points of answer steps marked provisional are inferred from regional recaps, not official.",
    ),
    # --- template.*
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
        "{opd} tidak memimpin atau mendukung butir apa pun; formatnya tanpa butir",
        "{opd} neither leads nor co-sources any item; its form has no items",
    ),
    "template.respondent": (
        "{opd} tidak diberi format OPD: pertanyaannya diisi lewat inventaris kecamatan/desa",
        "{opd} gets no OPD form: its questions are answered in the kecamatan/desa inventory",
    ),
    "template.respondent.hint": (
        "buat format untuk OPD lain, atau isi inventaris kecamatan/desa",
        "make forms for the other OPDs, or fill in the kecamatan/desa inventory",
    ),
    "template.written": (
        "{count} format ditulis ke {folder}",
        "{count} {count:plural/form/forms} written to {folder}",
    ),
    # --- recap.*
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
    # --- merge.*
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
    # --- inv.*: the inventory of kecamatan and desa/kelurahan
    "inv.title": (
        "Inventaris kecamatan dan desa/kelurahan · {rubric}",
        "Kecamatan and desa/kelurahan inventory · {rubric}",
    ),
    "inv.title_kecamatan": (
        "Inventaris kecamatan · {rubric}",
        "Kecamatan inventory · {rubric}",
    ),
    "inv.title_desa": (
        "Inventaris desa/kelurahan · {rubric}",
        "Desa/kelurahan inventory · {rubric}",
    ),
    "inv.fill_hint": (
        "Satu baris per tempat. Isi Ya atau Tidak (1/0, atau jumlahnya: lebih dari 0 = Ya).",
        "One row per place. Enter Ya or Tidak (1/0, or a count: more than 0 = yes).",
    ),
    "inv.evidence": ("Data dukung (tautan/berkas)", "Data dukung (link/file)"),
    "inv.dv_yesno": (
        "Isi Ya atau Tidak (1/0 dan angka juga dibaca).",
        "Enter Ya or Tidak (1/0 and counts are read too).",
    ),
    "inv.instr.1": (
        "1. Lembar Kecamatan dan Desa-Kelurahan: tulis semua kecamatan dan semua desa/kelurahan di wilayah Anda, satu per baris, di kolom nama. Baris kosong tidak dihitung; baris bernama Jumlah atau Total juga tidak.",
        "1. The Kecamatan and Desa-Kelurahan sheets: list every kecamatan and every desa/kelurahan of your region, one per row, in the name column. Blank rows are not counted, nor rows named Jumlah or Total.",
    ),
    "inv.instr.2": (
        "2. Setiap kolom adalah satu pertanyaan instrumen (kodenya di depan). Isi Ya jika tempat itu memilikinya, Tidak jika belum. Angka juga boleh: 0 = Tidak, lebih dari 0 = Ya. Sel kosong dihitung sebagai jawaban yang tidak menambah nilai, dan kla memberi peringatan.",
        "2. Each column is one question of the instrument (its code first). Enter Ya if the place has it, Tidak if not. Numbers work too: 0 = no, more than 0 = yes. A blank cell counts as the answer that earns nothing, and kla warns about it.",
    ),
    "inv.instr.3": (
        "3. Untuk pertanyaan tentang kasus (gizi buruk, pekerja anak), Ya berarti ada kasus: makin sedikit tempat dengan Ya, makin baik. Tulis tautan atau nama berkas data dukung di baris Data dukung di atas setiap kolom.",
        "3. For questions about cases (malnutrition, child labour), Ya means there are cases: the fewer places with Ya, the better. Write the link or file name of the data dukung in the Data dukung row above each column.",
    ),
    "inv.instr.4": (
        "4. Simpan berkas ini bersama formulir OPD; kla menghitung persentasenya (mis. 9 dari 12 kecamatan = 75%) dan nilai pertanyaan itu. Jika formulir OPD juga menjawab pertanyaan yang sama, yang dihitung inventaris ini.",
        "4. Keep this file with the OPD forms; kla computes each percentage (e.g. 9 of 12 kecamatan = 75%) and the question's points. When an OPD form answers the same question, this inventory counts.",
    ),
}
