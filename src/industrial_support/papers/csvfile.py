"""Tables as CSV: UTF-8 with a byte-order mark, so spreadsheet programs read Japanese
headers and names correctly; one header row; values already formatted as text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180 line ends
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else str(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")
