#!/usr/bin/env bash
# The app's translations, kept in step with the code (Qt's own tools, from PySide6-Essentials):
#   bash packaging/translations.sh update  collect every tr() / QCoreApplication.translate() text
#                                          in spiral_gui/ui and every QT_TRANSLATE_NOOP text of the
#                                          engine into resources/translations/spiral_gui_<lang>.ts
#                                          (new texts arrive unfinished; texts gone are dropped)
#   bash packaging/translations.sh build   compile each .ts into the package:
#                                          spiral_gui/resources/translations/spiral_gui_<lang>.qm
#   bash packaging/translations.sh status  count the unfinished entries of each .ts
# update and build take an optional folder to write to instead (the tests use a temporary one;
# update then starts from a copy of the committed .ts).
# Translate the unfinished entries between update and build: with Qt Linguist
# (.venv/bin/pyside6-linguist resources/translations/spiral_gui_ja.ts) or in any text editor
# (replace <translation type="unfinished"></translation> with <translation>…</translation>).
# tests/ui/test_translations.py fails while an entry is unfinished or a .qm is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${SPIRAL_VENV:-.venv}
tool() { if [ -x "$venv/bin/pyside6-$1" ]; then echo "$venv/bin/pyside6-$1"; else command -v "pyside6-$1"; fi; }
languages=(ja)
src=resources/translations
out=spiral_gui/resources/translations
dir=${2:-}

case "${1:-}" in
  update)
    for lang in "${languages[@]}"; do
      ts="$src/spiral_gui_$lang.ts"
      if [ -n "$dir" ]; then cp "$ts" "$dir/"; ts="$dir/spiral_gui_$lang.ts"; fi
      "$(tool lupdate)" -silent -extensions py -no-obsolete -locations none -source-language en \
        -target-language "$lang" spiral_gui -ts "$ts"
    done ;;
  build)
    out=${dir:-$out}
    mkdir -p "$out"
    for lang in "${languages[@]}"; do
      "$(tool lrelease)" -silent -nounfinished "$src/spiral_gui_$lang.ts" -qm "$out/spiral_gui_$lang.qm"
    done ;;
  status)
    for lang in "${languages[@]}"; do
      echo "$src/spiral_gui_$lang.ts: $(grep -c 'type="unfinished"' "$src/spiral_gui_$lang.ts" || true) unfinished"
    done ;;
  *) echo "usage: bash packaging/translations.sh update|build|status" >&2; exit 2 ;;
esac
