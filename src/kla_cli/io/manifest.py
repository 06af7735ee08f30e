"""The batch manifest: a YAML file naming the regions of a `kla batch` run (`RegionSpec`s),
read with the project's safe YAML loader; every error names the manifest's line and entry.

Apart from `batch` (which scores the regions) because it is plain file input: it reads no
workbook and knows no rubric.
"""

import os
from pathlib import Path
from typing import Any, NamedTuple

from kla_cli.errors import KlaError
from kla_cli.i18n.messages import t
from kla_cli.io.links import SymlinkLoop, resolve

MANIFEST_SUFFIXES = (".yaml", ".yml")
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_MANIFEST_NODES = 100_000


class RegionSpec(NamedTuple):
    name: str
    path: Path
    target: str | None = None
    """Tier id this region must reach (from the manifest or --fail-under)."""
    origin: str | None = None
    """Where `target` was written (manifest file and entry), for a located error."""
    shared_target: bool = False
    """`target` is the manifest's top-level one, which --fail-under overrides."""
    named: bool = False
    """`name` was written in a manifest and is kept; otherwise it is the folder's (or recap's)
    name, shown only when the forms name no region."""


def _manifest_error(where: str, what: str, **params: object) -> KlaError:
    """`manifest.yaml:7: invalid manifest: <what>. Hint: …` with `what` from the catalogue."""
    error = t(f"batch.manifest.{what}", **params)
    return KlaError("batch.manifest.invalid", where, "batch.manifest.hint", {"error": error})


def _load_yaml(file: Path) -> tuple[Any, Any]:
    """The manifest's data and its composed node (for line numbers), loaded safely
    (`yaml_safe`: size- and node-capped like a rubric, no object tags). yaml is imported
    here, not with the module: a batch of folders has no manifest to read."""
    from kla_cli.io.yaml_safe import (
        YamlNotUtf8,
        YamlSyntax,
        YamlTooComplex,
        YamlTooDeep,
        YamlTooLarge,
        load_yaml,
    )

    try:
        return load_yaml(file, max_bytes=MAX_MANIFEST_BYTES, max_nodes=MAX_MANIFEST_NODES)
    except OSError as exc:
        raise KlaError("path.missing", str(file), params={"error": exc}) from None
    except YamlTooLarge:
        raise _manifest_error(str(file), "too_big", size=MAX_MANIFEST_BYTES) from None
    except YamlNotUtf8:
        raise _manifest_error(str(file), "not_utf8") from None
    except YamlTooComplex:
        raise _manifest_error(str(file), "too_many_nodes", count=MAX_MANIFEST_NODES) from None
    except YamlTooDeep as exc:
        raise _manifest_error(f"{file}:{exc.line}", "too_deep", limit=exc.limit) from None
    except YamlSyntax as exc:
        where = f"{file}:{exc.line}" if exc.line is not None else str(file)
        raise _manifest_error(where, "yaml", problem=exc.problem) from None


def _lines(root: Any) -> tuple[dict[str, int], list[int]]:
    """Line numbers (1-based) of the top-level keys and of each `regions` entry, given the
    composed node of a manifest already known to be a mapping."""
    keys: dict[str, int] = {}
    entries: list[int] = []
    for key, value in root.value:
        if isinstance(key.value, str):
            keys[key.value] = key.start_mark.line + 1
            if key.value == "regions" and isinstance(value.value, list):
                entries = [item.start_mark.line + 1 for item in value.value]
    return keys, entries


def _text_field(entry: dict[str, Any], key: str, where: str, required: bool) -> str | None:
    value = entry.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str | int | float) or isinstance(value, bool) or not str(value):
        raise _manifest_error(where, "not_text", key=key)
    return str(value).strip()


def load_manifest(file: Path) -> list[RegionSpec]:
    """`regions: [{name, path, target?}]` plus an optional top-level `target`.

    Paths are relative to the manifest and must stay inside its folder. Errors name the
    manifest's line and the entry (`kla-batch.yaml:7: regions[2]: …`).
    """
    data, root = _load_yaml(file)
    if not isinstance(data, dict) or not isinstance(data.get("regions"), list):
        raise _manifest_error(str(file), "no_regions_list")
    keys, entries = _lines(root)
    unknown = sorted(set(data) - {"regions", "target", "title"}, key=str)
    if unknown:
        where = f"{file}:{keys[unknown[0]]}" if unknown[0] in keys else str(file)
        raise _manifest_error(
            where, "unknown_key", key=unknown[0], allowed="regions, target, title"
        )
    top = f"{file}:{keys['target']}" if "target" in keys else str(file)
    default = _text_field(data, "target", top, required=False)
    base = file.parent.resolve()
    specs: list[RegionSpec] = []
    names: dict[str, str] = {}
    for i, entry in enumerate(data["regions"]):
        where = (
            f"{file}:{entries[i]}: regions[{i}]" if i < len(entries) else f"{file}: regions[{i}]"
        )
        if not isinstance(entry, dict):
            raise _manifest_error(where, "not_entry")
        extra = sorted(set(entry) - {"name", "path", "target"}, key=str)
        if extra:
            raise _manifest_error(where, "unknown_key", key=extra[0], allowed="name, path, target")
        name = _text_field(entry, "name", where, required=True) or ""
        raw = _text_field(entry, "path", where, required=True) or ""
        if "\0" in raw:
            raise _manifest_error(where, "nul", key="path")
        try:
            resolved = resolve(base / raw)
        except (OSError, SymlinkLoop):
            raise KlaError(
                "batch.manifest.loop", where, "batch.manifest.escape.hint", {"path": raw}
            ) from None
        if not resolved.is_relative_to(base):
            raise KlaError(
                "batch.manifest.escape", where, "batch.manifest.escape.hint", {"path": raw}
            )
        if name in names:
            raise KlaError(
                "batch.manifest.duplicate",
                where,
                "batch.manifest.duplicate.hint",
                {"name": name, "first": names[name]},
            )
        line = entries[i] if i < len(entries) else "?"
        names[name] = t("batch.manifest.entry", index=i, line=line)
        own = _text_field(entry, "target", where, required=False)
        # shown as the user wrote it (beside the manifest), read from where it really is
        path = Path(os.path.normpath(file.parent / raw))
        if own:
            specs.append(RegionSpec(name, path, own, where, named=True))
        else:
            specs.append(RegionSpec(name, path, default, top if default else None, True, True))
    if not specs:
        raise KlaError("batch.no_regions", str(file), "batch.no_regions.hint")
    return specs
