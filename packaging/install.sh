#!/bin/sh
# Installs this Spiral GUI bundle so that it appears in the desktop's application menu.
#   ./install.sh               for the current user, under ~/.local
#   sudo PREFIX=/usr/local ./install.sh
#   ./install.sh --uninstall   (with the same PREFIX)
# The bundle is copied to $PREFIX/lib/spiral-gui, the command linked as $PREFIX/bin/spiral-gui,
# and the desktop entry, AppStream metainfo and icons go under $PREFIX/share.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
app_id=io.github.spiral_gui.SpiralGUI
dest=$prefix/lib/spiral-gui
sizes="16 24 32 48 64 128 256 512"

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$prefix/share/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
}

if [ "${1:-}" = --uninstall ]; then
  rm -rf "$dest"
  rm -f "$prefix/bin/spiral-gui" "$prefix/share/applications/spiral-gui.desktop" \
        "$prefix/share/metainfo/$app_id.metainfo.xml" "$prefix/share/icons/hicolor/scalable/apps/spiral-gui.svg"
  for s in $sizes; do rm -f "$prefix/share/icons/hicolor/${s}x$s/apps/spiral-gui.png"; done
  refresh
  echo "Spiral GUI removed from $prefix"
  exit 0
fi

[ -x "$here/spiral-gui" ] || { echo "run install.sh from inside the unpacked bundle" >&2; exit 1; }
"$here/spiral-gui" --version >/dev/null 2>&1 || {
  echo "the bundle does not start here; the system needs: libgl1 libegl1 fontconfig-config" >&2; exit 1; }

rm -rf "$dest"
mkdir -p "$dest" "$prefix/bin"
cp -a "$here/." "$dest/"
ln -sf "$dest/spiral-gui" "$prefix/bin/spiral-gui"

# The menu entry runs the installed file by its full path: ~/.local/bin is not always on PATH.
mkdir -p "$prefix/share/applications" "$prefix/share/metainfo"
sed -e "s|^Exec=spiral-gui|Exec=$prefix/bin/spiral-gui|" -e "s|^TryExec=spiral-gui|TryExec=$prefix/bin/spiral-gui|" \
  "$here/share/applications/spiral-gui.desktop" > "$prefix/share/applications/spiral-gui.desktop"
cp "$here/share/metainfo/$app_id.metainfo.xml" "$prefix/share/metainfo/"
mkdir -p "$prefix/share/icons/hicolor/scalable/apps"
cp "$here/share/icons/hicolor/scalable/apps/spiral-gui.svg" "$prefix/share/icons/hicolor/scalable/apps/"
for s in $sizes; do
  mkdir -p "$prefix/share/icons/hicolor/${s}x$s/apps"
  cp "$here/share/icons/hicolor/${s}x$s/apps/spiral-gui.png" "$prefix/share/icons/hicolor/${s}x$s/apps/"
done
refresh
echo "Spiral GUI $("$dest/spiral-gui" --version 2>/dev/null | sed 's/^spiral-gui //') installed in $prefix"
echo "  command: $prefix/bin/spiral-gui   (menu: Education > Spiral GUI)"
