"""Load a rubric YAML file into a `Rubric`, reporting every problem with its file and line.

Only this module imports yaml. Safety: the file size is capped before reading, only YAML's safe
constructors are used (tags that build objects are refused), and the node count is capped so a
nested-alias ("billion laughs") document is refused before it is expanded.

A rubric may say `extends: other.yaml` (path relative to itself): its top-level keys then replace
the base rubric's. The shipped Pratama-501 profile uses this to change only the tiers.
"""

from __future__ import annotations

from pathlib import Path as FsPath
from typing import Any

import yaml
from pydantic import ValidationError

from kla_cli.core.rubric import Rubric
from kla_cli.core.rubric_rules import Path, RubricProblem, rubric_problems
from kla_cli.errors import KlaError
from kla_cli.i18n.messages import t
from kla_cli.io.output import protect

MAX_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
MAX_EXTENDS = 4

DEFAULT_RUBRIC = "kla-2023.yaml"

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (same constructors, ~10x faster), else Python's."""


class _Lines:
    """Where each path of the document starts: path -> (file, line)."""

    def __init__(self) -> None:
        self.at: dict[Path, tuple[str, int]] = {}
        self.nodes = 0

    def walk(self, node: yaml.Node, path: Path, file: str) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            where = f"{file}:{node.start_mark.line + 1}"
            raise KlaError("rubric.too_complex", where, "rubric.too_complex.hint")
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
    raw = _read_bytes(file)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise KlaError(
            "rubric.not_utf8",
            f"{name}:{line}",
            "rubric.not_utf8.hint",
            {"byte": f"{raw[exc.start]:02X}", "column": column},
        ) from None
    try:
        node = yaml.compose(text, Loader=_SafeLoader)
    except yaml.YAMLError as exc:
        raise _yaml_error(name, exc) from None
    if not isinstance(node, yaml.MappingNode):
        raise KlaError("rubric.not_mapping", name, "rubric.not_mapping.hint")
    own = _Lines()
    own.walk(node, (), name)
    loader = _SafeLoader("")  # builds the data from the nodes already parsed
    try:
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise _yaml_error(name, exc) from None
    finally:
        loader.dispose()
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


def _read_bytes(file: FsPath) -> bytes:
    """The file's bytes, after checking its size (so a huge file is never read into memory)."""
    name = str(file)
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise KlaError(
                "rubric.too_large",
                name,
                "rubric.too_large.hint",
                {"size": size, "limit": MAX_BYTES},
            )
        with file.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)[:MAX_BYTES]
        protect(file)
        return data
    except FileNotFoundError:
        raise KlaError("path.missing", name, "path.missing.hint") from None
    except OSError as exc:
        raise KlaError(
            "rubric.unreadable",
            name,
            "rubric.unreadable.hint",
            {"error": exc.strerror or type(exc).__name__},
        ) from None


def _yaml_error(name: str, exc: yaml.YAMLError) -> KlaError:
    """One located line for a YAML problem; tags that would build objects get their own words."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(exc.problem or exc.context or exc).split())
    else:  # a ReaderError (control characters): it knows the offset, not the line
        mark, problem = None, " ".join(str(getattr(exc, "reason", exc)).split())
    where = f"{name}:{mark.line + 1}" if mark else name
    if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in problem:
        tag = problem.rpartition("tag ")[2].strip("'\"").replace("tag:yaml.org,2002:", "!!")
        return KlaError("rubric.yaml_tag", where, "rubric.yaml_tag.hint", {"tag": tag})
    return KlaError("rubric.yaml_error", where, "rubric.yaml_error.hint", {"error": problem})


def _dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(root)"


def load_rubric(file: FsPath, *, warnings: list[str] | None = None) -> Rubric:
    """Read and check a rubric; raise KlaError listing every problem, one located line each.
    Warnings (a rubric that is valid but worth a look) go to `warnings` when it is given."""
    lines = _Lines()
    data = _read_document(file, lines)
    name = str(file)
    try:
        rubric = Rubric.model_validate(data)
    except ValidationError as exc:
        details = []
        for err in exc.errors():
            path = tuple(p for p in err["loc"] if isinstance(p, str | int))
            where = lines.locate(path, name)
            details.append(f"{where}: {_dotted(path)}: {err['msg']}")
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
    return rubric


def shipped_rubrics() -> FsPath:
    """The folder of the rubrics kla ships: `kla_cli/rubrics` inside an installed wheel (package
    data, found with importlib.resources), else the checkout's top-level `rubrics/` (an editable
    install). Never the working directory: a folder of the user's must not shadow the rubric."""
    from importlib.resources import files

    packaged = files("kla_cli") / "rubrics"
    if packaged.is_dir():
        return FsPath(str(packaged))
    return FsPath(__file__).resolve().parents[3] / "rubrics"


def default_rubric_path() -> FsPath:
    """The shipped default rubric."""
    return shipped_rubrics() / DEFAULT_RUBRIC
