"""Server-rendered pages (Jinja2 + htmx), one module per area of the site."""

from fastapi import APIRouter

from . import auth

router = APIRouter()
router.include_router(auth.router)
