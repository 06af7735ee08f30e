"""The validated rubric, kept as plain data so that a command starts without YAML or pydantic.

Validating the 2024 instrument (YAML, then pydantic's models, whose validators alone take 80 ms
to build) costs more than scoring a region. A rubric that passed is stored in kla's cache
(`io/cache`) as `core.rubric.rubric_data` JSON, keyed by kla's version and the rubric file's
bytes; the rubrics it `extends` are recorded with the hash of their bytes and checked on every
use. So a changed rubric (or base), another kla, or a damaged entry is a miss: the rubric is read
and validated as before (`io/rubric_yaml`), and the entry rewritten. Only a valid rubric is ever
stored, and `kla rubric check` always validates.
"""

from __future__ import annotations

import json
import os
from itertools import pairwise
from pathlib import Path
from typing import Any

from kla_cli import __version__
from kla_cli.core.rubric import Rubric, rubric_data, rubric_from_data
from kla_cli.io.cache import default_cache_dir, digest, read_entry, write_entry

FORMAT = b"rubric-1"
"""Changes when what an entry holds changes (a new field of the rubric's classes)."""

MAX_BYTES = 5 * 1024 * 1024
"""Larger files are left to the loader, which refuses them with its own message."""


def load_rubric_cached(
    file: Path, cache_dir: Path | None = None
) -> tuple[Rubric, tuple[Path, ...]]:
    """`io.rubric_yaml.load_rubric_and_files(file)`, from the cache when it holds this rubric.
    `cache_dir`: the cache folder (default: the user's, `io.cache.default_cache_dir`)."""
    own = _read_capped(file)
    if own is None:  # missing, unreadable or too large: the loader says what is wrong
        return _load_and_check(file)
    folder = cache_dir if cache_dir is not None else default_cache_dir()
    entry = folder / f"rubric-{digest(FORMAT, __version__.encode(), own)}.json"
    found = _from_entry(file, entry)
    if found is not None:
        return found
    rubric, files = _load_and_check(file)
    _store(entry, rubric, files)
    return rubric, files


def _load_and_check(file: Path) -> tuple[Rubric, tuple[Path, ...]]:
    from kla_cli.io.rubric_yaml import load_rubric_and_files

    return load_rubric_and_files(file)


def _read_capped(file: Path) -> bytes | None:
    try:
        with open(file, "rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError:
        return None
    return data if len(data) <= MAX_BYTES else None


def _from_entry(file: Path, entry: Path) -> tuple[Rubric, tuple[Path, ...]] | None:
    payload = read_entry(entry)
    if payload is None:
        return None
    try:
        stored: dict[str, Any] = json.loads(payload)
        files = [file]
        for name, expected in stored["bases"]:  # each relative to the file that extends it
            base = files[-1].parent / name
            data = _read_capped(base)
            if data is None or digest(data) != expected:
                return None
            files.append(base)
        rubric = rubric_from_data(stored["rubric"], stored["content_hash"])
    except (ValueError, KeyError, TypeError, AttributeError):  # not what `_store` writes
        return None
    return rubric, tuple(files)


def _store(entry: Path, rubric: Rubric, files: tuple[Path, ...]) -> None:
    bases = []
    for before, base in pairwise(files):
        data = _read_capped(base)
        if data is None:
            return
        bases.append([os.path.relpath(base, before.parent), digest(data)])
    payload = {
        "bases": bases,
        "content_hash": rubric.content_hash,
        "rubric": rubric_data(rubric),
    }
    write_entry(entry, json.dumps(payload, ensure_ascii=False).encode())
