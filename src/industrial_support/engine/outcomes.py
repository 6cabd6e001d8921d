"""Three-valued criteria and four-valued program statuses."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Outcome(IntEnum):
    """A criterion's outcome, stored as a small integer in frames.

    The numbers are ordered by how much an outcome weighs on the program's status, so the
    status is simply the largest code among its criteria (see ``STATUS_BY_CODE``)."""

    MET = 0
    NOT_APPLICABLE = 1  # its condition of application does not hold for this case
    REVIEW = 2  # the law leaves it to an official's judgement, not yet recorded
    UNKNOWN = 3  # a fact it needs is missing
    NOT_MET = 4

    @property
    def label(self) -> str:
        return self.name.lower()


class Status(StrEnum):
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    NEEDS_REVIEW = "needs_review"
    UNDETERMINED = "undetermined"


STATUS_BY_CODE = {
    Outcome.MET: "eligible",
    Outcome.NOT_APPLICABLE: "eligible",
    Outcome.REVIEW: "needs_review",
    Outcome.UNKNOWN: "undetermined",
    Outcome.NOT_MET: "ineligible",
}

STATUS_ORDER = [Status.ELIGIBLE, Status.INELIGIBLE, Status.NEEDS_REVIEW, Status.UNDETERMINED]
