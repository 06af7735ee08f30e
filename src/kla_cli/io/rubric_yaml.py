"""Load a rubric YAML file into a `Rubric`, reporting every problem with its file and line.

The YAML is read by `yaml_safe.load_yaml` (size and node caps, safe constructors only); this
module words its problems and locates every path of the document.

A rubric may say `extends: other.yaml` (path relative to itself): its top-level keys then replace
the base rubric's. The shipped Pratama-501 profile uses this to change only the tiers.

yaml and pydantic are imported when a rubric is read, not with this module: a command whose
rubric is cached (`io/rubric_cache`) needs only `default_rubric_path` from here.
"""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

from kla_cli.errors import KlaError
from kla_cli.i18n.messages import os_error, t

if TYPE_CHECKING:
    import yaml

    from kla_cli.core.rubric import Rubric
    from kla_cli.core.rubric_rules import Path, RubricProblem
    from kla_cli.io.yaml_safe import YamlProblem

MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
MAX_EXTENDS = 4

DEFAULT_RUBRIC = "kla-2024.yaml"

UNREADABLE = frozenset({"path.missing", "rubric.unreadable", "rubric.too_large"})
"""The errors that mean the rubric could not be read at all: missing, not a readable file, over
the size kla reads (`kla rubric check` exits 2). Every other error is a problem in the file,
from YAML syntax to a misspelt key (exit 1, a finding, as linters say)."""


class _Lines:
    """Where each path of the document starts: path -> (file, line); and the files read."""

    def __init__(self) -> None:
        self.at: dict[Path, tuple[str, int]] = {}
        self.files: list[FsPath] = []

    def walk(self, node: yaml.Node, path: Path, file: str) -> None:
        """Record every path's line (the loader has capped the number of nodes)."""
        import yaml

        self.at[path] = (file, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                self.walk(value, (*path, str(key.value)), file)
        elif isinstance(node, yaml.SequenceNode):
            for i, value in enumerate(node.value):
                self.walk(value, (*path, i), file)

    def locate(self, path: Path, fallback: str) -> str:
        """`file:line` of the deepest known prefix of `path`."""
        for end in range(len(path), -1, -1):
            found = self.at.get(path[:end])
            if found:
                return f"{found[0]}:{found[1]}"
        return fallback


def _read_document(file: FsPath, lines: _Lines, depth: int = 0) -> dict[str, Any]:
    name = str(file)
    if depth > MAX_EXTENDS:
        raise KlaError("rubric.extends_loop", name, "rubric.extends_loop.hint")
    lines.files.append(file)
    data, node = _load(file)
    own = _Lines()
    own.walk(node, (), name)
    base_name = data.pop("extends", None)
    if base_name is not None:
        base_file = file.parent / str(base_name)
        if not base_file.exists():
            line = own.at.get(("extends",), (name, 1))[1]
            raise KlaError(
                "rubric.extends_missing",
                f"{name}:{line}",
                "path.missing.hint",
                {"base": base_name},
            )
        base = _read_document(base_file, lines, depth + 1)
        lines.at.update({p: v for p, v in own.at.items() if p and p[0] in data})
        base.update(data)
        return base
    lines.at.update(own.at)
    return dict(data)


def _load(file: FsPath) -> tuple[Any, yaml.MappingNode]:
    """`yaml_safe.load_yaml` with its problems in the rubric's words."""
    import yaml

    from kla_cli.io.yaml_safe import (
        YamlNotMapping,
        YamlNotUtf8,
        YamlSyntax,
        YamlTag,
        YamlTooComplex,
        YamlTooDeep,
        YamlTooLarge,
        load_yaml,
    )

    name = str(file)
    try:
        data, node = load_yaml(file, max_bytes=MAX_BYTES, max_nodes=MAX_NODES, mapping=True)
    except FileNotFoundError:
        raise KlaError("path.missing", name, "path.missing.hint") from None
    except OSError as exc:
        raise KlaError(
            "rubric.unreadable",
            name,
            "rubric.unreadable.hint",
            {"error": os_error(exc)},
        ) from None
    except YamlTooLarge as exc:
        params: dict[str, object] = {"size": exc.size, "limit": exc.limit}
        raise KlaError("rubric.too_large", name, "rubric.too_large.hint", params) from None
    except YamlNotUtf8 as exc:
        params = {"byte": f"{exc.byte:02X}", "column": exc.column}
        raise KlaError("rubric.not_utf8", _at(name, exc), "rubric.not_utf8.hint", params) from None
    except YamlNotMapping:
        raise KlaError("rubric.not_mapping", name, "rubric.not_mapping.hint") from None
    except YamlTooComplex as exc:
        raise KlaError("rubric.too_complex", _at(name, exc), "rubric.too_complex.hint") from None
    except YamlTooDeep as exc:
        params = {"limit": exc.limit}
        raise KlaError("rubric.too_deep", _at(name, exc), "rubric.too_deep.hint", params) from None
    except YamlTag as exc:
        params = {"tag": exc.tag}
        raise KlaError("rubric.yaml_tag", _at(name, exc), "rubric.yaml_tag.hint", params) from None
    except YamlSyntax as exc:
        params = {"error": exc.problem}
        where = _at(name, exc)
        raise KlaError("rubric.yaml_error", where, "rubric.yaml_error.hint", params) from None
    assert isinstance(node, yaml.MappingNode)  # mapping=True
    return data, node


def _at(name: str, problem: YamlProblem) -> str:
    return f"{name}:{problem.line}" if problem.line is not None else name


def _dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(root)"


def load_rubric(file: FsPath, *, warnings: list[str] | None = None) -> Rubric:
    """Read and check a rubric; raise KlaError listing every problem, one located line each.
    Warnings (a rubric that is valid but worth a look) go to `warnings` when it is given."""
    return load_rubric_and_files(file, warnings=warnings)[0]


def load_rubric_and_files(
    file: FsPath, *, warnings: list[str] | None = None
) -> tuple[Rubric, tuple[FsPath, ...]]:
    """`load_rubric`, and the files it read: `file` and the rubrics it extends (inputs that
    no output of the run may replace)."""
    from pydantic import ValidationError

    from kla_cli.core.rubric_rules import rubric_problems
    from kla_cli.core.rubric_schema import validate_rubric
    from kla_cli.io.rubric_errors import describe

    lines = _Lines()
    data = _read_document(file, lines)
    name = str(file)
    try:
        rubric = validate_rubric(data)
    except ValidationError as exc:
        details = []
        for err in exc.errors():
            path = tuple(p for p in err["loc"] if isinstance(p, str | int))
            where = lines.locate(path, name)
            details.append(f"{where}: {_dotted(path)}: {describe(err)}")
        raise KlaError(
            "rubric.invalid", name, "rubric.hint", {"count": len(details)}, details
        ) from None
    problems = rubric_problems(rubric)

    def located(p: RubricProblem) -> str:
        return f"{lines.locate(p.path, name)}: {_dotted(p.path)}: {t(p.key, **p.args)}"

    details = [located(p) for p in problems if not p.warning]
    if details:
        raise KlaError("rubric.invalid", name, "rubric.hint", {"count": len(details)}, details)
    if warnings is not None:
        warnings.extend(located(p) for p in problems if p.warning)
    return rubric, tuple(lines.files)


def shipped_rubrics() -> FsPath:
    """The folder of the rubrics kla ships (`io/shipped`: the wheel's, else the checkout's)."""
    from kla_cli.io.shipped import shipped

    return shipped("rubrics")


def default_rubric_path() -> FsPath:
    """The shipped default rubric."""
    return shipped_rubrics() / DEFAULT_RUBRIC
