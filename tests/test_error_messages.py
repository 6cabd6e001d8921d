"""Every error message of the engine, the CLI and the file readers is a template with a
Japanese translation (the pages' messages are checked in tests/web/test_translations.py),
and rendering one in Japanese gives Japanese, with its parameters filled in."""

from __future__ import annotations

import re
import string
from pathlib import Path

from babel.messages.extract import extract_from_dir

from industrial_support.engine.errors import Problem
from industrial_support.i18n import messages, render_problem

SRC = Path(__file__).parents[1] / "src" / "industrial_support"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _templates() -> set[str]:
    found = set()
    for _, _, message, _, _ in extract_from_dir(
        SRC, method_map=[("web/**", "ignore"), ("**.py", "python")], keywords={"N_": None}
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _placeholders(template: str) -> set[str]:
    if "{amount:" in template:  # a literal mapping shown to the user, not a parameter
        return set()
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_error_template_has_a_japanese_translation() -> None:
    japanese = messages("ja")
    untranslated = sorted(m for m in _templates() if not (japanese.get(m) and japanese[m].string))
    assert untranslated == []


def test_the_error_catalogue_holds_no_unused_message() -> None:
    used = _templates()
    assert sorted(m.id for m in messages("ja") if m.id and m.id not in used) == []


def test_each_template_renders_in_japanese_with_its_parameters() -> None:
    """Walk every template: the Japanese keeps each parameter and reads as Japanese."""
    japanese = messages("ja")
    for template in _templates() - {"{reason}"}:
        translated = japanese[template].string
        assert isinstance(translated, str)
        assert _placeholders(translated) == _placeholders(template), template
        params = {name: f"<{name}>" for name in _placeholders(template)}
        line = render_problem(
            Problem("capital", template, params, {"en": "Capital", "ja": "資本金"}), "ja"
        )
        assert line.startswith("資本金 (capital)："), line
        assert JAPANESE.search(line.split("：", 1)[1]), line
        for value in params.values():
            assert value in line, (template, line)
