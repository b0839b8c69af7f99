"""Issue 17's yardstick: all 48 checks of samples/expected.json (11 layouts, 18 returned forms, 11 exports,
5 liaison forms, 3 liaison exports), one test each; ``python -m tests.models.progress.forms.yardstick`` prints
the table with the reason of every check that does not hold."""

from __future__ import annotations

import pytest

from tests.models.progress.forms.yardstick import all_checks, run


@pytest.mark.parametrize(("kind", "key"), all_checks(), ids=[f"{k}-{n}" for k, n in all_checks()])
def test_sample_check(kind, key):
    problems = run(kind, key)
    assert not problems, "; ".join(problems)


def test_there_are_48_checks():
    kinds = [kind for kind, _key in all_checks()]
    assert [kinds.count(k) for k in ("layout", "form", "export", "liaison_form", "liaison_export")] == [
        11,
        18,
        11,
        5,
        3,
    ]
