"""Batch screening: reproducible register, rejects with reasons, and the same answers as the
per-record explanation."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from industrial_support.batch.layout import parameter_version, read_table
from industrial_support.batch.run import run_batch
from industrial_support.batch.screen import compile_screen, screen_chunk
from industrial_support.batch.synth import generate, write
from industrial_support.cli import app
from industrial_support.engine.evaluate import RuleSet
from industrial_support.engine.facts import catalog
from industrial_support.engine.money import Money
from industrial_support.engine.program import all_programs

AS_OF = dt.date(2025, 6, 1)
COUNTRIES = ("JP", "RU", "KZ")


def rules(jurisdiction: str) -> RuleSet:
    return RuleSet([p for p in all_programs() if p.jurisdiction == jurisdiction], AS_OF)


def test_same_seed_same_register() -> None:
    first = next(generate(500, seed=3))
    again = next(generate(500, seed=3))
    other = next(generate(500, seed=4))
    assert first.equals(again) and not first.equals(other)
    assert set(first["jurisdiction"].unique()) == {"JP", "RU", "KZ"}


@pytest.fixture(scope="module")
def screened(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("batch")
    register = work / "register.parquet"
    write(1500, seed=11, out=register)
    out = work / "out"
    progress: list[int] = []
    summary = run_batch(
        register, AS_OF, out, chunk_rows=400, missing=True, on_chunk=progress.append
    )
    assert summary.rows == 1500 and sum(progress) == 1500 and len(progress) > 3
    assert summary.rejected == read_table(out, "rejects").height
    assert summary.results == sum(
        read_table(out, j).height * len(rules(j).programs) for j in COUNTRIES
    )
    return register, out


def test_batch_matches_per_record_explanations(screened: tuple[Path, Path]) -> None:
    register, out = screened
    rejected = read_table(out, "rejects")
    assert rejected.height and rejected["reason"].str.starts_with("fact '").all()
    # one bad row never aborts the batch: every valid enterprise has its results
    tables = {j: read_table(out, j) for j in COUNTRIES}
    assert sum(t.height for t in tables.values()) + rejected.height == 1500
    statuses = {s for j, t in tables.items() for p in rules(j).programs for s in t[p.status_column]}
    assert statuses == {"eligible", "ineligible", "undetermined", "needs_review"}

    source = pl.read_parquet(register)
    programs = pl.read_parquet(out / "programs.parquet")
    amounts_seen = 0
    for jurisdiction, table in tables.items():
        ruleset = rules(jurisdiction)
        columns = {r["program"]: r for r in programs.iter_rows(named=True)}
        # the batch reads only the facts some program reads; the explanation gets the same
        facts = ruleset.facts_needed()
        for batch_row in table.sort("enterprise_id").head(15).iter_rows(named=True):
            row = source.filter(pl.col("enterprise_id") == batch_row["enterprise_id"]).row(
                0, named=True
            )
            case = {name: row[name] for name in facts if row[name] is not None}
            for result in ruleset.explain(case):
                layout = columns[result.program.id]
                assert batch_row[layout["status_column"]] == result.status.value
                assert sorted(batch_row[f"{result.program.id}::missing"]) == sorted(
                    result.missing_facts
                )
                if layout["amount_column"] is not None:
                    single = next(v for v in result.values if v.value.id == layout["value"])
                    amount = batch_row[layout["amount_column"]]
                    assert single.result == (
                        None if amount is None else Money(Decimal(amount), layout["currency"])
                    )
                    amounts_seen += amount is not None
    assert amounts_seen  # the comparison covered amounts, not only their absence


def test_programs_table_and_file_metadata_state_parameter_versions(
    screened: tuple[Path, Path],
) -> None:
    _, out = screened
    programs = pl.read_parquet(out / "programs.parquet")
    for jurisdiction in COUNTRIES:
        ruleset = rules(jurisdiction)
        expected = {p.program.id: parameter_version(p, AS_OF) for p in ruleset.programs}
        mine = programs.filter(pl.col("jurisdiction") == jurisdiction)
        assert dict(mine.select("program", "parameters").iter_rows()) == expected
        schema = pq.read_schema(out / jurisdiction / "part-0.parquet")
        assert json.loads(schema.metadata[b"isupport.parameters"]) == expected
        for amount, currency in mine.select("amount_column", "currency").drop_nulls().iter_rows():
            assert schema.field(amount).metadata[b"isupport.currency"] == currency.encode()
    # amounts are in the country's currency, or as the law states them (a KZ program in EUR)
    assert set(programs["currency"].drop_nulls()) == {"JPY", "RUB", "KZT", "EUR"}


def test_chunking_and_regrouping_do_not_change_results(
    screened: tuple[Path, Path], tmp_path: Path
) -> None:
    register, out = screened
    again = tmp_path / "again"
    run_batch(register, AS_OF, again, chunk_rows=10_000, missing=True)
    for name in COUNTRIES:  # each country's rows keep the register's order
        assert read_table(again, name).equals(read_table(out, name)), name
    rejects = [read_table(folder, "rejects").sort("enterprise_id") for folder in (again, out)]
    assert rejects[0].equals(rejects[1])


def test_a_chunk_of_mixed_countries_gives_the_same_results(screened: tuple[Path, Path]) -> None:
    # The local runner gathers each country's rows before screening; Ray hands the same
    # function mixed batches.
    register, out = screened
    result = screen_chunk(pl.read_parquet(register), compile_screen(AS_OF, missing=True))
    for name in (*COUNTRIES, "rejects"):
        mixed = pl.from_arrow(result.tables[name])
        assert isinstance(mixed, pl.DataFrame)
        assert mixed.sort("enterprise_id").equals(read_table(out, name).sort("enterprise_id"))


def test_facts_no_program_reads_are_not_validated(tmp_path: Path) -> None:
    unread = sorted(
        s.name
        for s in catalog("KZ").specs()
        if s.kind == "money" and s.name not in rules("KZ").facts_needed()
    )
    read = "kz_sp_value_added_index"
    assert unread and read in rules("KZ").facts_needed()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        f"enterprise_id,jurisdiction,{unread[0]},{read}\nA,KZ,-5,\nB,KZ,,-5\n", encoding="utf-8"
    )
    run_batch(bad, AS_OF, tmp_path / "out")
    assert read_table(tmp_path / "out", "KZ")["enterprise_id"].to_list() == ["A"]
    assert read_table(tmp_path / "out", "rejects")["enterprise_id"].to_list() == ["B"]


def test_cli_synth_and_batch(tmp_path: Path) -> None:
    runner = CliRunner()
    register = tmp_path / "r.parquet"
    assert (
        runner.invoke(
            app, ["synth", "--rows", "300", "--seed", "2", "--out", str(register)]
        ).exit_code
        == 0
    )
    result = runner.invoke(
        app, ["batch", str(register), "--out", str(tmp_path / "o"), "--as-of", "2025-06-01"]
    )
    assert result.exit_code == 0, result.output
    assert "300 enterprises" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "enterprise_id,jurisdiction,capital\nA,JP,12x\nB,FR,1\nC,JP,5000000\n", encoding="utf-8"
    )
    result = runner.invoke(
        app, ["batch", str(bad), "--out", str(tmp_path / "b"), "--as-of", "2025-06-01"]
    )
    assert result.exit_code == 0, result.output
    reasons = read_table(tmp_path / "b", "rejects").sort("enterprise_id")["reason"].to_list()
    assert reasons == [
        "fact 'capital': expected amount in JPY",
        "jurisdiction: expected one of JP, RU, KZ",
    ]
    assert read_table(tmp_path / "b", "JP")["enterprise_id"].to_list() == ["C"]
    # a second run into the same folder replaces the first
    result = runner.invoke(
        app, ["batch", str(register), "--out", str(tmp_path / "b"), "--as-of", "2025-06-01"]
    )
    assert result.exit_code == 0, result.output
    assert read_table(tmp_path / "b", "rejects")["jurisdiction"].is_in(COUNTRIES).all()
    result = runner.invoke(app, ["batch", str(bad), "--out", str(bad), "--as-of", "2025-06-01"])
    assert result.exit_code != 0 and "expected a folder" in result.output
