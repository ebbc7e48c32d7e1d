#!/bin/sh
# Install Sáng Kiến Desktop for the current user (no root): run it from the unpacked bundle.
#
#   tar -xzf sangkien-desktop-<version>-linux-x86_64.tar.gz
#   sangkien-desktop/install.sh              # install or upgrade
#   sangkien-desktop/install.sh --uninstall  # remove the program (your data stays)
#
# What it does:
#   ~/.local/opt/sangkien-desktop/          the bundle (replaced on upgrade)
#   ~/.local/bin/sangkien-desktop, sangkien links to the two executables
#   ~/.local/share/applications/sangkien-desktop.desktop   the menu entry
#   ~/.local/share/icons/hicolor/<size>/apps/sangkien-desktop.png (+ scalable .svg)
# Your data (~/.local/share/SangKien/SangKienDesktop: database, attachments, backups) and
# settings (~/.config/SangKien/SangKienDesktop.conf) are never touched.
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
TARGET="$HOME/.local/opt/sangkien-desktop"
BIN="$HOME/.local/bin"
APPS="$DATA_HOME/applications"
ICONS="$DATA_HOME/icons/hicolor"

refresh() {
  # Menus and icon themes notice a changed folder by itself. No gtk-update-icon-cache here: a
  # cache in the user's own hicolor folder would hide icons other programs add there later.
  touch "$APPS" "$ICONS" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$BIN/sangkien-desktop" "$BIN/sangkien" "$APPS/sangkien-desktop.desktop"
  rm -f "$ICONS"/*/apps/sangkien-desktop.png "$ICONS/scalable/apps/sangkien-desktop.svg"
  rm -rf "$TARGET"
  refresh
  echo "Đã gỡ Sáng Kiến Desktop. Dữ liệu của bạn vẫn ở $DATA_HOME/SangKien/SangKienDesktop."
  exit 0
fi

[ -x "$HERE/sangkien-desktop" ] || { echo "Chạy install.sh từ thư mục sangkien-desktop đã giải nén." >&2; exit 2; }

if [ "$HERE" != "$TARGET" ]; then
  mkdir -p "$(dirname "$TARGET")"
  rm -rf "$TARGET.new"
  cp -a "$HERE" "$TARGET.new"
  rm -rf "$TARGET"
  mv "$TARGET.new" "$TARGET"
fi

mkdir -p "$BIN" "$APPS" "$ICONS"
ln -sf "$TARGET/sangkien-desktop" "$BIN/sangkien-desktop"
ln -sf "$TARGET/sangkien" "$BIN/sangkien"

ICON_SOURCE="$TARGET/_internal/resources/icons"
for png in "$ICON_SOURCE"/sangkien-*.png; do
  [ -f "$png" ] || continue
  size="$(basename "$png" .png | sed 's/^sangkien-//')"
  mkdir -p "$ICONS/${size}x${size}/apps"
  cp "$png" "$ICONS/${size}x${size}/apps/sangkien-desktop.png"
done
if [ -f "$ICON_SOURCE/sangkien.svg" ]; then
  mkdir -p "$ICONS/scalable/apps"
  cp "$ICON_SOURCE/sangkien.svg" "$ICONS/scalable/apps/sangkien-desktop.svg"
fi

# The menu entry names the executable by its full path: ~/.local/bin is not on every PATH.
sed -e "s|^Exec=.*|Exec=$TARGET/sangkien-desktop|" -e "s|^TryExec=.*|TryExec=$TARGET/sangkien-desktop|" \
  "$TARGET/sangkien-desktop.desktop" >"$APPS/sangkien-desktop.desktop"
refresh

echo "Đã cài Sáng Kiến Desktop vào $TARGET."
echo "Mở từ menu ứng dụng (Văn phòng / Office), hoặc chạy: $BIN/sangkien-desktop"
