#!/bin/sh
# Checks each translation of the user guide as it is installed: its
# catalogue complete and up to date with the English pages, and the pages
# that itstool builds from it valid Mallard whose links all lead somewhere.
#
#   check-help-translations.sh HELP-FOLDER LANGUAGE…
set -eu

help=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

sources="$help/C/*.page $help/C/legal.xml"

# The messages of the English pages now. A reference to a picture (the
# context "_") is no text to translate: itstool does not use its msgstr,
# and a new picture changes its msgid.
# shellcheck disable=SC2086
itstool -o "$tmp/help.pot" $sources
msggrep --invert-match --msgctxt --regexp='^_$' -o "$tmp/text.pot" "$tmp/help.pot"

status=0
for lang in "$@"; do
  po="$help/$lang/$lang.po"
  echo "# $lang"

  msgfmt --check --statistics -o "$tmp/$lang.mo" "$po"
  msggrep --invert-match --msgctxt --regexp='^_$' -o "$tmp/$lang-text.po" "$po"

  # Every message of the pages translated, none fuzzy.
  if ! msgcmp "$tmp/$lang-text.po" "$tmp/text.pot"; then
    echo "$po: not every message of the pages is translated (see above)"
    status=1
    continue
  fi

  # The pages as gnome.yelp() builds and installs them.
  mkdir -p "$tmp/$lang"
  # shellcheck disable=SC2086
  itstool -m "$tmp/$lang.mo" --lang "$lang" -o "$tmp/$lang/" $sources
  for check in validate links orphans ids; do
    if ! yelp-check "$check" "$tmp/$lang"/*.page; then
      echo "$lang: yelp-check $check failed"
      status=1
    fi
  done

  # The pages are in the language: no English title is left.
  for page in "$help"/C/*.page; do
    name=$(basename "$page")
    english=$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$page" | head -n 1)
    translated=$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$tmp/$lang/$name" | head -n 1)
    if [ "$name" != index.page ] && [ "$english" = "$translated" ]; then
      echo "$lang/$name: the title is still ‘$english’"
      status=1
    fi
  done
done

exit $status
