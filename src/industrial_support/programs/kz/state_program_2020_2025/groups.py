"""001 §5.1: the four target groups (new industrial players, strong rear, growth drivers,
power centres) and the measures each may use; the categories are official findings where
the text gives no threshold.
"""

from __future__ import annotations

import polars as pl

from ....engine.facts import FactsView as F
from ....engine.facts import catalog
from ....engine.parameters import ParameterView as P
from ....engine.program import Program, RuleFn, ValuesView
from ....engine.rules import amount
from .common import count_of, instrument, joined_list
from .ownership import ownership

facts = catalog("KZ")

ACTIVITIES = ("manufacturing", "manufacturing_related_services", "other")

facts.define(
    "kz_sp_activity",
    "enum",
    values=ACTIVITIES,
    en="Main activity: manufacturing, services related to manufacturing, or other",
    ja="主たる事業：製造業、製造業関連サービス、その他",
)

facts.define(
    "kz_sp_newly_created",
    "boolean",
    en="Finding that the firm is newly created (the Program sets no age limit)",
    ja="創業まもない企業であるとの判断（プログラムに年数基準はない）",
)

facts.define(
    "kz_sp_domestic_market",
    "boolean",
    en="The firm already operates on the domestic market",
    ja="すでに国内市場で事業を行っている",
)

facts.define(
    "kz_sp_regular_taxes",
    "boolean",
    en="Finding that the firm pays taxes regularly",
    ja="定期的に納税しているとの判断",
)

facts.define(
    "kz_sp_regular_fx_earnings",
    "boolean",
    en="Finding that the firm earns foreign currency regularly",
    ja="定期的に外貨収入を得ているとの判断",
)

facts.define(
    "kz_sp_value_added_index",
    "integer",
    minimum=1,
    en="Value-added index of the firm's (planned) products on the scale the Program calls "
    "'index 4 and 5'",
    ja="製造する（予定の）製品の付加価値指数（プログラムのいう「指数4及び5」の尺度）",
)

POWER_BASES = (
    "strategic_or_high_tech_manufacturer",
    "tnc_joint_venture_or_large_foreign_capital",
    "defence_or_security_project",
    "none",
)

facts.define(
    "kz_sp_power_centre_basis",
    "enum",
    values=POWER_BASES,
    en="Ground for the 'power centres' group: strategically important and/or high-tech "
    "manufacturer; joint venture with a multinational or large foreign-capital project; "
    "strategic defence or national-security project; or none",
    ja="「パワーセンター」の該当事由：戦略的に重要な又はハイテクの製造業企業、多国籍企業との"
    "JV又は大規模外資案件、防衛・国家安全保障関連の戦略案件、なし",
)

facts.define(
    "kz_sp_business_proposal",
    "boolean",
    en="The firm has submitted a business proposal offering counter-obligations",
    ja="相互義務を提示する事業提案を提出した",
)

facts.define(
    "kz_sp_commission_approved",
    "boolean",
    en="The Industrial Development Commission has approved the package conditions",
    ja="産業発展委員会が支援パッケージの条件を承認した",
)


# --- Target groups ----------------------------------------------------------------------------
def _manufacturing(f: F) -> pl.Expr:
    return f.kz_sp_activity.is_in(["manufacturing", "manufacturing_related_services"])


new_industrial_player = instrument(
    "new_industrial_player",
    "classification",
    {
        "en": "Group 1 'New industrial players' and their measures",
        "ja": "第1グループ「新規産業プレーヤー」及びその促進策",
    },
    {
        "en": "Newly created manufacturers and related service firms; selected on application; "
        "common measures plus the group's own.",
        "ja": "創業まもない製造業・関連サービス企業。申請制。共通施策及びグループ独自の施策。",
    },
    "001 §5.2 Group 1",
)
new_industrial_player.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


def _manufacturing_criterion(program: Program, group: int) -> None:
    """Groups 1-3 share this test; written once, added to each group's program."""

    @program.criterion(
        "manufacturing_or_related",
        f"001 §5.2 Group {group}",
        en="Works in manufacturing or services related to it",
        ja="製造業又は製造業関連サービスを営むこと",
    )
    def _activity(f: F, p: P) -> pl.Expr:
        return _manufacturing(f)


def _existing_firm_criterion(program: Program, group: int) -> None:
    """Groups 2-3: an existing firm (whether it is "newly created" is an official's call)."""

    @program.criterion(
        "existing_firm",
        f"001 §5.2 Group {group}",
        en="Is an existing firm, not a newly created one",
        ja="創業まもない企業ではなく既存企業であること",
        on_unknown="review",
    )
    def _existing(f: F, p: P) -> pl.Expr:
        return f.kz_sp_newly_created.not_()


# Reading: the targeted incentives are for manufacturers (direction 2 speaks of "製造業企業");
# group 1 says "manufacturing and related services" outright, and we apply the same to groups
# 2 and 3. Alternative: groups 2 and 3 open to any sector.
_manufacturing_criterion(new_industrial_player, 1)


@new_industrial_player.criterion(
    "newly_created",
    "001 §5.2 Group 1",
    en="Is newly created (no age limit is set: an official's finding)",
    ja="創業まもない企業であること（年数基準なし・担当者の判断）",
    on_unknown="review",
)
def _g1_new(f: F, p: P) -> pl.Expr:
    return f.kz_sp_newly_created


@new_industrial_player.value(
    "entitled_measures",
    "001 §5.2 Group 1",
    unit="text",
    en="Measures open to the firm (common ones and the group's own)",
    ja="利用できる施策（共通施策及びグループの施策）",
)
def _g1_measures(f: F, p: P, v: ValuesView) -> pl.Expr:
    return joined_list(p.measures_common, p.measures_new_industrial_player)


@new_industrial_player.value(
    "entitled_measure_count",
    "001 §5.2 Group 1",
    unit="count",
    en="Number of measures open to the firm",
    ja="利用できる施策の数",
)
def _g1_count(f: F, p: P, v: ValuesView) -> pl.Expr:
    return count_of(p.measures_common, p.measures_new_industrial_player)


strong_rear = instrument(
    "strong_rear",
    "classification",
    {
        "en": "Group 2 'Strong rear' and their measures",
        "ja": "第2グループ「強力なリア」及びその促進策",
    },
    {
        "en": "Existing firms on the domestic market that pay taxes regularly; group 1's measures "
        "plus their own.",
        "ja": "国内市場で事業を行い定期的に納税する既存企業。第1グループの施策に加え独自の施策。",
    },
    "001 §5.2 Group 2",
)
strong_rear.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


_manufacturing_criterion(strong_rear, 2)


# Reading: "すでに国内市場で活動" describes an existing firm, so a newly created one is
# group 1, not group 2. Alternative: a new firm could also be group 2.
_existing_firm_criterion(strong_rear, 2)


@strong_rear.criterion(
    "domestic_market",
    "001 §5.2 Group 2",
    en="Already operates on the domestic market",
    ja="すでに国内市場で事業を行っていること",
)
def _g2_domestic(f: F, p: P) -> pl.Expr:
    return f.kz_sp_domestic_market


@strong_rear.criterion(
    "regular_taxes",
    "001 §5.2 Group 2",
    en="Pays taxes regularly (no threshold is set: an official's finding)",
    ja="定期的に納税していること（基準なし・担当者の判断）",
    on_unknown="review",
)
def _g2_taxes(f: F, p: P) -> pl.Expr:
    return f.kz_sp_regular_taxes


@strong_rear.value(
    "entitled_measures",
    "001 §5.2 Group 2",
    unit="text",
    en="Measures open to the firm (common, group 1 and group 2)",
    ja="利用できる施策（共通、第1グループ及び第2グループ）",
)
def _g2_measures(f: F, p: P, v: ValuesView) -> pl.Expr:
    return joined_list(p.measures_common, p.measures_new_industrial_player, p.measures_strong_rear)


@strong_rear.value(
    "entitled_measure_count",
    "001 §5.2 Group 2",
    unit="count",
    en="Number of measures open to the firm",
    ja="利用できる施策の数",
)
def _g2_count(f: F, p: P, v: ValuesView) -> pl.Expr:
    return count_of(p.measures_common, p.measures_new_industrial_player, p.measures_strong_rear)


growth_driver = instrument(
    "growth_driver",
    "classification",
    {
        "en": "Group 3 'Growth drivers' and their measures",
        "ja": "第3グループ「成長ドライバー」及びその促進策",
    },
    {
        "en": "Existing firms with regular foreign-currency earnings; groups 1 and 2's measures "
        "plus "
        "their own; standard package for value-added index 4 and 5.",
        "ja": "定期的に外貨収入を得る既存企業。第1・第2グループの施策に加え独自の施策。"
        "付加価値指数4・5"
        "はスタンダード型パッケージ。",
    },
    "001 §5.2 Group 3",
)
growth_driver.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


_manufacturing_criterion(growth_driver, 3)


_existing_firm_criterion(growth_driver, 3)


@growth_driver.criterion(
    "regular_fx_earnings",
    "001 §5.2 Group 3",
    en="Earns foreign currency regularly (no threshold is set: an official's finding)",
    ja="定期的に外貨収入を得ていること（基準なし・担当者の判断）",
    on_unknown="review",
)
def _g3_fx(f: F, p: P) -> pl.Expr:
    return f.kz_sp_regular_fx_earnings


@growth_driver.value(
    "entitled_measures",
    "001 §5.2 Group 3",
    unit="text",
    en="Measures open to the firm (common, groups 1, 2 and 3)",
    ja="利用できる施策（共通、第1～第3グループ）",
)
def _g3_measures(f: F, p: P, v: ValuesView) -> pl.Expr:
    return joined_list(
        p.measures_common,
        p.measures_new_industrial_player,
        p.measures_strong_rear,
        p.measures_growth_driver,
    )


@growth_driver.value(
    "entitled_measure_count",
    "001 §5.2 Group 3",
    unit="count",
    en="Number of measures open to the firm",
    ja="利用できる施策の数",
)
def _g3_count(f: F, p: P, v: ValuesView) -> pl.Expr:
    return count_of(
        p.measures_common,
        p.measures_new_industrial_player,
        p.measures_strong_rear,
        p.measures_growth_driver,
    )


# Reading: "指数4及び5" is taken literally as the indices 4 and 5 of a scale the excerpt does
# not define. Alternative: "4 or higher" on a longer scale.
@growth_driver.value(
    "standard_package",
    "001 §5.2 Group 3 (packages)",
    unit="flag",
    en="Products of value-added index 4 or 5 open the standard package (non-financial support, "
    "grants, standard-term finance)",
    ja="付加価値指数4又は5の製品はスタンダード型パッケージの対象",
)
def _g3_standard(f: F, p: P, v: ValuesView) -> pl.Expr:
    return f.kz_sp_value_added_index.is_in(p.standard_package_indices)


@growth_driver.value(
    "foreign_buyer_yield_min",
    "001 §5.2 Group 3",
    unit="ratio",
    en="Lowest final yield (USD) of direct loans to foreign buyers",
    ja="海外バイヤー向け直接貸付の最終利回り（米ドル）の下限",
)
def _g3_yield_min(f: F, p: P, v: ValuesView) -> pl.Expr:
    return amount(p.foreign_buyer_yield_min)


@growth_driver.value(
    "foreign_buyer_yield_max",
    "001 §5.2 Group 3",
    unit="ratio",
    en="Highest final yield (USD) of direct loans to foreign buyers",
    ja="海外バイヤー向け直接貸付の最終利回り（米ドル）の上限",
)
def _g3_yield_max(f: F, p: P, v: ValuesView) -> pl.Expr:
    return amount(p.foreign_buyer_yield_max)


power_centre = instrument(
    "power_centre",
    "classification",
    {
        "en": "Group 4 'Power centres' (package decided by the Commission)",
        "ja": "第4グループ「パワーセンター」（委員会が支援パッケージを決定）",
    },
    {
        "en": "Strategic or high-tech manufacturers, joint ventures with multinationals or large "
        "foreign-capital projects, and strategic defence projects; support is decided case by "
        "case.",
        "ja": "戦略的・ハイテクの製造業企業、多国籍企業とのJV・大規模外資案件、防衛関連の戦略案件。"
        "支援は個別に決定。",
    },
    "001 §5.2 Group 4",
)
power_centre.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


@power_centre.criterion(
    "power_centre_ground",
    "001 §5.2 Group 4",
    en="Is a strategic or high-tech manufacturer, a multinational joint venture or large "
    "foreign-capital project, or a strategic defence or security project",
    ja="戦略的・ハイテクの製造業企業、多国籍企業とのJV・大規模外資案件又は防衛・安全保障関連の"
    "戦略案件であること",
)
def _g4_ground(f: F, p: P) -> pl.Expr:
    return f.kz_sp_power_centre_basis != "none"


@power_centre.criterion(
    "business_proposal",
    "001 §5.2 Group 4",
    en="Has submitted a business proposal offering counter-obligations",
    ja="相互義務を提示する事業提案を提出していること",
)
def _g4_proposal(f: F, p: P) -> pl.Expr:
    return f.kz_sp_business_proposal


@power_centre.criterion(
    "commission_decision",
    "001 §5.2 Group 4",
    en="The Industrial Development Commission has approved the package (its decision)",
    ja="産業発展委員会が支援パッケージを承認していること（委員会の判断）",
    on_unknown="review",
)
def _g4_commission(f: F, p: P) -> pl.Expr:
    return f.kz_sp_commission_approved


# Reading: the common measures are "for all categories", so group 4 has them too, plus its
# individual package. Alternative: group 4 has the individual package only.
@power_centre.value(
    "entitled_measures",
    "001 §5.2 Group 4",
    unit="text",
    en="Measures open to the firm (common ones and the individual package)",
    ja="利用できる施策（共通施策及び個別パッケージ）",
)
def _g4_measures(f: F, p: P, v: ValuesView) -> pl.Expr:
    return joined_list(p.measures_common, p.measures_power_centre)


@power_centre.value(
    "entitled_measure_count",
    "001 §5.2 Group 4",
    unit="count",
    en="Number of measures open to the firm",
    ja="利用できる施策の数",
)
def _g4_count(f: F, p: P, v: ValuesView) -> pl.Expr:
    return count_of(p.measures_common, p.measures_power_centre)


def _category_is(name: str) -> RuleFn:
    def applies(f: F, p: P) -> pl.Expr:
        return f.kz_sp_category == name

    return applies


def requires_category(program: Program, *groups: Program, cite: str) -> None:
    """The firm's group, as the program for the category it applies under."""
    for group in groups:
        name = group.id.rsplit(".", 1)[-1]
        program.requires_program(
            group,
            f"is_{name}",
            cite,
            en=f"Qualifies for the group it applies under ({group.title['en']})",
            ja=f"申請するグループに該当すること（{group.title['ja']}）",
            applies=_category_is(name),
        )


# --- Group 3: the "National Champion" package via Baiterek --------------------------------
# The second of the two packages a growth driver may get under its competitiveness agreement:
# comprehensive support (financial, technical, institutional, consulting on the operating
# model, market search) whose content the sole shareholder of Baiterek approves. The passage
# sets no other condition, so the approval is an official finding (missing = review).
facts.define(
    "kz_sp_national_champion_approved",
    "boolean",
    en="The sole shareholder of the national managing holding Baiterek approved a National "
    "Champion package for the firm",
    ja="国営マネージングホールディング「バイテレク」の一人株主が当該企業の「ナショナル・"
    "チャンピオン」支援パッケージを承認したこと",
)

national_champion = instrument(
    "national_champion",
    "measure",
    {
        "en": "Group 3 'National Champion' support package (Baiterek)",
        "ja": "第3グループ「ナショナル・チャンピオン」支援パッケージ（バイテレク）",
    },
    {
        "en": "For growth drivers under a competitiveness agreement: comprehensive financial, "
        "technical, institutional and consulting support and market search, as approved by "
        "Baiterek's sole shareholder.",
        "ja": "競争力向上協定を結ぶ成長ドライバー向け：財政・技術・制度・コンサルティング支援及び"
        "市場探索。内容はバイテレクの一人株主の承認で決まる。",
    },
    "001 §5.2 Group 3 (packages)",
    provider={
        "en": "National managing holding Baiterek",
        "ja": "国営マネージングホールディング「バイテレク」",
    },
)
national_champion.requires_program(
    growth_driver,
    "is_growth_driver",
    "001 §5.2 Group 3 (packages)",
    en="The firm is a growth driver (Group 3)",
    ja="企業が成長ドライバー（第3グループ）であること",
)


@national_champion.criterion(
    "approved_by_sole_shareholder",
    "001 §5.2 Group 3 (packages)",
    en="Baiterek's sole shareholder approved the package (its content is decided there)",
    ja="バイテレクの一人株主がパッケージを承認したこと（内容はそこで決まる）",
    on_unknown="review",
)
def _nc_approved(f: F, p: P) -> pl.Expr:
    return f.kz_sp_national_champion_approved


@national_champion.value(
    "package_content",
    "001 §5.2 Group 3 (packages)",
    unit="text",
    en="What the package comprises",
    ja="パッケージの内容",
)
def _nc_content(f: F, p: P, v: ValuesView) -> pl.Expr:
    return joined_list(p.national_champion_support)
