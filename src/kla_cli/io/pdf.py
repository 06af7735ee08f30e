"""PDF through LibreOffice: a document kla wrote (an .xlsx) converted by `soffice --headless`.

The conversion runs in a temporary folder with its own LibreOffice profile
(`-env:UserInstallation`), so it works while the user has LibreOffice open, and under a timeout;
the PDF is then written atomically like every output. Without LibreOffice: a one-line error
naming the package to install.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from kla_cli.errors import KlaError
from kla_cli.i18n.messages import os_error
from kla_cli.io.output import NO_INPUTS, Inputs, write_bytes

TIMEOUT = 180
"""Seconds: a first start of LibreOffice with a fresh profile takes a few seconds."""
WINDOWS_PATHS = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def find_soffice() -> str | None:
    """The LibreOffice program (`soffice` on PATH, else the usual Windows places)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if sys.platform == "win32":
        return next((p for p in WINDOWS_PATHS if Path(p).is_file()), None)
    return None


def require_soffice(target: Path) -> str:
    """The LibreOffice program, or a KlaError naming the package (checked before any work)."""
    found = find_soffice()
    if found is None:
        raise KlaError("pdf.no_soffice", str(target), "pdf.no_soffice.hint")
    return found


def _run(command: list[str], timeout: int) -> subprocess.CompletedProcess[bytes]:
    """Run `command` in its own process group, killed whole on timeout (soffice starts a
    child process that a plain kill would leave behind)."""
    posix = os.name == "posix"
    with subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=posix,
    ) as process:
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(OSError):
                if posix:
                    os.killpg(process.pid, signal.SIGKILL)
                else:
                    process.kill()
            process.communicate()
            raise
        return subprocess.CompletedProcess(command, process.returncode, out, err)


def write_pdf(
    source: bytes,
    suffix: str,
    target: Path,
    *,
    inputs: Inputs = NO_INPUTS,
    timeout: int = TIMEOUT,
) -> None:
    """Convert `source` (a document's bytes, `suffix` such as ".xlsx") to PDF at `target`."""
    soffice = require_soffice(target)
    with tempfile.TemporaryDirectory(prefix="kla-pdf-") as folder:
        work = Path(folder)
        document = work / f"laporan{suffix}"
        document.write_bytes(source)
        command = [
            soffice,
            "--headless",
            "--norestore",
            "--nolockcheck",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work / "out"),
            str(document),
        ]
        try:
            done = _run(command, timeout)
        except subprocess.TimeoutExpired:
            raise KlaError(
                "pdf.timeout", str(target), "pdf.failed.hint", {"seconds": timeout}
            ) from None
        except OSError as exc:
            raise KlaError(
                "pdf.failed", str(target), "pdf.failed.hint", {"error": os_error(exc)}
            ) from None
        pdf = work / "out" / "laporan.pdf"
        if done.returncode != 0 or not pdf.is_file():
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            error = said[-1] if said else f"exit {done.returncode}"
            raise KlaError("pdf.failed", str(target), "pdf.failed.hint", {"error": error})
        write_bytes(target, pdf.read_bytes(), inputs=inputs)
