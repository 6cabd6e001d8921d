"""001 §5.1.4–§5.1.5: QazTech Ventures — venture funds, and innovation support (incubation,
grants, rental).
"""

from __future__ import annotations

import polars as pl

from ....engine.facts import FactsView as F
from ....engine.facts import catalog
from ....engine.parameters import ParameterView as P
from ....engine.program import RuleFn, ValuesView
from ....engine.rules import amount
from .common import decimal_param, instrument, months_in
from .ownership import ownership

facts = catalog("KZ")

# QazTech Ventures venture funds
facts.define(
    "kz_sp_qtv_fund_share",
    "decimal",
    unit="ratio",
    minimum=0,
    maximum=1,
    en="Participation of QazTech Ventures in the venture fund",
    ja="QazTech Venturesの参加比率",
)

facts.define(
    "kz_sp_coinvestor_share",
    "decimal",
    unit="ratio",
    minimum=0,
    maximum=1,
    en="Participation of co-investors in the venture fund",
    ja="共同投資家の参加比率",
)

facts.define(
    "kz_sp_manager_share",
    "decimal",
    unit="ratio",
    minimum=0,
    maximum=1,
    en="Participation of the fund manager in the venture fund",
    ja="運用会社の参加比率",
)

facts.define(
    "kz_sp_fund_life_months",
    "integer",
    unit="months",
    en="Life of the venture fund in months",
    ja="ファンドの存続期間（月）",
)

facts.define(
    "kz_sp_venture_term_months",
    "integer",
    unit="months",
    en="Financing term of the venture investment in months",
    ja="ベンチャー投資の融資期間（月）",
)

facts.define(
    "kz_sp_venture_investment",
    "money",
    currency="KZT",
    en="Venture investment in the project",
    ja="案件へのベンチャー投資額",
)

facts.define(
    "kz_sp_fund_size",
    "money",
    currency="KZT",
    en="Total size of the venture fund",
    ja="ファンド総額",
)

# QazTech Ventures innovation support
QTV_INSTRUMENTS = (
    "incubator_operating_costs",
    "incubator_project",
    "technical_consultant",
    "technology_grant",
    "software_rental",
    "procurement_and_analytics",
)

facts.define(
    "kz_sp_qtv_instrument",
    "enum",
    values=QTV_INSTRUMENTS,
    en="QazTech Ventures instrument: compensation of incubator operating costs; grant for an "
    "incubator project; a technical consultant; grant for prototypes/testing/market research/"
    "feasibility studies/technology purchase; software rental; introduction to public "
    "procurement and analysis of innovation activity",
    ja="QazTech Venturesの支援策：インキュベータ運営費の補償、インキュベータ向けプロジェクトへの"
    "グラント、技術コンサルタントの派遣、プロトタイプ開発等へのグラント、ソフトウェアレンタル、"
    "政府調達の紹介及びイノベーション活動の分析",
)

facts.define(
    "kz_sp_qtv_amount",
    "money",
    currency="KZT",
    en="Support requested (for software rental: the first year)",
    ja="申請する支援額（ソフトウェアレンタルは1年目）",
)

facts.define(
    "kz_sp_qtv_month_max",
    "money",
    currency="KZT",
    en="Largest monthly operating-cost compensation requested",
    ja="申請する月あたり運営費補償の最大額",
)

facts.define(
    "kz_sp_qtv_cost_base",
    "money",
    currency="KZT",
    en="Total costs the support co-finances (incubator operating costs or project cost)",
    ja="支援が共同出資する費用総額（インキュベータ運営費又はプロジェクト費用）",
)

facts.define(
    "kz_sp_qtv_term_months",
    "integer",
    unit="months",
    en="Support period requested in months",
    ja="申請する支援期間（月）",
)

facts.define(
    "kz_sp_rental_later_year_max",
    "money",
    currency="KZT",
    en="Largest yearly software-rental support requested for years 2 to 5",
    ja="2年目から5年目のソフトウェアレンタル支援の各年の最大申請額",
)


# --- QazTech Ventures venture funds -------------------------------------------------------------
QTV = {"en": "QazTech Ventures", "ja": "QazTech Ventures"}

qtv_venture = instrument(
    "qtv_venture",
    "equity",
    {
        "en": "Venture financing through QazTech Ventures venture funds",
        "ja": "QazTech Venturesのベンチャーファンドを通じたベンチャーファイナンス",
    },
    {
        "en": "QTV at least 20% of the fund, co-investors 50–75%, manager 1–5%; fund life up to 10 "
        "years; 2–5 year investments, interest-free, each below 20–30% of the fund.",
        "ja": "QTV20%以上、共同投資家50～75%、運用会社1～5%。存続期間10年以下、融資期間2～5年、"
        "無利子、1案件はファンド総額の20～30%未満。",
    },
    "001 §5.1.4(2)",
    provider=QTV,
    sectors=("technology",),
)
qtv_venture.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


@qtv_venture.criterion(
    "qtv_share_at_least_20pct",
    "001 §5.1.4(2)",
    en="QazTech Ventures holds at least 20% of the fund",
    ja="QTVの参加比率が20%以上であること",
)
def _qv_qtv(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_fund_share >= decimal_param(p.qtv_fund_share_min)


@qtv_venture.criterion(
    "coinvestors_50_to_75pct",
    "001 §5.1.4(2)",
    en="Co-investors hold 50% to 75% of the fund",
    ja="共同投資家の参加比率が50～75%であること",
)
def _qv_coinvestors(f: F, p: P) -> pl.Expr:
    return f.kz_sp_coinvestor_share.is_between(
        p.coinvestor_share_min, decimal_param(p.coinvestor_share_max)
    )


@qtv_venture.criterion(
    "manager_1_to_5pct",
    "001 §5.1.4(2)",
    en="Fund manager holds 1% to 5% of the fund",
    ja="運用会社の参加比率が1～5%であること",
)
def _qv_manager(f: F, p: P) -> pl.Expr:
    return f.kz_sp_manager_share.is_between(p.manager_share_min, decimal_param(p.manager_share_max))


@qtv_venture.criterion(
    "fund_life_at_most_10_years",
    "001 §5.1.4(2)",
    en="Fund life at most 10 years",
    ja="ファンドの存続期間が10年以下であること",
)
def _qv_life(f: F, p: P) -> pl.Expr:
    return f.kz_sp_fund_life_months <= months_in(p.fund_life_max_years)


@qtv_venture.criterion(
    "term_2_to_5_years",
    "001 §5.1.4(2)",
    en="Financing term from 2 to 5 years",
    ja="融資の期間が2～5年であること",
)
def _qv_term(f: F, p: P) -> pl.Expr:
    return f.kz_sp_venture_term_months.is_between(
        months_in(p.venture_term_min_years), months_in(p.venture_term_max_years)
    )


# Reading: "ファンド総額の20～30%未満" — below 30% is the hard limit; a ticket from 20% up to
# 30% goes to an official, who applies the fund's own cap within that band. Alternative: a
# single limit of 20% (the cautious end) or of 30%.
@qtv_venture.criterion(
    "ticket_below_30pct",
    "001 §5.1.4(2)",
    en="Investment per project below 30% of the fund",
    ja="1案件の投資額がファンド総額の30%未満であること",
)
def _qv_ticket(f: F, p: P) -> pl.Expr:
    return f.kz_sp_venture_investment < f.kz_sp_fund_size * decimal_param(p.venture_ticket_limit)


@qtv_venture.criterion(
    "ticket_below_20pct",
    "001 §5.1.4(2)",
    en="Investment per project below 20% of the fund; from 20% to under 30% the fund's own cap "
    "decides (review)",
    ja="1案件の投資額がファンド総額の20%未満であること（20%以上30%未満はファンドの上限による審査）",
    on_fail="review",
)
def _qv_ticket_review(f: F, p: P) -> pl.Expr:
    return f.kz_sp_venture_investment < f.kz_sp_fund_size * decimal_param(p.venture_ticket_review)


@qtv_venture.value(
    "interest_rate",
    "001 §5.1.4(2)",
    unit="ratio",
    en="Interest rate (none: break-even)",
    ja="利率（なし・損益分岐点）",
)
def _qv_rate(f: F, p: P, v: ValuesView) -> pl.Expr:
    return amount(p.venture_rate)


# --- QazTech Ventures innovation support -------------------------------------------------------
qtv_innovation = instrument(
    "qtv_innovation",
    "subsidy",
    {
        "en": "QazTech Ventures innovation support (incubation, consultants, grants, software "
        "rental, procurement and analytics)",
        "ja": "QazTech Venturesのイノベーション支援（インキュベーション、技術コンサルタント、"
        "グラント、ソフトウェアレンタル、政府調達・分析）",
    },
    {
        "en": "Incubator operating costs 50:50, under 35m KZT and 5m a month, 3 years; incubator "
        "project grants 80:20 under 50m, 3 years; technology grants under 9m; software rental "
        "under "
        "85m the first year and up to 60m a year for the next four; a technical consultant for "
        "one year; public-procurement introduction and analytics up to 106m a year.",
        "ja": "インキュベータ運営費50：50、3,500万未満・月500万未満、3年。"
        "プロジェクトグラント80：20、"
        "5,000万未満、3年。技術グラント900万未満。ソフトウェアレンタル1年目8,500万未満、"
        "続く4年は各年"
        "6,000万以下。技術コンサルタント1年。政府調達紹介・分析は年1億600万以下。",
    },
    "001 §5.1.5(5)",
    provider=QTV,
    sectors=("technology",),
)
qtv_innovation.requires_program(
    ownership,
    "not_state_owned",
    "001 §5.2 para.3",
    en="Not excluded by state ownership",
    ja="国の持分による除外に該当しないこと",
)


def _instrument(name: str) -> RuleFn:
    def applies(f: F, p: P) -> pl.Expr:
        return f.kz_sp_qtv_instrument == name

    return applies


@qtv_innovation.criterion(
    "incubator_total_below_35m",
    "001 §5.1.5(5) b1",
    en="Incubator operating-cost compensation below 35m KZT in total",
    ja="インキュベータ運営費の補償総額が3,500万テンゲ未満であること",
    applies=_instrument("incubator_operating_costs"),
)
def _qi_total(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_amount < decimal_param(p.incubator_total_limit)


@qtv_innovation.criterion(
    "incubator_month_below_5m",
    "001 §5.1.5(5) b1",
    en="Incubator operating-cost compensation below 5m KZT a month",
    ja="月あたりの運営費補償が500万テンゲ未満であること",
    applies=_instrument("incubator_operating_costs"),
)
def _qi_month(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_month_max < decimal_param(p.incubator_month_limit)


@qtv_innovation.criterion(
    "incubator_state_half",
    "001 §5.1.5(5) b1",
    en="State compensation at most half of the operating costs (50:50)",
    ja="国の補償が運営費の半分以下であること（50：50）",
    applies=_instrument("incubator_operating_costs"),
)
def _qi_half(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_amount <= f.kz_sp_qtv_cost_base * decimal_param(p.incubator_budget_share)


@qtv_innovation.criterion(
    "project_grant_below_50m",
    "001 §5.1.5(5) b2",
    en="Incubator project grant below 50m KZT",
    ja="インキュベータ向けプロジェクトのグラントが5,000万テンゲ未満であること",
    applies=_instrument("incubator_project"),
)
def _qi_project(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_amount < decimal_param(p.incubator_project_limit)


@qtv_innovation.criterion(
    "project_state_80pct",
    "001 §5.1.5(5) b2",
    en="Grant at most 80% of the project cost (80:20 with own funds)",
    ja="グラントがプロジェクト費用の80%以下であること（自己資金と80：20）",
    applies=_instrument("incubator_project"),
)
def _qi_project_share(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_amount <= f.kz_sp_qtv_cost_base * decimal_param(
        p.incubator_project_budget_share
    )


@qtv_innovation.criterion(
    "incubation_term_3_years",
    "001 §5.1.5(5) b1-b2",
    en="Incubation support for at most 3 years",
    ja="インキュベーション支援の期間が3年以内であること",
    applies=lambda f, p: f.kz_sp_qtv_instrument.is_in(
        ["incubator_operating_costs", "incubator_project"]
    ),
)
def _qi_term(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_term_months <= months_in(p.incubator_term_years)


# b3: a technical consultant for one year from the contract — the passage names a term, no
# amount, so only the term is a condition.
@qtv_innovation.criterion(
    "consultant_term_1_year",
    "001 §5.1.5(5) b3",
    en="Technical consultant for at most one year from the contract",
    ja="技術コンサルタントの派遣期間が契約から1年以内であること",
    applies=_instrument("technical_consultant"),
)
def _qi_consultant(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_term_months <= months_in(p.consultant_term_years)


# b6: "1年あたりの融資限度額は1億600万テンゲ" — a yearly limit with no "未満", so at most
# 106m KZT (inclusive), unlike the "below" limits of b1, b2, b4 and b5's first year.
@qtv_innovation.criterion(
    "procurement_analytics_106m_a_year",
    "001 §5.1.5(5) b6",
    en="Introduction to public procurement and innovation analytics: at most 106m KZT a year",
    ja="政府調達の紹介・イノベーション活動分析：1年あたり1億600万テンゲ以下であること",
    applies=_instrument("procurement_and_analytics"),
)
def _qi_procurement(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_amount <= decimal_param(p.procurement_analytics_year_max)


@qtv_innovation.criterion(
    "technology_grant_below_9m",
    "001 §5.1.5(5) b4",
    en="Technology grant below 9m KZT per project",
    ja="1案件あたりのグラントが900万テンゲ未満であること",
    applies=_instrument("technology_grant"),
)
def _qi_grant(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_amount < decimal_param(p.technology_grant_limit)


@qtv_innovation.criterion(
    "rental_first_year_below_85m",
    "001 §5.1.5(5) b5",
    en="Software rental: first year below 85m KZT",
    ja="ソフトウェアレンタル：1年目が8,500万テンゲ未満であること",
    applies=_instrument("software_rental"),
)
def _qi_rental_first(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_amount < decimal_param(p.rental_first_year_limit)


# Reading: "続く4年間は6,000万テンゲ" is a cap for each of the four years (no "未満": at most).
# Alternative: 60m in total over the four years.
@qtv_innovation.criterion(
    "rental_later_years_60m",
    "001 §5.1.5(5) b5",
    en="Software rental: at most 60m KZT in each of the following four years",
    ja="ソフトウェアレンタル：続く4年間の各年が6,000万テンゲ以下であること",
    applies=_instrument("software_rental"),
)
def _qi_rental_later(f: F, p: P) -> pl.Expr:
    return f.kz_sp_rental_later_year_max <= decimal_param(p.rental_later_year_max)


@qtv_innovation.criterion(
    "rental_term_5_years",
    "001 §5.1.5(5) b5",
    en="Software rental for at most 5 years (first year plus four)",
    ja="ソフトウェアレンタルの期間が5年以内であること（1年目＋4年間）",
    applies=_instrument("software_rental"),
)
def _qi_rental_term(f: F, p: P) -> pl.Expr:
    return f.kz_sp_qtv_term_months <= months_in(p.rental_term_years)
