"""When each wording of the Law on Industrial Policy (seed 000) is in force: one table of
dates that every KZ program, criterion, value and parameter file takes its ``from``/``to``
from, so one law has one start date everywhere.

The seed is a consolidated text: it prints each amending law's number, its date and its rule
of entry into force ("N calendar days after first official publication"), but not the
publication dates. Each date below is therefore the earliest day the wording can have been
in force — publication on the day the law is dated — and docs/readings.md names the
alternative (the gazette's actual date, which can only be later).
"""

from __future__ import annotations

import datetime as dt

# Base law No. 86-VII of 27 Dec 2021, Art.69: in force ten calendar days after first
# publication: 28 Dec - 6 Jan are the ten days, so from 7 Jan 2022.
BASE_LAW = dt.date(2022, 1, 7)
# Law No. 71-VIII of 6 Apr 2024 (note to Art.60): six months after publication.
LAW_71_VIII_SIX_MONTHS = dt.date(2024, 10, 7)
# Law No. 107-VIII (notes to Art.1 and Art.48): in force from 1 Jan 2025, a fixed date.
LAW_107_VIII = dt.date(2025, 1, 1)
# Law No. 188-VIII of 19 May 2025: ten calendar days after publication (Arts.3, 10, 12, 15,
# 25, 29, 37, 38, 43, 51-1 to 51-7, 68, 69) — 20-29 May, so from 30 May 2025 ...
LAW_188_VIII_TEN_DAYS = dt.date(2025, 5, 30)
# ... and sixty calendar days after publication (Arts.8, 11, 46, 47, 47-1, 48-1, 61-1).
LAW_188_VIII_SIXTY_DAYS = dt.date(2025, 7, 19)
# Law No. 215-VIII of 18 Jul 2025 (Arts.29(13-1), 42-1, 42-2, 62, 65): from 1 Jan 2026.
LAW_215_VIII = dt.date(2026, 1, 1)

# Art.68 (188-VIII wording): CT-KZ certificates of origin and industrial certificates stay
# valid, and may be issued, "until 1 Jan 2026"; Art.69(3): Art.51 was valid until then too.
# Reading: "until 1 January" ends with 31 December (the next regime starts on 1 January).
CT_KZ_LAST_DAY = dt.date(2025, 12, 31)

# The State Program 2020-2025 (seed 001, Passport: period 2020-2025).
STATE_PROGRAM_FIRST_DAY = dt.date(2020, 1, 1)
STATE_PROGRAM_LAST_DAY = dt.date(2025, 12, 31)


def day_before(date: dt.date) -> dt.date:
    """The last day of the wording a new one replaces on ``date``."""
    return date - dt.timedelta(days=1)


def day_after(date: dt.date) -> dt.date:
    """The first day of the wording that follows one ending on ``date``."""
    return date + dt.timedelta(days=1)
