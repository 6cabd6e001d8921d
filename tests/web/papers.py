"""Reading what the site hands out: the text of a PDF (pypdf) and the rows of a CSV."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from httpx2 import Response
from pypdf import PdfReader

JAPANESE = "\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef"


def pdf_text(response: Response) -> str:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(response.content))
    # a narrow table cell wraps Japanese anywhere: a line break between two Japanese
    # characters is layout, not text; elsewhere whitespace is squeezed to one space
    text = " ".join(page.extract_text() for page in reader.pages)
    text = re.sub(rf"(?<=[{JAPANESE}])\s+(?=[{JAPANESE}])", "", text)
    return re.sub(r"\s+", " ", text)


def embedded_fonts(response: Response) -> set[str]:
    reader = PdfReader(io.BytesIO(response.content))
    names = set()
    for page in reader.pages:
        resources: Any = page["/Resources"]
        fonts = resources["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            if descriptor and any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                names.add(str(font["/BaseFont"]))
    return names


def csv_rows(response: Response) -> list[list[str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))
