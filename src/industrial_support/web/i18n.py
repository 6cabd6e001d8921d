"""Message catalogues for the pages (Babel), one Jinja environment per language.

Translations live in ``locale/<lang>/LC_MESSAGES/*.po`` — one file per area of the site so
that areas can be edited independently; they are merged and compiled in memory at start-up
(no compiled .mo files in the repository). English is the source language: its messages are
the msgids themselves."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from babel.dates import format_date, format_datetime
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..engine.money import Money
from ..engine.program import text
from ..i18n import LANGS, show, status_label, word

LOCALE_DIR = Path(__file__).parent / "locale"
TEMPLATES = Path(__file__).parent / "templates"
BABEL_LOCALE = {"en": "en_US", "ja": "ja_JP"}


def catalog(lang: str) -> Catalog:
    """Every message of ``lang`` from all of its .po files, merged."""
    merged = Catalog(locale=lang)
    for path in sorted((LOCALE_DIR / lang / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle, locale=lang):
                if message.id:
                    merged[message.id] = message
    return merged


@cache
def translations(lang: str) -> Translations:
    if lang == "en":
        return Translations()  # msgids are English
    buffer = BytesIO()
    write_mo(buffer, catalog(lang))
    buffer.seek(0)
    return Translations(fp=buffer)


def gettext(lang: str, message: str) -> str:
    return translations(lang).gettext(message)


def money(value: Money | None, lang: str) -> str:
    return show(value, lang)


def number(value: Decimal | int | None, lang: str) -> str:
    if value is None:
        return "—"
    return str(format_decimal(value, locale=BABEL_LOCALE[lang], decimal_quantization=False))


def date(value: dt.date | str | None, lang: str) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if isinstance(value, dt.datetime):
        return str(format_datetime(value, format="medium", locale=BABEL_LOCALE[lang]))
    return str(
        format_date(value, format="medium" if lang == "en" else "long", locale=BABEL_LOCALE[lang])
    )


def N_(message: str) -> str:
    """Marks a message for extraction; it is translated where it is shown."""
    return message


ROLE_LABELS = {"applicant": N_("Applicant"), "official": N_("Official"), "auditor": N_("Auditor")}


def merge_query(params: Any, **changes: str) -> str:
    """The current query string with some parameters replaced (e.g. the language)."""
    merged = {key: value for key, value in dict(params).items() if key not in changes}
    return urlencode({**merged, **changes})


@cache
def environment(lang: str) -> Environment:
    if lang not in LANGS:
        raise ValueError(f"lang: expected one of {LANGS}")
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.globals.update(lang=lang, langs=LANGS)
    env.filters.update(
        show=lambda value: show(value, lang),
        money=lambda value: money(value, lang),
        number=lambda value: number(value, lang),
        date=lambda value: date(value, lang),
        text=lambda mapping: text(mapping, lang) if isinstance(mapping, dict) else str(mapping),
        word=lambda key: word(key, lang),
        local=lambda obj: getattr(obj, lang, None) or getattr(obj, "en", str(obj)),
    )
    env.filters["merge_query"] = merge_query
    env.globals.update(
        status_label=lambda status, kind="": status_label(status, kind, lang),
        role_label=lambda role: gettext(lang, ROLE_LABELS.get(role) or str(role)),
    )
    return env


def render(lang: str, template: str, **context: Any) -> str:
    return environment(lang).get_template(template).render(**context)
