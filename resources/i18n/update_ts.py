"""Extracts the UI's translatable strings into desk_<lang>.ts (keeping translations) and compiles the .qm files.

Run after changing UI strings:  ``python resources/i18n/update_ts.py``  (then translate what it lists as
unfinished, in Qt Linguist or by editing the .ts, and run it again to rebuild the .qm).

Why not pyside6-lupdate: it names contexts after variables (``window.tr`` → "window") and misses wrapper
functions, while PySide looks strings up by the runtime class (and its base classes).  The rules here follow
the runtime:
- ``self.tr("…")`` (or ``tr = self.tr``; ``tr("…")``) inside ``class C`` → context ``C``;
- ``window.tr("…")`` in a module function, ``self.window().tr("…")`` → ``MainWindow`` (see VARIABLE_CONTEXTS);
- ``QCoreApplication.translate("Ctx", "…")``, ``translate("Ctx", "…")`` → ``Ctx``;
- a module function ``def tr(text): return QCoreApplication.translate("Ctx", text)`` → ``tr("…")`` is in ``Ctx``.
Calls whose context cannot be told are listed as warnings.  Only string literals are extracted.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = ("ui",)
LANGUAGES = ("en",)
SOURCE_LANGUAGE = "zh_CN"
# A ``name.tr(...)`` call outside a class: the class of the object that parameter name stands for.
VARIABLE_CONTEXTS = {"window": "MainWindow", "main_window": "MainWindow"}
TRANSLATE_NAMES = {"translate"}


@dataclass
class Message:
    context: str
    source: str
    comment: str = ""
    locations: list[tuple[str, int]] = field(default_factory=list)


class _Extractor(ast.NodeVisitor):
    def __init__(self, filename: str, tree: ast.Module):
        self.filename = filename
        self.classes: list[str] = []
        self.aliases: list[dict[str, str | None]] = [{}]  # name -> context, per function scope
        self.found: list[tuple[str, str, str, int]] = []
        self.warnings: list[str] = []
        self.module_tr = _module_tr_context(tree)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802 - ast API
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:  # noqa: N802
        self.aliases.append({})
        self.generic_visit(node)
        self.aliases.pop()

    visit_AsyncFunctionDef = visit_FunctionDef  # noqa: N815

    def visit_Assign(self, node: ast.Assign) -> None:  # noqa: N802
        # tr = self.tr / tr = window.tr
        value = node.value
        if isinstance(value, ast.Attribute) and value.attr == "tr" and isinstance(value.value, ast.Name):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.aliases[-1][target.id] = self._owner_context(value.value.id)
        self.generic_visit(node)

    def _owner_context(self, name: str) -> str | None:
        if name in ("self", "cls") and self.classes:
            return self.classes[-1]
        return VARIABLE_CONTEXTS.get(name)

    def _alias(self, name: str) -> tuple[bool, str | None]:
        for scope in reversed(self.aliases):
            if name in scope:
                return True, scope[name]
        return False, None

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802
        func = node.func
        context: str | None = None
        text_arg = comment_arg = None
        is_call = False
        if isinstance(func, ast.Attribute) and func.attr == "tr":
            is_call = True
            owner = func.value
            if isinstance(owner, ast.Name):
                context = self._owner_context(owner.id)
            elif isinstance(owner, ast.Call) and isinstance(owner.func, ast.Attribute) and owner.func.attr == "window":
                context = "MainWindow"  # self.window().tr(...)
            text_arg, comment_arg = _arg(node, 0), _arg(node, 1)
        elif (isinstance(func, ast.Attribute) and func.attr in TRANSLATE_NAMES) or (
            isinstance(func, ast.Name) and func.id in TRANSLATE_NAMES
        ):
            is_call = True
            ctx = _arg(node, 0)
            context = ctx.value if isinstance(ctx, ast.Constant) and isinstance(ctx.value, str) else None
            text_arg, comment_arg = _arg(node, 1), _arg(node, 2)
        elif isinstance(func, ast.Name) and func.id == "tr":
            known, context = self._alias("tr")
            if not known:
                context = self.module_tr
            is_call = known or self.module_tr is not None
            text_arg, comment_arg = _arg(node, 0), _arg(node, 1)
        if is_call and isinstance(text_arg, ast.Constant) and isinstance(text_arg.value, str):
            comment = comment_arg.value if isinstance(comment_arg, ast.Constant) and comment_arg.value else ""
            if context is None:
                self.warnings.append(f"{self.filename}:{node.lineno}: context unknown for {text_arg.value!r}")
            else:
                self.found.append((context, text_arg.value, str(comment), node.lineno))
        self.generic_visit(node)


def _arg(node: ast.Call, index: int) -> ast.expr | None:
    return node.args[index] if len(node.args) > index else None


def _module_tr_context(tree: ast.Module) -> str | None:
    """The context of a module-level ``def tr(text): return QCoreApplication.translate("Ctx", text)``."""
    for item in tree.body:
        if isinstance(item, ast.FunctionDef) and item.name == "tr":
            for sub in ast.walk(item):
                if isinstance(sub, ast.Call):
                    name = sub.func.attr if isinstance(sub.func, ast.Attribute) else getattr(sub.func, "id", "")
                    first = _arg(sub, 0)
                    if name in TRANSLATE_NAMES and isinstance(first, ast.Constant):
                        return first.value
    return None


def extract(root: Path = ROOT) -> tuple[dict[tuple[str, str], Message], list[str]]:
    """Every translatable literal under SOURCES: {(context, source): Message}, and the warnings."""
    messages: dict[tuple[str, str], Message] = {}
    warnings: list[str] = []
    for folder in SOURCES:
        for path in sorted((root / folder).rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
            visitor = _Extractor(rel, tree)
            visitor.visit(tree)
            warnings.extend(visitor.warnings)
            for context, source, comment, line in visitor.found:
                message = messages.setdefault((context, source), Message(context, source, comment))
                message.locations.append((rel, line))
    return messages, warnings


def read_ts(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """{(context, source): (translation, type)} of an existing .ts file."""
    if not path.exists():
        return {}
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "" if translation is None else (translation.text or "")
            kind = "" if translation is None else translation.get("type", "")
            found[(name, message.findtext("source") or "")] = (text, kind)
    return found


def write_ts(path: Path, language: str, messages: dict[tuple[str, str], Message]) -> tuple[int, int]:
    """Writes the .ts, keeping existing translations; returns (messages, unfinished)."""
    old = read_ts(path)
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage=SOURCE_LANGUAGE)
    unfinished = 0
    keys = sorted(set(messages) | {k for k, (text, _) in old.items() if text})
    for context_name in sorted({k[0] for k in keys}):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for key in [k for k in keys if k[0] == context_name]:
            element = ET.SubElement(context, "message")
            message = messages.get(key)
            for filename, line in message.locations if message else []:
                rel = Path("../..", filename).as_posix()
                ET.SubElement(element, "location", filename=rel, line=str(line))
            ET.SubElement(element, "source").text = key[1]
            if message and message.comment:
                ET.SubElement(element, "comment").text = message.comment
            text, _kind = old.get(key, ("", ""))
            translation = ET.SubElement(element, "translation")
            translation.text = text
            if message is None:
                translation.set("type", "vanished")
            elif not text:
                translation.set("type", "unfinished")
                unfinished += 1
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8")
    return len(messages), unfinished


def lrelease() -> str:
    here = Path(sys.executable).parent
    names = ("pyside6-lrelease", "pyside6-lrelease.exe", "Scripts/pyside6-lrelease.exe")
    for candidate in (here / name for name in names):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if not found:
        raise SystemExit("pyside6-lrelease not found (it comes with PySide6)")
    return found


def main() -> int:
    messages, warnings = extract()
    for warning in warnings:
        print("warning:", warning)
    for language in LANGUAGES:
        ts = HERE / f"desk_{language}.ts"
        total, unfinished = write_ts(ts, language, messages)
        print(f"{ts.name}: {total} messages, {unfinished} unfinished")
        for (context, source), (_text, kind) in sorted(read_ts(ts).items()):
            if kind == "unfinished":
                print(f"  unfinished [{context}] {source!r}")
        qm = ts.with_suffix(".qm")
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        print(f"{qm.name} compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
