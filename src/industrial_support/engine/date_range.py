"""The plausible range of any date the system is given (facts, deadlines, calls): outside it
a date is a typing error, not law. Kept apart from ``facts`` so light commands (``deadline``)
can check it without importing Polars."""

import datetime as dt

EARLIEST_DATE = dt.date(1800, 1, 1)
LATEST_DATE = dt.date(2200, 12, 31)
