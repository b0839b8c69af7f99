"""Issue 17's yardstick: all 48 checks of forms_samples/expected.json (layouts, forms, exports, liaisons).

Each check is one test; the ones that do not hold yet are listed in NOT_YET and run as strict xfail, so a
check that starts to hold (or one that breaks) shows at once.  ``python -m tests.models.progress.forms_yardstick``
prints the table with the reasons.
"""

from __future__ import annotations

import pytest

from tests.models.progress.forms_yardstick import all_checks, run

NOT_YET: set[tuple[str, str]] = set()


@pytest.mark.parametrize(("kind", "key"), all_checks(), ids=[f"{k}-{n}" for k, n in all_checks()])
def test_sample_check(kind, key):
    if (kind, key) in NOT_YET:
        pytest.xfail("does not hold yet")
    problems = run(kind, key)
    assert not problems, "; ".join(problems)


def test_there_are_48_checks():
    assert len(all_checks()) == 48
