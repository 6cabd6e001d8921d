"""Batch screening: reproducible register, rejects with reasons, and the same answers as the
per-record explanation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from industrial_support.batch.run import run_batch
from industrial_support.batch.synth import generate, write
from industrial_support.cli import app
from industrial_support.engine.evaluate import RuleSet
from industrial_support.engine.facts import catalog
from industrial_support.engine.program import all_programs

AS_OF = dt.date(2025, 6, 1)


def test_same_seed_same_register() -> None:
    first = next(generate(500, seed=3))
    again = next(generate(500, seed=3))
    other = next(generate(500, seed=4))
    assert first.equals(again) and not first.equals(other)
    assert set(first["jurisdiction"].unique()) == {"JP", "RU", "KZ"}


def test_batch_matches_per_record_explanations(tmp_path: Path) -> None:
    register = tmp_path / "register.parquet"
    write(1500, seed=11, out=register)
    out, rejects = tmp_path / "out.parquet", tmp_path / "rejects.parquet"
    summary = run_batch(register, AS_OF, out, rejects, chunk_rows=400, missing=True)  # 4 chunks
    results = pl.read_parquet(out)
    rejected = pl.read_parquet(rejects)
    assert summary.rows == 1500 and rejected.height == summary.rejected
    assert rejected["reason"].str.starts_with("fact '").all()
    assert set(results["status"].unique()) == {
        "eligible",
        "ineligible",
        "undetermined",
        "needs_review",
    }
    # one bad row never aborts the batch: every valid enterprise has its results
    screened = results["enterprise_id"].n_unique()
    assert screened + rejected["enterprise_id"].n_unique() == 1500

    source = pl.read_parquet(register)
    programs = all_programs()
    sample = results.filter(
        pl.col("enterprise_id").is_in(results["enterprise_id"].unique().sort().head(40).implode())
    )
    for (enterprise, jurisdiction), rows in sample.group_by(["enterprise_id", "jurisdiction"]):
        facts = catalog(str(jurisdiction)).specs()
        row = source.filter(pl.col("enterprise_id") == enterprise).row(0, named=True)
        case = {s.name: row[s.name] for s in facts if row[s.name] is not None}
        rules = RuleSet([p for p in programs if p.jurisdiction == jurisdiction], AS_OF)
        single = {
            r.program.id: (r.status.value, sorted(r.missing_facts)) for r in rules.explain(case)
        }
        batch = {
            program: (status, sorted(missing))
            for program, status, missing in rows.select(
                "program", "status", "missing_facts"
            ).iter_rows()
        }
        assert batch == single


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
        app, ["batch", str(register), "--out", str(tmp_path / "o.parquet"), "--as-of", "2025-06-01"]
    )
    assert result.exit_code == 0, result.output
    assert "300 enterprises" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "enterprise_id,jurisdiction,capital\nA,JP,12x\nB,FR,1\nC,JP,5000000\n", encoding="utf-8"
    )
    result = runner.invoke(
        app, ["batch", str(bad), "--out", str(tmp_path / "b.parquet"), "--as-of", "2025-06-01"]
    )
    assert result.exit_code == 0, result.output
    reasons = (
        pl.read_parquet(tmp_path / "b.rejects.parquet").sort("enterprise_id")["reason"].to_list()
    )
    assert reasons == [
        "fact 'capital': expected amount in JPY",
        "jurisdiction: expected one of JP, RU, KZ",
    ]
