#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests (Playwright drives it via
# executable_path; Playwright's own browser download cannot work on a machine without
# general network access).
set -euo pipefail
CHROMIUM=${ISUPPORT_CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] && exit 0
[ "$(id -u)" -eq 0 ] || { echo "ensure-chromium: $CHROMIUM missing and not root; apt-get install chromium" >&2; exit 1; }
echo "ensure-chromium: installing chromium via apt-get..." >&2
out=$( { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } 2>&1 ) \
  || { echo "$out" >&2; echo "ensure-chromium: apt-get install chromium failed" >&2; exit 1; }
[ -x "$CHROMIUM" ] || { echo "ensure-chromium: installed, but $CHROMIUM is missing" >&2; exit 1; }
