"""Swagger UI (/docs) and ReDoc (/redoc) from assets installed with the package
(``fastapi-offline`` ships them), so the API documentation works without the internet.
The pages carry no inline script: static/docs-init.js starts the viewer."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = Path(str(files("fastapi_offline") / "static"))

_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>industrial-support API · {viewer}</title>
<link rel="icon" href="/static/docs/favicon.png">
{styles}
</head>
<body>
<div id="{element}" data-openapi-url="/openapi.json"></div>
<script src="/static/docs/{bundle}"></script>
<script src="/static/docs-init.js"></script>
</body>
</html>
"""


def install(app: FastAPI) -> None:
    app.mount("/static/docs", StaticFiles(directory=ASSETS), name="docs-assets")

    swagger = _PAGE.format(
        viewer="Swagger UI",
        styles='<link rel="stylesheet" href="/static/docs/swagger-ui.css">',
        element="swagger-ui",
        bundle="swagger-ui-bundle.js",
    )
    redoc = _PAGE.format(viewer="ReDoc", styles="", element="redoc", bundle="redoc.standalone.js")

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return HTMLResponse(swagger)

    @app.get("/redoc", include_in_schema=False)
    def redoc_page() -> HTMLResponse:
        return HTMLResponse(redoc)
