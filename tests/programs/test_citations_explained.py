"""``isupport explain`` names the passage each number comes from (issue 12 items 7 and 20):
the FRP leasing term cites 004 §1-2(4), not §1-1(4); a Samara projection's standard rate cites
§3, not Ulyanovsk's §2; values the SME Monozukuri Act leaves to a Cabinet Order cite the Order
and say so."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def _explain(tmp_path: Path, case: dict[str, Any], program: str, as_of: str) -> dict[str, Any]:
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    done = subprocess.run(
        [
            str(Path(sys.executable).with_name("isupport")),
            "explain",
            str(path),
            "--program",
            program,
            "--as-of",
            as_of,
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _citations(item: dict[str, Any], name: str) -> list[str]:
    (parameter,) = [p for p in item["parameters"] if p["name"] == name]
    citations: list[str] = parameter["citations"]
    return citations


def test_leasing_term_cites_its_own_section(tmp_path: Path) -> None:
    case = {
        "id": "lessee",
        "name": "Lessee",
        "jurisdiction": "RU",
        "facts": {"frp_loan_term_months": 60, "frp_lease_term_months": 60},
    }
    body = _explain(tmp_path, case, "ru.frp.leasing", "2019-01-15")
    (term,) = [c for c in body["criteria"] if c["id"] == "term_max"]
    # 60 months = 5 years, within the lease term: met; the 5 years are 004 §1-2(4)'s
    assert term["status"] == "met"
    assert _citations(term, "lease_term_max_years") == ["004 §1-2(4)"]


def test_cabinet_order_industries_and_relief_cite_the_order(tmp_path: Path) -> None:
    # 002 Art.2(1)(v): a rubber-products maker (Cabinet Order industry) with 900 employees
    case = {
        "id": "rubber",
        "name": "Rubber maker",
        "jurisdiction": "JP",
        "facts": {
            "legal_form": "company",
            "main_industry": "rubber_products",
            "capital": 500000000,
            "regular_employees": 900,
        },
    }
    body = _explain(tmp_path, case, "jp.sme", "2026-04-01")
    (size,) = [c for c in body["criteria"] if c["id"] == "company_size"]
    assert size["status"] == "met"
    order = "JP SME Monozukuri Act Enforcement Order Art.1 (Cabinet Order under Act Art.2(1)(v))"
    assert _citations(size, "employees_max") == [
        "002 Art.2(1)(i)",
        "002 Art.2(1)(ii)",
        "002 Art.2(1)(iii)",
        "002 Art.2(1)(iv)",
        order,
    ]
    assert "Cabinet Order" in size["label"]

    precision = yaml.safe_load((EXAMPLES / "jp_precision_parts.yaml").read_text(encoding="utf-8"))
    body = _explain(tmp_path, precision, "jp.monozukuri.patent_fee", "2026-04-01")
    relief = {v["id"]: v for v in body["values"]}["annual_fee_relief"]
    assert "Cabinet Order" in relief["label"]
    assert _citations(relief, "patent_fee_relief_share") == [
        "JP SME Monozukuri Act Enforcement Order (Cabinet Order under Act Art.9(1)-(2))"
    ]
