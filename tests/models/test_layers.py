"""The layout rule, checked on the source: models/ imports no Qt, packages import in one direction only, no
ring among the modules of a package, and a table's SQL lives only in the package that owns it.

The import graph is read with ast from every module of models/ (imports inside functions count too: a
lazy import is still a dependency; those under ``if TYPE_CHECKING:`` do not run and are left out).
"""

from __future__ import annotations

import ast
import re
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


# Rings among the modules of one package still to be broken, in other helpers' lanes (sorted members); the lead
# shrinks this list.  Empty when written: documents/pdf (its __init__ imported the writers that import it) and
# reports summary ↔ register_part (now reports/companion.py) were broken.
RINGS_PENDING: list[list[str]] = []


def _folder(module: str, graph: dict[str, set[str]]) -> str:
    """The package a module sits in: models.documents.pdf.fonts → models.documents.pdf; a package's __init__
    sits in its own folder."""
    parts = module.split(".")
    return module if any(other.startswith(module + ".") for other in graph) else ".".join(parts[:-1])


def test_no_import_ring_among_the_modules_of_any_package():
    graph = _graph()
    rings = []
    for folder in sorted({_folder(m, graph) for m in graph}):
        inside = {
            m: {t for t in ts if _folder(t, graph) == folder} for m, ts in graph.items() if _folder(m, graph) == folder
        }
        rings += _cycles(inside)
    assert "models.documents.pdf.blocks" in graph["models.documents.pdf.render"]  # the graph is read
    assert sorted(rings) == sorted(RINGS_PENDING), "\n".join(" ↔ ".join(r) for r in rings)


def test_a_ring_through_a_package_facade_is_found():
    """A package whose __init__ imports a module that imports the package back is a ring (pdf/ before)."""
    graph = {"p": {"p.render"}, "p.render": {"p", "p.fonts"}, "p.fonts": set()}
    inside = {m: {t for t in ts if _folder(t, graph) == "p"} for m, ts in graph.items() if _folder(m, graph) == "p"}
    assert _cycles(inside) == [["p", "p.render"]]


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


# -- SQL ownership -------------------------------------------------------------------------------------------
# Each table is read and written with SQL only inside the package that owns it; everyone else calls the
# owner's named functions.  Deadlines and deliveries belong to notices: a deadline is written only when a
# notice is registered or deleted (models.notices.notice), and a delivery is the mark of one unit against one
# deadline, deleted with its notice; progress reads both (whose turn is late) through models.notices.deadlines,
# and the clerk's mark is written there too.  So the package that writes them owns them, and progress, which
# only reads them, imports notices (never the other way round).
OWNERS = {
    **dict.fromkeys(("meta", "batches", "changes"), "models.store"),
    **dict.fromkeys(("campaigns", "units", "campaign_units", "periods", "indicators"), "models.campaigns"),
    "liaisons": "models.liaisons",
    **dict.fromkeys(("notices", "notice_contacts", "attachments", "deadlines", "deliveries"), "models.notices"),
    **dict.fromkeys(("figures", "figure_sums", "narratives"), "models.progress"),
    "reports": "models.reports",
    **dict.fromkeys(("leads", "cases"), "models.register"),
}
# Modules that may name tables they do not own, each for a reason (module → (tables, why)).
ALLOWED = {
    "models.store.schema": (set(OWNERS), "the schema declares every table and its migrations move their rows"),
    "models.store.check": (set(OWNERS), "the whole-file check reads every table's references and counts"),
    "models.store.text_gate": (set(OWNERS), "the text gate knows each table's text columns (writes pass it)"),
    "models.store.copies": (set(OWNERS), "a copy's manifest counts the rows of the main tables (the whole file)"),
    "models.exchange.staging": (
        set(OWNERS) - {"batches", "changes"},
        "the merge stages a whole file table by table: it knows each table's natural key",
    ),
    "models.exchange.conflicts": (
        set(OWNERS) - {"batches", "changes"},
        "describes a conflicting row of any table for the clerk (what and where)",
    ),
    "models.exchange.starter": (
        set(OWNERS) - {"batches", "changes"},
        "a starter file for another office is this file minus the tables of reported data",
    ),
    "models.exchange.unit_matches": (
        {"units"},
        "matches the units of an incoming file (attached, not a Store) to this file's before staging",
    ),
    "models.campaigns.units": (
        {"liaisons", "figures", "narratives"},
        "a unit 'holds data' when its liaisons, figures or narratives refer to it; their owners import campaigns,"
        " so asking them would be a ring",
    ),
    "models.campaigns.layouts": (
        {"figures"},
        "a column holding figures cannot be removed; progress imports campaigns, so asking it would be a ring",
    ),
}
# Uses still to move to their owner (module → tables): none left; a new one belongs in its owner instead.
PENDING: dict[str, set[str]] = {}

_ACCESS = {
    "insert", "update", "delete", "write_many", "record_rows", "get", "table", "upsert", "insert_all",
    "upsert_all", "delete_where", "rows_where", "count_where", "lookup", "record_history", "clean_row",
}  # fmt: skip
_NAME = r"(?:(?:\[[^\]\s]*\]|\{[^}\s]*\}|\w+)\.)?\[?(\w+|\{[^}]*\})\]?"
_AT = re.compile(r"\b(?:JOIN|INTO|UPDATE|TABLE(?:\s+IF\s+(?:NOT\s+)?EXISTS)?)\s+" + _NAME, re.I)
_ONE = _NAME + r"(?:\s+(?:AS\s+)?\w+)?"  # a table and its alias
_FROM = re.compile(r"\bFROM\s+(" + _ONE + r"(?:\s*,\s*" + _ONE + r")*)", re.I)


def _sql_tables(text: str) -> list[str]:
    """Table names in the table positions of SQL text (FROM a, b / JOIN / INTO / UPDATE / TABLE); a name
    given by a placeholder comes back as "{…}"."""
    found = [m.group(1) for m in _AT.finditer(text)]
    for m in _FROM.finditer(text):
        found += [inner.group(1) for part in m.group(1).split(",") if (inner := re.match(r"\s*" + _NAME, part))]
    return found


def _text(node: ast.AST) -> str:
    if isinstance(node, ast.Constant):
        return node.value
    return "".join(v.value if isinstance(v, ast.Constant) else "{" + ast.unparse(v.value) + "}" for v in node.values)


def _table_uses(source: str) -> list[tuple[int, str, str]]:
    """(line, table, how) for every naming of a table as data: SQL text, a sqlite-utils table (db["x"],
    .table("x")), a history/Store call given the table's name (batch.insert("x", …), store.get("x", …)), and,
    in a module that builds SQL with a placeholder for the table, a tuple or list of table names."""
    tree = ast.parse(source)
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    parts = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    found, placeholder, literals = [], False, []
    for node in ast.walk(tree):
        if id(node) in docs or id(node) in parts:
            continue
        if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            for table in _sql_tables(_text(node)):
                if table.startswith("{"):
                    placeholder = True
                elif table in OWNERS:
                    found.append((node.lineno, table, "SQL"))
        elif isinstance(node, ast.Call):
            func = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            args = [*node.args, *(k.value for k in node.keywords if k.arg == "table")]
            receiver = ast.unparse(node.func.value) if isinstance(node.func, ast.Attribute) else ""
            if func in _ACCESS and (func != "get" or receiver.endswith("store")):  # not dict.get("units")
                found += [
                    (a.lineno, a.value, f"{func}()") for a in args if isinstance(a, ast.Constant) and a.value in OWNERS
                ]
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value).split(".")[-1] == "db":
            if isinstance(node.slice, ast.Constant) and node.slice.value in OWNERS:
                found.append((node.lineno, node.slice.value, "db[]"))
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            literals += [
                (e.lineno, e.value, "table list")
                for e in node.elts
                if isinstance(e, ast.Constant) and e.value in OWNERS
            ]
    return sorted(found + (literals if placeholder else []))


def _sources() -> list[tuple[str, str]]:
    return [(_name(path), path.read_text(encoding="utf-8")) for path in sorted(MODELS.rglob("*.py"))]


def _violations(sources: list[tuple[str, str]]) -> list[str]:
    """ "models/x/y.py:line: how on table (owner owns it)" for every use outside the owner and the allowances."""
    found = []
    for module, source in sources:
        allowed = ALLOWED.get(module, (set(), ""))[0] | PENDING.get(module, set())
        where = module.replace(".", "/") + ".py"
        for line, table, how in _table_uses(source):
            if OWNERS[table] != _package(module) and table not in allowed:
                found.append(f"{where}:{line}: {how} on {table} ({OWNERS[table]} owns it)")
    return found


def test_a_planted_use_outside_the_owner_is_found_with_its_line():
    source = 'def f(store):\n    return store.rows("SELECT name FROM units WHERE id = ?", ("x",))\n'
    assert _violations([("models.cli.planted", source), ("models.campaigns.planted", source)]) == [
        "models/cli/planted.py:2: SQL on units (models.campaigns owns it)"
    ]
    assert _violations([("models.exchange.merge", 'X = "SELECT * FROM changes"')]) == [
        "models/exchange/merge.py:1: SQL on changes (models.store owns it)"
    ]  # an allowance covers its tables only


def test_the_table_scan_finds_each_kind_of_use():
    planted = '''
"""A docstring that says SELECT * FROM units is not a use."""
def f(store, batch, t):
    store.rows("SELECT u.id FROM units u, campaign_units cu JOIN periods p ON 1 WHERE x")
    store.rows(f"SELECT * FROM main.[liaisons] WHERE id = {t}")
    batch.insert("figures", {})
    store.get("notices", "x")
    store.db["leads"].insert({})
    for table in ("reports", "cases"):
        store.rows(f"DELETE FROM [{table}]")
    store.conn.execute("INSERT OR REPLACE INTO meta (key) VALUES (1)")
    return {"units": 1}.get("units"), row.get("notices", [])
'''
    uses = {(table, how) for _, table, how in _table_uses(planted)}
    assert uses == {
        ("units", "SQL"),
        ("campaign_units", "SQL"),
        ("periods", "SQL"),
        ("liaisons", "SQL"),
        ("figures", "insert()"),
        ("notices", "get()"),
        ("leads", "db[]"),
        ("reports", "table list"),
        ("cases", "table list"),
        ("meta", "SQL"),
    }
    assert not _table_uses('def f(store):\n    return store.rows("SELECT 1"), ("units", "figures")\n')


def test_the_owners_map_names_every_table_of_the_schema():
    from models.store import schema

    assert set(OWNERS) == set(schema.TABLES)


def test_no_sql_outside_the_package_that_owns_the_table():
    """Every use of a table outside its owner, as module:line (see OWNERS, ALLOWED and PENDING above)."""
    found = _violations(_sources())
    assert not found, f"{len(found)} uses of a table outside its owner:\n" + "\n".join(found)


def test_the_allowances_are_still_needed():
    """An allowance nobody uses any more is dropped, so the list only shrinks."""
    for module, tables in {**{m: t for m, (t, _) in ALLOWED.items()}, **PENDING}.items():
        path = ROOT / (module.replace(".", "/") + ".py")
        used = {table for _, table, _ in _table_uses(path.read_text(encoding="utf-8"))}
        assert used & tables, f"{module}: its allowance is no longer needed"


def test_every_package_of_models_and_ui_has_its_mirror_in_tests():
    packages = [p.parent for top in ("models", "ui") for p in (ROOT / top).rglob("__init__.py")]
    assert len(packages) > 20  # the tree is read
    missing = [str(p.relative_to(ROOT)) for p in packages if not (ROOT / "tests" / p.relative_to(ROOT)).is_dir()]
    assert missing == []


def test_no_folder_of_models_or_ui_holds_more_than_15_modules():
    crowded = {
        str(folder.relative_to(ROOT)): count
        for top in ("models", "ui")
        for folder in [ROOT / top, *(ROOT / top).rglob("*/")]
        if folder.is_dir() and (count := len([p for p in folder.glob("*.py") if p.name != "__init__.py"])) > 15
    }
    assert crowded == {}
