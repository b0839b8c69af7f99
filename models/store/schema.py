"""The database schema, versioned as sqlite-utils migrations.

Every table has a UUID text id and created_at/updated_at stamps so that files
from different offices merge without duplicates.  Figures are keyed the DHIS2
way: (unit, period, indicator) → value.  Add a schema change as a new
migration at the end; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable

MIGRATION_SET = "safety_month_desk"
# (name, function) in order.  Kept as a plain list so that opening an up-to-date
# file never imports sqlite-utils (≈0.13 s at start-up); see migration_set().
STEPS: list[tuple[str, Callable]] = []


def step(name: str):
    """Register a migration: ``@step("0002_feature_what")`` on a function taking a sqlite-utils Database."""

    def register(fn: Callable) -> Callable:
        STEPS.append((name, fn))
        return fn

    return register


def migration_set():
    """The sqlite-utils Migrations object for these steps (imports sqlite-utils)."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for name, fn in STEPS:
        migrations(name=name)(fn)
    return migrations


# Tables the app owns; a file with other tables is not one of ours (see merge).
TABLES = (
    "meta",
    "campaigns",
    "units",
    "campaign_units",
    "liaisons",
    "notices",
    "notice_contacts",
    "attachments",
    "deadlines",
    "deliveries",
    "indicators",
    "periods",
    "figures",
    "narratives",
    "reports",
    "leads",
    "cases",
    "batches",
    "changes",
    "figure_sums",
)

_STAMPS = "created_at TEXT NOT NULL, updated_at TEXT NOT NULL"

_INITIAL = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE campaigns (
  id TEXT PRIMARY KEY,
  year INTEGER NOT NULL UNIQUE,
  title TEXT NOT NULL,
  theme TEXT, start_date TEXT, end_date TEXT,
  companion_title TEXT, companion_end_date TEXT,
  office_name TEXT, region_word TEXT, notes TEXT,
  {_STAMPS});

CREATE TABLE units (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '其他',
  parent_id TEXT REFERENCES units(id),
  sort_order INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  notes TEXT,
  {_STAMPS});
CREATE INDEX units_parent ON units(parent_id);

CREATE TABLE campaign_units (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  unit_id TEXT NOT NULL REFERENCES units(id),
  sort_order INTEGER NOT NULL DEFAULT 0,
  {_STAMPS},
  UNIQUE (campaign_id, unit_id));

CREATE TABLE liaisons (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  unit_id TEXT NOT NULL REFERENCES units(id),
  role TEXT NOT NULL DEFAULT '联络员',
  name TEXT NOT NULL,
  position TEXT, office_phone TEXT, mobile TEXT, email TEXT, fax TEXT, remarks TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  {_STAMPS});
CREATE INDEX liaisons_campaign ON liaisons(campaign_id, unit_id);

CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  campaign_id TEXT REFERENCES campaigns(id),
  direction TEXT NOT NULL DEFAULT 'received' CHECK (direction IN ('received', 'issued')),
  doc_number TEXT, title TEXT NOT NULL, issuer TEXT, issue_date TEXT,
  recipients TEXT, theme TEXT, period_start TEXT, period_end TEXT, body TEXT,
  based_on_id TEXT REFERENCES notices(id),
  {_STAMPS});
CREATE INDEX notices_campaign ON notices(campaign_id);

CREATE TABLE notice_contacts (
  id TEXT PRIMARY KEY,
  notice_id TEXT NOT NULL REFERENCES notices(id),
  name TEXT, phone TEXT, email TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  {_STAMPS});
CREATE INDEX notice_contacts_notice ON notice_contacts(notice_id);

CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  notice_id TEXT NOT NULL REFERENCES notices(id),
  seq INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT '其他',
  template_name TEXT, template BLOB,
  {_STAMPS});
CREATE INDEX attachments_notice ON attachments(notice_id);

CREATE TABLE deadlines (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  notice_id TEXT REFERENCES notices(id),
  kind TEXT NOT NULL DEFAULT 'once' CHECK (kind IN ('once', 'weekly', 'monthly')),
  due_date TEXT, weekday INTEGER, day_of_month INTEGER, due_time TEXT,
  what TEXT NOT NULL,
  deliverable TEXT NOT NULL DEFAULT 'other',
  audience TEXT,
  {_STAMPS});
CREATE INDEX deadlines_campaign ON deadlines(campaign_id);

CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,
  deadline_id TEXT NOT NULL REFERENCES deadlines(id),
  unit_id TEXT NOT NULL REFERENCES units(id),
  period_id TEXT REFERENCES periods(id),
  delivered_at TEXT, note TEXT, source TEXT,
  {_STAMPS});
CREATE UNIQUE INDEX deliveries_key ON deliveries(deadline_id, unit_id, ifnull(period_id, ''));

CREATE TABLE indicators (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  group_label TEXT,
  label TEXT NOT NULL,
  measure TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  accumulation TEXT NOT NULL DEFAULT 'weekly' CHECK (accumulation IN ('weekly', 'cumulative')),
  integer_only INTEGER NOT NULL DEFAULT 1,
  min_value NUMERIC DEFAULT 0,
  max_of_id TEXT REFERENCES indicators(id),
  code TEXT,
  {_STAMPS});
CREATE INDEX indicators_campaign ON indicators(campaign_id, sort_order);

CREATE TABLE periods (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  seq INTEGER NOT NULL,
  start_date TEXT NOT NULL, end_date TEXT NOT NULL,
  due_date TEXT, due_time TEXT, label TEXT,
  {_STAMPS},
  UNIQUE (campaign_id, seq));

CREATE TABLE figures (
  id TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units(id),
  period_id TEXT NOT NULL REFERENCES periods(id),
  indicator_id TEXT NOT NULL REFERENCES indicators(id),
  value NUMERIC,
  source TEXT,
  {_STAMPS},
  UNIQUE (unit_id, period_id, indicator_id));
CREATE INDEX figures_period ON figures(period_id, unit_id);
CREATE INDEX figures_indicator ON figures(indicator_id);

CREATE TABLE narratives (
  id TEXT PRIMARY KEY,
  unit_id TEXT NOT NULL REFERENCES units(id),
  period_id TEXT NOT NULL REFERENCES periods(id),
  received_at TEXT,
  activities TEXT, highlights TEXT, problems TEXT, media TEXT,
  source TEXT,
  {_STAMPS},
  UNIQUE (unit_id, period_id));
CREATE INDEX narratives_period ON narratives(period_id);

CREATE TABLE reports (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  kind TEXT NOT NULL CHECK (kind IN ('summary', 'weekly', 'notice')),
  period_id TEXT REFERENCES periods(id),
  notice_id TEXT REFERENCES notices(id),
  title TEXT, sections TEXT,
  state TEXT NOT NULL DEFAULT 'draft',
  exported_at TEXT, exported_path TEXT,
  {_STAMPS});

CREATE TABLE batches (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  source TEXT,
  state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone', 'dropped')),
  office_id TEXT,
  {_STAMPS});
CREATE INDEX batches_state ON batches(state, created_at);

CREATE TABLE changes (
  id TEXT PRIMARY KEY,
  batch_id TEXT NOT NULL REFERENCES batches(id),
  seq INTEGER NOT NULL,
  table_name TEXT NOT NULL,
  record_id TEXT NOT NULL,
  old TEXT, new TEXT,
  created_at TEXT NOT NULL);
CREATE INDEX changes_batch ON changes(batch_id, seq);
CREATE INDEX changes_record ON changes(table_name, record_id);
"""


@step("0001_initial")
def _initial(db) -> None:
    for statement in _INITIAL.split(";\n"):
        if statement.strip():
            db.execute(statement)


@step("0002_bench_figures_covering_index")
def _figures_covering_index(db) -> None:
    """One week's grid and the cumulative totals read only this index (period → unit, indicator, value).

    It replaces figures_period (period_id, unit_id), which is its prefix, so writes keep the same
    number of indexes to maintain.
    """
    db.execute("CREATE INDEX IF NOT EXISTS figures_by_period ON figures(period_id, unit_id, indicator_id, value)")
    db.execute("DROP INDEX IF EXISTS figures_period")


@step("0003_monthly_periods_and_register")
def _monthly_periods_and_register(db) -> None:
    """Periods of more than one kind (the June weeks, then months to the companion campaign's end), and the
    register of the companion campaign: 违法线索 (leads) and 曝光案例 (exposed cases), with the notice's quotas."""
    db.execute("ALTER TABLE periods ADD COLUMN kind TEXT NOT NULL DEFAULT 'week'")
    db.execute("ALTER TABLE campaigns ADD COLUMN lead_quota INTEGER")
    db.execute("ALTER TABLE campaigns ADD COLUMN case_quota INTEGER")
    for statement in _REGISTER.split(";\n"):
        if statement.strip():
            db.execute(statement)


_REGISTER = f"""
CREATE TABLE leads (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  unit_id TEXT REFERENCES units(id),
  reported_on TEXT,
  what TEXT NOT NULL,
  place TEXT,
  source TEXT NOT NULL DEFAULT 'other',
  handed_to TEXT,
  status TEXT NOT NULL DEFAULT 'checking',
  result TEXT,
  {_STAMPS});
CREATE INDEX leads_campaign ON leads(campaign_id, unit_id);

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  campaign_id TEXT NOT NULL REFERENCES campaigns(id),
  unit_id TEXT REFERENCES units(id),
  published_on TEXT,
  medium TEXT,
  title TEXT NOT NULL,
  link TEXT,
  concerned TEXT,
  problem TEXT,
  status TEXT NOT NULL DEFAULT 'open',
  {_STAMPS});
CREATE INDEX cases_campaign ON cases(campaign_id, published_on);
"""


@step("0004_units_by_name_and_order")
def _units_by_name_and_order(db) -> None:
    """A unit is found by its name (every imported row, every typed name) and given the next order under its
    parent: without these indexes both scanned all units, and importing 20,000 units took minutes."""
    db.execute("CREATE INDEX IF NOT EXISTS units_name ON units(name, parent_id)")
    db.execute("CREATE INDEX IF NOT EXISTS units_parent_order ON units(parent_id, sort_order)")
    db.execute("DROP INDEX IF EXISTS units_parent")  # the new one's prefix


# The sums of the figures, kept by SQLite itself at every write of a figure (see 0005): an insert, a change,
# a delete, an undo, a merge, a repair — in the same transaction, so a crash leaves both or neither.
# Whole numbers add up exactly in ``whole``; ``odd`` counts the other values (decimals, text), whose sums
# are then read from the figures themselves.  The reader is models.progress.sums.
_WHOLE = "CASE WHEN typeof({v}.value) = 'integer' THEN {v}.value ELSE 0 END"
_ODD = "(typeof({v}.value) <> 'integer')"
_ADD = (
    "INSERT INTO figure_sums (indicator_id, unit_id, whole, figures, odd)"
    f" SELECT NEW.indicator_id, NEW.unit_id, {_WHOLE.format(v='NEW')}, 1, {_ODD.format(v='NEW')}"
    " WHERE NEW.value IS NOT NULL"
    " ON CONFLICT (indicator_id, unit_id) DO UPDATE"
    " SET whole = whole + excluded.whole, figures = figures + 1, odd = odd + excluded.odd;"
)
_TAKE = (
    f"UPDATE figure_sums SET whole = whole - {_WHOLE.format(v='OLD')}, figures = figures - 1,"
    f" odd = odd - {_ODD.format(v='OLD')}"
    " WHERE indicator_id = OLD.indicator_id AND unit_id = OLD.unit_id AND OLD.value IS NOT NULL;"
    " DELETE FROM figure_sums WHERE indicator_id = OLD.indicator_id AND unit_id = OLD.unit_id AND figures = 0;"
)
_IN_PLACE = "OLD.unit_id = NEW.unit_id AND OLD.indicator_id = NEW.indicator_id"
_BOTH = "OLD.value IS NOT NULL AND NEW.value IS NOT NULL"
# name → the exact statement SQLite keeps in sqlite_master (a merge accepts these triggers and no other).
# A value changed in place (a paste, an import, an undo: nearly every update) is one UPDATE of its sum.
TRIGGERS = {
    "figure_sums_insert": f"CREATE TRIGGER figure_sums_insert AFTER INSERT ON figures BEGIN {_ADD} END",
    "figure_sums_delete": f"CREATE TRIGGER figure_sums_delete AFTER DELETE ON figures BEGIN {_TAKE} END",
    "figure_sums_change": (
        "CREATE TRIGGER figure_sums_change AFTER UPDATE OF value ON figures"
        f" WHEN {_IN_PLACE} AND {_BOTH} AND OLD.value IS NOT NEW.value"
        f" BEGIN UPDATE figure_sums SET whole = whole - {_WHOLE.format(v='OLD')} + {_WHOLE.format(v='NEW')},"
        f" odd = odd - {_ODD.format(v='OLD')} + {_ODD.format(v='NEW')}"
        " WHERE indicator_id = NEW.indicator_id AND unit_id = NEW.unit_id; END"
    ),
    "figure_sums_update": (
        "CREATE TRIGGER figure_sums_update AFTER UPDATE OF unit_id, indicator_id, value ON figures"
        f" WHEN NOT ({_IN_PLACE} AND {_BOTH})"
        " AND (OLD.value IS NOT NEW.value OR OLD.unit_id IS NOT NEW.unit_id"
        " OR OLD.indicator_id IS NOT NEW.indicator_id)"
        f" BEGIN {_TAKE} {_ADD} END"
    ),
}


@step("0005_figure_sums")
def _figure_sums(db) -> None:
    """Each unit's sum of each indicator over all weeks, kept by triggers: the cumulative totals of a city
    (3,000 units, 430k figures a campaign) read 90k sums instead of aggregating every figure (0.66 s)."""
    db.execute(
        "CREATE TABLE figure_sums (indicator_id TEXT NOT NULL, unit_id TEXT NOT NULL,"
        " whole INTEGER NOT NULL, figures INTEGER NOT NULL, odd INTEGER NOT NULL,"
        " PRIMARY KEY (indicator_id, unit_id)) WITHOUT ROWID"
    )
    db.execute(
        "INSERT INTO figure_sums (indicator_id, unit_id, whole, figures, odd)"
        f" SELECT indicator_id, unit_id, sum({_WHOLE.format(v='figures')}), count(*), sum({_ODD.format(v='figures')})"
        " FROM figures WHERE value IS NOT NULL GROUP BY indicator_id, unit_id"
    )
    for statement in TRIGGERS.values():
        db.execute(statement)


def known_names() -> list[str]:
    return [name for name, _ in STEPS]


SCHEMA_VERSION = len(STEPS)
