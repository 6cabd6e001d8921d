"""Hostile inputs for every entry point of the command line (``isupport …``).

Each entry is the files it needs (written into a fresh folder), the command (``{dir}`` is
that folder), the exit code expected (2: bad input, 0: accepted, perhaps with a warning)
and a text the output must hold: the field at fault. Built from the examples of issue 13
and our own; tests/hostile/test_cli_corpus.py runs each through the real CLI."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field

import polars as pl


@dataclass(frozen=True)
class Hostile:
    name: str
    argv: tuple[str, ...]
    says: str  # a text the output names (the field, the file's problem)
    code: int = 2
    files: dict[str, bytes] = field(default_factory=dict)
    folders: tuple[str, ...] = ()


JP_GOOD = "id: ok\njurisdiction: JP\nfacts:\n  legal_form: company\n  capital: 100000000\n"


def _jp(facts: str, head: str = "") -> bytes:
    return f"id: h\njurisdiction: JP\n{head}facts:\n{facts}".encode()


def _screen(name: str, content: bytes, says: str, suffix: str = "yaml", code: int = 2) -> Hostile:
    file = f"case.{suffix}"
    return Hostile(
        name, ("screen", f"{{dir}}/{file}", "--as-of", "2026-04-01"), says, code, {file: content}
    )


CASES: list[Hostile] = [
    # issue 13: unquoted impossible dates crashed with a 135-line traceback
    _screen(
        "facts_as_of month 13 unquoted",
        _jp("  capital: 1\n", "facts_as_of: 2026-13-45\n"),
        "facts_as_of",
    ),
    _screen(
        "facts_as_of 30 February unquoted",
        _jp("  capital: 1\n", "facts_as_of: 2026-02-30\n"),
        "facts_as_of",
    ),
    _screen(
        "facts_as_of quoted bad",
        _jp("  capital: 1\n", "facts_as_of: '2026-02-30'\n"),
        "facts_as_of",
    ),
    _screen(
        "facts_as_of year 1", _jp("  capital: 1\n", "facts_as_of: 0001-01-01\n"), "facts_as_of"
    ),
    _screen(
        "facts_as_of year 9999", _jp("  capital: 1\n", "facts_as_of: 9999-12-31\n"), "facts_as_of"
    ),
    _screen(
        "facts_as_of a number", _jp("  capital: 1\n", "facts_as_of: 20260401\n"), "facts_as_of"
    ),
    _screen(
        "facts_as_of with time",
        _jp("  capital: 1\n", "facts_as_of: 2026-04-01 10:00:00\n"),
        "facts_as_of",
    ),
    _screen("facts_as_of a list", _jp("  capital: 1\n", "facts_as_of: [2026]\n"), "facts_as_of"),
    _screen("capital .nan", _jp("  capital: .nan\n"), "capital"),
    _screen("capital .inf", _jp("  capital: .inf\n"), "capital"),
    _screen("capital -.inf", _jp("  capital: -.inf\n"), "capital"),
    _screen("capital 5000 digits", _jp(f"  capital: {'9' * 5000}\n"), "capital"),
    _screen("capital 5000 digits quoted", _jp(f"  capital: '{'9' * 5000}'\n"), "capital"),
    _screen("capital 1e30", _jp("  capital: 1e30\n"), "capital"),
    _screen("capital 1.0e+30", _jp("  capital: 1.0e+30\n"), "capital"),
    _screen("capital negative", _jp("  capital: -5\n"), "capital"),
    _screen("capital text", _jp("  capital: lots\n"), "capital"),
    _screen("capital boolean", _jp("  capital: true\n"), "capital"),
    _screen("capital list", _jp("  capital: [1, 2]\n"), "capital"),
    _screen("capital yen decimals", _jp("  capital: 100.5\n"), "capital"),
    _screen("capital other currency", _jp("  capital: {amount: 1, currency: USD}\n"), "capital"),
    _screen("capital mapping without amount", _jp("  capital: {currency: JPY}\n"), "capital"),
    _screen("capital mapping extra key", _jp("  capital: {amount: 1, rate: 2}\n"), "capital"),
    _screen("capital 11 decimals", _jp("  capital: '0.00000000001'\n"), "capital"),
    _screen("capital date", _jp("  capital: 2026-01-01\n"), "capital"),
    _screen("capital NaN text", _jp("  capital: NaN\n"), "capital"),
    _screen("capital Infinity text", _jp("  capital: Infinity\n"), "capital"),
    _screen("employees fraction", _jp("  regular_employees: 1.5\n"), "regular_employees"),
    _screen("employees words", _jp("  regular_employees: ten\n"), "regular_employees"),
    _screen("employees 2^70", _jp(f"  regular_employees: {2**70}\n"), "regular_employees"),
    _screen("employees negative", _jp("  regular_employees: -1\n"), "regular_employees"),
    _screen("employees boolean", _jp("  regular_employees: false\n"), "regular_employees"),
    _screen("enum unknown", _jp("  legal_form: partnership\n"), "legal_form"),
    _screen("enum typo", _jp("  legal_form: compny\n"), "company"),
    _screen("enum number", _jp("  legal_form: 3\n"), "legal_form"),
    _screen(
        "boolean as yes text", _jp("  technology_designated: 'yes'\n"), "technology_designated"
    ),
    _screen("boolean as 1", _jp("  technology_designated: 1\n"), "technology_designated"),
    _screen(
        "three typos at once",
        _jp("  legal_from: company\n  capitol: 5\n  manufacturng: true\n"),
        "legal_from",
    ),
    _screen("unknown fact", _jp("  capitl: 5\n"), "capital"),
    _screen("unknown top key", b"jurisdiction: JP\ncapitol: 5\nfacts: {}\n", "capitol"),
    _screen(
        "duplicate top key", b"jurisdiction: JP\njurisdiction: RU\nfacts: {}\n", "jurisdiction"
    ),
    _screen("duplicate fact key", _jp("  capital: 1\n  capital: 2\n"), "capital"),
    _screen("jurisdiction missing", b"facts: {capital: 1}\n", "jurisdiction"),
    _screen("jurisdiction lowercase", b"jurisdiction: jp\nfacts: {}\n", "jurisdiction"),
    _screen("jurisdiction list", b"jurisdiction: [JP]\nfacts: {}\n", "jurisdiction"),
    _screen("jurisdiction unknown", b"jurisdiction: FR\nfacts: {}\n", "jurisdiction"),
    _screen("facts a list", b"jurisdiction: JP\nfacts: [1, 2]\n", "facts"),
    _screen("facts missing", b"jurisdiction: JP\n", "facts"),
    _screen("facts text", b"jurisdiction: JP\nfacts: none\n", "facts"),
    _screen("name a list", b"jurisdiction: JP\nname: [a]\nfacts: {}\n", "name"),
    _screen("id a mapping", b"jurisdiction: JP\nid: {a: 1}\nfacts: {}\n", "id"),
    _screen("top level a list", b"- 1\n- 2\n", "case.yaml"),
    _screen("top level a scalar", b"hello\n", "case.yaml"),
    _screen("empty file", b"", "case.yaml"),
    _screen("only a comment", b"# nothing\n", "case.yaml"),
    _screen("broken YAML", b"jurisdiction: JP\nfacts: {capital: 1\n", "YAML"),
    _screen("tab indentation", b"jurisdiction: JP\nfacts:\n\tcapital: 1\n", "YAML"),
    _screen("binary file", bytes(range(256)) * 4, "binary"),
    _screen(
        "latin-1 file", "jurisdiction: JP\nname: Société\nfacts: {}\n".encode("latin-1"), "UTF-8"
    ),
    _screen("UTF-16 file", "jurisdiction: JP\nfacts: {}\n".encode("utf-16"), "case.yaml"),
    _screen(
        "YAML alias bomb",
        b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        b"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        b"g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n",
        "case.yaml",
    ),
    _screen(
        "YAML python tag",
        b"jurisdiction: !!python/object/apply:os.system ['true']\nfacts: {}\n",
        "YAML",
    ),
    _screen("YAML deeply nested", b"facts: " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested"),
    _screen("non-text key", b"jurisdiction: JP\nfacts: {[1]: 2}\n", "case.yaml"),
    _screen("integer fact key", b"jurisdiction: JP\nfacts: {1: 2}\n", "fact '1'"),
    _screen("JSON nested 100000 deep", b"[" * 100_000 + b"]" * 100_000, "nested", "json"),
    _screen(
        "JSON lone surrogate in a name",
        b'{"jurisdiction": "JP", "name": "\\ud800", "facts": {}}',
        "name",
        "json",
    ),
    _screen(
        "JSON lone surrogate as a fact name",
        b'{"jurisdiction": "JP", "facts": {"\\ud800": 1}}',
        "JP fact",
        "json",
    ),
    _screen(
        "JSON duplicate keys",
        b'{"jurisdiction": "JP", "jurisdiction": "RU", "facts": {}}',
        "twice",
        "json",
    ),
    _screen("JSON truncated", b'{"jurisdiction": "JP", "facts": {', "JSON", "json"),
    _screen(
        "JSON NaN literal", b'{"jurisdiction": "JP", "facts": {"capital": NaN}}', "capital", "json"
    ),
    _screen(
        "JSON float capital",
        b'{"jurisdiction": "JP", "facts": {"capital": 1e400}}',
        "capital",
        "json",
    ),
    _screen("JSON empty", b"", "JSON", "json"),
    _screen("JSON a string", b'"JP"', "case.json", "json"),
    _screen("wrong suffix", b"jurisdiction: JP\nfacts: {}\n", "case.txt", "txt"),
    Hostile("case path is a folder", ("screen", "{dir}/folder"), "folder", folders=("folder",)),
    Hostile("no such case file", ("screen", "{dir}/missing.yaml"), "no such case file"),
    Hostile(
        "bad --as-of",
        ("screen", "{dir}/ok.yaml", "--as-of", "2026-02-30"),
        "--as-of",
        files={"ok.yaml": JP_GOOD.encode()},
    ),
    Hostile(
        "unknown --program",
        ("screen", "{dir}/ok.yaml", "--program", "jp.nonesuch"),
        "jp.nonesuch",
        files={"ok.yaml": JP_GOOD.encode()},
    ),
    Hostile(
        "foreign --program",
        ("screen", "{dir}/ok.yaml", "--program", "ru.frp.loans"),
        "program",
        files={"ok.yaml": JP_GOOD.encode()},
    ),
    Hostile(
        "bad --lang",
        ("screen", "{dir}/ok.yaml", "--lang", "fr"),
        "--lang",
        files={"ok.yaml": JP_GOOD.encode()},
    ),
    Hostile(
        "bad --format",
        ("screen", "{dir}/ok.yaml", "--format", "xml"),
        "--format",
        files={"ok.yaml": JP_GOOD.encode()},
    ),
    Hostile(
        "japanese errors",
        ("screen", "{dir}/case.yaml", "--lang", "ja"),
        "資本金",
        files={"case.yaml": _jp("  capital: -5\n")},
    ),
]

EXPLAIN: list[Hostile] = [
    Hostile(
        "explain unknown program",
        ("explain", "{dir}/ok.yaml", "--program", "jp.sm"),
        "jp.sm",
        files={"ok.yaml": JP_GOOD.encode()},
    ),
    Hostile(
        "explain foreign program",
        ("explain", "{dir}/ok.yaml", "--program", "kz.gate"),
        "program",
        files={"ok.yaml": JP_GOOD.encode()},
    ),
    Hostile(
        "explain before the law",
        ("explain", "{dir}/ok.yaml", "--program", "jp.sme", "--as-of", "1900-01-01"),
        "program",
        files={"ok.yaml": JP_GOOD.encode()},
    ),
    Hostile(
        "explain no program option",
        ("explain", "{dir}/ok.yaml"),
        "--program",
        files={"ok.yaml": JP_GOOD.encode()},
    ),
    Hostile(
        "explain bad date",
        ("explain", "{dir}/ok.yaml", "--program", "jp.sme", "--as-of", "x"),
        "--as-of",
        files={"ok.yaml": JP_GOOD.encode()},
    ),
    Hostile(
        "explain bad case",
        ("explain", "{dir}/c.yaml", "--program", "jp.sme"),
        "capital",
        files={"c.yaml": _jp("  capital: .inf\n")},
    ),
    Hostile(
        "explain binary case",
        ("explain", "{dir}/c.json", "--program", "jp.sme"),
        "binary",
        files={"c.json": b"\x00\x01\x02"},
    ),
    Hostile(
        "explain far date",
        ("explain", "{dir}/ok.yaml", "--program", "jp.sme", "--as-of", "9999-12-31"),
        "",
        code=0,
        files={"ok.yaml": JP_GOOD.encode()},
    ),
]


def _deadline(name: str, *args: str, says: str, code: int = 2) -> Hostile:
    return Hostile(name, ("deadline", *args), says, code)


DEADLINE: list[Hostile] = [
    _deadline(
        "a billion working days",
        "--jurisdiction",
        "JP",
        "--from",
        "2025-01-01",
        "--working-days",
        "1000000000",
        says="working-days",
    ),
    _deadline(
        "a trillion calendar days",
        "--jurisdiction",
        "JP",
        "--from",
        "2025-01-01",
        "--calendar-days",
        "1000000000000",
        says="calendar-days",
    ),
    _deadline(
        "from 9999-12-31",
        "--jurisdiction",
        "RU",
        "--from",
        "9999-12-31",
        "--working-days",
        "1",
        says="from",
    ),
    _deadline(
        "from year 1",
        "--jurisdiction",
        "RU",
        "--from",
        "0001-01-01",
        "--calendar-days",
        "1",
        says="from",
    ),
    _deadline(
        "from 30 February",
        "--jurisdiction",
        "RU",
        "--from",
        "2025-02-30",
        "--working-days",
        "1",
        says="--from",
    ),
    _deadline(
        "negative working days",
        "--jurisdiction",
        "KZ",
        "--from",
        "2025-01-01",
        "--working-days",
        "-1",
        says="working-days",
    ),
    _deadline(
        "negative calendar days",
        "--jurisdiction",
        "KZ",
        "--from",
        "2025-01-01",
        "--calendar-days",
        "-5",
        says="calendar-days",
    ),
    _deadline(
        "both counts",
        "--jurisdiction",
        "KZ",
        "--from",
        "2025-01-01",
        "--working-days",
        "1",
        "--calendar-days",
        "1",
        says="deadline",
    ),
    _deadline("no count", "--jurisdiction", "KZ", "--from", "2025-01-01", says="deadline"),
    _deadline(
        "unknown country",
        "--jurisdiction",
        "FR",
        "--from",
        "2025-01-01",
        "--working-days",
        "1",
        says="jurisdiction",
    ),
    _deadline(
        "empty country",
        "--jurisdiction",
        "",
        "--from",
        "2025-01-01",
        "--working-days",
        "1",
        says="jurisdiction",
    ),
    _deadline(
        "count as text",
        "--jurisdiction",
        "JP",
        "--from",
        "2025-01-01",
        "--working-days",
        "five",
        says="--working-days",
    ),
    _deadline(
        "count 1e3",
        "--jurisdiction",
        "JP",
        "--from",
        "2025-01-01",
        "--working-days",
        "1e3",
        says="--working-days",
    ),
    _deadline(
        "empty from", "--jurisdiction", "JP", "--from", "", "--working-days", "1", says="--from"
    ),
    _deadline(
        "every problem at once",
        "--jurisdiction",
        "XX",
        "--from",
        "9999-12-31",
        "--working-days",
        "-3",
        says="working-days",
    ),
    _deadline(
        "japanese",
        "--jurisdiction",
        "XX",
        "--from",
        "2025-01-01",
        "--working-days",
        "1",
        "--lang",
        "ja",
        says="国 (jurisdiction)",
    ),
]


def _parquet(frame: pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.write_parquet(buffer)
    return buffer.getvalue()


def _register(**extra: object) -> pl.DataFrame:
    base = {"enterprise_id": ["e1", "e2"], "jurisdiction": ["JP", "JP"], "capital": ["100", "200"]}
    base.update(extra)  # type: ignore[arg-type]
    return pl.DataFrame(base)


GOOD_CSV = b"enterprise_id,jurisdiction,capital,regular_employees\ne1,JP,100000000,20\ne2,RU,5,\n"


def _batch(
    name: str, file: str, content: bytes, says: str, *options: str, code: int = 2
) -> Hostile:
    return Hostile(
        name,
        ("batch", f"{{dir}}/{file}", "--out", "{dir}/out", "--as-of", "2025-06-01", *options),
        says,
        code,
        {file: content},
    )


BATCH: list[Hostile] = [
    _batch("corrupt Parquet", "r.parquet", b"PAR1 this is not parquet PAR1", "Parquet"),
    _batch("truncated Parquet", "r.parquet", _parquet(_register())[:200], "Parquet"),
    _batch("empty Parquet file", "r.parquet", b"", "Parquet"),
    _batch(
        "Parquet without rows", "r.parquet", _parquet(_register().head(0)), "enterprises", code=0
    ),
    _batch(
        "Parquet missing jurisdiction",
        "r.parquet",
        _parquet(pl.DataFrame({"enterprise_id": ["a"]})),
        "jurisdiction",
    ),
    _batch(
        "Parquet missing enterprise_id",
        "r.parquet",
        _parquet(pl.DataFrame({"jurisdiction": ["JP"]})),
        "enterprise_id",
    ),
    _batch(
        "bool in a money column", "r.parquet", _parquet(_register(capital=[True, False])), "capital"
    ),
    _batch(
        "list in a money column", "r.parquet", _parquet(_register(capital=[[1], [2]])), "capital"
    ),
    _batch(
        "struct in a money column",
        "r.parquet",
        _parquet(_register(capital=[{"a": 1}, {"a": 2}])),
        "capital",
    ),
    _batch(
        "binary in a text column",
        "r.parquet",
        _parquet(_register(legal_form=[b"x", b"y"])),
        "legal_form",
    ),
    _batch(
        "unknown column is warned of",
        "r.parquet",
        _parquet(_register(capitol=["1", "2"])),
        "did you mean capital",
        code=0,
    ),
    _batch(
        "unknown column with --strict",
        "r.parquet",
        _parquet(_register(capitol=["1", "2"])),
        "capitol",
        "--strict",
    ),
    _batch("empty CSV", "r.csv", b"", "empty"),
    _batch("CSV of blank lines", "r.csv", b"\n\n\n", "empty"),
    _batch("CSV header only", "r.csv", b"enterprise_id,jurisdiction\n", "0 enterprises", code=0),
    _batch(
        "CSV broken quotes",
        "r.csv",
        b'enterprise_id,jurisdiction,capital\ne1,JP,"100\ne2,JP,5\n',
        "rejected",
        code=0,
    ),
    _batch(
        "CSV broken quote in the header",
        "r.csv",
        b'enterprise_id,"jurisdiction\ne1,JP\n',
        "not valid CSV",
    ),
    _batch(
        "CSV ragged rows",
        "r.csv",
        b"enterprise_id,jurisdiction,capital\ne1,JP,1\ne2,JP,2,3,4\n",
        "1 rejected",
        code=0,
    ),
    _batch(
        "CSV duplicate columns",
        "r.csv",
        b"enterprise_id,jurisdiction,capital,capital\ne,JP,1,2\n",
        "capital",
    ),
    _batch("CSV without jurisdiction", "r.csv", b"enterprise_id,capital\ne,1\n", "jurisdiction"),
    _batch("CSV binary", "r.csv", bytes(range(256)), "binary"),
    _batch(
        "CSV latin-1", "r.csv", "enterprise_id,jurisdiction,société\n".encode("latin-1"), "UTF-8"
    ),
    _batch("CSV UTF-16", "r.csv", "enterprise_id,jurisdiction\ne,JP\n".encode("utf-16"), "r.csv"),
    _batch(
        "CSV bad money value is a reject",
        "r.csv",
        b"enterprise_id,jurisdiction,capital\ne1,JP,lots\ne2,JP,1e999\n",
        "2 rejected",
        code=0,
    ),
    _batch(
        "CSV unknown jurisdiction is a reject",
        "r.csv",
        b"enterprise_id,jurisdiction\ne1,FR\n",
        "1 rejected",
        code=0,
    ),
    _batch(
        "CSV unknown column warned",
        "r.csv",
        b"enterprise_id,jurisdiction,capitol\ne1,JP,1\n",
        "capitol",
        code=0,
    ),
    _batch("wrong suffix", "r.txt", GOOD_CSV, "r.txt"),
    _batch("chunk rows 0", "r.csv", GOOD_CSV, "chunk-rows", "--chunk-rows", "0"),
    _batch("bad --as-of", "r.csv", GOOD_CSV, "--as-of", "--as-of", "2025-13-01"),
    Hostile(
        "register is a folder",
        ("batch", "{dir}/reg.csv", "--out", "{dir}/out"),
        "folder",
        folders=("reg.csv",),
    ),
    Hostile(
        "no such register", ("batch", "{dir}/none.parquet", "--out", "{dir}/out"), "no such file"
    ),
    Hostile(
        "out is a file",
        ("batch", "{dir}/r.csv", "--out", "{dir}/r.csv"),
        "out",
        files={"r.csv": GOOD_CSV},
    ),
    Hostile(
        "ray address without ray",
        ("batch", "{dir}/r.csv", "--out", "{dir}/o", "--ray-address", "x"),
        "ray-address",
        files={"r.csv": GOOD_CSV},
    ),
]

PLAN_YEAR = "{year: 2019, investment: 300000000, taxable_profit: 10000000, property_value: 50000000, land_value: 4000000, payroll: 20000000, jobs: 30}"  # noqa: E501


def _plan(body: str) -> bytes:
    return body.encode()


def _year(**changes: object) -> str:
    values: dict[str, object] = {
        "year": 2019,
        "investment": 300000000,
        "taxable_profit": 10000000,
        "property_value": 50000000,
        "land_value": 4000000,
        "payroll": 20000000,
        "jobs": 30,
    }
    values.update(changes)
    return "{" + ", ".join(f"{k}: {v}" for k, v in values.items()) + "}"


def _regions(name: str, body: str, says: str, code: int = 2) -> Hostile:
    return Hostile(name, ("regions", "{dir}/plan.yaml"), says, code, {"plan.yaml": _plan(body)})


REGIONS: list[Hostile] = [
    _regions("30-digit investment", f"plan:\n- {_year(investment='9' * 30)}\n", "investment"),
    _regions("1e30 investment", f"plan:\n- {_year(investment='1e30')}\n", "investment"),
    _regions(
        "quoted 1e30 investment", f"plan:\n- {_year(investment=repr('1e30'))}\n", "investment"
    ),
    _regions("negative payroll", f"plan:\n- {_year(payroll=-1)}\n", "payroll"),
    _regions("text profit", f"plan:\n- {_year(taxable_profit='much')}\n", "taxable_profit"),
    _regions("nan land value", f"plan:\n- {_year(land_value='.nan')}\n", "land_value"),
    _regions("kopeck fractions", f"plan:\n- {_year(payroll='1.001')}\n", "payroll"),
    _regions("year 1850", f"plan:\n- {_year(year=1850)}\n", "year"),
    _regions("year text", f"plan:\n- {_year(year='soon')}\n", "year"),
    _regions("jobs fraction", f"plan:\n- {_year(jobs='1.5')}\n", "jobs"),
    _regions("jobs negative", f"plan:\n- {_year(jobs=-1)}\n", "jobs"),
    _regions("jobs boolean", f"plan:\n- {_year(jobs='true')}\n", "jobs"),
    _regions("missing key", "plan:\n- {year: 2019}\n", "investment"),
    _regions("extra key", f"plan:\n- {_year(investmnt=1)}\n", "investmnt"),
    _regions("empty plan", "plan: []\n", "plan"),
    _regions("plan not a list", "plan: 5\n", "plan"),
    _regions("row not a mapping", "plan:\n- 5\n", "plan[1]"),
    _regions("years not consecutive", f"plan:\n- {_year()}\n- {_year(year=2022)}\n", "consecutive"),
    _regions("bad as_of", f"as_of: 2019-02-30\nplan:\n- {_year()}\n", "as_of"),
    _regions("as_of year 1", f"as_of: 0001-01-01\nplan:\n- {_year()}\n", "as_of"),
    _regions("facts a list", f"facts: [1]\nplan:\n- {_year()}\n", "facts"),
    _regions(
        "bad fact",
        f"facts: {{uly_manufacturing: perhaps}}\nplan:\n- {_year()}\n",
        "uly_manufacturing",
    ),
    _regions("duplicate plan key", f"plan:\n- {_year()}\nplan: []\n", "plan"),
    _regions("unknown top key", f"plna: 1\nplan:\n- {_year()}\n", "plna"),
    _regions("no plan key", "facts: {}\n", "plan"),
    Hostile(
        "plan binary", ("regions", "{dir}/plan.yaml"), "binary", files={"plan.yaml": b"\0\1\2"}
    ),
    Hostile("no such plan", ("regions", "{dir}/none.yaml"), "no such plan file"),
    Hostile("plan is a folder", ("regions", "{dir}/p.yaml"), "folder", folders=("p.yaml",)),
]


def _monitor(name: str, content: bytes, says: str, *options: str, code: int = 2) -> Hostile:
    return Hostile(name, ("monitor", "{dir}/a.csv", *options), says, code, {"a.csv": content})


HEAD = b"indicator,year,value\n"
MONITOR: list[Hostile] = [
    _monitor(
        "charts is a file", HEAD + b"T1_yoy,2020,104.4\n", "charts", "--charts", "{dir}/a.csv"
    ),
    _monitor("year 1850", HEAD + b"T1_yoy,1850,100\n", "year"),
    _monitor("year 2999", HEAD + b"T1_yoy,2999,100\n", "year"),
    _monitor("year text", HEAD + b"T1_yoy,later,100\n", "year"),
    _monitor("unknown indicator", HEAD + b"T1_yo,2020,100\n", "T1_yoy"),
    _monitor("exponent value", HEAD + b"T1_yoy,2020,1e5\n", "value"),
    _monitor("NaN value", HEAD + b"T1_yoy,2020,NaN\n", "value"),
    _monitor("5000-digit value", HEAD + b"T1_yoy,2020," + b"9" * 5000 + b"\n", "value"),
    _monitor("empty value", HEAD + b"T1_yoy,2020,\n", "value"),
    _monitor("empty file", b"", "empty"),
    _monitor("wrong header", b"name,year,value\n", "header"),
    _monitor("ragged row", HEAD + b"T1_yoy,2020,1,2\n", "columns"),
    _monitor("twice given", HEAD + b"T1_yoy,2020,1\nT1_yoy,2020,2\n", "twice"),
    _monitor(
        "every bad line at once", HEAD + b"T1_yoy,1850,1\nX,2020,1\nT1_yoy,2021,x\n", "line 4"
    ),
    _monitor("binary", b"\0\1\2\3", "binary"),
    _monitor("latin-1", HEAD + "T1_yoy,2020,1 é\n".encode("latin-1"), "UTF-8"),
    _monitor("broken quote", HEAD + b'"T1_yoy,2020,1\n', "a.csv"),
    _monitor(
        "chart format gif", HEAD + b"T1_yoy,2020,104.4\n", "chart-format", "--chart-format", "gif"
    ),
    Hostile("actuals a folder", ("monitor", "{dir}/d.csv"), "folder", folders=("d.csv",)),
    Hostile("no such actuals", ("monitor", "{dir}/none.csv"), "no such actuals file"),
    _monitor("japanese", HEAD + b"T1_yoy,1850,1\n", "制度の対象年", "--lang", "ja"),
]

CASE: list[Hostile] = [
    Hostile(
        "case submit bad file",
        (
            "case",
            "submit",
            "{dir}/c.yaml",
            "--procedure",
            "kz.producers_register",
            "--db",
            "sqlite:///{dir}/db.sqlite",
        ),
        "capital",
        files={"c.yaml": b"jurisdiction: KZ\nfacts: {capital: .nan}\n"},
    ),
    Hostile(
        "case submit no file",
        (
            "case",
            "submit",
            "{dir}/none.yaml",
            "--procedure",
            "kz.producers_register",
            "--db",
            "sqlite:///{dir}/db.sqlite",
        ),
        "no such case file",
    ),
    Hostile(
        "case open-call bad date",
        (
            "case",
            "open-call",
            "--procedure",
            "ru.pp1176",
            "--title",
            "t",
            "--published",
            "2025-02-30",
            "--closes",
            "2025-07-01",
            "--budget",
            "1 RUB",
            "--year",
            "2025",
            "--db",
            "sqlite:///{dir}/db.sqlite",
        ),
        "published",
    ),
    Hostile(
        "case open-call bad budget",
        (
            "case",
            "open-call",
            "--procedure",
            "ru.pp1176",
            "--title",
            "t",
            "--published",
            "2025-06-02",
            "--closes",
            "2025-07-10",
            "--budget",
            "lots",
            "--year",
            "2025",
            "--db",
            "sqlite:///{dir}/db.sqlite",
        ),
        "budget",
    ),
    Hostile(
        "case show unknown", ("case", "show", "999", "--db", "sqlite:///{dir}/db.sqlite"), "999"
    ),
    Hostile(
        "case act unknown",
        (
            "case",
            "act",
            "999",
            "admit",
            "--as",
            "official",
            "--db",
            "sqlite:///{dir}/db.sqlite",
        ),
        "999",
    ),
    Hostile(
        "case due bad date",
        ("case", "due", "--as-of", "someday", "--db", "sqlite:///{dir}/db.sqlite"),
        "as",
    ),
    Hostile("case show id text", ("case", "show", "one"), "case_id"),
]

ALL: list[Hostile] = CASES + EXPLAIN + DEADLINE + BATCH + REGIONS + MONITOR + CASE


def as_json() -> str:  # pragma: no cover - a listing for people
    return json.dumps([h.name for h in ALL], indent=1)
