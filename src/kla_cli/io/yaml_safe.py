"""The project's one YAML loader (rubrics and batch manifests), safe for untrusted files.

The file's size is capped before it is read, only YAML's safe constructors are used (tags that
build objects are refused), and the nodes are counted before anything is constructed, so a
nested-alias ("billion laughs") document is refused before it is expanded. Problems are raised
as `YamlProblem`s carrying the line they were found on; each caller words them in its own
messages. Only this module imports yaml's loaders.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from kla_cli.io.stdin import is_stdin, read_stdin

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (same constructors, ~10x faster), else Python's."""


class YamlProblem(Exception):
    """Why a YAML file was not loaded; `line` (1-based) when it is known."""

    def __init__(self, line: int | None = None) -> None:
        super().__init__(line)
        self.line = line


class YamlTooLarge(YamlProblem):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__()
        self.size, self.limit = size, limit


class YamlNotUtf8(YamlProblem):
    def __init__(self, line: int, column: int, byte: int) -> None:
        super().__init__(line)
        self.column, self.byte = column, byte


class YamlNotMapping(YamlProblem):
    """The document is not a mapping (`key: value`), though the caller requires one."""


class YamlTooComplex(YamlProblem):
    """More nodes than allowed (aliases counted as often as they are used)."""


class YamlTooDeep(YamlProblem):
    """Values nested deeper than allowed (a rubric is a few levels deep; thousands would
    exhaust the stack of whatever walks the data)."""

    def __init__(self, line: int, limit: int) -> None:
        super().__init__(line)
        self.limit = limit


MAX_DEPTH = 64
"""Nesting levels a document may have (the 2024 rubric has 7)."""


class YamlSyntax(YamlProblem):
    """Invalid YAML: `problem` is the parser's words on one line."""

    def __init__(self, line: int | None, problem: str) -> None:
        super().__init__(line)
        self.problem = problem


class YamlTag(YamlSyntax):
    """A tag that would build an object (`!!python/object`, a custom `!Include`, ...)."""

    def __init__(self, line: int | None, problem: str, tag: str) -> None:
        super().__init__(line, problem)
        self.tag = tag


def load_yaml(
    file: Path, *, max_bytes: int, max_nodes: int, mapping: bool = False
) -> tuple[Any, yaml.Node | None]:
    """The file's data and its composed node (for line numbers); None and None when empty.

    Raises YamlProblem (YamlNotMapping, when `mapping` requires it, before the nodes are
    counted or constructed), or OSError when the file cannot be read.
    """
    if is_stdin(file):
        raw = read_stdin(max_bytes)
    else:
        size = file.stat().st_size
        if size > max_bytes:
            raise YamlTooLarge(size, max_bytes)
        with file.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:  # it grew since
        raise YamlTooLarge(len(raw), max_bytes)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlNotUtf8(line, column, raw[exc.start]) from None
    try:
        node = yaml.compose(text, Loader=_SafeLoader)
    except RecursionError:  # the pure-Python parser, on deep nesting
        raise YamlTooDeep(1, MAX_DEPTH) from None
    except yaml.YAMLError as exc:
        raise _syntax(exc) from None
    if mapping and not isinstance(node, yaml.MappingNode):
        raise YamlNotMapping()
    if node is None:
        return None, None
    _count(node, max_nodes)
    loader = _SafeLoader("")  # builds the data from the nodes already parsed
    try:
        return loader.construct_document(node), node
    except yaml.YAMLError as exc:
        raise _syntax(exc) from None
    finally:
        loader.dispose()


def _count(root: yaml.Node, max_nodes: int) -> None:
    """Refuse more than `max_nodes` values (mapping keys are not counted), in document order,
    before construction: an alias is counted each time it is used, so nested aliases cannot
    blow up. The line is that of the first node over the cap. Values nested more than
    `MAX_DEPTH` levels are refused too (YamlTooDeep), at the line of the first too deep."""
    stack = [(root, 0)]
    nodes = 0
    seen: set[int] = set()  # collections met so far: one met again is an alias's use
    aliased = False
    while stack:
        node, depth = stack.pop()
        nodes += 1
        if nodes > max_nodes:
            raise YamlTooComplex(node.start_mark.line + 1)
        if depth > MAX_DEPTH:  # through aliases, an alias that contains itself
            line = node.start_mark.line + 1
            raise YamlTooComplex(line) if aliased else YamlTooDeep(line, MAX_DEPTH)
        if isinstance(node, yaml.CollectionNode):
            aliased = aliased or id(node) in seen
            seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend((value, depth + 1) for _, value in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((value, depth + 1) for value in reversed(node.value))


def _syntax(exc: yaml.YAMLError) -> YamlSyntax:
    """One located line for a YAML problem; tags that would build objects get their own class."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(exc.problem or exc.context or exc).split())
    else:  # a ReaderError (control characters): it knows the offset, not the line
        mark, problem = None, " ".join(str(getattr(exc, "reason", exc)).split())
    line = mark.line + 1 if mark else None
    if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in problem:
        tag = problem.rpartition("tag ")[2].strip("'\"").replace("tag:yaml.org,2002:", "!!")
        return YamlTag(line, problem, tag)
    return YamlSyntax(line, worded(problem))


PROBLEMS = (
    ("mapping values are not allowed", "yaml.problem.colon_in_value"),
    ("sequence entries are not allowed", "yaml.problem.list_item"),
    ("tab character", "yaml.problem.tab"),
    ("'\\t' that cannot start", "yaml.problem.tab"),
    ("cannot start any token", "yaml.problem.token"),
    ("expected <block end>", "yaml.problem.indentation"),
    ("did not find expected key", "yaml.problem.indentation"),
    ("did not find expected '-' indicator", "yaml.problem.indentation"),
    ("could not find expected ':'", "yaml.problem.colon_missing"),
    ("unexpected end of stream", "yaml.problem.unclosed_quote"),
    ("',' or ']'", "yaml.problem.bracket"),
    ("',' or '}'", "yaml.problem.brace"),
    ("unknown escape character", "yaml.problem.escape"),
    ("undefined alias", "yaml.problem.alias"),
)
"""What the YAML parser says (libyaml's words, or PyYAML's where it reads alone) -> the
catalogue's: the problems people make by hand in a rubric, a manifest or a result sheet."""


def worded(problem: str) -> str:
    """The parser's `problem` in the run's language when it is a known one, else as it is."""
    from kla_cli.i18n.messages import t

    for words, key in PROBLEMS:
        if words in problem:
            return t(key)
    return problem
