"""The JSON API under /api: one router per area."""

from fastapi import APIRouter

from . import account, analysis, cases, deadlines, programs, screening

router = APIRouter(prefix="/api")
for area in (programs, screening, deadlines, cases, analysis, account):
    router.include_router(area.router)
