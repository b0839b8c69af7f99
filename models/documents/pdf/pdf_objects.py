"""The objects of a PDF this app wrote (reportlab's output): the cross-reference table, dictionaries, arrays,
strings, streams (Flate/ASCII85) and ToUnicode maps — what ``replay`` needs to read its pages back."""

from __future__ import annotations

import base64
import re
import zlib

_DELIM = b"()<>[]{}/%"
_WS = b" \t\r\n\f\x00"
_NUMBER = re.compile(rb"[+-]?(\d+\.?\d*|\.\d+)")
_REF = re.compile(rb"\s*(\d+)\s+(\d+)\s+R")


class Ref(int):
    """An indirect reference (object number)."""


class Name(str):
    pass


def _skip(data: bytes, at: int) -> int:
    while at < len(data):
        if data[at] in _WS:
            at += 1
        elif data[at] == 0x25:  # % comment
            end = data.find(b"\n", at)
            at = len(data) if end < 0 else end + 1
        else:
            break
    return at


def literal(data: bytes, at: int) -> tuple[bytes, int]:
    """A (string) with its escapes; *at* is just after the opening bracket."""
    out, depth = bytearray(), 1
    escapes = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
    while at < len(data):
        char = data[at]
        if char == 0x5C:
            at += 1
            nxt = data[at]
            if nxt in escapes:
                out.append(escapes[nxt])
            elif 0x30 <= nxt <= 0x37:
                digits = data[at : at + 3]
                count = 1
                while count < len(digits) and 0x30 <= digits[count] <= 0x37:
                    count += 1
                out.append(int(digits[:count], 8) & 0xFF)
                at += count - 1
            elif nxt in b"\r\n":
                if nxt == 13 and data[at + 1 : at + 2] == b"\n":
                    at += 1
            else:
                out.append(nxt)
        elif char == 0x28:
            depth += 1
            out.append(char)
        elif char == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), at + 1
            out.append(char)
        else:
            out.append(char)
        at += 1
    raise ValueError("unterminated string")


def parse_object(data: bytes, at: int):
    """One PDF object from *at*: returns (value, position after it)."""
    at = _skip(data, at)
    char = data[at : at + 1]
    if char == b"/":
        end = at + 1
        while end < len(data) and data[end] not in _WS and data[end] not in _DELIM:
            end += 1
        return Name(data[at + 1 : end].decode("latin1")), end
    if data.startswith(b"<<", at):
        out, at = {}, at + 2
        while True:
            at = _skip(data, at)
            if data.startswith(b">>", at):
                return out, at + 2
            key, at = parse_object(data, at)
            out[str(key)], at = parse_object(data, at)
    if char == b"<":
        end = data.index(b">", at)
        hex_digits = re.sub(rb"\s", b"", data[at + 1 : end])
        return bytes.fromhex((hex_digits + b"0" * (len(hex_digits) % 2)).decode()), end + 1
    if char == b"[":
        out, at = [], at + 1
        while True:
            at = _skip(data, at)
            if data[at : at + 1] == b"]":
                return out, at + 1
            value, at = parse_object(data, at)
            out.append(value)
    if char == b"(":
        return literal(data, at + 1)
    ref = _REF.match(data, at)
    if ref:
        return Ref(int(ref.group(1))), ref.end()
    number = _NUMBER.match(data, at)
    if number:
        text = number.group(0)
        return (float(text) if b"." in text else int(text)), number.end()
    end = at
    while end < len(data) and data[end] not in _WS and data[end] not in _DELIM:
        end += 1
    word = data[at:end]
    return {b"true": True, b"false": False, b"null": None}.get(word, word.decode("latin1")), end


class PdfFile:
    """The objects of a PDF file, found by their `N 0 obj` headers (reportlab's files have no object streams)."""

    def __init__(self, data: bytes):
        self.data = data
        self.offsets = {int(m.group(1)): m.end() for m in re.finditer(rb"(?<![0-9])(\d+)\s+0\s+obj\b", data)}
        self._cache: dict[int, object] = {}

    def get(self, value):
        while isinstance(value, Ref):
            value = self.object(value)
        return value

    def object(self, number: int):
        if number not in self._cache:
            if number not in self.offsets:
                raise ValueError(f"object {number} not found")
            value, at = parse_object(self.data, self.offsets[number])
            if isinstance(value, dict):
                after = _skip(self.data, at)
                if self.data.startswith(b"stream", after):
                    value = {**value, "__stream__": self._stream_bytes(value, after + 6)}
            self._cache[number] = value
        return self._cache[number]

    def _stream_bytes(self, head: dict, at: int) -> bytes:
        if self.data[at : at + 2] == b"\r\n":
            at += 2
        elif self.data[at : at + 1] in (b"\n", b"\r"):
            at += 1
        length = self.get(head.get("Length"))
        if not isinstance(length, int):
            length = self.data.index(b"endstream", at) - at
        return self.data[at : at + length]

    def stream(self, value) -> bytes:
        obj = self.get(value)
        raw = obj["__stream__"]
        filters = self.get(obj.get("Filter")) or []
        for name in [filters] if isinstance(filters, str) else filters:
            if name in ("ASCII85Decode", "A85"):
                raw = raw.strip()
                raw = base64.a85decode(raw if raw.endswith(b"~>") else raw + b"~>", adobe=True)
            elif name in ("FlateDecode", "Fl"):
                raw = zlib.decompress(raw)
            else:
                raise ValueError(f"filter {name} not supported")
        return raw

    def pages(self) -> list[dict]:
        root = self.get(self._trailer_root())
        out: list[dict] = []

        def walk(node, inherited: dict) -> None:
            node = self.get(node)
            merged = {**inherited, **{k: node[k] for k in ("Resources", "MediaBox") if k in node}}
            if node.get("Type") == "Pages" or "Kids" in node:
                for kid in self.get(node["Kids"]):
                    walk(kid, merged)
            else:
                out.append({**node, **merged})

        walk(root["Pages"], {})
        return out

    def _trailer_root(self):
        found = re.findall(rb"/Root\s+(\d+)\s+0\s+R", self.data)
        if not found:
            raise ValueError("no catalogue")
        return Ref(int(found[-1]))


# ---------------------------------------------------------------- fonts

_BF = re.compile(rb"beginbf(char|range)(.*?)endbf\1", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>|\[([^\]]*)\]")


def _utf16(hex_text: bytes) -> str:
    return bytes.fromhex(hex_text.decode()).decode("utf-16-be", "replace")


def parse_to_unicode(cmap: bytes) -> dict[int, str]:
    out: dict[int, str] = {}
    for kind, body in _BF.findall(cmap):
        items = _HEX.findall(body)
        if kind == b"char":
            for index in range(0, len(items) - 1, 2):
                out[int(items[index][0] or b"0", 16)] = _utf16(items[index + 1][0])
            continue
        index = 0
        while index + 2 < len(items):
            low, high = int(items[index][0], 16), int(items[index + 1][0], 16)
            target = items[index + 2]
            if target[1]:  # [<…> <…>] one target per code
                for offset, part in enumerate(re.findall(rb"<([0-9A-Fa-f]*)>", target[1])):
                    out[low + offset] = _utf16(part)
            else:
                first = _utf16(target[0])
                for offset in range(high - low + 1):
                    out[low + offset] = first[:-1] + chr(ord(first[-1]) + offset)
            index += 3
    return out
