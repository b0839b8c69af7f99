"""Scoring parsed notices against hand-filled answers, by the corpus README's rules (port of score_notices.py).

Scalars count when present on either side and match exactly after NFKC, whitespace removed, quotes folded;
lists score F1 on keys (deadlines: date; recurring: weekday/day_of_month/time; attachments: title without file
extension; contacts: name). Every value the parser puts forward that is not the answer counts as wrong.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

SCALARS = ("doc_number", "title", "issuer", "issue_date", "recipients", "theme", "period_start", "period_end")
LISTS = ("deadlines", "recurring", "attachments", "contacts")


def norm(value) -> str | None:
    if value is None:
        return None
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))
    for a, b in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'")):
        text = text.replace(a, b)
    return text or None


def keys(name: str, items) -> set:
    out = set()
    for item in items or []:
        if name == "deadlines":
            out.add(norm(item.get("date")))
        elif name == "recurring":
            out.add((item.get("weekday"), item.get("day_of_month"), norm(item.get("time"))))
        elif name == "attachments":
            title = norm(item if isinstance(item, str) else item.get("title"))
            out.add(re.sub(r"\.(docx?|xlsx?|pdf|wps)$", "", title or ""))
        elif name == "contacts":
            out.add(norm(item.get("name")))
    return out


def f1(expected: set, got: set) -> float:
    if not expected and not got:
        return 1.0
    hits = len(expected & got)
    if not hits:
        return 0.0
    precision, recall = hits / len(got), hits / len(expected)
    return 2 * precision * recall / (precision + recall)


@dataclass
class FileScore:
    name: str
    fields: dict[str, float] = field(default_factory=dict)  # field -> score 0..1 (only fields that count)
    put: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> (values put forward, wrong ones)
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return sum(self.fields.values()) / len(self.fields) if self.fields else 1.0

    @property
    def given(self) -> int:
        return sum(g for g, _ in self.put.values())

    @property
    def wrong(self) -> int:
        return sum(w for _, w in self.put.values())


def score_file(name: str, expected: dict, got: dict) -> FileScore:
    result = FileScore(name)
    for key in SCALARS:
        want, have = norm(expected.get(key)), norm(got.get(key))
        if want is None and have is None:
            continue
        result.fields[key] = float(want == have)
        result.put[key] = (int(have is not None), int(have is not None and want != have))
        if want != have:
            result.misses.append(f"{key}: want {expected.get(key)!r} got {got.get(key)!r}")
    for key in LISTS:
        want, have = keys(key, expected.get(key)), keys(key, got.get(key))
        if not want and not have:
            continue
        result.fields[key] = f1(want, have)
        result.put[key] = (len(have), len(have - want))
        if result.fields[key] < 1:
            result.misses.append(f"{key}: want {sorted(map(str, want))} got {sorted(map(str, have))}")
    return result


@dataclass
class CorpusScore:
    files: list[FileScore]

    @property
    def accuracy(self) -> float:
        return sum(f.accuracy for f in self.files) / max(len(self.files), 1)

    @property
    def wrong_share(self) -> float:
        return sum(f.wrong for f in self.files) / max(sum(f.given for f in self.files), 1)

    def table(self) -> str:
        """Per field: files where it counts, mean score, values put forward, wrong ones; then per file."""
        lines = [f"{'field':<14}{'files':>6}{'score':>8}{'given':>7}{'wrong':>7}"]
        for key in SCALARS + LISTS:
            scores = [f.fields[key] for f in self.files if key in f.fields]
            given = sum(f.put.get(key, (0, 0))[0] for f in self.files)
            wrong = sum(f.put.get(key, (0, 0))[1] for f in self.files)
            if scores:
                lines.append(f"{key:<14}{len(scores):>6}{sum(scores) / len(scores):>8.0%}{given:>7}{wrong:>7}")
        lines.append(
            f"overall accuracy {self.accuracy:.1%} on {len(self.files)} notices; "
            f"{self.wrong_share:.1%} of {sum(f.given for f in self.files)} values put forward wrong"
        )
        for f in self.files:
            lines.append(f"{f.name}: {f.accuracy:.0%}")
            lines += [f"    {m[:240]}" for m in f.misses]
        return "\n".join(lines)
