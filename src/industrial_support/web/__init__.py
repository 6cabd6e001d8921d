"""The web application: an HTTP API (FastAPI, OpenAPI) and server-rendered pages in
Japanese and English, on the same engine and case store as the command line."""
