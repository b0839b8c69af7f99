"""Every real notice of the corpus, field by field: the parser's accuracy and its share of wrong values."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from models.notices.parser import parse_notice, read_notice_file
from tests.models.notices.notice_scoring import CorpusScore, score_file

CORPUS = Path(__file__).parent / "corpus"
NOTICES = sorted(CORPUS.glob("*.txt"))


def _answer(path: Path) -> dict:
    return json.loads(path.with_name(path.name.replace(".txt", ".expected.json")).read_text(encoding="utf-8"))


def test_corpus_is_complete():
    assert len(NOTICES) == 24
    assert all(_answer(p) for p in NOTICES)


def test_corpus_scores_by_field():
    """≥ 90 % field accuracy and ≤ 3 % of the values put forward wrong, over all 24 notices."""
    score = CorpusScore([score_file(p.stem, _answer(p), parse_notice(read_notice_file(p))) for p in NOTICES])
    print("\n" + score.table())
    assert score.accuracy >= 0.90, score.table()
    assert score.wrong_share <= 0.03, score.table()


MORE = sorted((Path(__file__).parent / "more").glob("*.txt"))


def test_notices_found_after_the_rules_were_written_score_as_well():
    """71 real notices met after the rules (see more/README.md): the misses left are named there."""
    assert len(MORE) == 71
    score = CorpusScore([score_file(p.stem, _answer(p), parse_notice(read_notice_file(p))) for p in MORE])
    print("\n" + score.table())
    assert score.accuracy >= 0.90, score.table()
    assert score.wrong_share <= 0.03, score.table()


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.stem)
def test_each_notice_parses_fast(path: Path):
    text = read_notice_file(path)
    started = time.perf_counter()
    parse_notice(text)
    assert time.perf_counter() - started < 0.5


_FULL_WIDTH = str.maketrans({",": "，", ":": "：", "(": "（", ")": "）", ";": "；"})
_NO_LINE_START = "，,。：:；;、）)》”！？!?"


def _full_width(text: str) -> str:
    """The stored copies have ASCII , : ( ) ; where pages print ，：（）；: put them back (not in 8:30 or URLs)."""
    return re.sub(r"(?<![A-Za-z0-9])[,:;()]|[,:;()](?![A-Za-z0-9])", lambda m: m.group().translate(_FULL_WIDTH), text)


def _pdf_lines(text: str, width: int = 28, per_page: int = 22) -> str:
    """What a PDF text layer gives: long lines broken every 28 characters (no punctuation at a line start), and a
    page number `— n —` every 22 lines. Short lines (titles, metadata, signatures) stay as they are."""
    lines: list[str] = []
    for line in (raw.strip() for raw in text.splitlines()):
        while len(line) > max(width, 44):
            cut = width
            while cut < len(line) and line[cut] in _NO_LINE_START:
                cut += 1
            lines.append(line[:cut])
            line = line[cut:]
        if line:
            lines.append(line)
    return "\n".join(
        f"— {i // per_page} —\n{line}" if i and i % per_page == 0 else line for i, line in enumerate(lines)
    )


@pytest.mark.parametrize(
    ("how", "change", "wrong_share"), [("full-width", _full_width, 0.03), ("pdf", _pdf_lines, 0.05)]
)
def test_corpus_reads_the_same_in_other_dress(how, change, wrong_share):
    """The same notices with full-width punctuation, or broken into lines as a PDF text layer breaks them."""
    score = CorpusScore([score_file(p.stem, _answer(p), parse_notice(change(read_notice_file(p)))) for p in NOTICES])
    print(f"\n{how}\n" + score.table())
    assert score.accuracy >= 0.90, score.table()
    assert score.wrong_share <= wrong_share, score.table()


def test_output_into_a_closed_pipe_prints_no_traceback():
    import subprocess
    import sys

    from tests.conftest import ROOT

    notice = ROOT / "data" / "samples" / "notice-kunming-2022.txt"
    code = "import sys; sys.path.insert(0, sys.argv[1]); import main; sys.exit(main.main(sys.argv[2:]))"
    reader = subprocess.Popen(["true"], stdin=subprocess.PIPE)  # a reader that has gone before the output
    reader.wait()
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT), "parse-notice", str(notice), "--json"],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )
    reader.stdin.close()
    assert "Traceback" not in done.stderr and done.returncode == 0
