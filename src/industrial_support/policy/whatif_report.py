"""What ``isupport whatif`` writes: JSON and CSV tables for machines, an HTML report (with a
bar chart of statuses on each side, inline SVG, no script) for an analyst to send."""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path
from typing import Any

import polars as pl

from ..engine.money import normalise
from ..engine.program import text
from .whatif import BASE, REFORM, WhatIf

STATUSES = ("eligible", "needs_review", "undetermined", "ineligible")
COLOURS = {
    "eligible": "#2e7d32",
    "needs_review": "#f9a825",
    "undetermined": "#0288d1",
    "ineligible": "#c62828",
}


def summary(result: WhatIf) -> dict[str, Any]:
    programs = []
    for impact in result.impacts.values():
        programs.append(
            {
                "program": impact.program,
                "jurisdiction": impact.jurisdiction,
                "reformed": impact.program in result.reform.program_ids
                or impact.hashes[BASE] != impact.hashes[REFORM],
                "rules_hash": impact.hashes,
                "counts": {BASE: impact.counts(BASE), REFORM: impact.counts(REFORM)},
                "transitions": [
                    {"from": a, "to": b, "count": n}
                    for (a, b), n in sorted(impact.transitions.items())
                    if a != b
                ],
                "currency": impact.currency,
                "totals": {
                    dimension: [
                        {"side": side, "key": key, "amount": normalise(amount)}
                        for (side, key), amount in sorted(per.items())
                    ]
                    for dimension, per in impact.totals.items()
                },
            }
        )
    return {
        "as_of": result.as_of.isoformat(),
        "reform": {"id": result.reform.id, "title": dict(result.reform.title)},
        "rows": result.rows,
        "changed_results": result.changed_frame().height,
        "programs": programs,
    }


def write_whatif(result: WhatIf, out: Path, lang: str = "en") -> dict[str, Any]:
    """Write the folder (replaced, so no stale file of an earlier run survives)."""
    data = summary(result)
    staging = out.with_name(out.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    (staging / "summary.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    transitions = [
        {"program": p["program"], "from": a, "to": b, "count": n}
        for p, impact in zip(data["programs"], result.impacts.values(), strict=True)
        for (a, b), n in sorted(impact.transitions.items())
    ]
    pl.DataFrame(
        transitions,
        schema={"program": pl.String, "from": pl.String, "to": pl.String, "count": pl.Int64},
    ).write_csv(staging / "transitions.csv")
    totals = [
        {"program": p["program"], "currency": p["currency"], "dimension": d, **row}
        for p in data["programs"]
        for d, rows in p["totals"].items()
        for row in rows
    ]
    pl.DataFrame(
        totals,
        schema={
            "program": pl.String,
            "currency": pl.String,
            "dimension": pl.String,
            "side": pl.String,
            "key": pl.String,
            "amount": pl.String,  # exact decimal text
        },
    ).write_csv(staging / "totals.csv")
    changed = result.changed_frame()
    changed.write_parquet(staging / "changed.parquet")
    changed.with_columns(pl.col("criteria_changed").list.join(" ")).write_csv(
        staging / "changed.csv"
    )
    (staging / "report.html").write_text(_html(data, changed, lang), encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    staging.rename(out)
    return data


def _chart(program: dict[str, Any]) -> str:
    """Two horizontal stacked bars (law, reform) of the status counts."""
    width, bar, gap = 560, 26, 12
    total = max(sum(program["counts"][BASE].values()), 1)
    parts = []
    for index, side in enumerate((BASE, REFORM)):
        y = 20 + index * (bar + gap)
        parts.append(f'<text x="0" y="{y + 18}" font-size="13">{side}</text>')
        x = 60.0
        for status in STATUSES:
            n = program["counts"][side].get(status, 0)
            w = (width - 70) * n / total
            if n:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar}" '
                    f'fill="{COLOURS[status]}"><title>{status}: {n}</title></rect>'
                )
            x += w
    legend = " ".join(f'<tspan fill="{COLOURS[s]}">■</tspan> {s}' for s in STATUSES)
    return (
        f'<svg role="img" class="chart" width="{width}" height="110" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}'
        f'<text x="60" y="104" font-size="12">{legend}</text></svg>'
    )


def _html(data: dict[str, Any], changed: pl.DataFrame, lang: str) -> str:
    esc = html.escape
    title = text(data["reform"]["title"], lang)
    sections = []
    for p in data["programs"]:
        if not p["reformed"] and not p["transitions"]:
            continue
        counts = "".join(
            f"<tr><td>{s}</td><td>{p['counts'][BASE].get(s, 0)}</td>"
            f"<td>{p['counts'][REFORM].get(s, 0)}</td></tr>"
            for s in STATUSES
        )
        moves = (
            "".join(
                f"<tr><td>{esc(t['from'])} → {esc(t['to'])}</td><td>{t['count']}</td></tr>"
                for t in p["transitions"]
            )
            or "<tr><td colspan=2>none</td></tr>"
        )
        totals = "".join(
            f"<tr><td>{esc(d)}</td><td>{esc(r['key'])}</td><td>{r['side']}</td>"
            f"<td class=num>{r['amount']} {esc(p['currency'] or '')}</td></tr>"
            for d, rows in p["totals"].items()
            for r in rows
        )
        sections.append(
            f"<section><h2>{esc(p['program'])}</h2>"
            f"<p>rules hash: law <code>{esc(p['rules_hash'][BASE])}</code>, "
            f"reform <code>{esc(p['rules_hash'][REFORM])}</code></p>{_chart(p)}"
            f"<table><tr><th>status</th><th>{BASE}</th><th>{REFORM}</th></tr>{counts}</table>"
            f"<h3>transitions</h3><table class=transitions>{moves}</table>"
            f"<h3>amounts of eligible results</h3><table>{totals}</table></section>"
        )
    rows = "".join(
        f"<tr><td>{esc(r[0])}</td><td>{esc(r[1])}</td><td>{r[2]} → {r[3]}</td>"
        f"<td>{esc(', '.join(r[6] or []))}</td></tr>"
        for r in changed.head(500).iter_rows()
    )
    return (
        f'<!doctype html><html lang="{lang}"><meta charset="utf-8">'
        f"<title>whatif {esc(data['reform']['id'])}</title>"
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:2px 8px}.num{text-align:right}</style>"
        f"<h1>{esc(title)}</h1><p>{data['rows']} rows · as of {data['as_of']} · "
        f"{data['changed_results']} results changed</p>{''.join(sections)}"
        "<h2>enterprises whose outcome changed (first 500; all in changed.csv)</h2>"
        f"<table><tr><th>enterprise</th><th>program</th><th>status</th><th>criteria</th></tr>"
        f"{rows}</table></html>\n"
    )
