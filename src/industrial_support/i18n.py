"""Words the interfaces print, in English and Japanese, and locale-aware formatting (Babel)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from .engine.money import Money

LANGS = ("en", "ja")
_LOCALE = {"en": "en_US", "ja": "ja_JP"}

_WORDS: dict[str, dict[str, str]] = {
    "eligible": {"en": "eligible", "ja": "対象"},
    "ineligible": {"en": "ineligible", "ja": "対象外"},
    "needs_review": {"en": "needs review", "ja": "要審査"},
    "undetermined": {"en": "undetermined (facts missing)", "ja": "判定不能（情報不足）"},
    "met": {"en": "met", "ja": "充足"},
    "not_met": {"en": "not met", "ja": "不充足"},
    "unknown": {"en": "unknown", "ja": "不明"},
    "not_applicable": {"en": "not applicable", "ja": "該当なし"},
    "review": {"en": "official's review", "ja": "審査待ち"},
    "program": {"en": "Program", "ja": "制度"},
    "status": {"en": "Status", "ja": "判定"},
    "values": {"en": "Amounts and values", "ja": "金額・数値"},
    "value_kind": {"en": "Kind", "ja": "種別"},
    "entitlement": {"en": "what it gives", "ja": "給付内容"},
    "requirement": {"en": "what it asks", "ja": "要求事項"},
    "deadline": {"en": "deadline", "ja": "期限"},
    "missing": {"en": "Facts still needed", "ja": "不足している情報"},
    "why": {"en": "Why / facts still needed", "ja": "理由・不足している情報"},
    "criterion": {"en": "Criterion", "ja": "要件"},
    "citation": {"en": "Citation", "ja": "根拠条文"},
    "facts_used": {"en": "Facts used", "ja": "使用した事実"},
    "parameters": {
        "en": "Parameters (as of the evaluation date)",
        "ja": "パラメータ（評価日時点）",
    },
    "value": {"en": "Value", "ja": "値"},
    "effective": {"en": "In force from", "ja": "適用開始日"},
    "kind": {"en": "Kind", "ja": "種類"},
    "jurisdiction": {"en": "Country", "ja": "国"},
    "title": {"en": "Title", "ja": "名称"},
    "source": {"en": "Source", "ja": "出典"},
    "fact": {"en": "Fact", "ja": "事実"},
    "type": {"en": "Type", "ja": "型"},
    "description": {"en": "Description", "ja": "説明"},
    "evaluated_as_of": {"en": "evaluated as of", "ja": "評価日"},
    "facts_as_of": {"en": "facts as of", "ja": "事実の基準日"},
    "not_in_force": {"en": "Not in force on this date", "ja": "この日付では施行されていない制度"},
    "due": {"en": "Due", "ja": "期限"},
    "days_off": {"en": "Days not counted", "ja": "算入しない日"},
    "calendar": {"en": "Calendar", "ja": "暦"},
    "none": {"en": "none", "ja": "なし"},
    "ranking": {"en": "Where to build: regimes ranked by tax saved", "ja": "立地比較：節税額順"},
    "rank": {"en": "#", "ja": "順位"},
    "tax": {"en": "Tax under the regime", "ja": "優遇後の税額"},
    "standard_tax": {"en": "Tax at standard rates", "ja": "標準税率での税額"},
    "saving": {"en": "Saving", "ja": "節税額"},
    "year": {"en": "Year", "ja": "年"},
    "residence_year": {"en": "Year of residence", "ja": "入居後年数"},
    "unavailable": {
        "en": "Cannot be evaluated on this date:",
        "ja": "この日付では評価できない制度：",
    },
}

# Some kinds read the generic statuses differently: a classification says yes/no, a duty
# applies or not.
_KIND_STATUS: dict[str, dict[str, dict[str, str]]] = {
    "classification": {
        "eligible": {"en": "yes", "ja": "該当"},
        "ineligible": {"en": "no", "ja": "非該当"},
    },
    "obligation": {
        "eligible": {"en": "applies", "ja": "義務あり"},
        "ineligible": {"en": "does not apply", "ja": "義務なし"},
    },
}


def word(key: str, lang: str) -> str:
    return _WORDS.get(key, {}).get(lang) or _WORDS.get(key, {}).get("en") or key


def status_label(status: str, kind: str, lang: str) -> str:
    special = _KIND_STATUS.get(kind, {}).get(status)
    return special[lang] if special else word(status, lang)


def show(value: Any, lang: str) -> str:
    """A value for people: grouped digits, currency code, dates per locale."""
    locale = _LOCALE.get(lang, "en_US")
    if value is None:
        return "—"
    if isinstance(value, Money):
        return f"{format_decimal(value.amount, locale=locale, decimal_quantization=False)} {value.currency}"
    if isinstance(value, bool):
        return {"en": "yes" if value else "no", "ja": "はい" if value else "いいえ"}.get(
            lang, str(value)
        )
    if isinstance(value, Decimal | int):
        return str(format_decimal(value, locale=locale, decimal_quantization=False))
    if isinstance(value, dt.date):
        return str(format_date(value, format="medium" if lang == "en" else "long", locale=locale))
    if isinstance(value, list | tuple):
        return ", ".join(show(item, lang) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {show(item, lang)}" for key, item in value.items())
    return str(value)
