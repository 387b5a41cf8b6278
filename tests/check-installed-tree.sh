#!/bin/sh
# Installs the build into a scratch folder (DESTDIR) and checks what a
# distributor checks there: the desktop file, the metainfo with both
# AppStream validators, the settings schema compiled strictly, and the
# user guide.
#
#   check-installed-tree.sh BUILD_DIR
set -eu

build=$1
dest=$(mktemp -d "${TMPDIR:-/tmp}/trellis-install-XXXXXX")
trap 'rm -rf "$dest"' EXIT

meson install -C "$build" --no-rebuild --quiet --destdir "$dest" >/dev/null

prefix=$(meson introspect "$build" --buildoptions | \
  /usr/bin/python3 -c 'import json,sys; print([o["value"] for o in json.load(sys.stdin) if o["name"]=="prefix"][0])')
share="$dest$prefix/share"

fail=0
check() {
  if "$@"; then
    echo "ok: $*"
  else
    echo "FAILED: $*"
    fail=1
  fi
}

desktop=$(ls "$share"/applications/*.desktop)
metainfo=$(ls "$share"/metainfo/*.metainfo.xml)
check desktop-file-validate "$desktop"
check appstreamcli validate --pedantic --no-net "$metainfo"
check appstream-util validate --nonet "$metainfo"
check glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas"
# The icon the desktop file names is installed.
icon=$(sed -n 's/^Icon=//p' "$desktop")
check test -f "$share/icons/hicolor/scalable/apps/$icon.svg"
check test -f "$dest$prefix/bin/trellis"
check test -f "$dest$prefix/bin/trellis-cli"
# The user guide, under the name F1 opens (the application id), in English
# and in each translation, with its pictures.
app_id=$(basename "$desktop" .desktop)
for lang in C nl de; do
  check test -f "$share/help/$lang/$app_id/index.page"
  check test -f "$share/help/$lang/$app_id/figures/vote.png"
done
# A translation shows its own pictures, taken in its language.
for lang in nl de; do
  check test ! -L "$share/help/$lang/$app_id/figures/vote.png"
  if cmp -s "$share/help/C/$app_id/figures/vote.png" "$share/help/$lang/$app_id/figures/vote.png"; then
    echo "the pictures of the guide in $lang are the English ones" >&2
    fail=1
  fi
done

exit $fail
