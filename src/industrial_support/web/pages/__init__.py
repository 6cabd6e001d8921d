"""Server-rendered pages (Jinja2 + htmx), one module per area of the site."""

from fastapi import APIRouter

from . import (
    analysis,
    auth,
    calendar,
    cases,
    catalogue,
    coverage,
    documents,
    papers,
    screening,
    workbench,
)

router = APIRouter()
router.include_router(auth.router)
router.include_router(cases.router)
router.include_router(papers.router)
router.include_router(documents.router)
router.include_router(calendar.router)
router.include_router(workbench.router)
router.include_router(coverage.router)  # before catalogue: /programs/{id} would match
router.include_router(catalogue.router)
router.include_router(screening.router)
router.include_router(analysis.router)
