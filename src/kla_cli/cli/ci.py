"""What a run in CI needs from its environment: the run's time and host for JUnit (reproducible
under SOURCE_DATE_EPOCH), the folder GitHub annotations name files from (GITHUB_WORKSPACE), and
the job summary a GitHub Actions step may append Markdown to (GITHUB_STEP_SUMMARY)."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the JUnit writer (and socket) are loaded only for --format junit
    from kla_cli.render.junit import JunitRun


class Clock:
    """Started when the command starts; `junit_run()` when it has done its work."""

    def __init__(self) -> None:
        self.started = datetime.now(UTC)
        self._t0 = time.perf_counter()

    def junit_run(self) -> JunitRun:
        """The run's timestamp, duration and host; with SOURCE_DATE_EPOCH set (reproducible
        builds), that moment, no duration and `localhost`, so that two runs write the same
        bytes."""
        import socket

        from kla_cli.render.junit import JunitRun

        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            return JunitRun(datetime.fromtimestamp(int(epoch), UTC), 0.0, "localhost")
        return JunitRun(self.started, time.perf_counter() - self._t0, socket.gethostname())


def github_base() -> str:
    """The folder `--format github` names files from: GITHUB_WORKSPACE, else the working one."""
    return os.path.abspath(os.environ.get("GITHUB_WORKSPACE") or os.getcwd())


def append_step_summary(markdown: str) -> None:
    """Append `markdown` to the GitHub Actions job summary, when the step has one."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    with Path(target).open("a", encoding="utf-8") as summary:
        summary.write(markdown if markdown.endswith("\n") else markdown + "\n")
