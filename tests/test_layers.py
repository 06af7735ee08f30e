"""The package's layers: imports go one way, and no module imports itself back in a circle.

    cli → {batch, sources} → render → workbook → io → core → errors → i18n

A module may import from its own layer or any layer below it, never above. Imports inside
functions count too (a lazy import is still a dependency). docs/architecture.md explains the
layers; this test is what keeps them.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "kla_cli"

LAYERS = ["i18n", "errors", "core", "io", "workbook", "render", "run", "cli", "entry"]
"""Bottom to top. `run` is the top-level batch.py and sources.py; `entry` is the console script."""

PLACE = {
    "__init__": "i18n",  # the package's face: __version__ only, imports nothing
    "errors": "errors",
    "batch": "run",
    "batch_cache": "run",
    "region_memo": "run",
    "sources": "run",
    "entry": "entry",
    "__main__": "entry",
}


def _module(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"] or ["__init__"]
    return ".".join(parts)


def _layer(module: str) -> int:
    head = module.split(".")[0]
    return LAYERS.index(PLACE.get(head, head))


def _imports(path: Path, module: str) -> set[str]:
    """kla_cli modules imported by `path` (as dotted names below kla_cli)."""
    found: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".") if package else []
                up = up[: len(up) - (node.level - 1)]
                base = ".".join([*up, base] if base else up)
                base = f"kla_cli.{base}" if base else "kla_cli"
            names = [base, *(f"{base}.{a.name}" for a in node.names)]
        else:
            continue
        for name in names:
            if name.startswith("kla_cli."):
                target = name.removeprefix("kla_cli.")
                if _exists(target):
                    found.add(target)
    return found


def _exists(module: str) -> bool:
    base = PACKAGE.joinpath(*module.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _graph() -> dict[str, set[str]]:
    graph = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module(path)
        graph[module] = {m for m in _imports(path, module) if m != module}
    return graph


def test_imports_go_down_the_layers() -> None:
    wrong = [
        f"{module} ({LAYERS[_layer(module)]}) imports {target} ({LAYERS[_layer(target)]})"
        for module, targets in _graph().items()
        for target in sorted(targets)
        if _layer(target) > _layer(module)
    ]
    assert not wrong, "imports that go up a layer:\n" + "\n".join(wrong)


def test_no_import_cycles() -> None:
    graph = _graph()
    # a package's __init__ is not a dependency of its submodules' own imports
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_every_module_is_in_a_layer() -> None:
    unknown = [m for m in _graph() if PLACE.get(m.split(".")[0], m.split(".")[0]) not in LAYERS]
    assert not unknown, f"modules outside every layer: {unknown}"
