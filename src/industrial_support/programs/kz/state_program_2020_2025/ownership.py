"""001 §5.2 (para.3): entities held 50% or more by the state, national managing holdings,
national holdings or national companies cannot use the Program's support, except
social-entrepreneurial corporations and companies set up under PPP contracts — written as
the base rule and its exception. Each Program instrument requires it explicitly.
"""

from __future__ import annotations

import polars as pl

from ....engine.facts import FactsView as F
from ....engine.facts import catalog
from ....engine.parameters import ParameterView as P
from .common import decimal_param, instrument

facts = catalog("KZ")

facts.define(
    "kz_sp_state_share",
    "decimal",
    unit="ratio",
    minimum=0,
    maximum=1,
    en="Share (0–1) of the entity's shares or participation held, directly or indirectly, by the "
    "state, the national managing holding, national holdings or national companies",
    ja="国・国営マネージングホールディング・国営ホールディング・国営企業が直接又は間接に保有する"
    "株式（持分）の割合（0～1）",
)

facts.define(
    "kz_sp_ownership_exception",
    "boolean",
    en="The entity is a social-entrepreneurial corporation or a company set up under a "
    "public-private partnership contract",
    ja="社会起業家法人又は官民パートナーシップ契約に基づき設立された企業である",
)


# --- State-ownership exclusion --------------------------------------------------------------
ownership = instrument(
    "ownership",
    "classification",
    {
        "en": "State Program 2020–2025: not excluded by state ownership",
        "ja": "産業イノベーション発展国家プログラム2020～2025：国の持分による除外に該当しないこと",
    },
    {
        "en": "Entities held 50% or more by the state or its holdings cannot use Program support, "
        "unless they are social-entrepreneurial corporations or PPP companies.",
        "ja": "国等の持分が50%以上の主体はプログラムの支援を受けられない（社会起業家法人・官民"
        "パートナーシップ企業を除く）。",
    },
    "001 §5.2 para.3",
)


@ownership.criterion(
    "state_share_below_limit",
    "001 §5.2 para.3",
    en="State and state-holding share below 50%",
    ja="国等の持分が50%未満であること",
)
def _state_share(f: F, p: P) -> pl.Expr:
    # "50%以上 ... cannot use": exactly 50% is excluded.
    return f.kz_sp_state_share < decimal_param(p.state_share_limit)


@ownership.exception_to(
    "state_share_below_limit",
    "001 §5.2 para.3",
    en="Except social-entrepreneurial corporations and companies set up under PPP contracts",
    ja="社会起業家法人及び官民パートナーシップ契約の枠内で設立された企業を除く",
    when=lambda f, p: f.kz_sp_ownership_exception,
)
def _excepted(f: F, p: P) -> pl.Expr:
    return pl.lit(True)
