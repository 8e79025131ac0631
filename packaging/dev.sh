#!/usr/bin/env bash
# Sets up everything Spiral GUI needs on this machine, then runs one thing:
#   bash packaging/dev.sh run     the app (the headless case study if there is no display)
#   bash packaging/dev.sh test    the whole test suite
#   bash packaging/dev.sh bundle  the packaged app, built and self-tested
# Idempotent: a second call only checks. As root on Debian/Ubuntu it installs missing system
# libraries with apt; elsewhere it names them and carries on. Python packages are installed at
# the exact versions in packaging/constraints.txt (refresh: packaging/refresh-constraints.sh),
# again whenever that file or pyproject.toml changes.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-run}; shift || true
venv=${SPIRAL_VENV:-.venv}

# Qt's offscreen platform needs these on a bare Debian; a real X window (or Xvfb) the second line;
# the window in Japanese (and its tests) a font with Japanese characters, the third.
debs=(libgl1 libegl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0
      libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 xauth xvfb
      fonts-noto-cjk)
[ "$what" = bundle ] && debs+=(binutils)

need_debs() {
  command -v dpkg-query >/dev/null || return 0
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Note: Qt may need these system packages, not installed: ${missing[*]}" >&2
    echo "      (install them with your package manager, e.g. sudo apt-get install ${missing[*]})" >&2
  fi
}

py=$(command -v python3 || command -v python || true)
[ -n "$py" ] || { echo "Python 3.10 or newer is needed: none found on PATH." >&2; exit 1; }
"$py" -c 'import sys; sys.exit(sys.version_info < (3, 10))' || {
  echo "Python 3.10 or newer is needed; $("$py" --version) found." >&2; exit 1; }

venv_deb=()
"$py" -c 'import ensurepip, venv' 2>/dev/null || venv_deb=("python3-venv")
need_debs "${debs[@]}" "${venv_deb[@]}"

extras=test
[ "$what" = bundle ] && extras=test,package
constraints=packaging/constraints.txt
stamp="$venv/.installed-$extras"
if [ ! -x "$venv/bin/python" ]; then
  echo "Creating the virtual environment in $venv"
  "$py" -m venv "$venv"
fi
# The stamp holds a digest of what the install depends on: any change to either file reinstalls.
wanted=$(cat pyproject.toml "$constraints" | "$py" -c 'import hashlib, sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
  echo "Installing Spiral GUI and its Python packages into $venv (versions from $constraints)"
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q -c "$constraints" -e ".[$extras]"
  echo "$wanted" > "$stamp"
fi

case "$what" in
  run)
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      echo "No display here: running the headless case study instead (spiral-train case-study)."
      exec "$venv/bin/spiral-train" case-study
    fi
    exec "$venv/bin/spiral-gui" "$@" ;;
  test)
    export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
    "$venv/bin/python" -m ruff check .
    "$venv/bin/lint-imports"             # Qt only under spiral_gui/ui (pyproject: [tool.importlinter])
    "$venv/bin/python" -m mypy           # strict on spiral_gui.engine, checked on spiral_gui.ui
    exec "$venv/bin/python" -m pytest "$@" ;;
  bundle)
    exec "$venv/bin/python" packaging/build.py "$@" ;;
  *) echo "usage: bash packaging/dev.sh run|test|bundle [args]" >&2; exit 2 ;;
esac
