"""Every real notice of the corpus, field by field: the parser's accuracy and its share of wrong values."""

from __future__ import annotations

import json
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


@pytest.mark.parametrize("path", NOTICES, ids=lambda p: p.stem)
def test_each_notice_parses_fast(path: Path):
    text = read_notice_file(path)
    started = time.perf_counter()
    parse_notice(text)
    assert time.perf_counter() - started < 0.5
