"""The layout rule, checked on the source: models/ imports no Qt, packages import in one direction only.

The import graph is read with ast from every module of models/ (imports inside functions count too: a
lazy import is still a dependency; those under ``if TYPE_CHECKING:`` do not run and are left out).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODELS = ROOT / "models"


def _name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for inner in ast.walk(node)
    }
    package = _name(path).split(".")[: None if path.name == "__init__.py" else -1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            found |= {base, *(f"{base}.{alias.name}" for alias in node.names)}
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_name(p): p for p in MODELS.rglob("*.py")}
    return {name: {i for i in _imports(path) if i in modules and i != name} for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one member (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _package(module: str) -> str:
    """models.progress.forms.export → models.progress; a top-level module (models.clock) is its own."""
    return ".".join(module.split(".")[:2])


def test_the_cycle_finder_finds_a_ring():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_ring_between_the_packages_of_models():
    packages: dict[str, set[str]] = {}
    for module, targets in _graph().items():
        for target in targets:
            if _package(target) != _package(module):
                packages.setdefault(_package(module), set()).add(_package(target))
    assert "models.progress" in packages and "models.store" in packages["models.progress"]  # the graph is read
    assert _cycles(packages) == []


def test_the_store_has_no_import_ring_and_knows_no_feature():
    graph = _graph()
    store = {
        m: {t for t in ts if t.startswith("models.store")} for m, ts in graph.items() if m.startswith("models.store")
    }
    assert _cycles(store) == []
    outside = {t for m, ts in graph.items() if m.startswith("models.store") for t in ts}
    assert {_package(t) for t in outside} <= {"models.store", "models.clock", "models.errors", "models.version"}


def test_models_import_no_qt():
    for path in MODELS.rglob("*.py"):
        qt = {i for i in _imports(path) if i.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6")}
        assert not qt, f"{path.relative_to(ROOT)} imports {sorted(qt)}"


def test_only_the_store_writes_the_undo_log():
    """INSERT/UPDATE/DELETE on batches or changes only in models/store/ (history.py, and the check's repair)."""
    import re

    write = re.compile(r"\b(INSERT(?: OR \w+)? INTO|UPDATE|DELETE FROM)\s+(?:main\.)?\[?(batches|changes)\b", re.I)
    writers = set()
    for path in MODELS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and write.search(node.value):
                writers.add(path.relative_to(ROOT).as_posix())
    assert "models/store/history.py" in writers  # the search finds the writer it must find
    assert {w for w in writers if not w.startswith("models/store/")} == set()
