"""Uploading documents to a case through the page's form, as an applicant would."""

from __future__ import annotations

from fastapi.testclient import TestClient

# the smallest file that is a PDF by its content (its signature and trailer)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
# an MP4 by its content: the "ftyp" box with an MP4 brand
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(64)
# the documents of 003 §8 the admission (§9(b)-(c)) waits for; (c) and (d) are optional
SECTION_8 = ("business_plan", "fund_minutes", "compliance_certificate", "publication_consent")


def upload(
    client: TestClient,
    csrf: str,
    case_id: int,
    document: str,
    content: bytes = PDF,
    filename: str = "scan.pdf",
    expect: int = 303,
) -> str:
    response = client.post(
        f"/cases/{case_id}/documents",
        data={"csrf_token": csrf, "document": document},
        files={"file": (filename, content, "application/pdf")},
        follow_redirects=False,
    )
    assert response.status_code == expect, response.text
    return response.text


def file_section_8(client: TestClient, csrf: str, case_id: int) -> None:
    for document in SECTION_8:
        upload(client, csrf, case_id, document)
