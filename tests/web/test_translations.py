"""Every page exists in Japanese and English: each message the templates and the web code
mark for translation has a Japanese translation in the Babel catalogues, and no catalogue
carries a message nothing uses any more."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from babel.messages.extract import extract_from_dir

from industrial_support.web.i18n import catalog, gettext, render

WEB = Path(__file__).parents[2] / "src" / "industrial_support" / "web"
METHODS = [("templates/**.html", "jinja2"), ("**.py", "python")]
OPTIONS = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}


def _marked() -> set[str]:
    found = set()
    for _, _, message, _, _ in extract_from_dir(
        WEB, method_map=METHODS, options_map=OPTIONS, keywords={"_": None, "N_": None}
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_marked_message_has_a_japanese_translation() -> None:
    japanese = catalog("ja")
    untranslated = sorted(m for m in _marked() if not (japanese.get(m) and japanese[m].string))
    assert untranslated == []


def test_catalogues_hold_no_unused_messages() -> None:
    marked = _marked()
    unused = sorted(m.id for m in catalog("ja") if m.id and m.id not in marked)
    assert unused == []


def test_a_translation_reaches_the_page() -> None:
    assert gettext("ja", "Sign in") == "ログイン"
    request = SimpleNamespace(query_params={})
    assert "ログイン" in render("ja", "login.html", request=request, caller=None, next="/")
    assert "Sign in" in render("en", "login.html", request=request, caller=None, next="/")
