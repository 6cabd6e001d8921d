"""Errors the engine raises. Each names the field at fault and what was expected.

A *problem* is one thing wrong with an input: the field's id, a message template (English,
the msgid of the Babel catalogue ``locale/<lang>/LC_MESSAGES/errors.po``) and its
parameters. Templates are marked with :func:`N_` so that the translation test finds them;
:func:`industrial_support.i18n.render_problem` renders one in the user's language. An input
with several problems raises :class:`InputErrors` carrying all of them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

GIVEN_LIMIT = 60  # characters of a given value quoted back in a message


def N_(message: str) -> str:
    """Marks a message template for extraction; it is translated where it is shown."""
    return message


def given(value: Any) -> str:
    """A value the user gave, quoted back safely: repr, at most GIVEN_LIMIT characters, and
    lone surrogates (which no terminal or page can print) escaped."""
    text = str(value) if isinstance(value, Decimal | dt.date) else repr(value)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    if len(text) > GIVEN_LIMIT:
        text = text[: GIVEN_LIMIT - 1] + "…"
    return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input."""

    field: str  # the field's id: a fact name, a key, a column
    template: str  # English message with {placeholders}; the catalogue's msgid
    params: Mapping[str, str] = dataclasses.field(default_factory=dict)
    label: Mapping[str, str] = dataclasses.field(
        default_factory=dict
    )  # the field's name per language
    fact: bool = False  # the field is a fact of the catalog

    def english(self) -> str:
        return self.template.format_map(dict(self.params)) if self.params else self.template

    def __str__(self) -> str:
        name = f"fact '{self.field}'" if self.fact else self.field
        return f"{name}: {self.english()}"


class IsupportError(Exception):
    """Base class: every error the user can cause is one of these, never a bare crash."""

    def __init__(self, *args: Any, problems: Iterable[Problem] | None = None) -> None:
        super().__init__(*args)
        self._problems = list(problems) if problems else None

    @property
    def problems(self) -> list[Problem]:
        """The problems this error reports (one, unless it collects several); an error
        raised with a plain message is split into its field and message."""
        collected = getattr(self, "_problems", None)
        if collected:
            return list(collected)
        text = str(self)
        head, sep, rest = text.partition(": ")
        if sep and head and " " not in head.strip("'"):
            return [Problem(head.strip("'"), rest)]
        return [Problem("input", text)]


class FactError(IsupportError, ValueError):
    """A fact is unknown, of the wrong type, or outside its allowed values."""

    def __init__(
        self,
        field: str,
        problem: str,
        label: Mapping[str, str] | None = None,
        **params: Any,
    ) -> None:
        self.field = field
        self.template = problem
        self.params = {key: str(value) for key, value in params.items()}
        self.label = dict(label or {})
        self.problem = problem.format_map(self.params) if params else problem
        super().__init__(f"fact '{field}': {self.problem}")
        self._problems = [Problem(field, problem, self.params, self.label, fact=True)]


class InputErrors(FactError):
    """Every problem of one input, collected (a FactError so callers that catch the first
    problem of a fact still do; ``field`` is the first problem's)."""

    def __init__(self, problems: Iterable[Problem], source: str = "") -> None:
        self.all = list(problems)
        self.source = source
        first = self.all[0]
        IsupportError.__init__(self, "; ".join(str(p) for p in self.all), problems=self.all)
        self.field = first.field
        self.template = first.template
        self.params = dict(first.params)
        self.label = dict(first.label)
        self.problem = first.english()

    def __str__(self) -> str:
        text = "; ".join(str(p) for p in self.all)
        return f"{self.source}: {text}" if self.source else text


class ParameterError(IsupportError, ValueError):
    """A parameter file is malformed, or a value is asked for a date it does not cover."""


class CitationError(IsupportError, ValueError):
    """A citation does not name a known source."""


class CaseFileError(IsupportError, ValueError):
    """A case file cannot be read or has the wrong shape."""


class ProgramError(IsupportError, ValueError):
    """A program is unknown, or defined inconsistently."""


class CalendarError(IsupportError, ValueError):
    """A calendar or deadline request cannot be answered (unknown jurisdiction, bad count)."""
