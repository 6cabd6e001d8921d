"""The JSON API under /api: one router per area."""

from fastapi import APIRouter

router = APIRouter(prefix="/api")
