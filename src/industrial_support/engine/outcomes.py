"""Three-valued criteria and four-valued program statuses."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Outcome(IntEnum):
    """A criterion's outcome, stored as a small integer in frames."""

    UNKNOWN = 0  # a fact it needs is missing
    MET = 1
    NOT_MET = 2
    NOT_APPLICABLE = 3  # its condition of application does not hold for this case
    REVIEW = 4  # the law leaves it to an official's judgement, not yet recorded

    @property
    def label(self) -> str:
        return self.name.lower()


class Status(StrEnum):
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    NEEDS_REVIEW = "needs_review"
    UNDETERMINED = "undetermined"


STATUS_ORDER = [Status.ELIGIBLE, Status.INELIGIBLE, Status.NEEDS_REVIEW, Status.UNDETERMINED]
