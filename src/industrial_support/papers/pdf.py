"""HTML → PDF with WeasyPrint (Pango lays out the text), with a Japanese font embedded.

The font is IPAex Gothic from Debian's ``fonts-ipaexfont-gothic`` (installed by
``scripts/ensure-fonts.sh``); it is named by file in an ``@font-face`` rule, so a page never
depends on what else fontconfig happens to find. A paper set without it would print boxes
for every Japanese character, so a missing font is an error, not a fallback."""

from __future__ import annotations

import atexit
import os
from functools import cache
from pathlib import Path
from typing import Any

import matplotlib

from ..engine.errors import IsupportError

DEFAULT_FONT = Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")
STYLESHEET = Path(__file__).parent / "paper.css"
_MPL_FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"


class PaperError(IsupportError):
    """A paper cannot be produced on this machine (its font or library is missing)."""


def japanese_font() -> Path:
    """The font file with Japanese glyphs used by papers and charts."""
    path = Path(os.environ.get("ISUPPORT_JP_FONT") or DEFAULT_FONT)
    if not path.is_file():
        raise PaperError(
            f"font: {path} is missing; run scripts/ensure-fonts.sh (Debian fonts-ipaexfont-gothic)"
        )
    return path


@cache
def _stylesheet(font: Path) -> tuple[Any, Any]:
    """The paper stylesheet and the font configuration that knows its ``@font-face``
    (WeasyPrint applies a face only with the configuration that loaded it)."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    faces = [f'@font-face {{ font-family: "IPAexGothic"; src: url("{font.as_uri()}"); }}']
    # Latin and Cyrillic from DejaVu Sans as matplotlib ships it (IPAex sets Cyrillic full
    # width); each character missing there falls back to IPAex
    for weight, name in (("normal", "DejaVuSans.ttf"), ("bold", "DejaVuSans-Bold.ttf")):
        path = _MPL_FONTS / name
        faces.append(
            f'@font-face {{ font-family: "DejaVu Sans"; font-weight: {weight}; '
            f'src: url("{path.as_uri()}"); }}'
        )
    source = "\n".join(faces) + "\n" + STYLESHEET.read_text(encoding="utf-8")
    css = CSS(string=source, font_config=fonts)
    return css, fonts


# Drop the cached font configuration while WeasyPrint's libraries are still loaded; left
# to interpreter shutdown, its finaliser runs after them and prints a TypeError.
atexit.register(_stylesheet.cache_clear)


def to_pdf(html: str) -> bytes:
    """The page ``html`` as an A4 PDF, fonts embedded (subset)."""
    css, fonts = _stylesheet(japanese_font())
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(STYLESHEET.parent))
    pdf: bytes = document.write_pdf(stylesheets=[css], font_config=fonts)
    return pdf
