"""Print the package's layout and check its architecture rules.

Usage::

    .venv/bin/python tools/structure.py            # rooms, modules with line counts, imports
    .venv/bin/python tools/structure.py --check    # exit 1 when a rule is broken (make lint runs it)

The rules (tests/unit/test_architecture.py checks them too):

- at most :data:`MAX_TOP_LEVEL_MODULES` modules at the package's top level;
- no module over :data:`MAX_MODULE_LINES` lines;
- no import cycle between modules;
- rooms depend one way, in the order of :data:`ROOMS`: a room imports only rooms before it
  (imports inside functions count too; ``TYPE_CHECKING`` blocks do not).

Imports are read with :mod:`ast`; nothing of the package is run.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "apanalysis"
#: The rooms in dependency order: each may import only the ones before it. "core" is the top
#: level (errors, paths, files), which every room may use; cli and __init__ sit above all.
#: workspace (the evaluator's file, a new year's folder) reads tables and is read by the
#: notebooks' presentation helpers and by the build.
ROOMS = (
    "core",
    "vocabulary",
    "source",
    "tables",
    "analysis",
    "workspace",
    "presentation",
    "build",
    "top",
)
#: Top-level modules and the room they belong to.
TOP_LEVEL = {
    "errors": "core",
    "paths": "core",
    "files": "core",
    "formats": "core",
    "cli": "top",
    "__init__": "top",
}
MAX_TOP_LEVEL_MODULES = 7
MAX_MODULE_LINES = 450


def module_name(path: Path) -> str:
    """``apanalysis.source.reader`` for ``src/apanalysis/source/reader.py``."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def room_of(module: str) -> str:
    """The room of a module name (``apanalysis.tables.store`` → ``tables``)."""
    parts = module.split(".")
    if len(parts) == 1:
        return "top"
    if parts[1] in TOP_LEVEL:
        return TOP_LEVEL[parts[1]]
    return parts[1]


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _in_type_checking(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``path`` imports (resolved to known module names)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    this = module_name(path)
    package = this if path.name == "__init__.py" else this.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if _in_type_checking(node, parents):
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            submodules = [f"{base}.{alias.name}" for alias in node.names]
            # "from package import module" depends on the module, not on the package's __init__
            names = [n for n in submodules if n in known] or [base]
        else:
            continue
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != this and name.startswith("apanalysis"):
                found.add(name)
    return found


def import_graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports_of(path, known) - {"apanalysis"} for name, path in found.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def violations() -> list[str]:
    """Every broken rule, one line each."""
    found = modules()
    graph = import_graph()
    problems = []
    top = [
        name
        for name in found
        if name.count(".") == 1 and not (PACKAGE / name.split(".")[1]).is_dir()
    ]
    if len(top) + 1 > MAX_TOP_LEVEL_MODULES:  # + __init__
        problems.append(f"{len(top) + 1} top-level modules (at most {MAX_TOP_LEVEL_MODULES})")
    for name, path in found.items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            problems.append(f"{name}: {lines} lines (at most {MAX_MODULE_LINES})")
    for group in cycles(graph):
        problems.append("import cycle: " + " ↔ ".join(group))
    order = {room: i for i, room in enumerate(ROOMS)}
    for name, targets in sorted(graph.items()):
        source_room = room_of(name)
        for target in sorted(targets):
            target_room = room_of(target)
            if target_room == "top" and source_room != "top":
                problems.append(f"{name} imports {target} (the public API sits above every room)")
            elif order.get(target_room, 0) > order.get(source_room, 0):
                problems.append(f"{name} ({source_room}) imports {target} ({target_room}): upward")
    unknown = {room_of(n) for n in found} - set(ROOMS)
    problems += [f"room {room!r} is not in ROOMS" for room in sorted(unknown)]
    return problems


def describe() -> str:
    """The rooms with their modules and line counts, and which rooms each room imports."""
    found = modules()
    graph = import_graph()
    by_room: dict[str, list[str]] = defaultdict(list)
    for name in found:
        by_room[room_of(name)].append(name)
    out = []
    for room in ROOMS:
        names = by_room.get(room, [])
        if not names:
            continue
        uses = sorted({room_of(t) for n in names for t in graph[n]} - {room})
        out.append(f"{room}  (imports: {', '.join(uses) or 'nothing of the package'})")
        for name in names:
            lines = len(found[name].read_text(encoding="utf-8").splitlines())
            out.append(f"  {name:<45} {lines:>4} lines")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a rule is broken")
    args = parser.parse_args(argv)
    if not args.check:
        print(describe())
    problems = violations()
    for problem in problems:
        print(f"architecture: {problem}", file=sys.stderr)
    if args.check and not problems:
        print("architecture: all rules hold")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
