"""001 §5.3: akimats adjust regional programmes to the Program's key indicators by a fixed
day.
"""

from __future__ import annotations

import datetime as dt

from ....engine.citations import cite
from ....engine.deadlines import FixedDate
from .common import IN_FORCE, PARAMETERS


# Reading: "by the end of the first half of 2020" is 30 June 2020, a fixed day (the parameter
# holds it); no working-day shift is stated. Alternative: the first working day of July.
def regional_programme_deadline(as_of: dt.date = dt.date(2020, 1, 1)) -> FixedDate:
    """By when akimats adjust regional programmes to the planned key indicators, as a fixed
    day counted from the Program's entry into force (apply ``.due`` to 1 January 2020)."""
    due: dt.date = PARAMETERS["regional_programme_deadline"].as_of(as_of).value
    start = IN_FORCE["in_force_from"]
    return FixedDate(
        due.month, due.day, cite("001 §5.3 regional programmes"), due.year - start.year
    )
