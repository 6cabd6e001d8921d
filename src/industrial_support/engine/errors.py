"""Errors the engine raises. Each names the field at fault and what was expected."""

from __future__ import annotations


class IsupportError(Exception):
    """Base class: every error the user can cause is one of these, never a bare crash."""


class FactError(IsupportError, ValueError):
    """A fact is unknown, of the wrong type, or outside its allowed values."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"fact '{field}': {problem}")


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
