#!/usr/bin/env bash
# Builds the one-folder bundle from build.spec and runs the built program from dist/:
# the headless commands that exist (demo, info, check, export-stats, report, …) and an offscreen screenshot.
# Fails if the build or any of them fails; prints the bundle size.
# Usage: .ci/build_and_smoke.sh            (uses the active venv's pyinstaller, else /work/venv's)
set -euo pipefail
cd "$(dirname "$0")/.."

PYINSTALLER="$(command -v pyinstaller || true)"
[ -n "$PYINSTALLER" ] || PYINSTALLER=/work/venv/bin/pyinstaller
export QT_QPA_PLATFORM=offscreen
# PyInstaller on Linux reads binaries with objdump (binutils); a fresh Debian machine may lack it.
if ! command -v objdump >/dev/null && command -v apt-get >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get install -y -qq --no-install-recommends binutils >/dev/null
fi

echo "== build ($PYINSTALLER)"
"$PYINSTALLER" --noconfirm --log-level WARN build.spec

BUNDLE=dist/SafetyMonthDesk
APP="$BUNDLE/SafetyMonthDesk"
[ -x "$APP" ] || APP="$APP.exe"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/smoke.db"
# The bundle must not read the developer's settings or data folder.
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share"
mkdir -p "$HOME"

failures=0
run() {  # run NAME CMD...: run a step, show its output, count failures
  local name="$1"; shift
  echo "== $name: $*"
  if "$@" >"$WORK/out.txt" 2>&1; then
    sed 's/^/   /' "$WORK/out.txt" | head -20
  else
    echo "   FAILED ($name), exit $?"; sed 's/^/   /' "$WORK/out.txt" | tail -30
    failures=$((failures + 1))
  fi
}
has() {  # has COMMAND: the built program offers this headless command (its usage line lists them all)
  grep -qE "(^|[{,[:space:]])$1([},[:space:]]|$)" "$WORK/commands.txt"
}

"$APP" info --help >/dev/null 2>&1 || { echo "the built program does not run"; exit 1; }
"$APP" no-such-command 2>&1 | tr -d '\n' >"$WORK/commands.txt" || true
echo "== commands offered: $(grep -oE '\{[^}]*\}' "$WORK/commands.txt" | head -1)"

run demo "$APP" demo --db "$DB"
run info "$APP" info --db "$DB"
run "info --json" "$APP" info --db "$DB" --json
if has check; then run check "$APP" check --db "$DB"; fi
if has export-stats; then
  run "export-stats" "$APP" export-stats --db "$DB" --campaign 2021 --week 1 --out "$WORK/stats-week1.xlsx"
  run "export-stats --cumulative" "$APP" export-stats --db "$DB" --campaign 2021 --cumulative --out "$WORK/stats-all.xlsx"
fi
if has export-liaisons; then
  run "export-liaisons" "$APP" export-liaisons --db "$DB" --campaign 2021 --out "$WORK/liaisons.xlsx"
fi
if has blank-forms && has import-forms; then  # ≥ 12 files: read by the reader processes (freeze_support in main.py)
  mkdir -p "$WORK/forms"
  run "blank-forms" "$APP" blank-forms --db "$DB" --campaign 2021 --week 1 --out "$WORK/forms"
  run "import-forms --dry-run (reader processes)" timeout 120 "$APP" import-forms "$WORK/forms" --db "$DB" --campaign 2021 --dry-run
fi
if has report; then run report "$APP" report --db "$DB" --campaign 2021 --out "$WORK/summary.pdf"; fi
if has parse-notice; then run parse-notice "$APP" parse-notice data/samples/notice-qilin-2021.txt --json; fi
CLI="$BUNDLE/SafetyMonthDeskCli"; [ -x "$CLI" ] || CLI="$CLI.exe"
run "console program" "$CLI" info --db "$DB"

for tab in notices progress; do
  run "screenshot $tab" "$APP" --db "$DB" --tab "$tab" --campaign 2021 --screenshot "$WORK/$tab.png"
  if [ -f "$WORK/$tab.png" ] && head -c 8 "$WORK/$tab.png" | grep -q PNG; then :; else
    echo "   FAILED: no PNG written for $tab"; failures=$((failures + 1)); fi
done

# Portable mode: a writable data/ beside the program holds the database and the settings (here: English UI;
# the start writes the verified-file stamp there).
rm -rf "$BUNDLE/data"; mkdir "$BUNDLE/data"
printf '[ui]\nlanguage=en\n' >"$BUNDLE/data/settings.ini"
run "portable mode" "$APP" --screenshot "$WORK/portable.png"
for f in "$BUNDLE/data/安全生产月工作台.db" "$WORK/portable.png"; do
  [ -s "$f" ] || { echo "   FAILED: portable mode did not write $f"; failures=$((failures + 1)); }
done
grep -q "verified=" "$BUNDLE/data/settings.ini" || { echo "   FAILED: settings not kept in data/settings.ini"; failures=$((failures + 1)); }
cp "$WORK/portable.png" dist/smoke-portable-en.png
rm -rf "$BUNDLE/data"

echo "== bundled files"
for f in resources/i18n/desk_en.qm resources/fonts/wqy-microhei.ttc resources/fonts/gbsn00lp.ttf resources/fonts/LXGWWenKai-Regular.ttf data/protected_words.txt resources/icons/app.png docs/manual.md data/demo.json qtbase_zh_CN.qm; do
  if [ -n "$(find "$BUNDLE" -path "*/$f" -print -quit)" ]; then echo "   ok $f"; else
    echo "   FAILED: $f missing from the bundle"; failures=$((failures + 1)); fi
done

if [ -n "$(find "$BUNDLE" -name '_rl_accel*' -print -quit)" ]; then echo "   ok _rl_accel (reportlab's C accelerator)"; else
  echo "   FAILED: _rl_accel missing from the bundle (PDFs would be made in slow pure Python)"; failures=$((failures + 1)); fi

echo "== bundle: $BUNDLE"
du -sh "$BUNDLE" | awk '{print "   size on disk: " $1}'
echo "   files: $(find "$BUNDLE" -type f | wc -l)"
if [ "$failures" -ne 0 ]; then echo "SMOKE TEST FAILED: $failures step(s)"; exit 1; fi
echo "SMOKE TEST PASSED"
