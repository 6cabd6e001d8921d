"""The article-coverage map (`isupport coverage`): every article of the five seeds is cited by
a rule or kept in the hand-kept file; the outline matches the seeds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from industrial_support.coverage import build
from industrial_support.engine.citations import SEEDS

ROOT = Path(__file__).parent.parent
SEED_DIR = ROOT.parent / "shared" / "seeds"  # shared/ lies beside the checkout (and in CI)
ISUPPORT = Path(sys.executable).with_name("isupport")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ISUPPORT), "coverage", *args], capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def full_map() -> dict[str, Any]:
    result = _cli("--format", "json")
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _node(data: dict[str, Any], seed: str, identifier: str) -> dict[str, Any]:
    nodes: dict[str, dict[str, Any]] = {node["id"]: node for node in data["seeds"][seed]["nodes"]}
    return nodes[identifier]


def test_every_article_of_every_seed_is_accounted_for(full_map: dict[str, Any]) -> None:
    assert set(full_map["seeds"]) == set(SEEDS)
    for seed, body in full_map["seeds"].items():
        unaccounted = [
            node["id"]
            for node in body["nodes"]
            if node["level"] == "article" and node["status"] == "unaccounted"
        ]
        assert not unaccounted, f"{seed}: articles neither cited nor in unencoded.yaml"
        assert full_map["summary"][seed]["unaccounted"] == 0


def test_every_seed_citation_lands_on_the_outline(full_map: dict[str, Any]) -> None:
    assert full_map["unplaced"] == []


def test_an_entry_of_an_encoded_article_is_reported_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    """002 Art.2 is encoded (jp.sme); a hand-kept entry for it would be stale, not a status."""
    entries = build.load_entries()
    entries["002"]["Art.2"] = build.Entry("declarative", {"en": "x", "ja": "x"})
    monkeypatch.setattr(build, "load_entries", lambda: entries)
    coverage = build.build_map()
    assert coverage.nodes["002"]["Art.2"].status == "encoded"
    assert ("002", "Art.2") in coverage.stale()


def test_an_article_dropped_from_the_hand_kept_file_is_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """002 Art.1 (the Act's purpose) has no rule; without its entry it must show as unaccounted."""
    entries = build.load_entries()
    del entries["002"]["Art.1"]
    monkeypatch.setattr(build, "load_entries", lambda: entries)
    coverage = build.build_map()
    assert coverage.nodes["002"]["Art.1"].status == "unaccounted"
    assert coverage.summary()["002"]["unaccounted"] == 1


def test_items_point_at_the_rules_that_cite_them(full_map: dict[str, Any]) -> None:
    # 002 Art.2(1)(vi): enterprise unions are SMEs by form — the form_item parameter of jp.sme
    vi = _node(full_map, "002", "Art.2(1)(vi)")
    assert vi["status"] == "encoded"
    assert {"kind": "parameter", "where": "jp/sme.yaml: form_item", "cite": "002 Art.2(1)(vi)"} in (
        vi["uses"]
    )
    # "002 Art.2(1)(i)-(v)" (the company size test) reaches each item of the range
    for item in ("i", "ii", "iii", "iv", "v"):
        uses = _node(full_map, "002", f"Art.2(1)({item})")["uses"]
        assert any(use["where"] == "jp.sme / company_size" for use in uses), item
    # 003 §16: V = C / P, the reason the refund of §19 exists — cited by the pp1176 program
    assert _node(full_map, "003", "§16")["status"] == "encoded"
    # 000 Art.1 (definitions) is encoded through its items, e.g. item 25
    assert _node(full_map, "000", "Art.1")["status"] == "encoded"


def test_hand_kept_entries_show_their_reason(full_map: dict[str, Any]) -> None:
    software = _node(full_map, "000", "Art.51-2")
    if software["uses"]:  # once the software route is encoded, the citations win
        assert software["status"] == "encoded"
    else:
        assert software["status"] == "not_modelled" and "software" in software["why"]["en"]
    purpose = _node(full_map, "002", "Art.1")
    assert purpose["status"] == "declarative" and purpose["why"]


def test_table_for_one_seed_and_a_clear_error_for_an_unknown_one() -> None:
    table = _cli("--seed", "003")
    assert table.returncode == 0, table.stderr
    assert "§16" in table.stdout and "000" not in table.stdout.split("\n", 1)[0]
    wrong = _cli("--seed", "007")
    assert wrong.returncode == 2
    assert "seed: expected one of 000, 001, 002, 003, 004, got '007'" in wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_outline_ids_follow_the_seeds_structure(full_map: dict[str, Any]) -> None:
    """Counted by hand in the seeds: 000 has 81 articles (第1条..第69条 with the -1/-2 ones),
    002 has 14 articles, 003's Rules 20 paragraphs plus the approving decree, 004 four sections
    with three FRP schemes."""
    articles = {
        seed: [n["id"] for n in body["nodes"] if n["level"] == "article"]
        for seed, body in full_map["seeds"].items()
    }
    assert len(articles["000"]) == 81 and "Art.51-7" in articles["000"]
    assert articles["002"] == [f"Art.{n}" for n in range(1, 15)]
    assert articles["003"] == ["decree"] + [f"§{n}" for n in range(1, 21)]
    assert articles["004"] == ["§1", "§1-1", "§1-2", "§1-3", "§2", "§3", "§4"]
    ids_002 = [n["id"] for n in full_map["seeds"]["002"]["nodes"]]
    # Art.2(1) has eight items (i-viii); Art.4(3) three
    assert [i for i in ids_002 if i.startswith("Art.2(1)(")] == [
        f"Art.2(1)({r})" for r in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii")
    ]
    assert [i for i in ids_002 if i.startswith("Art.4(3)(")] == [
        "Art.4(3)(i)",
        "Art.4(3)(ii)",
        "Art.4(3)(iii)",
    ]


@pytest.mark.skipif(not SEED_DIR.is_dir(), reason="the seeds live outside the repository")
def test_committed_outline_matches_the_seeds() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "extract_outline.py"), str(SEED_DIR), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not SEED_DIR.is_dir(), reason="the seeds live outside the repository")
def test_package_data_carries_no_sentence_of_the_seeds() -> None:
    seeds = "".join(path.read_text(encoding="utf-8") for path in SEED_DIR.glob("*.txt"))
    package = ROOT / "src" / "industrial_support" / "coverage"
    for name in ("outline.yaml", "unencoded.yaml"):
        text = (package / name).read_text(encoding="utf-8")
        # any 16 running characters of Japanese also found in a seed (terms are shorter)
        runs = re.findall(r"[^\x00-\x7f§]{16,}", text)
        copied = [
            run[i : i + 16]
            for run in runs
            for i in range(len(run) - 15)
            if run[i : i + 16] in seeds
        ]
        assert not copied, f"{name} copies seed text: {copied[:3]}"


def test_readme_summary_matches_the_map(full_map: dict[str, Any]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for seed, counts in full_map["summary"].items():
        (line,) = [row for row in readme.splitlines() if row.startswith(f"| {seed} ")]
        cells = [cell.strip() for cell in line.strip("|").split("|")][1:]
        articles = sum(counts[key] for key in ("encoded", "declarative", "not_modelled"))
        wanted = [articles, counts["encoded"], counts["declarative"], counts["not_modelled"]]
        assert [int(cell) for cell in cells] == [*wanted, counts["uncited_parts"]], (
            f"README coverage table, seed {seed}: stale — update it from `isupport coverage`"
        )
