"""Procedures as state machines. Each step names the party the law gives it to, from which
states, the citation it rests on, the reason codes a refusal may give, a guard, the
obligations it opens (with their deadline rule) and those it closes, and whether a second
official must confirm it (four eyes).

Two words that must not be confused: an account's *role* (applicant, official, auditor) says
what a person may do in the system; a procedure's *party* (the enterprise, the ministry, the
treasury …) is who the law names for a step. An official acts for the parties listed in the
account's authorities."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from ..engine.citations import Citation, cite
from ..engine.errors import IsupportError

PartyKind = Literal["applicant", "authority", "system"]


@dataclass(frozen=True)
class Party:
    """Who the law names for steps: the applicant, an official body, or an automated check
    (recorded by an official of the lead body)."""

    kind: PartyKind
    en: str
    ja: str
    lead: bool = False  # the body that runs the procedure (its officials record "system" steps)


DEFAULT_PARTIES: Mapping[str, Party] = {
    "applicant": Party(kind="applicant", en="The applicant", ja="申請者"),
    "official": Party(kind="authority", en="The authority", ja="所管機関", lead=True),
    "system": Party(kind="system", en="Automated check", ja="自動検査"),
}


class ProcedureError(IsupportError):
    """A step that the procedure does not allow now (wrong state, role, reason, guard)."""


class PartyError(ProcedureError):
    """The step belongs to another party (or needs a second official): a 403 on the web."""


class StepInputError(ProcedureError):
    """What the step was given is wrong (a reason code, a late recording's day or reason):
    bad input (422 on the web), not a step refused by the state of the case."""


class FromData:
    """A due date the deciding official sets in the step's data (where the law leaves the
    period to by-laws), e.g. the cure period of a notice."""

    def __init__(self, key: str, citation: str, what: str) -> None:
        self.key = key
        self.citation = cite(citation)
        self.what = what

    def due(self, event: dt.date) -> dt.date:  # pragma: no cover - resolved by the store
        raise ProcedureError(f"{self.key}: expected the date {self.what}")

    def describe(self) -> str:
        return f"date set in the step ({self.what})"


class DueRule(Protocol):
    @property
    def citation(self) -> Citation: ...

    def due(self, event: dt.date) -> dt.date: ...

    def describe(self) -> str: ...


@dataclass(frozen=True)
class StepContext:
    """What a guard or a deadline sees: the case as it is, the step's date and data."""

    state: str
    facts: Mapping[str, Any]
    event_date: dt.date
    data: Mapping[str, Any]
    reason: str | None
    call_closes_on: dt.date | None
    submitted_on: dt.date
    amount_minor: int | None
    currency: str | None
    open_obligations: Mapping[str, dt.date]  # kind → due date


Guard = Callable[[StepContext], str | None]  # an error message, or None when allowed


@dataclass(frozen=True)
class Opens:
    """An obligation a step opens: ``kind`` is due by ``rule`` counted from ``counted_from``."""

    kind: str
    party: str
    rule: DueRule
    counted_from: Callable[[StepContext], dt.date] = lambda context: context.event_date


@dataclass(frozen=True)
class Step:
    action: str
    sources: tuple[str, ...]
    target: str  # "=" keeps the state (a report, a document return)
    party: str  # a key of the procedure's parties
    basis: str
    en: str
    ja: str
    # prepared by one official, confirmed by another of the same body before it takes effect
    four_eyes: bool = False
    # the step asks the program's rules: its log entry carries the rules hash
    evaluates: bool = False
    reasons: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    guard: Guard | None = None
    opens: tuple[Opens, ...] = ()
    closes: tuple[str, ...] = ()
    # what the step does besides changing state: commit budget, enter a register ...
    effect: Callable[[Any], None] | None = None

    @property
    def citation(self) -> Citation:
        return cite(self.basis)

    def target_from(self, state: str) -> str:
        return state if self.target == "=" else self.target


CallCheck = Callable[[dt.date, dt.date], str | None]  # published, closes → error or None


@dataclass(frozen=True)
class Procedure:
    id: str
    jurisdiction: str
    title: Mapping[str, str]
    initial: str
    submit_basis: str
    steps: tuple[Step, ...]
    final: frozenset[str]
    submit_opens: tuple[Opens, ...] = ()
    uses_calls: bool = True  # applications answer a call (numbered in order of arrival)
    # may one enterprise apply more than once to the same call (or procedure and subject)?
    repeat_applications: bool = False
    parties: Mapping[str, Party] = field(default_factory=lambda: dict(DEFAULT_PARTIES))
    call_check: CallCheck | None = None
    program: str | None = None  # the program whose rules decide eligibility, if any
    # labels for people, {id: {"en": ..., "ja": ...}}: every state and obligation kind
    state_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    obligation_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        actions = [step.action for step in self.steps]
        if len(actions) != len(set(actions)):
            raise ValueError(f"procedure {self.id}: an action is defined twice")
        unlabelled = (self.states() - set(self.state_labels)) | (
            self.obligation_kinds() - set(self.obligation_labels)
        )
        if unlabelled:
            raise ValueError(f"procedure {self.id}: no en/ja label for {sorted(unlabelled)}")
        cite(self.submit_basis)
        for step in self.steps:
            step.citation  # noqa: B018 - a step whose basis names no source fails here
            if step.party not in self.parties:
                raise ValueError(f"procedure {self.id}: {step.action} names no party of it")
        for spec in (*self.submit_opens, *(o for step in self.steps for o in step.opens)):
            if spec.party not in self.parties:
                raise ValueError(f"procedure {self.id}: obligation {spec.kind} has no party")
        if sum(party.lead for party in self.parties.values()) != 1:
            raise ValueError(f"procedure {self.id}: expected exactly one lead body")

    @property
    def lead(self) -> str:
        return next(key for key, party in self.parties.items() if party.lead)

    def authority_for(self, party: str) -> str:
        """The authority an official's account lists to act for ``party``: the procedure id
        for the lead body (and the automated checks it records), "<procedure>:<party>" for
        any other body."""
        if party == self.lead or self.parties[party].kind == "system":
            return self.id
        return f"{self.id}:{party}"

    def party_label(self, party: str, lang: str = "en") -> str:
        found = self.parties.get(party)
        return (found.ja if lang == "ja" else found.en) if found else party

    def states(self) -> set[str]:
        targets = {step.target for step in self.steps if step.target != "="}
        return {self.initial} | {s for step in self.steps for s in step.sources} | targets

    def obligation_kinds(self) -> set[str]:
        opened = [*self.submit_opens, *(spec for step in self.steps for spec in step.opens)]
        return {spec.kind for spec in opened}

    def step(self, action: str) -> Step:
        for step in self.steps:
            if step.action == action:
                return step
        known = ", ".join(step.action for step in self.steps)
        raise ProcedureError(f"action: {action!r} is not a step of {self.id}; steps: {known}")

    def available(self, state: str) -> list[Step]:
        return [step for step in self.steps if state in step.sources]

    def check(self, step: Step, state: str, party: str, reason: str | None) -> None:
        if state not in step.sources:
            allowed = ", ".join(s.action for s in self.available(state)) or "none (final state)"
            raise ProcedureError(
                f"action: {step.action!r} is not allowed in state {state!r}; allowed: {allowed}"
            )
        if party != step.party:
            raise PartyError(
                f"party: {step.action!r} is taken by {self.party_label(step.party)} "
                f"({step.party}), not by {party}"
            )
        if step.reasons and reason not in step.reasons:
            raise StepInputError(
                f"reason: {step.action!r} needs one of {', '.join(step.reasons)}; got {reason!r}"
            )
        if not step.reasons and reason is not None:
            raise StepInputError(f"reason: {step.action!r} takes no reason code")


_PROCEDURES: dict[str, Procedure] = {}


def register_procedure(procedure: Procedure) -> Procedure:
    _PROCEDURES[procedure.id] = procedure
    return procedure


def get_procedure(identifier: str) -> Procedure:
    from . import procedures  # noqa: F401 - importing registers every procedure

    try:
        return _PROCEDURES[identifier]
    except KeyError:
        raise ProcedureError(
            f"procedure: unknown id {identifier!r}; known: {', '.join(sorted(_PROCEDURES))}"
        ) from None


def all_procedures() -> list[Procedure]:
    from . import procedures  # noqa: F401

    return sorted(_PROCEDURES.values(), key=lambda p: p.id)
