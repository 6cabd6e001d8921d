"""Facts about a Russian enterprise that several schemes read (seed 004 §1, seed 003 §7).

Scheme-specific facts live in each scheme's module, prefixed with the scheme's name."""

from __future__ import annotations

from ...engine.facts import catalog

facts = catalog("RU")

facts.define(
    "ru_resident_legal_entity",
    "boolean",
    en="A legal entity registered in Russia",
    ja="ロシアで登記された法人であること",
)
facts.define(
    "foreign_legal_entity",
    "boolean",
    en="A foreign legal entity (not registered in Russia)",
    ja="外国法人であること",
)
facts.define(
    "offshore_parent",
    "boolean",
    en="A subsidiary of a foreign company registered in a low-tax (offshore) jurisdiction "
    "on the Ministry of Finance list",
    ja="財務省リストの低税率国・地域（オフショア）に登録された外国会社の子会社であること",
)
facts.define(
    "offshore_beneficiary",
    "boolean",
    en="A beneficial owner or controlling person is resident in a low-tax (offshore) jurisdiction",
    ja="実質的支配者が低税率国・地域（オフショア）の居住者であること",
)
facts.define(
    "in_reorganisation_liquidation_or_bankruptcy",
    "boolean",
    en="In reorganisation, liquidation or bankruptcy proceedings",
    ja="組織再編、清算又は破産手続中であること",
)
facts.define(
    "tax_arrears",
    "boolean",
    en="Has overdue taxes, levies or social contributions",
    ja="税金・社会保険料等の滞納があること",
)
