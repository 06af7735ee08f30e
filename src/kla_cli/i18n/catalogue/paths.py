"""Messages for paths given on the command line, the input files' formats, and writing output
files.

Each entry is key -> (Indonesian, English); `kla_cli.i18n.catalogue` merges the areas.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- path.*
    "path.not_workbook": (
        "bukan berkas isian OPD (.xlsx, .xlsm, .xls atau .ods)",
        "not an OPD workbook (.xlsx, .xlsm, .xls or .ods)",
    ),
    "path.not_workbook.hint": (
        "berikan berkas isian atau foldernya; hasil .json dibaca oleh kla compare dan kla history",
        "give the workbooks or their folder; saved .json results are read by kla compare and "
        "kla history",
    ),
    "path.missing": ("berkas atau folder tidak ada", "no such file or folder"),
    "path.missing.hint": (
        "periksa ejaan nama berkas/folder; beri tanda kutip bila namanya mengandung spasi",
        "check the spelling of the path; quote names that contain spaces",
    ),
    "path.unusable": ("tidak dapat dipakai: {error}", "cannot be used: {error}"),
    "path.unusable.hint": (
        "periksa jalurnya: panjangnya (paling banyak 255 byte per nama), izin, dan tautan",
        "check the path: its length (at most 255 bytes a name), permissions and links",
    ),
    "path.no_workbooks": (
        "tidak ada berkas isian (.xlsx, .xlsm, .xls, .ods) di folder ini",
        "no workbooks (.xlsx, .xlsm, .xls, .ods) in this folder",
    ),
    "path.no_workbooks.hint": (
        "letakkan berkas isian OPD (.xlsx) di folder ini",
        "put the OPD workbooks (.xlsx) in this folder",
    ),
    "path.province": (
        "folder ini tampaknya satu provinsi, bukan satu kabupaten/kota: {count} subfolder berisi "
        "berkas isian ({regions})",
        "this looks like a province, not one region: {count} {count:plural/subfolder/subfolders} "
        "{count:plural/holds/hold} workbooks ({regions})",
    ),
    "path.province_manifest": (
        "folder ini tampaknya satu provinsi, bukan satu kabupaten/kota: ada manifes kla batch "
        "({manifest})",
        "this looks like a province, not one region: it holds a kla batch manifest ({manifest})",
    ),
    "path.province.hint": (
        "nilai semua kabupaten/kota sekaligus dengan 'kla batch {root}', atau beri folder satu "
        "kabupaten/kota",
        "score every region at once with 'kla batch {root}', or give one region's folder",
    ),
    # --- output.*
    "output.is_dir": (
        "berkas keluaran adalah sebuah folder",
        "the output path is a folder",
    ),
    "output.is_dir.hint": (
        "beri nama berkas, mis. -o laporan.json",
        "give a file name, e.g. -o report.json",
    ),
    # --- os.*: the operating system's errors (Python words them in English only)
    "os.ENOENT": ("berkas atau folder tidak ada", "No such file or directory"),
    "os.EACCES": ("akses ditolak", "Permission denied"),
    "os.EPERM": ("operasi tidak diizinkan", "Operation not permitted"),
    "os.ENOSPC": ("ruang disk habis", "No space left on device"),
    "os.ENOTDIR": ("bukan folder", "Not a directory"),
    "os.EISDIR": ("berupa folder", "Is a directory"),
    "os.EROFS": ("sistem berkas hanya-baca", "Read-only file system"),
    "os.EEXIST": ("berkas sudah ada", "File exists"),
    "os.EBUSY": ("sedang dipakai program lain", "Device or resource busy"),
    "os.ENAMETOOLONG": ("nama berkas terlalu panjang", "File name too long"),
    "os.EIO": ("galat baca/tulis perangkat", "Input/output error"),
    "output.failed": ("tidak dapat menulis: {error}", "cannot write: {error}"),
    "output.failed.hint": (
        "periksa bahwa folder tujuan ada dan boleh ditulisi",
        "check that the target folder exists and may be written to",
    ),
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
    "output.suffix_unsupported": (
        "kla tidak menulis berkas '{suffix}' (format yang tersedia: {known})",
        "kla does not write '{suffix}' files (formats available: {known})",
    ),
    "output.suffix_unsupported.hint": (
        "pakai ekstensi salah satu format itu, mis. -o hasil{example}",
        "use one of those formats' extensions, e.g. -o result{example}",
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
    # --- format.*
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
}
