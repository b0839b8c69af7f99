"""Checks of liaison contact details: mobile, landline/fax, email, name.

Values are kept exactly as typed; a check only says whether the value is fine
(``ok``), real but unusual and keepable after the clerk confirms (``warning``),
or impossible (``error``), with a Chinese message saying why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OK, WARNING, ERROR = "ok", "warning", "error"

# Full-width digits and signs are common in files typed with a Chinese IME.
_WIDE = str.maketrans("０１２３４５６７８９＋（）＠．", "0123456789+()@.")
_DASHES = "—－–‐‑―-"
_SEPARATORS = re.compile("[\\s" + re.escape(_DASHES) + "]+")
_EXTENSION = re.compile(r"(?:转|分机|ext\.?|EXT\.?|x|X|#)\s*(\d{1,6})$")
# 0874-6172266-8001: a third group after a full area code + number is an extension.
_DASH_EXTENSION = re.compile(r"^([(（]?0\d{2,3}[)）]?[^\d]*\d{7,8})[^\d]+(\d{1,6})$")


@dataclass(frozen=True)
class Check:
    level: str
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.level == OK


_FINE = Check(OK)


def _wide_to_narrow(text: str) -> str:
    return text.translate(_WIDE).strip()


def _formula(text: str) -> Check | None:
    if text.startswith("="):
        return Check(ERROR, "以“=”开头，像是 Excel 公式，不能作为联系方式或姓名。")
    return None


def check_mobile(text: str | None) -> Check:
    """11 digits starting with 1, optionally with +86/0086 and spaces or dashes."""
    text = _wide_to_narrow(text or "")
    if not text:
        return _FINE
    if bad := _formula(text):
        return bad
    plain = _SEPARATORS.sub("", text)
    if re.search(r"[^\d+]", plain):
        return Check(ERROR, f"手机号“{text}”含有数字以外的字符。")
    for prefix in ("+86", "0086"):
        if plain.startswith(prefix):
            plain = plain[len(prefix) :]
            break
    else:
        if plain.startswith("+"):
            return Check(WARNING, f"“{text}”是境外号码，请确认。")
        if plain.startswith("86") and len(plain) == 13:
            plain = plain[2:]
    if plain.startswith("0") and 10 <= len(plain) <= 12:
        return Check(WARNING, f"“{text}”像是带区号的固定电话，不是手机号，请确认。")
    if len(plain) != 11:
        return Check(ERROR, f"手机号应为 11 位数字，“{text}”是 {len(plain)} 位。")
    if plain[0] != "1":
        return Check(ERROR, f"手机号应以 1 开头，“{text}”不是。")
    if plain[1] in "012":
        return Check(ERROR, f"没有以 1{plain[1]} 开头的手机号，“{text}”可能输错了。")
    return _FINE


def _split_extension(text: str) -> tuple[str, str]:
    found = _EXTENSION.search(text)
    if found:
        return text[: found.start()].strip(), found.group(1)
    dashed = _DASH_EXTENSION.match(text)
    if dashed:
        return dashed.group(1), dashed.group(2)
    return text, ""


def check_landline(text: str | None) -> Check:
    """A fixed-line number (office phone, fax): area code, dash variants, extension kept as typed."""
    text = _wide_to_narrow(text or "")
    if not text:
        return _FINE
    if bad := _formula(text):
        return bad
    body, _extension = _split_extension(text)
    plain = _SEPARATORS.sub("", body).replace("(", "").replace(")", "")
    if plain.startswith("+86"):
        plain = "0" + plain[3:]
    if re.search(r"\D", plain):
        return Check(ERROR, f"电话“{text}”含有数字以外的字符（分机请写成“转8001”）。")
    if plain.startswith("1") and len(plain) == 11:
        return check_mobile(plain)  # a mobile given as office phone is common and fine
    if plain.startswith(("400", "800")) and len(plain) == 10:
        return _FINE
    if plain.startswith("0"):
        if len(plain) < 10 or len(plain) > 12:
            return Check(ERROR, f"带区号的固定电话应为 10～12 位数字，“{text}”是 {len(plain)} 位。")
        if plain[1] == "0":
            return Check(ERROR, f"区号不能以 00 开头：“{text}”。")
        return _FINE
    if len(plain) in (7, 8):
        return Check(WARNING, f"“{text}”没有区号，外地单位将无法拨通，请确认。")
    if len(plain) in (3, 5) and plain.startswith(("1", "9")):
        return Check(WARNING, f"“{text}”是短号/服务号码，请确认。")
    return Check(ERROR, f"“{text}”不像电话号码（{len(plain)} 位数字）。")


_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$")
_COMMON_TLDS = {"com", "cn", "net", "org", "gov", "edu", "info", "top", "vip", "cc", "me", "io"}
_TYPO_TLDS = {"con": "com", "cmo": "com", "ocm": "com", "comm": "com", "cm": "com", "cnn": "cn"}


def check_email(text: str | None) -> Check:
    text = (text or "").strip()
    if not text:
        return _FINE
    if bad := _formula(text):
        return bad
    if re.search(r"[。，、＠．；：\s]", text):
        return Check(ERROR, f"邮箱“{text}”含有空格或中文标点（如“。”“＠”），请改为英文符号。")
    if text.count("@") != 1:
        return Check(ERROR, f"邮箱“{text}”应含有一个“@”。")
    if not _EMAIL.match(text) or ".." in text or text.split("@")[0].startswith("."):
        return Check(ERROR, f"“{text}”不是有效的邮箱地址。")
    tld = text.rsplit(".", 1)[1].lower()
    if tld in _TYPO_TLDS:
        return Check(WARNING, f"邮箱后缀“.{tld}”少见，是否应为“.{_TYPO_TLDS[tld]}”？")
    if tld not in _COMMON_TLDS and len(tld) > 3:
        return Check(WARNING, f"邮箱后缀“.{tld}”少见，请确认。")
    return _FINE


def check_name(text: str | None) -> Check:
    text = (text or "").strip()
    if not text:
        return Check(ERROR, "姓名不能为空。")
    if bad := _formula(text):
        return bad
    if len(text) > 20:
        return Check(WARNING, f"姓名“{text[:12]}…”长达 {len(text)} 个字，请确认没有填错栏。")
    if re.search(r"\d", text):
        return Check(WARNING, f"姓名“{text}”含有数字，请确认没有填错栏。")
    return _FINE


def check_plain(text: str | None) -> Check:
    """职务, 备注: free text; only a formula is refused."""
    text = (text or "").strip()
    return _formula(text) or _FINE if text else _FINE


CHECKS = {
    "name": check_name,
    "mobile": check_mobile,
    "office_phone": check_landline,
    "fax": check_landline,
    "email": check_email,
    "position": check_plain,
}


def check_field(field: str, text: str | None) -> Check:
    """The check for one liaison field (unknown fields are free text)."""
    return CHECKS.get(field, lambda _t: _FINE)(text)


def mask_mobile(text: str | None) -> str | None:
    """138****1234: keep the first 3 and last 4 digits of a mobile; other text unchanged."""
    if not text:
        return text
    digits = re.sub(r"\D", "", _wide_to_narrow(text))
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if len(digits) == 11 and digits.startswith("1"):
        return f"{digits[:3]}****{digits[7:]}"
    return text


def mask_email(text: str | None) -> str | None:
    """ab****@163.com: keep the first two characters of the mailbox."""
    if not text or "@" not in text:
        return text
    local, domain = text.split("@", 1)
    return f"{local[:2]}****@{domain}"
