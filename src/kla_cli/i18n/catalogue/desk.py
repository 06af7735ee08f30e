"""Messages of the intake desk: files as they arrive (re-sent forms, kla's own outputs),
`kla status` (a region in progress) and `kla followup` (the messages to each OPD).

Each entry is key -> (Indonesian, English); `kla_cli.i18n.catalogue` merges the areas.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- files as they arrive (findings of core/intake.py)
    "finding.form-resent-saved": (
        "{count} berkas dari {opd}: dipakai {used} (disimpan {time}, lebih baru menurut waktu "
        "simpan di berkasnya sendiri); disisihkan: {others} (disimpan {other_time})",
        "{count} forms from {opd}: {used} is used (saved {time}, the newer by the form's own "
        "saved time); set aside: {others} (saved {other_time})",
    ),
    "finding.form-resent-file": (
        "{count} berkas dari {opd}: dipakai {used} (berkas diubah {time}, lebih baru menurut "
        "waktu berkas); disisihkan: {others} ({other_time})",
        "{count} forms from {opd}: {used} is used (file changed {time}, the newer by the "
        "file's time); set aside: {others} ({other_time})",
    ),
    "finding.form-resent-name": (
        "{count} berkas dari {opd} dengan waktu simpan yang sama: dipakai {used} (nama "
        "terakhir); disisihkan: {others}",
        "{count} forms from {opd} saved at the same time: {used} is used (the last name); "
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
}
