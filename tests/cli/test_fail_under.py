"""`--fail-under TIER` on `kla score` and `kla gap` as on `kla batch`: exit 1 below that
predikat (the example city: 663,09 self-assessed Madya, 596,18 evidenced Pratama)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kla_cli.cli.app import app

from ..conftest import EXAMPLE


def _run(*args: str) -> tuple[int, str, str]:
    out = CliRunner().invoke(app, ["--lang", "en", *args])
    return out.exit_code, out.stdout, out.stderr


@pytest.mark.parametrize(
    ("args", "tier", "code"),
    [
        (["score", str(EXAMPLE)], "pratama", 0),
        (["score", str(EXAMPLE)], "madya", 1),  # judged on the evidenced total, as batch
        (["gap", str(EXAMPLE), "--target", "utama"], "pratama", 0),  # not the target's exit 1
        (["gap", str(EXAMPLE), "--basis", "self-assessed"], "madya", 0),
        (["gap", str(EXAMPLE)], "madya", 1),
        (["gap", "--score", "588,40", "--target", "utama"], "pratama", 0),
        (["gap", "--score", "588,40"], "madya", 1),
    ],
)
def test_fail_under_decides_the_exit_code(args: list[str], tier: str, code: int) -> None:
    exit_code, stdout, stderr = _run(*args, "--fail-under", tier)
    assert exit_code == code, stderr
    assert stdout  # the output is written all the same
    assert ("is below --fail-under" in stderr) is (code == 1)


def test_an_unknown_tier_is_refused_before_any_work_as_batch_words_it() -> None:
    code, stdout, stderr = _run("score", str(EXAMPLE), "--fail-under", "emas")
    assert code == 2 and not stdout
    assert "--fail-under" in stderr and "pratama, madya, nindya, utama, kla" in stderr
    batch = _run("batch", str(EXAMPLE.parent / "provinsi-contoh"), "--fail-under", "emas")
    assert batch[2].split(":", 1)[1] == stderr.split(":", 1)[1]


def test_the_option_has_the_same_help_everywhere() -> None:
    helps = [_run(command, "--help")[1] for command in ("score", "gap", "batch")]
    lines = [next(line for line in h.splitlines() if "--fail-under" in line) for h in helps]
    assert len(set(lines)) == 1, lines
