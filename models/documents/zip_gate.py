"""The one gate in front of every reader of a zip container (.xlsx, .docx, and whatever comes later).

Before openpyxl or python-docx parse any XML, the file is checked here: its size, the number of
parts, each part's declared size and compression ratio and their total (a "zip bomb" is a small file
whose parts unpack to gigabytes), then every part is unpacked once in small pieces, so that a part
that lies about its size or is cut short is refused here (Python's zip reader stops at the declared
size), and no XML part may declare a DTD or entities.  A reader that takes the file from memory gets a copy
with the parts stored as unpacked here (:func:`read_container`).  What is not a zip at all is told apart:
a file cut short (damaged, incomplete copy), a text/CSV file renamed, an old or encrypted Office file.
Every refusal is an ImportRejected that names the file.
"""

from __future__ import annotations

import bisect
import io
import math
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from models.errors import ImportRejected

MIB = 1024 * 1024
MAX_FILE_BYTES = 20 * MIB
MAX_PARTS = 5000
MAX_PART_BYTES = 64 * MIB
MAX_TOTAL_BYTES = 128 * MIB
MAX_RATIO = 100  # real Office parts compress 5-30×; a bomb's parts 1,000× and more
RATIO_FROM_BYTES = 1 * MIB  # small parts may compress as they like: they cannot hurt
READ_PIECE = 64 * 1024
OLE_HEADER = bytes.fromhex("D0CF11E0A1B11AE1")  # encrypted Office files and old .xls/.doc
STORED_COPY_UP_TO = 16 * MIB  # unpacked bytes (a returned form: tens of KB)
_XML = (".xml", ".rels", ".vml")
_STORED_LOCAL = struct.Struct("<4s5H3L2H")  # a stored part's local header, and below its directory entry
_STORED_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")
_DOS_1980 = 0x21  # 1980-01-01, the earliest date a zip can say
_LOCAL_HEADER = struct.Struct("<4s2xH18xHH")  # a part's local header: signature, flags, name and extra lengths
HOSTILE_XML = "文件含有不安全的 XML 内容（实体声明），已拒绝。"
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)")  # one search for both (two bytes.find cost twice as much)
DECLARATION_WITHIN = 8192  # bytes at the start of an XML part searched for it


@dataclass(frozen=True)
class Kind:
    label: str  # what the clerk calls it
    suffix: str
    parts: tuple[str, ...]  # parts every such file has
    body: str  # what those parts are
    resave: str  # how to make one


XLSX = Kind(
    "Excel 工作簿", ".xlsx", ("[Content_Types].xml", "xl/workbook.xml"), "工作簿内容", "在 Excel/WPS 中另存为 .xlsx"
)
ODS = Kind("OpenDocument 表格", ".ods", ("mimetype", "content.xml"), "表格内容", "在 WPS/LibreOffice 中另存为 .xlsx")
DOCX = Kind(
    "Word 文档", ".docx", ("[Content_Types].xml", "word/document.xml"), "文档内容", "在 Word/WPS 中另存为 .docx"
)


def check_container(path: str | os.PathLike, kind: Kind = XLSX) -> Path:
    """Raise ImportRejected unless *path* is a zip container of *kind* that is safe to parse."""
    path = Path(path)
    name = path.name
    size = _file_size(path, kind)
    if not zipfile.is_zipfile(path):
        with open(path, "rb") as handle:
            raise ImportRejected(_not_a_zip(handle.read(4096), kind), name)
    _check_archive(path, size, kind, name, None, {})
    return path


def read_container(
    path: str | os.PathLike, kind: Kind, keep: Callable[[str], bool] | None = None
) -> tuple[bytes, dict[str, bytes]]:
    """:func:`check_container` on the file's bytes, read once: the container to hand to a reader that takes it
    from memory (python-calamine), and the unpacked parts (every one, or those *keep* wants: see below; no *keep*:
    every one).

    A file whose parts unpack to at most STORED_COPY_UP_TO (every returned form) is handed over as a copy with
    each part stored as the gate unpacked and checked it: the reader unpacks nothing a second time (a tenth of a
    form's reading), and reads no byte the gate has not checked.  A larger one is handed over as it is, and only
    the parts *keep* wants are kept (its other parts are checked piece by piece, never held).  The sizes are
    the directory's: the gate refuses a part whose content is not the size it declares."""
    path = Path(path)
    name = path.name
    size = _file_size(path, kind)
    data = path.read_bytes()
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportRejected(_not_a_zip(data[:4096], kind), name)
    whole = _declared_size(data) <= STORED_COPY_UP_TO
    kept: dict[str, bytes] = {}
    wanted = _every_part if whole or keep is None else keep
    members = _check_archive(io.BytesIO(data), size, kind, name, wanted, kept, data)
    if not whole:
        return data, kept
    return stored_copy(kept, {m.filename: m.CRC for m in members if not m.is_dir()}), kept


def _declared_size(data: bytes) -> float:
    """What a zip's parts say they unpack to (infinite for a directory that cannot be read: the gate says why)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return math.inf


def _every_part(_name: str) -> bool:
    return True


def stored_copy(parts: dict[str, bytes], checksums: dict[str, int]) -> bytes:
    """A zip of *parts* (name → content, with its CRC-32 in *checksums*), each stored, names in UTF-8."""
    pieces, directory, offset = [], [], 0
    for part, content in parts.items():
        encoded, length, crc = part.encode("utf-8"), len(content), checksums[part]
        pieces += (_STORED_LOCAL.pack(b"PK\x03\x04", 20, 0x800, 0, 0, _DOS_1980, crc, length, length, len(encoded), 0),)
        pieces += (encoded, content)
        entry = (20, 20, 0x800, 0, 0, _DOS_1980, crc, length, length, len(encoded), 0, 0, 0, 0, 0, offset)
        directory += (_STORED_CENTRAL.pack(b"PK\x01\x02", *entry), encoded)
        offset += _STORED_LOCAL.size + len(encoded) + length
    central = b"".join(directory)
    end = _END.pack(b"PK\x05\x06", 0, 0, len(parts), len(parts), len(central), offset, 0)
    return b"".join(pieces) + central + end


def _check_archive(source, size: int, kind: Kind, name: str, keep, kept: dict, data: bytes | None = None) -> list:
    try:
        with zipfile.ZipFile(source) as archive:
            members = archive.infolist()
            _check_declared(members, size, kind, name)
            if data is None or not _unpacked_at_once(data, archive.start_dir, members, name, keep, kept):
                kept.clear()
                _check_contents(archive, members, kind, name, keep, kept)
            return members
    except zipfile.BadZipFile as exc:
        raise ImportRejected(f"文件已损坏或不完整，无法读取（{exc}）。请重新获取这个文件。", name) from exc
    except (OSError, EOFError, RuntimeError, NotImplementedError, zlib.error) as exc:  # unreadable, encrypted, odd
        raise ImportRejected(f"文件已损坏或无法读取（{exc}）。", name) from exc


def _file_size(path: Path, kind: Kind) -> int:
    name = path.name
    try:
        found = path.stat()  # one look at a file that is there (is_dir, exists and stat were three)
    except (OSError, ValueError):
        found = None
    if found is None or stat.S_ISDIR(found.st_mode):  # what is not a file is told as before
        if path.is_dir():
            raise ImportRejected(f"这是一个文件夹，不是 {kind.label}。", name)
        if not path.exists():
            raise ImportRejected("文件不存在。", name)
        found = path.stat()
    size = found.st_size
    if size == 0:
        raise ImportRejected("文件是空的。", name)
    if size > MAX_FILE_BYTES:
        raise ImportRejected(f"文件过大（{size // MIB} MB，上限 {MAX_FILE_BYTES // MIB} MB）。", name)
    return size


def _not_a_zip(head: bytes, kind: Kind) -> str:
    """Why a file that is not a zip (*head*: its first 4 KB) is not a kind: cut short, text renamed, old or
    encrypted, something else."""
    if head.startswith(b"PK\x03\x04"):
        return f"文件不完整或已损坏（{kind.label}的结尾部分缺失，可能没有复制或下载完整）。请重新获取这个文件。"
    if head.startswith(OLE_HEADER):
        old = "旧版 Excel（.xls）" if kind is XLSX else "旧版 Word（.doc）"
        return f"文件已加密，或是{old}格式：请去掉密码并{kind.resave}后再导入。"
    if _looks_like_text(head):
        if head.lstrip()[:1] == b"<":
            return f"这是网页或 XML 文本文件，只是扩展名为 {kind.suffix}，不是 {kind.label}：请{kind.resave}。"
        return f"这是文本文件（例如 CSV），只是扩展名为 {kind.suffix}，不是 {kind.label}：请{kind.resave}。"
    return f"不是 {kind.label}（{kind.suffix}）文件。"


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError as exc:
            if exc.start >= len(head) - 4:  # a character cut by the 4 KB boundary
                return True
    return False


def _check_declared(members: list[zipfile.ZipInfo], size: int, kind: Kind, name: str) -> None:
    """What the zip's directory says, before anything is unpacked."""
    if len(members) > MAX_PARTS:
        raise ImportRejected(f"文件包含的部件过多（{len(members)} 个），不是正常的 {kind.label}，已拒绝。", name)
    names = {m.filename for m in members}
    if any(part not in names for part in kind.parts):
        raise ImportRejected(f"不是 {kind.label}（{kind.suffix}）文件（缺少{kind.body}）。", name)
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise ImportRejected(f"文件内容已加密：请去掉密码并{kind.resave}后再导入。", name)
        unpacked = member.file_size
        total += unpacked
        if unpacked > MAX_PART_BYTES:
            raise ImportRejected(_bomb(f"其中 {member.filename} 解压后有 {unpacked // MIB} MB", kind), name)
        if unpacked > RATIO_FROM_BYTES and unpacked > MAX_RATIO * max(member.compress_size, 1):
            ratio = unpacked // max(member.compress_size, 1)
            raise ImportRejected(_bomb(f"其中 {member.filename} 的压缩比达 {ratio}:1", kind), name)
    if total > MAX_TOTAL_BYTES:
        raise ImportRejected(_bomb(f"解压后共 {total // MIB} MB", kind), name)
    if total > RATIO_FROM_BYTES and total > MAX_RATIO * size:
        raise ImportRejected(_bomb(f"解压后是文件大小的 {total // size} 倍", kind), name)


def _bomb(what: str, kind: Kind) -> str:
    return f"文件内容异常（{what}），不是正常的 {kind.label}，可能是恶意构造的文件，已拒绝。"


def _unpacked_at_once(data: bytes, directory: int, members: list, name: str, keep, kept: dict) -> bool:
    """:func:`_check_contents` for a file in memory, with zlib on each part's bytes (no zip reader per part,
    a third of the time for a small workbook).  It only says yes: every part stored or deflated, its local
    header where the directory says and naming the same part, not overlapping the next, unpacking to exactly
    its declared size and checksum, no DTD in XML.  Anything else returns False, and _check_contents, which
    Python's zip reader does, says what is wrong (or lets it through, as it always has)."""
    ends = sorted({m.header_offset for m in members} | {directory})
    size, view = len(data), memoryview(data)
    for member in members:
        if member.is_dir():
            continue
        offset = member.header_offset
        if not 0 <= offset <= size - 30 or member.compress_type not in (0, 8) or member.flag_bits & 0x1:
            return False
        signature, flags, name_length, extra_length = _LOCAL_HEADER.unpack_from(data, offset)
        if signature != b"PK\x03\x04" or flags & 0x61:  # encrypted, patched, strongly encrypted: the zip reader says
            return False
        encoding = "utf-8" if flags & 0x800 else "cp437"
        start = offset + 30 + name_length
        if data[offset + 30 : start] != member.orig_filename.encode(encoding, "replace"):
            return False
        start += extra_length
        end = start + member.compress_size
        after = bisect.bisect_right(ends, offset)
        if end > (ends[after] if after < len(ends) else directory) or end > size:
            return False
        if member.compress_type == 8:
            inflate = zlib.decompressobj(-15)
            try:
                content = inflate.decompress(view[start:end], member.file_size + 1)
            except zlib.error:
                return False
            if not inflate.eof:
                return False
        else:
            content = data[start:end]
        if len(content) != member.file_size or zlib.crc32(content) != member.CRC:
            return False
        if member.filename.endswith(_XML) and _DECLARATION.search(content, 0, DECLARATION_WITHIN):
            raise ImportRejected(HOSTILE_XML, name)
        if keep is not None and keep(member.filename):
            kept[member.filename] = content
    return True


def _check_contents(
    archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], kind: Kind, name: str, keep=None, kept=None
) -> None:
    """Unpack every part once in small pieces: a size that lies or a broken part stops here.  The parts
    *keep(name)* wants are kept in *kept* (their declared sizes passed the limits above)."""
    for member in members:
        if member.is_dir():
            continue
        is_xml = member.filename.endswith(_XML)
        pieces = [] if keep is not None and keep(member.filename) else None
        try:
            with archive.open(member) as part:
                piece = part.read(READ_PIECE)
                if is_xml and _DECLARATION.search(piece, 0, DECLARATION_WITHIN):
                    raise ImportRejected(HOSTILE_XML, name)
                while piece:
                    if pieces is not None:
                        pieces.append(piece)
                    piece = part.read(READ_PIECE)
            if pieces is not None:
                kept[member.filename] = b"".join(pieces)
        except zipfile.BadZipFile as exc:  # most often the part is longer than its directory says
            raise ImportRejected(
                f"文件已损坏或被改动（其中 {member.filename} 的内容与文件目录的记录不符），不是正常的 {kind.label}，"
                "已拒绝。请重新获取这个文件。",
                name,
            ) from exc
