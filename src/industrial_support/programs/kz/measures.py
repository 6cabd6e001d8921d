"""Kazakhstan: the state industrial stimulation measures of Art.29 of the Law on Industrial
Policy (seed 000), one program ``kz.measure.<name>`` per item, each with its provider, the
conditions the law fixes for the recipient and the terms it states.

Every measure requires the gate of Art.25(5) (``kz.gate``, written once) and is in force from
the base law's start (law_dates.BASE_LAW). The State Program's 50% state-ownership bar is not
a condition of the Law's measures (seed 000 has none). Item 29(13-1) exists only from
2026-01-01 (Law 215-VIII); item 29(7) read "land and subsoil-use rights" until 2023-06-29
(Art.68).

Item 29(14) ("other measures the Government sets on the Commission's recommendation") has no
content in the law and is not encoded.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl

from ...engine.facts import FactsView as F
from ...engine.facts import catalog
from ...engine.parameters import ParameterSet
from ...engine.parameters import ParameterView as P
from ...engine.program import Program, Text, ValuesView
from ...engine.rules import lookup
from .industrial_policy import gate
from .law_dates import BASE_LAW, LAW_215_VIII

facts = catalog("KZ")

PURPOSES = (
    "new_production",
    "modernisation",
    "expansion",
    "financial_recovery",
    "investment_attractiveness",
    "other",
)
facts.define(
    "kz_project_purpose",
    "enum",
    values=PURPOSES,
    en="Purpose of the industrial-innovative project: new production; modernisation (technical "
    "re-equipment, digitalisation included); expansion of existing production; financial and "
    "economic recovery; improving or restoring the investment attractiveness of existing or "
    "idle production; or other",
    ja="産業イノベーションプロジェクトの目的：新規生産、近代化（デジタル化等の設備再装備）、既存"
    "生産の拡張、財務・経済健全化、既存又は遊休生産設備の投資魅力の改善・回復、その他",
)
facts.define(
    "kz_project_priority_goods",
    "boolean",
    en="The project produces goods on the List of Priority Goods",
    ja="プロジェクトが優先品目リストに含まれる財を生産するものであること",
)
facts.define(
    "kz_loan_from_second_tier_bank",
    "boolean",
    en="The loan to be guaranteed is from a second-tier (commercial) bank",
    ja="保証対象の貸付が第二層銀行によるものであること",
)
facts.define(
    "kz_own_property_contribution",
    "boolean",
    en="The entity takes part with its own movable or immovable property, money included",
    ja="資金を含む自己の動産又は不動産を提供して参加すること",
)
facts.define(
    "kz_financing_for_working_capital",
    "boolean",
    en="The loan or bond is used to replenish working capital",
    ja="ローン又は債券が運転資金の補充に充てられること",
)
facts.define(
    "kz_meets_entrepreneurial_code_192",
    "boolean",
    en="The project meets Art.192 of the Entrepreneurial Code (an institution's finding)",
    ja="プロジェクトが企業法典第192条の要件を満たすこと（開発機関の判断）",
)
facts.define(
    "kz_equity_productivity_priority_sector",
    "boolean",
    en="The project raises labour productivity and stimulates priority economic sectors",
    ja="労働生産性の向上及び優先経済セクターの発展を刺激すること",
)
facts.define(
    "kz_equity_forecast_attractive",
    "boolean",
    en="The project is attractive on forecast economic and financial indicators, judged by the "
    "institution's investment-policy thresholds",
    ja="予測経済・財務指標に基づき魅力的であること（開発機関の投資政策文書の基準による）",
)
facts.define(
    "kz_equity_technology_orientation",
    "boolean",
    en="The project aims at technological potential, better quality or more output, deeper "
    "processing of raw materials, or high-tech production",
    ja="技術ポテンシャル向上、品質向上・生産量拡大、原材料の加工深化又はハイテク製品生産を志向"
    "すること",
)
facts.define(
    "kz_land_request",
    "enum",
    values=("land_plot", "subsoil_use_right"),
    en="What is asked for under the land measure: a land plot, or a subsoil-use right",
    ja="土地の提供の措置で求めるもの：土地区画又は地下資源利用権",
)
facts.define(
    "kz_subsoil_linked_to_production",
    "boolean",
    en="The subsoil-use right is to explore or extract solid minerals linked to the entity's "
    "production activity (technological cycle)",
    ja="地下資源利用権が生産活動（技術サイクル）に関連する固形鉱物の探査又は採掘のためであること",
)
facts.define(
    "kz_export_instrument",
    "enum",
    values=("cost_reimbursement", "foreign_buyer_rate_subsidy", "export_finance"),
    en="Export support instrument: partial reimbursement of promotion costs; interest subsidy "
    "for foreign buyers; or export trade finance, lending, insurance and guarantees",
    ja="輸出支援の手段：促進費用の一部補填、外国購入者への金利補助、輸出貿易金融・融資・保険・保証",
)
facts.define(
    "kz_export_insured_by_eca",
    "boolean",
    en="The goods or services are insured by the export credit agency of Kazakhstan",
    ja="財・サービスがカザフスタン輸出信用機構の保険の対象であること",
)
facts.define(
    "kz_export_high_tech",
    "boolean",
    en="The goods or services are high-tech",
    ja="財・サービスがハイテク製品・サービスであること",
)
facts.define(
    "kz_productivity_cost",
    "enum",
    values=(
        "upskilling",
        "digital_technologies",
        "process_improvement",
        "production_efficiency",
        "other",
    ),
    en="Cost the productivity support is asked for: upskilling staff; introducing digital "
    "technologies; improving technological processes; raising production efficiency; or other",
    ja="労働生産性支援を求める費用：従業員の能力向上、デジタル技術導入、技術工程の改善、生産効率"
    "の向上、その他",
)
facts.define(
    "kz_cluster_selected",
    "boolean",
    en="The territorial cluster won the competitive selection",
    ja="地域クラスターが競争選考で選定されたこと",
)
facts.define(
    "kz_cluster_in_register",
    "boolean",
    en="The territorial cluster is in the register of territorial clusters",
    ja="地域クラスターが地域クラスターレジストリに登録されていること",
)
facts.define(
    "kz_third_party_investment",
    "boolean",
    en="Additional investment from third parties is attracted for the project",
    ja="プロジェクトのために第三者からの追加出資を誘致すること",
)
facts.define(
    "kz_adequate_collateral",
    "boolean",
    en="Adequate collateral is provided in the entity's own movable or immovable property, money "
    "included (an official's finding)",
    ja="資金を含む自己の動産又は不動産による適切な担保を提供すること（担当官の判断）",
)
facts.define(
    "kz_own_co_financing",
    "boolean",
    en="The entity co-finances the project alongside the grant",
    ja="事業体が助成金と共にプロジェクトを共同出資すること",
)
facts.define(
    "kz_sip_basis",
    "enum",
    values=(
        "sez_participant",
        "free_warehouse_owner",
        "vehicle_assembly_agreement",
        "component_or_agri_machinery_assembly_agreement",
        "none",
    ),
    en="Ground on which a Kazakhstan legal entity may conclude a special investment contract: "
    "special economic zone participant; free (bonded) warehouse owner; holder of a motor vehicle "
    "industrial assembly agreement; maker of vehicle components or agricultural machinery "
    "(components) with its assembly agreement; or none",
    ja="特別投資契約を締結できる根拠：特別経済区参加者、保税（自由）倉庫所有者、原動機付輸送手段"
    "の工業組立契約締結者、工業組立契約を有する輸送手段部品又は農業機械（部品）の製造者、なし",
)

PARAMETERS = ParameterSet.load(Path(__file__).with_name("measures.yaml"))


def _measure(
    name: str,
    item: str,
    article: str,
    kind: str,
    title: Text,
    summary: Text,
    provider: Text,
    *,
    in_force_from: dt.date = BASE_LAW,
) -> Program:
    """A measure of Art.29(item), detailed in ``article``, with the gate of Art.25(5).

    The State Program's 50% state-ownership bar is not attached: seed 000 has none; it binds
    the Program's own instruments (``kz.program2025.*``)."""
    program = Program(
        id=f"kz.measure.{name}",
        jurisdiction="KZ",
        kind=kind,
        sectors=("manufacturing",),
        title=title,
        summary=summary,
        provider=provider,
        source=f"000 Art.29({item}); {article}",
        parameters=PARAMETERS,
        in_force_from=in_force_from,
    )
    program.requires_program(
        gate,
        "gate",
        "000 Art.25(5)",
        en="Meets the conditions for every measure (Art.25(5))",
        ja="全ての刺激策に共通する条件を満たすこと（第25条第5項）",
    )
    return program


AUTHORITY = {
    "en": "Authorized body for state stimulation of industry",
    "ja": "国家産業促進分野の権限機関",
}
FINANCIAL_AGENT = {
    "en": "Financial agent designated by the Government",
    "ja": "政府が決定する金融代理人",
}

# --- 29(1) financing, co-financing and leasing (Art.30) ---------------------------------

financing = _measure(
    "financing",
    "1",
    "Art.30",
    "loan",
    {
        "en": "Financing of industrial-innovative projects (co-financing, leasing)",
        "ja": "産業イノベーションプロジェクトへのファイナンス（共同出資・リース）",
    },
    {
        "en": "Financing, co-financing and medium- or "
        "long-term financial leasing of projects based "
        "on the List of Priority Goods that create, modernise or expand production.",
        "ja": "優先品目リストに基づき、"
        "新規創出・近代化・拡張を目的とするプロジェクトへのファイナンス"
        "（共同出資、中・長期ファイナンスリースを含む）。",
    },
    {
        "en": "Development Bank of Kazakhstan or another national development institution the "
        "Authority designates",
        "ja": "カザフスタン開発銀行又は権限機関が決定するその他の国家開発機関",
    },
)


@financing.criterion(
    "purpose",
    "000 Art.30(2)",
    en="A new project, modernisation (technical re-equipment) or expansion of existing production",
    ja="新規プロジェクトの創出、近代化（設備再装備）又は既存生産の拡張であること",
)
def _financing_purpose(f: F, p: P) -> pl.Expr:
    return f.kz_project_purpose.is_in(p.financing_purposes)


@financing.criterion(
    "priority_goods_project",
    "000 Art.30(2)",
    en="The project is based on the List of Priority Goods",
    ja="プロジェクトが優先品目リストに基づくこと",
)
def _financing_priority(f: F, p: P) -> pl.Expr:
    return f.kz_project_priority_goods


# --- 29(2) guarantees and sureties (Art.31) ----------------------------------------------

guarantee = _measure(
    "guarantee",
    "2",
    "Art.31",
    "guarantee",
    {"en": "Guarantees and sureties on loans", "ja": "保証債務及びローン保証の提供"},
    {
        "en": "Guarantees and sureties on second-tier bank loans to industrial-innovative entities "
        "for their projects; terms set by the Government.",
        "ja": "産業イノベーションプロジェクトのための第二層"
        "銀行の貸付に対する保証（条件は政府が決定）。",
    },
    FINANCIAL_AGENT,
)


@guarantee.criterion(
    "second_tier_bank_loan",
    "000 Art.31(1)",
    en="The loan is from a second-tier bank",
    ja="第二層銀行の貸付であること",
)
def _guarantee_bank(f: F, p: P) -> pl.Expr:
    return f.kz_loan_from_second_tier_bank


# --- 29(3) lending through financial institutions (Art.32) -------------------------------

lending = _measure(
    "lending",
    "3",
    "Art.32",
    "loan",
    {"en": "Lending through financial institutions", "ja": "金融機関を通じた融資"},
    {
        "en": "Loans through funds a financial agent places with financial institutions, for new "
        "production, modernisation, expansion, recovery or investment attractiveness, with the "
        "entity's own property at stake.",
        "ja": "金融代理人が金融機関に資金を預け入れる方法による融資。"
        "新規生産、近代化、拡張、健全化又は"
        "投資魅力の改善・回復が目的で、自己資産の提供が条件。",
    },
    FINANCIAL_AGENT,
)


@lending.criterion(
    "purpose",
    "000 Art.32(2)",
    en="New production, modernisation, expansion, financial recovery, or investment "
    "attractiveness of existing or idle production",
    ja="新規生産、近代化、拡張、財務・経済健全化又は既存・遊休生産設備の投資魅力の改善・回復",
)
def _lending_purpose(f: F, p: P) -> pl.Expr:
    return f.kz_project_purpose.is_in(p.lending_purposes)


@lending.criterion(
    "own_property",
    "000 Art.32(2)",
    en="The entity takes part with its own property, money included",
    ja="資金を含む自己の動産・不動産を提供して参加すること",
)
def _lending_own(f: F, p: P) -> pl.Expr:
    return f.kz_own_property_contribution


# --- 29(4) interest and coupon subsidies (Art.33) ----------------------------------------

interest_subsidy = _measure(
    "interest_subsidy",
    "4",
    "Art.33",
    "subsidy",
    {
        "en": "Subsidies on loan interest and bond coupons",
        "ja": "ローン金利補助及び債券の利払い補助",
    },
    {
        "en": "Subsidy of interest on financial institutions' loans and of coupons on the entity's "
        "bonds, for the same purposes as lending and never for working capital.",
        "ja": "金融機関のローン金利及び事業体の債券利払いの補助。"
        "目的は融資と同じで、運転資金の補充は"
        "対象外。",
    },
    FINANCIAL_AGENT,
)


@interest_subsidy.criterion(
    "purpose",
    "000 Art.33(1)",
    en="New production, modernisation, expansion, financial recovery, or investment "
    "attractiveness of existing or idle production",
    ja="新規生産、近代化、拡張、財務・経済健全化又は既存・遊休生産設備の投資魅力の改善・回復",
)
def _subsidy_purpose(f: F, p: P) -> pl.Expr:
    return f.kz_project_purpose.is_in(p.subsidy_purposes)


@interest_subsidy.criterion(
    "own_property",
    "000 Art.33(1)",
    en="The entity takes part with its own property, money included",
    ja="資金を含む自己の動産・不動産を提供して参加すること",
)
def _subsidy_own(f: F, p: P) -> pl.Expr:
    return f.kz_own_property_contribution


@interest_subsidy.criterion(
    "not_working_capital",
    "000 Art.33(1)",
    en="The loan or bond is not used to replenish working capital",
    ja="ローン又は債券が運転資金の補充に充てられないこと",
)
def _subsidy_wc(f: F, p: P) -> pl.Expr:
    return ~f.kz_financing_for_working_capital


# --- 29(5) equity (Art.34) -----------------------------------------------------------------

equity = _measure(
    "equity",
    "5",
    "Art.34",
    "equity",
    {"en": "Investment in charter capital", "ja": "授権資本への投資"},
    {
        "en": "Equity in industrial-innovative entities where the project meets Art.192 of the "
        "Entrepreneurial Code and three conditions of the law.",
        "ja": "企業法典第192条及び本法の3条件を満たすプロジェクトの事業体の授権資本への投資。",
    },
    {
        "en": "National development institutions implementing stimulation measures; akimats",
        "ja": "産業刺激策を担う国の開発機関及び地方の執行機関（州・特別市）",
    },
)


@equity.criterion(
    "entrepreneurial_code_192",
    "KZ Entrepreneurial Code Art.192",
    en="The project meets Art.192 of the Entrepreneurial Code (referred to by 000 Art.34(1))",
    ja="企業法典第192条の要件を満たすこと（第34条第1項による）",
    on_unknown="review",
)
def _equity_192(f: F, p: P) -> pl.Expr:
    return f.kz_meets_entrepreneurial_code_192


@equity.criterion(
    "productivity_priority_sector",
    "000 Art.34(1)(1)",
    en="Raises labour productivity and stimulates priority sectors",
    ja="労働生産性の向上及び優先経済セクターの発展への刺激",
    on_unknown="review",
)
def _equity_1(f: F, p: P) -> pl.Expr:
    return f.kz_equity_productivity_priority_sector


@equity.criterion(
    "forecast_attractive",
    "000 Art.34(1)(2)",
    en="Attractive on forecast indicators (thresholds in the institution's investment policy)",
    ja="予測経済・財務指標に基づく魅力度（基準は開発機関の投資政策文書）",
    on_unknown="review",
)
def _equity_2(f: F, p: P) -> pl.Expr:
    return f.kz_equity_forecast_attractive


@equity.criterion(
    "technology_orientation",
    "000 Art.34(1)(3)",
    en="Oriented to technology, quality and output, deeper processing or high tech",
    ja="技術ポテンシャル、品質・生産量、加工深化又はハイテク生産への方向性",
    on_unknown="review",
)
def _equity_3(f: F, p: P) -> pl.Expr:
    return f.kz_equity_technology_orientation


# --- 29(6) engineering and communication infrastructure (Art.35) --------------------------

infrastructure = _measure(
    "infrastructure",
    "6",
    "Art.35",
    "measure",
    {
        "en": "Engineering and communication infrastructure",
        "ja": "ユーティリティ・通信インフラの提供",
    },
    {
        "en": "Budget allocations to build or rebuild infrastructure for projects that create new "
        "competitive production or modernise or expand existing production.",
        "ja": "新規の競争力ある生産の構築又は既存生産の近代化・拡張のプロジェクトのためのインフラ"
        "建設（再建）への予算配分。",
    },
    {"en": "Budget allocations under the Budget Code", "ja": "予算法に基づく予算配分"},
)


@infrastructure.criterion(
    "purpose",
    "000 Art.35(1)",
    en="New competitive production, or modernisation and expansion of existing production",
    ja="新規の競争力ある生産の構築、又は既存生産の近代化・拡張",
)
def _infrastructure_purpose(f: F, p: P) -> pl.Expr:
    return f.kz_project_purpose.is_in(p.infrastructure_purposes)


# --- 29(7) land (Art.36; until 2023-06-29 also subsoil-use rights, Art.68) ---------------

land = _measure(
    "land",
    "7",
    "Art.36; Art.68",
    "measure",
    {"en": "Provision of land", "ja": "土地の提供"},
    {
        "en": "Land on a temporary land-use right under the Land Code; until 29 June 2023 the "
        "measure also granted subsoil-use rights for solid minerals linked to production.",
        "ja": "土地法に基づく一時的土地利用権による土地の提供。2023年6月29日までは生産に関連する"
        "固形鉱物の地下資源利用権の付与も含んだ。",
    },
    {
        "en": "State bodies under the Land Code (and, until 2023-06-29, the Subsoil Code)",
        "ja": "土地法（2023年6月29日までは地下資源法も）に基づく国家機関",
    },
)


@land.criterion(
    "request_within_measure",
    "000 Art.29(7); Art.68(1)",
    en="What is asked for is within the measure as worded on the evaluation date",
    ja="求めるものが評価日の文言による措置の範囲内であること",
)
def _land_scope(f: F, p: P) -> pl.Expr:
    return f.kz_land_request.is_in(list(p.land_grant_form))


@land.criterion(
    "subsoil_linked_to_production",
    "000 Art.68(2)",
    en="A subsoil-use right is for solid minerals linked to the production activity",
    ja="地下資源利用権が生産活動（技術サイクル）に関連する固形鉱物のためであること",
    applies=lambda f, p: f.kz_land_request == "subsoil_use_right",
)
def _land_subsoil(f: F, p: P) -> pl.Expr:
    return f.kz_subsoil_linked_to_production


@land.value(
    "grant_form", "000 Art.36; Art.68(2)", unit="text", en="Form of the grant", ja="付与の形態"
)
def _land_form(f: F, p: P, v: ValuesView) -> pl.Expr:
    return lookup(f.kz_land_request, p.land_grant_form, pl.String())


# --- 29(8) domestic market (Art.37) -----------------------------------------------------

domestic_market = _measure(
    "domestic_market",
    "8",
    "Art.37",
    "measure",
    {"en": "Stimulation on the domestic market", "ja": "国内市場における刺激"},
    {
        "en": "Promotion of Kazakhstan manufactured goods, works and services at home, under the "
        "Authority's rules; the law fixes no recipient condition beyond the gate.",
        "ja": "国産の加工品・役務の国内販売の後押し（権限機関の規則に従う。"
        "共通条件以外の受け手の条件は法に定めなし）。",
    },
    {
        "en": "Authorized body for state stimulation of industry, with the national development "
        "institution for in-country value",
        "ja": "国家産業促進分野の権限機関（国内価値拡大分野の国家開発機関の関与）",
    },
)

# --- 29(9) exports (Art.38) --------------------------------------------------------------

export = _measure(
    "export",
    "9",
    "Art.38",
    "measure",
    {"en": "Export development and promotion", "ja": "輸出の振興・促進及び販売支援"},
    {
        "en": "Partial reimbursement of foreign-market promotion costs; interest subsidies for "
        "foreign buyers of insured high-tech goods; "
        "export trade finance, insurance and guarantees.",
        "ja": "国外市場への促進費用の一部補填、"
        "保険付きハイテク製品の外国購入者への金利補助、輸出貿易"
        "金融・保険・保証。",
    },
    {
        "en": "Authorized body for foreign trade, with the national development institution for "
        "non-resource exports (rate subsidies through a financial agent)",
        "ja": "対外貿易活動規制の権限機関（非資源輸出分野の国家開発機関の関与。"
        "金利補助は金融エージェント"
        "による）",
    },
)


@export.criterion(
    "insured_by_export_credit_agency",
    "000 Art.38(1)(2)",
    en="For a foreign buyer's rate subsidy: the goods or services are insured by the export "
    "credit agency of Kazakhstan",
    ja="外国購入者への金利補助：財・サービスがカザフスタン輸出信用機構の保険の対象であること",
    applies=lambda f, p: f.kz_export_instrument == "foreign_buyer_rate_subsidy",
)
def _export_insured(f: F, p: P) -> pl.Expr:
    return f.kz_export_insured_by_eca


@export.criterion(
    "high_tech",
    "000 Art.38(2)",
    en="For a foreign buyer's rate subsidy: the goods or services are high-tech",
    ja="外国購入者への金利補助：ハイテク製品・サービスであること",
    applies=lambda f, p: f.kz_export_instrument == "foreign_buyer_rate_subsidy",
)
def _export_high_tech(f: F, p: P) -> pl.Expr:
    return f.kz_export_high_tech


# --- 29(10) labour productivity (Art.39) -----------------------------------------------

productivity = _measure(
    "productivity",
    "10",
    "Art.39",
    "subsidy",
    {"en": "Stimulating higher labour productivity", "ja": "労働生産性向上への刺激"},
    {
        "en": "Support for four kinds of cost: upskilling, digital technologies, better processes, "
        "production efficiency.",
        "ja": "能力向上、デジタル技術導入、技術工程改善、生産効率向上の4種類の費用への支援。",
    },
    {
        "en": "Authorized body for state stimulation of industry, with the national development "
        "institution for industrial development",
        "ja": "国家産業促進分野の権限機関（産業発展分野の国家開発機関の関与）",
    },
)


@productivity.criterion(
    "eligible_cost",
    "000 Art.39(2)",
    en="The cost is one of the four the law lists",
    ja="費用が法の列挙する4種類のいずれかであること",
)
def _productivity_cost(f: F, p: P) -> pl.Expr:
    return f.kz_productivity_cost.is_in(p.productivity_costs)


# --- 29(11) territorial clusters (Art.40) ----------------------------------------------

clusters = _measure(
    "clusters",
    "11",
    "Art.40",
    "subsidy",
    {"en": "Stimulating territorial cluster development", "ja": "地域クラスター発展への刺激"},
    {
        "en": "Cost reimbursement, financing or co-financing of cluster organisations, cluster "
        "projects and other cluster measures, on the basis of the competitive selection and/or the "
        "register of territorial clusters.",
        "ja": "競争選考結果及び（又は）地域クラスターレジストリに基づく、"
        "クラスター組織の運用、クラスター"
        "プロジェクト等の費用補填・資金提供・共同出資。",
    },
    {
        "en": "Authorized body for state stimulation of industry, with the national development "
        "institution for industrial development",
        "ja": "国家産業促進分野の権限機関（産業発展分野の国家開発機関の関与）",
    },
)


@clusters.criterion(
    "selected_or_registered",
    "000 Art.40(1)",
    en="The cluster won the competitive selection or is in the register of territorial clusters",
    ja="クラスターが競争選考で選定され、又は地域クラスターレジストリに登録されていること",
)
def _clusters_basis(f: F, p: P) -> pl.Expr:
    return f.kz_cluster_selected | f.kz_cluster_in_register


# --- 29(12) debt restructuring (Art.41) -------------------------------------------------

debt_restructuring = _measure(
    "debt_restructuring",
    "12",
    "Art.41",
    "measure",
    {"en": "Debt restructuring", "ja": "債務再編"},
    {
        "en": "Rescheduling, write-off, penalty waiver, "
        "set-off, changed terms or conversion of debt "
        "into charter capital, for recovery or restart of production, against third-party "
        "investment and/or adequate collateral.",
        "ja": "支払スケジュール変更、請求権の停止、違約金免除、相殺、条件変更、債務の資本転換等。"
        "第三者の追加出資及び（又は）適切な担保が条件。",
    },
    {
        "en": "The creditor (national development institution or holding)",
        "ja": "債権者（国家開発機関又は持株会社）",
    },
)


@debt_restructuring.criterion(
    "investment_or_collateral",
    "000 Art.41(1)",
    en="Additional third-party investment is attracted and/or adequate collateral in own property "
    "is provided",
    ja="第三者からの追加出資の誘致及び（又は）自己資産による適切な担保の提供",
    on_unknown="review",
)
def _debt_condition(f: F, p: P) -> pl.Expr:
    return f.kz_third_party_investment | f.kz_adequate_collateral


# --- 29(13) industrial grants (Art.42) --------------------------------------------------

industrial_grant = _measure(
    "industrial_grant",
    "13",
    "Art.42",
    "subsidy",
    {"en": "Industrial grants", "ja": "産業助成金の提供"},
    {
        "en": "Non-repayable co-financing for manufacturing "
        "entities' projects creating competitive "
        "priority goods, on condition of cross-obligations (refund under Art.27(4) if they fail).",
        "ja": "加工業の事業体の優先品目の競争力ある製品創出プロジェクトへの共同出資。"
        "交叉責任を条件に"
        "返済不要（不履行なら第27条第4項の返金）。",
    },
    {
        "en": "Authorized body for state stimulation of industry, with the national development "
        "institution for industrial development",
        "ja": "国家産業促進分野の権限機関（産業発展分野の国家開発機関の関与）",
    },
)


@industrial_grant.criterion(
    "manufacturing",
    "000 Art.42(1)",
    en="A manufacturing industrial-innovative entity",
    ja="加工業の産業イノベーション事業体であること",
)
def _grant_manufacturing(f: F, p: P) -> pl.Expr:
    return f.kz_manufacturing


@industrial_grant.criterion(
    "priority_goods_project",
    "000 Art.42(2)",
    en="The project creates competitive products on the List of Priority Goods",
    ja="優先品目リストに含まれる競争力ある製品を創出するプロジェクトであること",
)
def _grant_priority(f: F, p: P) -> pl.Expr:
    return f.kz_project_priority_goods


@industrial_grant.criterion(
    "co_financing",
    "000 Art.42(2)",
    en="The grant is co-financing: the entity funds the project alongside it",
    ja="共同出資であること（事業体も資金を拠出すること）",
)
def _grant_cofinance(f: F, p: P) -> pl.Expr:
    return f.kz_own_co_financing


# --- 29(13-1) customs duty and VAT exemption in special investment projects -------------
# In force from 2026-01-01 (Law 215-VIII of 18 Jul 2025; note to Art.29). The SIC procedure
# itself (15 working days, reports, cure period, clawback) belongs to the kz_sic_ module.

customs_vat_exemption = _measure(
    "customs_vat_exemption",
    "13-1",
    "Art.42-1; Art.42-2",
    "tax_regime",
    {
        "en": "Import customs duty and VAT exemption in special investment projects",
        "ja": "特別投資プロジェクトにおける輸入関税及び付加価値税の免除",
    },
    {
        "en": "Exemption from import customs duties on equipment, components and spare parts (and "
        "on identified raw materials) and from import VAT, under a special investment contract.",
        "ja": "特別投資契約に基づく技術設備・部品・スペアパ"
        "ーツ（及び同定された原材料）の輸入関税並びに"
        "輸入付加価値税の免除。",
    },
    AUTHORITY,
    in_force_from=LAW_215_VIII,
)


@customs_vat_exemption.criterion(
    "contract_basis",
    "000 Art.42-2(2)",
    en="A Kazakhstan legal entity entitled to a special investment contract (SEZ participant, "
    "free warehouse owner, or producer with an industrial assembly agreement)",
    ja="特別投資契約を締結できるカザフスタンの法人（特別経済区参加者、保税倉庫所有者又は工業組立"
    "契約を有する製造者）であること",
)
def _sip_basis(f: F, p: P) -> pl.Expr:
    return f.kz_sip_basis != "none"


@customs_vat_exemption.value(
    "max_duty_exemption_years",
    "000 Art.42-1(2)",
    unit="years",
    en="Longest customs-duty exemption (an SEZ participant's also ends with the zone)",
    ja="関税免除の最長期間（特別経済区参加者は経済区の有効期間を超えない）",
)
def _sip_years(f: F, p: P, v: ValuesView) -> pl.Expr:
    return lookup(f.kz_sip_basis, p.sip_duty_exemption_years, pl.Int64())
