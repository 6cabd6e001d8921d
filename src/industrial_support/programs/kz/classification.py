"""Kazakhstan: who an enterprise *is* for the Law on Industrial Policy (seed 000) and the
State Program 2020–2025 (seed 001).

* ``kz.quasi_public_entity`` — an individual quasi-public-sector entity (000 Art.1(6-1));
* ``kz.nwf_group`` — the National Welfare Fund and entities 50% or more NWF-held, to which
  Art.46 does not apply (000 Art.46(2));
* ``kz.backbone_enterprise`` — a manufacturing enterprise with at least 3% of its region's
  output (000 Art.47-1(1));
* ``kz.large_customer`` — the four kinds of large customer (000 Art.1(25)).

The State Program's 50% state-ownership bar is not a test of the Law: it binds the Program's
own instruments only (``kz.program2025.ownership``, seed 001 §5.2).

Shares held "directly or indirectly" are facts (exact ratios 0..1). Where the ownership
chain is known, :func:`effective_share` computes them: the reading chosen is the
multiplied-through share summed over every chain (see docs/readings.md).
The quasi-public, backbone and large-customer tests are written once as expression builders
(``quasi_public_expr``, ``backbone_expr``) that the large-customer test reuses.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import polars as pl

from ...engine.errors import FactError
from ...engine.facts import FactsView as F
from ...engine.facts import catalog
from ...engine.parameters import ParameterSet
from ...engine.parameters import ParameterView as P
from ...engine.program import Program, ValuesView
from ...engine.rules import amount, share
from .law_dates import BASE_LAW, LAW_188_VIII_SIXTY_DAYS

facts = catalog("KZ")

HOLDINGS = ("national_managing_holding", "national_holding", "national_company")
NWF = "national_welfare_fund"
SOCIAL_ENTREPRENEURIAL = "social_entrepreneurial_corporation"

facts.define(
    "kz_entity_type",
    "enum",
    values=(*HOLDINGS, NWF, SOCIAL_ENTREPRENEURIAL, "other_organisation"),
    en="Kind of organisation: national managing holding, national holding, national company, "
    "the National Welfare Fund, a social-entrepreneurial corporation, or any other organisation",
    ja="組織の種類：国営持株会社（国家管理持株会社）、国有持株会社、国有企業、国民福祉基金、"
    "社会起業家法人、その他の組織",
)
facts.define(
    "kz_national_holding_share",
    "decimal",
    unit="ratio",
    maximum=1,
    en="Share of voting shares (charter-capital interests) held, directly or through chains of "
    "ownership, by national managing holdings, national holdings and national companies "
    "(including the National Welfare Fund), as a ratio 0..1",
    ja="国営持株会社・国有持株会社・国有企業（国民福祉基金を含む）が直接又は間接に保有する"
    "議決権株式（授権資本持分）の割合（0〜1）",
)
facts.define(
    "kz_trust_with_buyout",
    "boolean",
    en="The holdings' stake of 50% or more has been placed in trust management with a natural "
    "person or a non-state legal entity that has a later right to buy it out",
    ja="持株会社等の50%以上の持分が、後日買取権を有する自然人又は非国営法人の信託管理に"
    "移されていること",
)
facts.define(
    "kz_nwf_share",
    "decimal",
    unit="ratio",
    maximum=1,
    en="Share of voting shares (charter-capital interests) belonging to the National Welfare "
    "Fund directly or indirectly, owned or held in its trust management, as a ratio 0..1",
    ja="国民福祉基金に直接又は間接に（所有又は信託管理として）属する議決権株式（授権資本持分）の"
    "割合（0〜1）",
)
facts.define(
    "kz_manufacturing",
    "boolean",
    en="A manufacturing enterprise (processes raw materials, materials or components into new "
    "products, food included)",
    ja="加工業（原材料・資材・構成要素を新製品（食品を含む）に加工する産業）の企業であること",
)
facts.define(
    "kz_output_value",
    "money",
    currency="KZT",
    en="The enterprise's output in its region (oblast, city of republican significance or the "
    "capital), for the same period as the regional total",
    ja="当該企業の生産量（州・政令指定都市・首都の総生産量と同じ期間）",
)
facts.define(
    "kz_regional_output_value",
    "money",
    currency="KZT",
    en="Total output of the region, city of republican significance or the capital where the "
    "enterprise operates, for the same period",
    ja="企業が所在する州・政令指定都市・首都の総生産量（同じ期間）",
)
facts.define(
    "kz_subsoil_extraction_right",
    "enum",
    values=("none", "common_minerals_only", "solid_minerals"),
    en="Subsoil-use right held: none; extraction of common minerals only; or extraction of solid "
    "minerals other than common minerals",
    ja="保有する地下資源利用権：なし／一般鉱物の採掘のみ／一般鉱物以外の固形鉱物の採掘",
)
facts.define(
    "kz_natural_monopoly",
    "enum",
    values=("none", "small", "other"),
    en="Natural-monopoly status: not a natural monopoly; a small natural monopoly; or any other "
    "natural monopoly",
    ja="自然独占の区分：該当しない／小規模自然独占主体／その他の自然独占主体",
)

# Art.1(25) (the backbone kind), Art.46(2) and Art.47-1 are given only as worded by Law
# 188-VIII (in force 60 calendar days after publication: 2025-07-19 at the earliest; the
# seed has no earlier wording), so the programs reading them start on that day.
WORDING_188_FROM = LAW_188_VIII_SIXTY_DAYS

PARAMETERS = ParameterSet.load(Path(__file__).with_name("classification.yaml"))


# --- ownership through chains -----------------------------------------------------------


@dataclass(frozen=True)
class OwnershipLink:
    """``owner`` holds ``share`` (0..1) of the voting shares of ``owned``.

    ``in_trust``: the owner holds the shares in trust management rather than owning them
    (Art.46(2) counts these; Art.1(6-1) and seed 001 count ownership only)."""

    owner: str
    owned: str
    share: Decimal
    in_trust: bool = False


def effective_share(
    links: Iterable[OwnershipLink], holders: Set[str], entity: str, *, count_trust: bool = False
) -> Decimal:
    """Share of ``entity`` that ``holders`` hold directly or indirectly, multiplied through
    every chain and summed over chains (exact). A holder counts as 100% of itself.

    Chosen reading of "directly or indirectly" (000 Art.1(6-1), Art.46(2); 001 L874): the
    economic share through chains; the alternative (control: an entity 50%+ held counts as a
    holder for its own holdings) is listed in docs/readings.md.
    A cycle, a share outside 0..1 or direct shares above 100% in one entity is an error.
    """
    chosen = [link for link in links if count_trust or not link.in_trust]
    owners_of: dict[str, list[OwnershipLink]] = {}
    for link in chosen:
        if not Decimal(0) <= link.share <= Decimal(1):
            raise FactError(
                "ownership", f"{link.owner} → {link.owned}: share {link.share} not in 0..1"
            )
        owners_of.setdefault(link.owned, []).append(link)
    for owned, incoming in owners_of.items():
        if sum((link.share for link in incoming), Decimal(0)) > 1:
            raise FactError("ownership", f"direct shares in {owned} add up to more than 100%")

    def held(node: str, path: tuple[str, ...]) -> Decimal:
        if node in holders:
            return Decimal(1)
        if node in path:
            raise FactError("ownership", f"ownership cycle: {' → '.join((*path, node))}")
        return sum(
            (link.share * held(link.owner, (*path, node)) for link in owners_of.get(node, [])),
            Decimal(0),
        )

    if entity in holders:
        return Decimal(1)
    return held(entity, ())


# --- shared expression builders (one rule source) --------------------------------------


def quasi_public_expr(f: F, p: P) -> pl.Expr:
    """000 Art.1(6-1): a holding or national company by its kind (the NWF and the
    social-entrepreneurial corporation included — see readings), or 50% or more held by them
    directly or indirectly, unless that stake is in trust with a buy-out right."""
    by_kind = f.kz_entity_type.is_in([*HOLDINGS, NWF, SOCIAL_ENTREPRENEURIAL])
    by_share = (
        f.kz_national_holding_share >= amount(p.quasi_public_share_min)
    ) & ~f.kz_trust_with_buyout
    return by_kind | by_share  # Kleene: one known "yes" decides


def backbone_expr(f: F, p: P) -> pl.Expr:
    """000 Art.47-1(1): a manufacturing enterprise with 3% or more ("以上") of the output of
    its region, city of republican significance or the capital."""
    return f.kz_manufacturing & (
        share(f.kz_output_value, f.kz_regional_output_value) >= amount(p.backbone_output_share_min)
    )


# --- programs ----------------------------------------------------------------------------

quasi_public = Program(
    id="kz.quasi_public_entity",
    jurisdiction="KZ",
    kind="classification",
    title={"en": "Individual quasi-public-sector entity", "ja": "準国営部門の個々の主体"},
    summary={
        "en": "Whether an organisation belongs to the quasi-public sector: a holding or national "
        "company, or 50% or more held by them, unless the stake is in trust with a buy-out right.",
        "ja": "持株会社・国有企業そのもの、又はそれらが50%以上を保有する組織（買取権付き信託管理の"
        "場合を除く）であるか。",
    },
    source="000 Art.1(6-1)",
    parameters=PARAMETERS,
    # Art.1 was amended several times (177-VII, 54-VIII, 107-VIII, 188-VIII) without saying
    # which items; the seed gives one wording, read as in force from the base law on.
    in_force_from=BASE_LAW,
)


@quasi_public.criterion(
    "quasi_public",
    "000 Art.1(6-1)",
    en="A national managing holding, national holding or national company (or the NWF or a "
    "social-entrepreneurial corporation), or 50% or more of its voting shares held by them "
    "directly or indirectly and not placed in trust with a buy-out right",
    ja="国営持株会社・国有持株会社・国有企業（国民福祉基金、社会起業家法人を含む）であるか、"
    "それらが議決権株式の50%以上を直接又は間接に保有し、かつ買取権付きの信託管理に移されて"
    "いないこと",
)
def _quasi_public(f: F, p: P) -> pl.Expr:
    return quasi_public_expr(f, p)


@quasi_public.value(
    "basis", "000 Art.1(6-1)", unit="text", en="Ground of the status", ja="該当の根拠"
)
def _quasi_public_basis(f: F, p: P, v: ValuesView) -> pl.Expr:
    by_kind = f.kz_entity_type.is_in([*HOLDINGS, NWF, SOCIAL_ENTREPRENEURIAL])
    return pl.when(by_kind).then(pl.lit("kind")).otherwise(pl.lit("shareholding"))


nwf_group = Program(
    id="kz.nwf_group",
    jurisdiction="KZ",
    kind="classification",
    title={
        "en": "National Welfare Fund group (outside Art.46)",
        "ja": "国民福祉基金グループ（第46条の適用除外）",
    },
    summary={
        "en": "The NWF and legal entities 50% or more of whose voting shares belong to it, "
        "owned or in trust, directly or indirectly: the industrial-development contract rules "
        "of Art.46 do not apply to them.",
        "ja": "国民福祉基金及び議決権株式の50%以上が所有又は信託管理として直接又は間接に同基金に"
        "属する法人には、第46条の規定は適用されない。",
    },
    source="000 Art.46(2)",
    parameters=PARAMETERS,
    in_force_from=WORDING_188_FROM,
)


@nwf_group.criterion(
    "nwf_or_nwf_held",
    "000 Art.46(2)",
    en="The National Welfare Fund itself, or 50% or more of the voting shares belong to it "
    "directly or indirectly, as owner or trust manager",
    ja="国民福祉基金自体であるか、議決権株式の50%以上が所有又は信託管理として直接又は間接に"
    "同基金に属すること",
)
def _nwf(f: F, p: P) -> pl.Expr:
    return (f.kz_entity_type == NWF) | (f.kz_nwf_share >= amount(p.nwf_share_min))


backbone = Program(
    id="kz.backbone_enterprise",
    jurisdiction="KZ",
    kind="classification",
    sectors=("manufacturing",),
    title={"en": "Backbone enterprise", "ja": "基幹企業"},
    summary={
        "en": "A manufacturing enterprise producing 3% or more of the output of its region, "
        "city of republican significance or the capital.",
        "ja": "生産量が所在する州・政令指定都市・首都の総生産量の3%以上である加工業企業。",
    },
    source="000 Art.47-1(1)",
    parameters=PARAMETERS,
    in_force_from=WORDING_188_FROM,
)


@backbone.criterion(
    "manufacturing",
    "000 Art.47-1(1)",
    en="A manufacturing enterprise",
    ja="加工業企業であること",
)
def _backbone_manufacturing(f: F, p: P) -> pl.Expr:
    return f.kz_manufacturing


@backbone.criterion(
    "regional_output_share",
    "000 Art.47-1(1)",
    en="Its output is 3% or more of the regional total",
    ja="生産量が地域の総生産量の3%以上であること",
)
def _backbone_share(f: F, p: P) -> pl.Expr:
    return share(f.kz_output_value, f.kz_regional_output_value) >= amount(
        p.backbone_output_share_min
    )


@backbone.value(
    "output_share",
    "000 Art.47-1(1)",
    unit="ratio",
    en="Share of the regional output",
    ja="地域の総生産量に占める割合",
)
def _backbone_output_share(f: F, p: P, v: ValuesView) -> pl.Expr:
    return share(f.kz_output_value, f.kz_regional_output_value)


large_customer = Program(
    id="kz.large_customer",
    jurisdiction="KZ",
    kind="classification",
    title={"en": "Large customer", "ja": "大規模発注者"},
    summary={
        "en": "Solid-mineral subsoil users (common minerals aside), quasi-public-sector entities, "
        "natural monopolies other than small ones, and backbone enterprises.",
        "ja": "固形鉱物（一般鉱物を除く）の採掘権を有する地下資源利用者、準国営部門の主体、"
        "小規模以外の自然独占主体、基幹企業。",
    },
    source="000 Art.1(25)",
    parameters=PARAMETERS,
    in_force_from=WORDING_188_FROM,
)


@large_customer.criterion(
    "large_customer_kind",
    "000 Art.1(25)",
    en="One of: a subsoil user with a right to extract solid minerals other than common "
    "minerals; a quasi-public-sector entity; a natural monopoly that is not small; a backbone "
    "enterprise",
    ja="次のいずれか：一般鉱物以外の固形鉱物の採掘権を有する地下資源利用者、準国営部門の主体、"
    "小規模でない自然独占主体、基幹企業",
)
def _large_customer(f: F, p: P) -> pl.Expr:
    return (
        (f.kz_subsoil_extraction_right == "solid_minerals")
        | quasi_public_expr(f, p)
        | (f.kz_natural_monopoly == "other")
        | backbone_expr(f, p)
    )
