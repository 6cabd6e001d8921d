"""Server-rendered pages (Jinja2 + htmx), one module per area of the site."""

from fastapi import APIRouter

from . import auth, cases, workbench

router = APIRouter()
router.include_router(auth.router)
router.include_router(cases.router)
router.include_router(workbench.router)
