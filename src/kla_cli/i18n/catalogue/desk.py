"""Messages of the intake desk: files as they arrive (re-sent forms, kla's own outputs),
`kla status` (a region in progress) and `kla followup` (the messages to each OPD).

Each entry is key -> (Indonesian, English); `kla_cli.i18n.catalogue` merges the areas.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- files as they arrive (findings of core/intake.py)
    "finding.form-resent-saved": (
        "{count} berkas dari {opd}: dipakai {used} (disimpan {time}, lebih baru menurut waktu "
        "simpan di berkasnya sendiri); disisihkan: {others} (disimpan {other_time})",
        "{count} {count:plural/form/forms} from {opd}: {used} is used (saved {time}, the newer by the form's own "
        "saved time); set aside: {others} (saved {other_time})",
    ),
    "finding.form-resent-file": (
        "{count} berkas dari {opd}: dipakai {used} (berkas diubah {time}, lebih baru menurut "
        "waktu berkas); disisihkan: {others} ({other_time})",
        "{count} {count:plural/form/forms} from {opd}: {used} is used (file changed {time}, the newer by the "
        "file's time); set aside: {others} ({other_time})",
    ),
    "finding.form-resent-name": (
        "{count} berkas dari {opd} dengan waktu simpan yang sama: dipakai {used} (nama "
        "terakhir); disisihkan: {others}",
        "{count} {count:plural/form/forms} from {opd} saved at the same time: {used} is used (the last name); "
        "set aside: {others}",
    ),
    "finding.form-resent-differs": (
        "{other} dan {used} berbeda pada {count} jawaban; yang dipakai {used}",
        "{other} and {used} differ in {count} {count:plural/answer/answers}; {used} counts",
    ),
    "finding.form-resent-differs.hint": (
        "jika {other} yang benar, hapus atau pindahkan {used} dari folder",
        "if {other} is the right one, delete or move {used} out of the folder",
    ),
    "finding.kla-output-recap": (
        "rekap yang ditulis 'kla merge', bukan format OPD: dilewati",
        "a recap written by 'kla merge', not an OPD form: skipped",
    ),
    "finding.kla-output-recap.hint": (
        "simpan rekap di luar folder format OPD; untuk menilainya sendiri: kla score REKAP",
        "keep recaps outside the folder of OPD forms; to score it alone: kla score RECAP",
    ),
    "finding.kla-output-report": (
        "dokumen yang ditulis kla (laporan atau rekap), bukan format OPD: dilewati",
        "a document written by kla (a report or a summary), not an OPD form: skipped",
    ),
    # --- kla status
    "help.status": (
        "Keadaan wilayah yang sedang dikumpulkan: berkas tiap OPD, yang belum dijawab, data dukung yang kurang, nilai sementara, sisa hari.",
        "Where a region in progress stands: each OPD's form, what is unanswered, the data dukung missing, the running totals, the days left.",
    ),
    "help.status_path": (
        "Folder berkas isian wilayah (atau rekapnya).",
        "The region's folder of forms (or its recap).",
    ),
    "help.status_watch": (
        "Perbarui layar setiap kali berkas masuk (Ctrl-C untuk berhenti).",
        "Redraw whenever a file arrives (Ctrl-C to stop).",
    ),
    "help.status_interval": (
        "Detik antara pemeriksaan folder dengan --watch.",
        "Seconds between looks at the folder with --watch.",
    ),
    "help.deadline": (
        "Batas waktu rekapitulasi (YYYY-MM-DD), untuk sisa hari.",
        "The recap deadline (YYYY-MM-DD), for the days left.",
    ),
    "desk.bad_date": (
        "'{value}' bukan tanggal",
        "'{value}' is not a date",
    ),
    "desk.bad_date.hint": (
        "tulis tanggal sebagai YYYY-MM-DD, mis. 2025-12-20",
        "write the date as YYYY-MM-DD, e.g. 2025-12-20",
    ),
    "status.watch_output": (
        "--watch menggambar ulang layar, tidak menulis berkas",
        "--watch redraws the screen, it does not write a file",
    ),
    "status.watch_output.hint": (
        "hapus -o, atau hapus --watch",
        "drop -o, or drop --watch",
    ),
    "status.watching": (
        "memantau {path} setiap {seconds} detik; Ctrl-C untuk berhenti",
        "watching {path} every {seconds} s; Ctrl-C to stop",
    ),
    "status.title": ("Meja rekap KLA", "KLA intake desk"),
    "status.summary": ("Ringkasan", "Summary"),
    "status.forms": ("Berkas OPD", "OPD forms"),
    "status.forms_value": (
        "{received} dari {count} masuk ({clean} bersih, {errors} ada galat), {missing} belum masuk",
        "{received} of {count} received ({clean} clean, {errors} with errors), {missing} not yet",
    ),
    "status.total": ("Nilai mandiri (EM)", "Self-assessed (EM)"),
    "status.total_evidenced": ("Nilai dengan data dukung", "With data dukung"),
    "status.total_verified": ("Nilai terverifikasi (VA)", "Verified (VA)"),
    "status.to_target": ("Menuju target {tier}", "To the target {tier}"),
    "status.to_next": ("Menuju {tier} (predikat berikutnya)", "To {tier} (the next predikat)"),
    "status.reached": ("tercapai", "reached"),
    "status.points_short": (
        "kurang {points} poin (nilai dengan data dukung)",
        "{points} points short (total with data dukung)",
    ),
    "status.deadline": ("Batas waktu", "Deadline"),
    "status.days_left": (
        "{date}: {count} hari lagi",
        "{date}: {count} {count:plural/day/days} left",
    ),
    "status.days_over": (
        "{date}: lewat {count} hari",
        "{date}: {count} {count:plural/day/days} past",
    ),
    "status.opds": ("Per OPD", "Per OPD"),
    "status.col.opd": ("OPD", "OPD"),
    "status.col.state": ("Berkas", "Form"),
    "status.col.unanswered": ("Belum dijawab", "Unanswered"),
    "status.col.evidence": ("Tanpa DD", "No DD"),
    "status.col.at_stake": ("Poin terancam", "At stake"),
    "status.col.points": ("Nilai", "Points"),
    "status.col.max": ("Maks", "Max"),
    "status.state.missing": ("belum masuk", "not yet"),
    "status.state.clean": ("bersih", "clean"),
    "status.state.errors": ("{count} galat", "{count} {count:plural/error/errors}"),
    "status.state.resent": (" (dikirim ulang)", " (re-sent)"),
    "status.unplaced": (
        "{file}: tidak dihitung untuk OPD mana pun; {why}",
        "{file}: not counted for any OPD; {why}",
    ),
    "status.no_opd": ("tidak menyebut OPD yang dikenal", "it names no OPD kla knows"),
    "status.skipped": (
        "{file}: keluaran kla sendiri, tidak dibaca",
        "{file}: kla's own output, not read",
    ),
    "status.legend": (
        "Belum dijawab: pertanyaan yang dipimpin OPD itu tanpa jawaban yang dapat dinilai. "
        "Tanpa DD: jawaban tanpa data dukung; poin terancam: poin yang hilang karenanya saat "
        "verifikasi. Nilai: dengan data dukung. "
        "Rincian per pertanyaan: -f markdown atau -f json.",
        "Unanswered: questions the OPD leads without an answer that can be scored. No DD: "
        "answers without their data dukung; at stake: the points that loses at verification. "
        "Points: with data dukung. Each question: "
        "-f markdown or -f json.",
    ),
    "status.detail": ("Rincian per OPD", "Detail per OPD"),
    "status.item_unanswered": (
        "{code}: belum dijawab ({points} poin)",
        "{code}: unanswered ({points} points)",
    ),
    "status.item_evidence": (
        "{code}: data dukung belum ada ({points} poin terancam)",
        "{code}: data dukung missing ({points} points at stake)",
    ),
    # --- kla followup
    "help.followup": (
        "Pesan tindak lanjut per OPD (teks untuk WhatsApp/email dan .xlsx) dan satu dokumen untuk rapat Gugus Tugas.",
        "A follow-up per OPD (text for WhatsApp/email and an .xlsx) and one document for the Gugus Tugas meeting.",
    ),
    "help.followup_output": (
        "Folder tujuan (dibuat bila belum ada); semua berkas ditulis, atau tidak sama sekali.",
        "The folder to write (created when missing); every file is written, or none.",
    ),
    "output.not_dir": ("bukan folder", "not a folder"),
    "output.not_dir.hint": (
        "beri nama folder untuk -o, mis. -o tindak-lanjut/",
        "give -o a folder, e.g. -o followup/",
    ),
    "followup.written": (
        "{count} pesan OPD ditulis ke {path}",
        "{count} OPD {count:plural/message/messages} written to {path}",
    ),
    "followup.greeting": ("Yth. Kepala {opd},", "Dear Head of {opd},"),
    "followup.intro": (
        "terima kasih atas dukungannya untuk evaluasi KLA {region}. Berikut yang masih kami perlukan.",
        "thank you for your support of the KLA evaluation of {region}. This is what we still need.",
    ),
    "followup.no_form": (
        "Format isian Bapak/Ibu belum kami terima: {count} pertanyaan, {points} poin. Mohon diisi dan dikirim.",
        "We have not received your form yet: {count} {count:plural/question/questions}, {points} points. Please fill it in and send it.",
    ),
    "followup.missing_head": (
        "Yang belum lengkap (mohon didahulukan):",
        "Missing or to correct (please first):",
    ),
    "followup.improve_head": (
        "Perbaikan yang menaikkan nilai menuju {tier} (yang termudah dulu):",
        "Improvements towards {tier} (the easiest first):",
    ),
    "followup.closing": (
        "Mohon dikirim {deadline}. Terima kasih.",
        "Please send them {deadline}. Thank you.",
    ),
    "followup.signature": (
        "Sekretariat Gugus Tugas KLA {region}",
        "Secretariat of the KLA Task Force {region}",
    ),
    "followup.by": ("paling lambat {date}", "by {date} at the latest"),
    "followup.soon": ("secepatnya", "as soon as possible"),
    "followup.asked": ("data dukung diminta: {evidence}", "data dukung asked: {evidence}"),
    "followup.points": ("{points} poin", "{points} points"),
    "followup.owed.form": ("format belum diterima", "form not received"),
    "followup.owed.error": ("jawaban tidak dapat dibaca", "the answer cannot be read"),
    "followup.owed.unanswered": ("belum dijawab", "unanswered"),
    "followup.owed.evidence": (
        "data dukung belum ada (poin hilang saat verifikasi)",
        "data dukung missing (the points are lost at verification)",
    ),
    "followup.sheet": ("Tindak lanjut", "Follow-up"),
    "followup.title": ("Tindak lanjut evaluasi KLA: {opd}", "KLA evaluation follow-up: {opd}"),
    "followup.combined_title": ("Tindak lanjut per OPD", "Follow-up per OPD"),
    "followup.target_line": ("Target:", "Target:"),
    "followup.nothing": (
        "Tidak ada yang perlu ditindaklanjuti.",
        "Nothing to follow up.",
    ),
    "followup.col.code": ("Kode", "Code"),
    "followup.col.question": ("Pertanyaan", "Question"),
    "followup.col.what": ("Yang perlu dilakukan", "What to do"),
    "followup.col.asked": ("Data dukung diminta", "Data dukung asked"),
    "followup.col.points": ("Poin", "Points"),
}
