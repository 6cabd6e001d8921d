"""The JSON API under /api: one router per area."""

from fastapi import APIRouter

from . import account, analysis, cases, deadlines, documents, programs, screening

router = APIRouter(prefix="/api")
for area in (programs, screening, deadlines, cases, documents, analysis, account):
    router.include_router(area.router)
