"""The article-coverage map as a page (/programs/coverage): per seed, every article, paragraph
and item with the rules citing it, or why none does (see industrial_support.coverage)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from ...coverage import build_map
from ...engine.citations import SEEDS
from ..i18n import N_
from .catalogue import choice
from .common import page

router = APIRouter(include_in_schema=False)

SEED_TITLES = {
    "000": N_("Kazakhstan — Law on Industrial Policy"),
    "001": N_("Kazakhstan — State Program of Industrial-Innovative Development 2020–2025"),
    "002": N_("Japan — Act on the Enhancement of SME Monozukuri Base Technologies"),
    "003": N_("Russia — Government Decree No. 1176 (2022)"),
    "004": N_("Russia — survey of federal, fund and regional support schemes"),
}
STATUSES = {
    "encoded": N_("encoded"),
    "declarative": N_("declarative (no rule)"),
    "not_modelled": N_("not modelled"),
    "uncited": N_("not cited (other parts of the article are encoded)"),
    "unaccounted": N_("unaccounted for"),
}
KINDS = {
    "program": N_("program"),
    "criterion": N_("criterion"),
    "value": N_("value"),
    "parameter": N_("parameter"),
    "step": N_("procedure step"),
    "deadline": N_("deadline rule"),
    "target": N_("target indicator"),
}


@router.get("/programs/coverage", response_class=HTMLResponse)
def coverage_page(request: Request, seed: str = "") -> Response:
    seed = choice(seed, "seed", SEEDS)
    coverage = build_map()
    seeds = [seed] if seed else list(SEEDS)
    return page(
        request,
        "coverage.html",
        section="programs",
        seed=seed,
        seeds=seeds,
        all_seeds=list(SEEDS),
        summary=coverage.summary(),
        nodes={name: list(coverage.nodes[name].values()) for name in seeds},
        titles=SEED_TITLES,
        statuses=STATUSES,
        kinds=KINDS,
    )
