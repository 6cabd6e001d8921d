"""The JSON API under /api: one router per area."""

from fastapi import APIRouter

from . import analysis, cases, deadlines, programs, screening

router = APIRouter(prefix="/api")
for area in (programs, screening, deadlines, cases, analysis):
    router.include_router(area.router)
