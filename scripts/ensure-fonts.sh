#!/usr/bin/env bash
# Make sure the PDF papers and the monitoring charts can set Japanese text: WeasyPrint lays
# out with Debian's Pango, and both take the IPAex Gothic font from Debian's package (the
# font file is found at the path below, so no font is downloaded at run time).
set -euo pipefail
FONT=${ISUPPORT_JP_FONT:-/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf}
need=()
[ -f "$FONT" ] || need+=(fonts-ipaexfont-gothic)
ldconfig -p | grep -q 'libpango-1.0.so.0' || need+=(libpango-1.0-0)
ldconfig -p | grep -q 'libpangoft2-1.0.so.0' || need+=(libpangoft2-1.0-0)
# WeasyPrint subsets the embedded fonts with HarfBuzz (fontTools, its fallback, is slower)
ldconfig -p | grep -q 'libharfbuzz-subset.so.0' || need+=(libharfbuzz-subset0)
[ ${#need[@]} -eq 0 ] && exit 0
[ "$(id -u)" -eq 0 ] || { echo "ensure-fonts: missing ${need[*]} and not root; apt-get install them" >&2; exit 1; }
echo "ensure-fonts: installing ${need[*]} via apt-get..." >&2
out=$( { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; } 2>&1 ) \
  || { echo "$out" >&2; echo "ensure-fonts: apt-get install failed" >&2; exit 1; }
[ -f "$FONT" ] || { echo "ensure-fonts: installed, but $FONT is missing" >&2; exit 1; }
