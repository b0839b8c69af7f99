#!/usr/bin/env bash
# Redraws the manual's screenshots (docs/screenshots/manual-*.png) with the app's own --screenshot,
# on a fresh demo database and fresh settings.  Usage: docs/make_manual_screenshots.sh [python]
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${1:-$(command -v python || echo /work/venv/bin/python)}"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen HOME="$WORK" XDG_CONFIG_HOME="$WORK/.config" XDG_DATA_HOME="$WORK/.local/share"
OUT=docs/screenshots
"$PY" main.py --db "$WORK/empty.db" --screenshot "$OUT/manual-welcome.png"
"$PY" main.py demo --db "$WORK/demo.db" >/dev/null
for tab in notices liaisons progress reports; do
  # fresh settings for each shot, so every window has the default size (a restored one is cut to the screen)
  rm -rf "$WORK/.config" "$WORK/.local"
  "$PY" main.py --db "$WORK/demo.db" --campaign 2021 --tab "$tab" --screenshot "$OUT/manual-$tab.png"
done
ls -la "$OUT"/manual-*.png
