"""Paired, interleaved timing for the benchmarks: what a ratio on a shared machine needs.

A machine shared with other work changes speed from one second to the next, so a ratio of two
timings taken minutes apart (or of two best-of-three minima, where one lucky round decides)
says little. Here two commands run in turn, A B, then B A, round after round; each round gives
a ratio of two timings taken side by side, and the median of those ratios is quoted, with the
minimum beside it. Each timing is a fresh process, measured from outside: wall time, and CPU
time (user + system, the process and the children it waited for, from the kernel's accounting
via `os.wait4`). The 1-minute load average before and after is printed with every figure, so
that a reader can judge how busy the machine was.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


@dataclass
class Runs:
    """Wall and CPU seconds of each round of one command."""

    label: str
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


@dataclass
class Pair:
    a: Runs
    b: Runs
    load: tuple[float, float]
    """The 1-minute load average before the first round and after the last."""

    def ratios(self, kind: str) -> list[float]:
        return [x / y for x, y in zip(getattr(self.a, kind), getattr(self.b, kind), strict=True)]


def load1() -> float:
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):
        return float("nan")


def run_once(cmd: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """One run of `cmd` (output discarded): its wall and CPU seconds. Exit codes 0 and 1 are
    results (1: a region below its target); anything else stops the benchmark."""
    start = time.perf_counter()
    proc = subprocess.Popen(list(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    errors = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {errors.decode()[-800:]}")
    return wall, usage.ru_utime + usage.ru_stime


def paired(
    a: tuple[str, Sequence[str]],
    b: tuple[str, Sequence[str]],
    rounds: int,
    *,
    before: Callable[[], None] | None = None,
    before_b: Callable[[], None] | None = None,
    env: dict[str, str] | None = None,
    env_b: dict[str, str] | None = None,
) -> Pair:
    """`rounds` rounds of A and B in turn (A B, then B A, ...); `before` runs before every
    timing (e.g. to put the files in the page cache), `before_b` instead of it before B's when
    given. One unmeasured run of each first."""
    runs = (Runs(a[0]), Runs(b[0]))
    cmds = (a[1], b[1])
    envs = (env, env_b if env_b is not None else env)
    for which in (0, 1):
        run_once(cmds[which], envs[which])
    start_load = load1()
    for i in range(rounds):
        for which in (0, 1) if i % 2 == 0 else (1, 0):
            prepare = before_b if which == 1 and before_b is not None else before
            if prepare is not None:
                prepare()
            wall, cpu = run_once(cmds[which], envs[which])
            runs[which].wall.append(wall)
            runs[which].cpu.append(cpu)
    return Pair(runs[0], runs[1], (start_load, load1()))


def paired_calls(
    a: tuple[str, Callable[[], object]], b: tuple[str, Callable[[], object]], rounds: int
) -> Pair:
    """`paired` for two functions in this process (wall: perf_counter, CPU: process_time)."""
    runs = (Runs(a[0]), Runs(b[0]))
    calls = (a[1], b[1])
    for call in calls:
        call()
    start_load = load1()
    for i in range(rounds):
        for which in (0, 1) if i % 2 == 0 else (1, 0):
            wall, cpu = time.perf_counter(), time.process_time()
            calls[which]()
            runs[which].wall.append(time.perf_counter() - wall)
            runs[which].cpu.append(time.process_time() - cpu)
    return Pair(runs[0], runs[1], (start_load, load1()))


def _fig(values: list[float], unit: str = "s") -> str:
    return f"{statistics.median(values):8.3f} {unit} (min {min(values):.3f})"


def report(title: str, pair: Pair, goal: float | None = None, on: str = "wall") -> float:
    """Print a pair and its ratios; the median ratio of `on` (wall or cpu), the goal's."""
    print(f"\n{title}   [load {pair.load[0]:.2f} -> {pair.load[1]:.2f}, {len(pair.a.wall)} rounds]")
    for runs in (pair.a, pair.b):
        print(f"  {runs.label:<44} wall {_fig(runs.wall)}   cpu {_fig(runs.cpu)}")
    for kind in ("wall", "cpu"):
        ratios = pair.ratios(kind)
        line = f"  ratio A/B {kind:<4} median {statistics.median(ratios):6.2f}x  min {min(ratios):6.2f}x"
        if goal is not None and kind == on:
            met = statistics.median(ratios) <= goal
            line += f"   goal <= {goal:g}x: {'met' if met else 'NOT met'}"
        print(line)
    return statistics.median(pair.ratios(on))


def report_one(title: str, runs: Runs, goal_seconds: float | None = None) -> None:
    """Print one command's figures (an absolute goal, e.g. <= 0.5 s)."""
    line = f"  {runs.label:<44} wall {_fig(runs.wall)}   cpu {_fig(runs.cpu)}"
    print(f"\n{title}   [load {load1():.2f}, {len(runs.wall)} rounds]\n{line}")
    if goal_seconds is not None:
        met = statistics.median(runs.wall) <= goal_seconds
        print(f"  goal: wall <= {goal_seconds:g} s: {'met' if met else 'NOT met'} (median)")
