"""Process faults, with real processes and real signals: a batch killed or interrupted leaves no
worker running, a SIGTERM during a write leaves no temporary file, a full disk or a closed pipe
behind stdout is never a silent success.

The work is made to wait (a region that never finishes, a save that never ends) by starting
`kla` through a small harness that patches one function, so a signal always arrives at the
moment under test: nothing here depends on timing. The waits below are deadlines for a
liveness check (has the process ended?), never measurements.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import EXAMPLE, MINI_RUBRIC

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="POSIX signals")]

PROVINCE = Path(__file__).resolve().parents[2] / "examples" / "provinsi-contoh"

HARNESS = """
import os, signal, sys, time
from pathlib import Path

# Ctrl-C as on a terminal, even when the test run itself was started in the background (a
# shell starts background jobs with SIGINT ignored, and Python then keeps it ignored)
signal.signal(signal.SIGINT, signal.default_int_handler)

markers = Path(os.environ["KLA_TEST_MARKERS"])
what = os.environ["KLA_TEST_WAIT"]


def wait_forever(*args, **kwargs):
    (markers / str(os.getpid())).write_text(str(os.getppid()))
    while True:
        time.sleep(60)


if what == "region":  # every region a worker takes never ends
    import kla_cli.batch
    kla_cli.batch.assess_region = wait_forever
elif what == "save":  # the output is half written into its temporary file, then never ends
    from openpyxl import Workbook

    def half_then_wait(self, filename):
        Path(filename).write_bytes(b"PK half a workbook")
        wait_forever()

    Workbook.save = half_then_wait

sys.argv = ["kla", *sys.argv[1:]]
from kla_cli.entry import main
main()
"""

DEADLINE = 30.0
"""Seconds a process is given to end (a liveness deadline, not a measurement)."""


def _start(tmp: Path, wait: str, *args: str) -> subprocess.Popen[str]:
    markers = tmp / "markers"
    markers.mkdir()
    env = {**os.environ, "KLA_LANG": "en", "KLA_TEST_MARKERS": str(markers)}
    env["KLA_TEST_WAIT"] = wait
    return subprocess.Popen(
        [sys.executable, "-c", HARNESS, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )


def _markers(tmp: Path, count: int) -> list[int]:
    """The pids that reached the waiting point, once `count` of them have."""
    folder = tmp / "markers"
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        found = [int(p.name) for p in folder.iterdir()]
        if len(found) >= count:
            return found
        time.sleep(0.05)
    raise AssertionError(f"only {len(list(folder.iterdir()))} of {count} processes started")


def _alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped counts as ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return "\nState:\tZ" not in status


def _all_ended(pids: list[int]) -> bool:
    end = time.monotonic() + DEADLINE
    while time.monotonic() < end:
        if not any(_alive(pid) for pid in pids):
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def reap() -> Iterator[list[int]]:
    """Pids to kill after the test whatever happened (a failing test leaves nothing running)."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)


def _batch(tmp: Path, reap: list[int]) -> tuple[subprocess.Popen[str], list[int]]:
    # --no-cache: the province's results, cached by an earlier test, would start no worker
    process = _start(tmp, "region", "batch", str(PROVINCE), "-j", "2", "-f", "json", "--no-cache")
    workers = _markers(tmp, 2)
    reap.extend([process.pid, *workers])
    assert all(process.pid == int((tmp / "markers" / str(w)).read_text()) for w in workers)
    return process, workers


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_batch_workers_end_with_their_parent(
    tmp_path: Path, reap: list[int], sig: signal.Signals
) -> None:
    process, workers = _batch(tmp_path, reap)
    process.send_signal(sig)
    process.communicate(timeout=DEADLINE)
    assert _all_ended(workers), [w for w in workers if _alive(w)]


def test_batch_sigterm_is_one_line(tmp_path: Path, reap: list[int]) -> None:
    process, _ = _batch(tmp_path, reap)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=DEADLINE)
    assert process.returncode == 2
    assert err.strip().splitlines() == ["Error: stopped by signal SIGTERM"], err
    assert "Traceback" not in err
    assert json.loads(out)["error"]["code"] == "terminated"  # -f json: JSON whatever happens


def test_ctrl_c_stops_a_batch(tmp_path: Path, reap: list[int]) -> None:
    """Ctrl-C in a terminal reaches every process of the foreground group: the batch stops
    (exit 2, one line, no traceback from the parent or a worker) and no worker is left."""
    process, workers = _batch(tmp_path, reap)
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=DEADLINE)
    assert process.returncode == 2, err
    assert err.strip().splitlines() == ["Error: interrupted by user"], err
    assert json.loads(out)["error"]["code"] == "interrupted"
    assert _all_ended(workers)


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_signal_during_merge_leaves_no_temporary_file(
    tmp_path: Path, reap: list[int], sig: signal.Signals
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "rekap.xlsx"
    process = _start(tmp_path, "save", "merge", str(EXAMPLE), "-o", str(target))
    reap.append(process.pid)
    _markers(tmp_path, 1)
    assert _temporaries(out)  # caught in the middle of the write
    process.send_signal(sig)
    _, err = process.communicate(timeout=DEADLINE)
    assert process.returncode == 2, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert sorted(p.name for p in out.iterdir()) == []


def test_sigterm_during_template_leaves_no_form(tmp_path: Path, reap: list[int]) -> None:
    folder = tmp_path / "formulir"
    process = _start(tmp_path, "save", "template", "-o", str(folder), "-r", str(MINI_RUBRIC))
    reap.append(process.pid)
    _markers(tmp_path, 1)
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=DEADLINE)
    assert process.returncode == 2
    assert not folder.exists()  # made for the forms, removed with them


# --- stdout ----------------------------------------------------------------------------------


def _kla(*args: str, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KLA_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "kla_cli", *args],
        env=env,
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )


FULL_DISK_CASES = [
    ["score", str(EXAMPLE), "-f", "json"],
    ["validate", str(EXAMPLE), "-f", "json"],
    ["rubric", "check", str(MINI_RUBRIC)],
    ["rubric", "show", "-f", "json"],
    ["--version"],
    ["--help"],
    ["score", "--help"],
]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", FULL_DISK_CASES, ids=lambda a: " ".join(a[:2]).strip("-"))
def test_full_disk_behind_stdout_is_exit_2(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = _kla(*args, stdout=full)
    lines = [line for line in done.stderr.splitlines() if not line.startswith("Warning")]
    assert done.returncode == 2, done.stderr
    assert lines == [
        "Error: stdout: cannot write: No space left on device. Hint: check the free disk "
        "space and that whatever reads the output is still running"
    ]


@pytest.mark.parametrize(
    "args",
    [["rubric", "show", "--items"], ["rubric", "show", "-f", "json"], ["score", str(EXAMPLE)]],
    ids=lambda a: " ".join(a[:3]),
)
def test_closed_pipe_is_quiet(args: list[str]) -> None:
    """`kla … | head -1`: the reader stopped; nothing on stderr, the command's own exit code."""
    env = {**os.environ, "KLA_LANG": "en", "COLUMNS": "80"}
    process = subprocess.Popen(
        [sys.executable, "-m", "kla_cli", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()  # before the output is all written (it is larger than a pipe)
    err = process.stderr.read().decode()
    assert process.wait(timeout=DEADLINE) == 0, err
    assert err == ""


def test_json_to_a_file_is_complete_or_exit_2(tmp_path: Path) -> None:
    out = tmp_path / "hasil.json"
    with out.open("w") as handle:
        done = _kla("score", str(EXAMPLE), "-f", "json", stdout=handle)
    assert done.returncode == 0
    assert json.loads(out.read_text())["total"] > 0
