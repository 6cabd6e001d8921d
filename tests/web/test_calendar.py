"""The obligations feed (iCalendar): an applicant's feed carries the signing deadline of
its admitted application (10 working days, 003 §9(c)-(d)); an official's carries the review."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient
from icalendar import Calendar

from .conftest import login, token
from .documents import file_section_8


def _events(
    client: TestClient, headers: dict[str, str], lang: str = "en"
) -> list[dict[str, object]]:
    response = client.get(f"/calendar.ics?lang={lang}", headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/calendar")
    feed = Calendar.from_ical(response.content)
    return [
        {
            "summary": str(e["summary"]),
            "start": e.decoded("dtstart"),
            "description": str(e["description"]),
        }
        for e in feed.walk("VEVENT")
    ]


def test_the_applicants_feed_carries_the_signing_deadline(client: TestClient) -> None:
    csrf = login(client, "applicant-ru")
    applied = client.post(
        "/calls/1/apply",
        data={"csrf_token": csrf, "idempotency_key": "ical-key-01", "subject": "Hubs"},
        follow_redirects=False,
    )
    case_id = int(applied.headers["location"].rsplit("/", 1)[1])
    file_section_8(client, csrf, case_id)
    applicant = token(client, "applicant-ru")
    assert _events(client, applicant) == []  # the review is the ministry's, not the applicant's
    official = token(client, "official-ru")
    for action in ("register", "admit"):
        step = client.post(
            f"/api/cases/{case_id}/transitions", headers=official, json={"action": action}
        )
        assert step.status_code == 200, step.text
    # admitted 2 June; 10 working days, 12-13 June off → 18 June (003 §9(c))
    (signing,) = _events(client, applicant)
    assert signing["start"] == dt.date(2025, 6, 18)
    assert signing["summary"] == f"Sign the agreement · Case number {case_id}"
    assert "003 §9(d)" in str(signing["description"])  # where the 10 days are stated
    (ja,) = _events(client, applicant, "ja")
    assert ja["summary"] == f"協定書への署名 · 案件番号 {case_id}"
    # the official's feed: the review of the demo application, due 6 August (003 §9)
    reviews = [e for e in _events(client, official) if e["start"] == dt.date(2025, 8, 6)]
    assert reviews and str(reviews[0]["summary"]).startswith("Review the application")


def test_the_feed_needs_an_account(client: TestClient) -> None:
    assert client.get("/calendar.ics", follow_redirects=False).status_code == 303
