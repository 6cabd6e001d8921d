"""Kazakhstan: industrial assembly agreements (seed 000, Law on Industrial Policy, Arts.62–65).

``kz.assembly.agreement`` — whether a Kazakh legal entity meets the law's entry conditions for
an assembly agreement of its category:

* road tractors, buses, special machinery, passenger cars and trucks (Art.63(2)): the
  localisation-points system's initial requirements; welding, painting (passenger cars: also
  electrophoresis) and body/cab assembly at the plant; models per brand or per TN VED code;
  two-shift capacity (25,000 cars / 10,000 trucks, road tractors, special machinery / 1,200
  buses a year); production assets of 18,000,000 × MCI (cars) or 3,500,000 × MCI (others);
* tractors, grain and forage harvesters (Art.64(1)): cutting, bending, welding, assembly and
  painting; assets of 500,000 × MCI; other agricultural machinery (Art.64(2)): those operations
  its design involves; assets of 100,000 × MCI;
* other vehicles (Art.63(1)) and components (Art.62(1)): no entry thresholds in the law (the
  Authority's Rules under Art.9(23)-(24) set them), so only the Kazakh-legal-entity test.

Breach and termination (Art.62(4), (6)) are dated functions: :func:`cure_deadline`,
:func:`may_terminate`, :func:`benefits_to_refund`. An assembly agreement is also the only
gateway to the incentives of Art.65(1) (``kz.sic.contract`` reads it for producers).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ...engine.citations import cite
from ...engine.deadlines import Period
from ...engine.errors import ProgramError
from ...engine.facts import FactsView as F
from ...engine.facts import catalog
from ...engine.money import Money
from ...engine.parameters import ParameterSet
from ...engine.parameters import ParameterView as P
from ...engine.program import Program, ValuesView
from ...engine.rules import lookup
from .contracts import mci_expr
from .law_dates import BASE_LAW

facts = catalog("KZ")
PARAMETERS = ParameterSet.load(Path(__file__).with_suffix(".yaml"))

PASSENGER_CAR = "passenger_car"
HEAVY_VEHICLES = ("truck", "road_tractor", "special_machinery", "bus")
THRESHOLD_VEHICLES = (PASSENGER_CAR, *HEAVY_VEHICLES)  # Art.63(2)
MAIN_AGRICULTURAL = ("tractor", "grain_harvester", "forage_harvester")  # Art.64(1)
OTHER_AGRICULTURAL = "other_agricultural_machinery"  # Art.64(2)
CATEGORIES = (
    *THRESHOLD_VEHICLES,
    "other_vehicle",
    *MAIN_AGRICULTURAL,
    OTHER_AGRICULTURAL,
    "components",
)

facts.define(
    "kz_assembly_category",
    "enum",
    values=CATEGORIES,
    en="What the agreement would cover: passenger cars, trucks, road tractors, special "
    "machinery, buses, other vehicles; tractors, grain harvesters, forage harvesters, other "
    "agricultural machinery; or components of vehicles / agricultural machinery",
    ja="契約の対象：乗用車、貨物運搬車、ロードトラクター、特殊機械、バス、その他の輸送手段、"
    "トラクター、穀物収穫機、飼料収穫機、その他の農業機械、又は輸送手段・農業機械の部品",
)
facts.define(
    "kz_assembly_kz_legal_entity",
    "boolean",
    en="The applicant is a legal entity of Kazakhstan",
    ja="申請者がカザフスタン共和国の法人であること",
)
facts.define(
    "kz_assembly_localisation_initial_met",
    "boolean",
    en="The Authority found the initial requirements of the localisation-points system met "
    "(including the use of technological equipment)",
    ja="権限機関が現地生産得点評価制度の初期要件（技術設備の使用を含む）の充足を認めたこと",
)
facts.define(
    "kz_assembly_welding",
    "boolean",
    en="Welding is done at the plant",
    ja="企業内で溶接を行うこと",
)
facts.define(
    "kz_assembly_painting",
    "boolean",
    en="Painting is done at the plant",
    ja="企業内で塗装を行うこと",
)
facts.define(
    "kz_assembly_electrophoresis",
    "boolean",
    en="Electrophoretic (e-coat) priming is done at the plant",
    ja="企業内で電気泳動塗装を行うこと",
)
facts.define(
    "kz_assembly_body_assembly",
    "boolean",
    en="Body (cab) assembly is done at the plant",
    ja="企業内で車体（キャビン）組立を行うこと",
)
facts.define(
    "kz_assembly_brands",
    "integer",
    unit="brands",
    en="Number of passenger-car brands the plant makes",
    ja="生産する乗用車のブランド数",
)
facts.define(
    "kz_assembly_min_models_per_brand",
    "integer",
    unit="models",
    en="Number of models of the brand with the fewest models (with one brand: its models)",
    ja="最もモデル数の少ないブランドのモデル数（1ブランドの場合はそのモデル数）",
)
facts.define(
    "kz_assembly_min_models_per_tnved",
    "integer",
    unit="models",
    en="Number of models under the TN VED code with the fewest models",
    ja="最もモデル数の少ないTNVEDコードのモデル数",
)
facts.define(
    "kz_assembly_two_shift_capacity",
    "integer",
    unit="units a year",
    en="Yearly production capacity on a two-shift basis",
    ja="2シフト制での年間生産能力（台）",
)
facts.define(
    "kz_assembly_production_assets",
    "money",
    currency="KZT",
    en="Production assets on the balance sheet of the enterprise or of a leasing company, "
    "including leased assets used in the assembly",
    ja="企業又はリース会社の貸借対照表上の生産資産（工業組立に用いるリース資産を含む）",
)
facts.define(
    "kz_assembly_cutting",
    "boolean",
    en="Cutting of materials is done at the plant",
    ja="企業内で資材の切断を行うこと",
)
facts.define(
    "kz_assembly_bending",
    "boolean",
    en="Bending of materials is done at the plant",
    ja="企業内で資材の曲げ加工を行うこと",
)
facts.define(
    "kz_assembly_assembling",
    "boolean",
    en="Assembly is done at the plant",
    ja="企業内で組立を行うこと",
)
facts.define(
    "kz_assembly_design_operations_done",
    "boolean",
    en="Of cutting, bending, welding, assembly and painting, every one the machine's design "
    "involves is done at the plant",
    ja="切断・曲げ加工・溶接・組立・塗装のうち、機械の設計に含まれるものを全て企業内で行うこと",
)


def _threshold_vehicle(f: F, p: P) -> pl.Expr:
    return f.kz_assembly_category.is_in(list(THRESHOLD_VEHICLES))


def _passenger_car(f: F, p: P) -> pl.Expr:
    return f.kz_assembly_category == PASSENGER_CAR


def _heavy_vehicle(f: F, p: P) -> pl.Expr:
    return f.kz_assembly_category.is_in(list(HEAVY_VEHICLES))


def _main_agricultural(f: F, p: P) -> pl.Expr:
    return f.kz_assembly_category.is_in(list(MAIN_AGRICULTURAL))


def _other_agricultural(f: F, p: P) -> pl.Expr:
    return f.kz_assembly_category == OTHER_AGRICULTURAL


def _with_asset_threshold(f: F, p: P) -> pl.Expr:
    return f.kz_assembly_category.is_in(
        [*THRESHOLD_VEHICLES, *MAIN_AGRICULTURAL, OTHER_AGRICULTURAL]
    )


agreement = Program(
    id="kz.assembly.agreement",
    jurisdiction="KZ",
    kind="contract",
    sectors=("automotive", "machinery", "components"),
    title={
        "en": "Industrial assembly agreement: entry conditions",
        "ja": "工業組立契約：締結要件",
    },
    summary={
        "en": "The Authority concludes assembly agreements for vehicles, agricultural machinery "
        "and their components; for the main vehicle and machine categories the law fixes "
        "processes, models, capacity and production assets.",
        "ja": "権限機関は輸送手段・農業機械・部品の工業組立契約を締結する。主要区分については工程、"
        "モデル数、生産能力、生産資産の要件が法定されている。",
    },
    provider={
        "en": "Authority for state stimulation of industry",
        "ja": "国家産業促進分野の権限機関",
    },
    source="000 Arts.62-64",
    parameters=PARAMETERS,
    # Arts.63-64 are base law (Art.69); Art.62's cure period exists only in 215-VIII's
    # wording (from 2026-01-01), which assembly.yaml dates.
    in_force_from=BASE_LAW,
)


@agreement.criterion(
    "kz_legal_entity",
    "000 Art.62(1)",
    en="The applicant is a Kazakh legal entity",
    ja="申請者がカザフスタン共和国の法人であること",
)
def _kz_entity(f: F, p: P) -> pl.Expr:
    return f.kz_assembly_kz_legal_entity


@agreement.criterion(
    "localisation_initial_requirements",
    "000 Art.63(2)",
    en="The initial requirements of the localisation-points system are met (the Authority's "
    "finding under its Rules)",
    ja="現地生産得点評価制度の初期要件を満たすこと（規則に基づく権限機関の判断）",
    applies=_threshold_vehicle,
    on_unknown="review",
)
def _localisation(f: F, p: P) -> pl.Expr:
    return f.kz_assembly_localisation_initial_met


@agreement.criterion(
    "vehicle_processes",
    "000 Art.63(2)(1)",
    en="Welding, painting and body (cab) assembly are done at the plant",
    ja="溶接、塗装及び車体（キャビン）組立を企業内で行うこと",
    applies=_threshold_vehicle,
)
def _vehicle_processes(f: F, p: P) -> pl.Expr:
    return f.kz_assembly_welding & f.kz_assembly_painting & f.kz_assembly_body_assembly


@agreement.criterion(
    "electrophoresis",
    "000 Art.63(2)(1)",
    en="Passenger cars: painting includes electrophoresis",
    ja="乗用車：塗装に電気泳動を含むこと",
    applies=_passenger_car,
)
def _electrophoresis(f: F, p: P) -> pl.Expr:
    return f.kz_assembly_electrophoresis


@agreement.criterion(
    "car_models",
    "000 Art.63(2)(1)",
    en="Passenger cars: with two or more brands at least 1 model of each; with one brand at "
    "least 2 models",
    ja="乗用車：2以上のブランドは各ブランド1モデル以上、1ブランドのみは2モデル以上",
    applies=_passenger_car,
)
def _car_models(f: F, p: P) -> pl.Expr:
    brands, fewest = f.kz_assembly_brands, f.kz_assembly_min_models_per_brand
    multi_brand: int = p.car_brands_for_per_brand_rule
    per_brand: int = p.car_models_per_brand_min
    single: int = p.car_models_single_brand_min
    # No brand at all fails both branches (a plant with no brand makes no car).
    return ((brands >= multi_brand) & (fewest >= per_brand)) | ((brands == 1) & (fewest >= single))


@agreement.criterion(
    "models_per_tnved",
    "000 Art.63(2)(1)",
    en="Road tractors, buses, special machinery, trucks: at least 1 model per TN VED code",
    ja="ロードトラクター、バス、特殊機械、貨物運搬車：TNVEDコード毎に1モデル以上",
    applies=_heavy_vehicle,
)
def _models_per_tnved(f: F, p: P) -> pl.Expr:
    minimum: int = p.models_per_tnved_min
    return f.kz_assembly_min_models_per_tnved >= minimum


@agreement.criterion(
    "capacity",
    "000 Art.63(2)(1)",
    en="Two-shift capacity at least 25,000 cars / 10,000 trucks, road tractors, special "
    "machinery / 1,200 buses a year",
    ja="2シフト制の年間生産能力：乗用車25,000台、貨物運搬車・ロードトラクター・特殊機械1万台、"
    "バス1,200台以上",
    applies=_threshold_vehicle,
)
def _capacity(f: F, p: P) -> pl.Expr:
    minimum = lookup(f.kz_assembly_category, p.capacity_min, pl.Int64())
    return f.kz_assembly_two_shift_capacity >= minimum


@agreement.criterion(
    "agricultural_operations",
    "000 Art.64(1)(1)",
    en="Tractors and harvesters: cutting, bending, welding, assembly and painting are done",
    ja="トラクター・収穫機：切断、曲げ加工、溶接、組立及び塗装を行うこと",
    applies=_main_agricultural,
)
def _agri_operations(f: F, p: P) -> pl.Expr:
    return (
        f.kz_assembly_cutting
        & f.kz_assembly_bending
        & f.kz_assembly_welding
        & f.kz_assembly_assembling
        & f.kz_assembly_painting
    )


@agreement.criterion(
    "design_operations",
    "000 Art.64(2)(1)",
    en="Other agricultural machinery: those of the operations its design involves are done",
    ja="その他の農業機械：設計に含まれる製造業務を行うこと",
    applies=_other_agricultural,
)
def _design_operations(f: F, p: P) -> pl.Expr:
    return f.kz_assembly_design_operations_done


# Reading: "the MCI of the financial year" is the MCI of the year of the evaluation date (the
# day the conditions are checked for concluding the agreement). Alternative: the year of the
# balance sheet the assets are taken from.
@agreement.criterion(
    "production_assets",
    "000 Art.63(2)(2), Art.64(1)(2), Art.64(2)(2)",
    en="Production assets at least 18,000,000 × MCI (cars), 3,500,000 × MCI (trucks, road "
    "tractors, special machinery, buses), 500,000 × MCI (tractors, harvesters), 100,000 × MCI "
    "(other agricultural machinery)",
    ja="生産資産：乗用車は月次算定指標の1,800万倍、貨物運搬車等は350万倍、トラクター・収穫機は"
    "50万倍、その他の農業機械は10万倍以上",
    applies=_with_asset_threshold,
)
def _assets(f: F, p: P) -> pl.Expr:
    return f.kz_assembly_production_assets >= _assets_minimum(f, p)


def _assets_minimum(f: F, p: P) -> pl.Expr:
    return lookup(f.kz_assembly_category, p.assets_min_mci) * mci_expr(p)


@agreement.value(
    "capacity_minimum",
    "000 Art.63(2)(1)",
    unit="count",
    en="Smallest two-shift yearly capacity for the category (none set: empty)",
    ja="区分の2シフト制年間生産能力の下限（定めなしは空）",
)
def _capacity_minimum(f: F, p: P, v: ValuesView) -> pl.Expr:
    return lookup(f.kz_assembly_category, p.capacity_min, pl.Int64())


@agreement.value(
    "assets_minimum",
    "000 Art.63(2)(2), Art.64(1)(2), Art.64(2)(2)",
    unit="KZT",
    en="Smallest production assets for the category in KZT (multiple × MCI of the year)",
    ja="区分の生産資産の下限（倍数×当該年の月次算定指標、テンゲ）",
)
def _assets_minimum_value(f: F, p: P, v: ValuesView) -> pl.Expr:
    return _assets_minimum(f, p)


# ============================================================================================
# Art.62(4), (6) — breach, termination and refund of benefits
# ============================================================================================


def cure_rule(notice_sent: dt.date) -> Period:
    """The cure period of Art.62(4) as in force on the day the notice is sent."""
    months: int = PARAMETERS.as_of(notice_sent).cure_months
    return Period(months, cite("000 Art.62(4)"))


def cure_deadline(notice_sent: dt.date) -> dt.date:
    """Last day to cure a breach notified on ``notice_sent``: 3 months later, on the
    corresponding day (the month's last day where there is none).

    Reading: the period runs from the day the notice is sent, as the article says ("from
    sending"), not from its receipt; a deadline on a day off is not moved.
    """
    return cure_rule(notice_sent).due(notice_sent)


def may_terminate(notice_sent: dt.date, on: dt.date, cured_on: dt.date | None) -> bool:
    """Whether on ``on`` the Authority may terminate the agreement unilaterally (Art.62(4)):
    the cure period has run out and the breach was not cured by its last day.

    ``cured_on`` is the day the breach was cured, or None if it has not been cured.
    """
    deadline = cure_deadline(notice_sent)
    if cured_on is not None and cured_on < notice_sent:
        raise ProgramError("may_terminate: a breach cannot be cured before it is notified")
    cured_in_time = cured_on is not None and cured_on <= deadline
    return on > deadline and not cured_in_time


@dataclass(frozen=True)
class Benefit:
    """A benefit received under the agreement: its TN VED code, date and amount."""

    tnved: str
    received_on: dt.date
    amount: Money


def benefits_to_refund(
    benefits: Iterable[Benefit], agreement_date: dt.date, tnved_codes: Iterable[str]
) -> Money:
    """What an entity whose agreement was terminated for breach refunds (Art.62(6)): the
    benefits received since the agreement date under the agreement's TN VED codes.

    Reading: "since the agreement date" includes benefits received on that date.
    """
    codes = set(tnved_codes)
    total = Money.of(0, "KZT")
    for benefit in benefits:
        if benefit.amount.currency != "KZT":
            raise ProgramError(f"benefits_to_refund: expected KZT, got {benefit.amount}")
        if benefit.tnved in codes and benefit.received_on >= agreement_date:
            total = Money(total.amount + benefit.amount.amount, "KZT")
    return total
