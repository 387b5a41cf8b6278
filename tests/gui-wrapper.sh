#!/bin/sh
# Runs a test of the application with a display and a session bus. When
# the caller provides them (build-aux/test runs every test under one
# Xvfb and one bus), the test uses those; else it gets its own.
set -e

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "1..0 # SKIP no display, and xvfb-run is not installed"
    exit 0
  fi
  exec xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" dbus-run-session -- "$@"
fi

if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec dbus-run-session -- "$@"
fi

exec "$@"
