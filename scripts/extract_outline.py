"""Extract the structure of the five seeds into ``coverage/outline.yaml`` (package data).

    .venv/bin/python scripts/extract_outline.py [../shared/seeds] [--check]

The outline keeps only ids (article, paragraph, item — in the citation style the rules use:
``Art.42-1(2)(1)``, ``§4(e)``, ``§1-1(5) step 2``) and, for the top-level units, a short
heading in our own words from ``outline_headings.HEADINGS``. No sentence of the seeds is copied: the
seeds stay outside the package, the outline is what the coverage map needs at run time.
``--check`` compares a fresh extraction with the committed file (tests/test_coverage.py
does the same when the seeds are present).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from outline_headings import HEADINGS

ROOT = Path(__file__).resolve().parent.parent
OUTLINE = ROOT / "src" / "industrial_support" / "coverage" / "outline.yaml"
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"

KANJI = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii"]
FULL = str.maketrans("０１２３４５６７８９（）", "0123456789()")


@dataclass
class Node:
    id: str
    level: str  # article | paragraph | item
    parent: str | None


def kanji_number(text: str) -> int:
    """一 .. 九十九 (enough for the Act's articles and items)."""
    if "十" in text:
        tens, _, units = text.partition("十")
        return (KANJI[tens] if tens else 1) * 10 + (KANJI[units] if units else 0)
    return KANJI[text]


class Builder:
    def __init__(self) -> None:
        self.nodes: list[Node] = []
        self.seen: set[str] = set()

    def add(self, identifier: str, level: str, parent: str | None) -> str:
        if identifier not in self.seen:
            self.seen.add(identifier)
            self.nodes.append(Node(identifier, level, parent))
        return identifier


def law_000(lines: list[str]) -> list[Node]:
    """Law: 第N条 / 第N-M条 articles, "N." paragraphs, "N)" items (under a paragraph or not)."""
    out = Builder()
    article = paragraph = None
    last_paragraph = last_item = 0.0
    for raw in lines:
        line = raw.strip()
        if match := re.match(r"^第(\d+(?:-\d+)?)条\s*\S", line):
            article = out.add(f"Art.{match[1]}", "article", None)
            paragraph, last_paragraph, last_item = None, 0.0, 0.0
            continue
        if article is None:
            continue
        if raw[:1].isdigit() and (match := re.match(r"^(\d+(?:-\d+)?)\.\s", raw)):
            number = _order(match[1])
            if number > last_paragraph:  # a number out of order is a list inside a note
                paragraph = out.add(f"{article}({match[1]})", "paragraph", article)
                last_paragraph, last_item = number, 0.0
            continue
        if match := re.match(r"^\s*(?:-\s*)?(\d+(?:-\d+)?)\)\s", raw):
            number = _order(match[1])
            parent = paragraph or article
            # the seed prints item 6-1 before item 6 in Art.1: the base number may follow
            if number > last_item or number == int(last_item):
                out.add(f"{parent}({match[1]})", "item", parent)
                last_item = max(last_item, number)
    return out.nodes


def act_002(lines: list[str]) -> list[Node]:
    """Act: 第N条 articles, a leading digit opens paragraph 2.., kanji numerals open items."""
    out = Builder()
    article = paragraph = None
    for raw in lines:
        text = raw.translate(FULL)
        if match := re.match(
            r"^第([一二三四五六七八九十]+)条(?:の([一二三四五六七八九]))?\s", text
        ):
            number = str(kanji_number(match[1]))
            if match[2]:
                number += f"-{kanji_number(match[2])}"
            article = out.add(f"Art.{number}", "article", None)
            paragraph = None
            continue
        if article is None:
            continue
        if match := re.match(r"^(\d+)[\s　]", text):
            if paragraph is None:
                out.add(f"{article}(1)", "paragraph", article)
            paragraph = out.add(f"{article}({match[1]})", "paragraph", article)
            continue
        if match := re.match(r"^\s+([一二三四五六七八九十]+)[\s　]", text):
            if paragraph is None:
                paragraph = out.add(f"{article}(1)", "paragraph", article)
            item = ROMAN[kanji_number(match[1]) - 1]
            out.add(f"{paragraph}({item})", "item", paragraph)
    return out.nodes


def decree_003(lines: list[str]) -> list[Node]:
    """Rules of the Decree: "N." paragraphs in sequence, "a)" items in sequence."""
    out = Builder()
    out.add("decree", "article", None)  # the approving decree: approval and entry into force
    paragraph = None
    last_paragraph, last_letter = 0, ""
    for raw in lines:
        if match := re.match(r"^(\d+)\.\s", raw):
            if int(match[1]) == last_paragraph + 1:
                paragraph = out.add(f"§{match[1]}", "article", None)
                last_paragraph, last_letter = int(match[1]), ""
            continue
        if paragraph and (match := re.match(r"^\s*(?:-\s*)?([a-z])\)\s", raw)):
            expected = chr(ord(last_letter) + 1) if last_letter else "a"
            if match[1] == expected:
                out.add(f"{paragraph}({match[1]})", "item", paragraph)
                last_letter = match[1]
    return out.nodes


def survey_004(lines: list[str]) -> list[Node]:
    """Survey: sections "N.", schemes "N-M.", headings "(N)", numbered flow steps; the
    regional tables (§2, §3) by column and the federal table (§4) by decree number."""
    out = Builder()
    section = scheme = paragraph = None
    last_step = 0
    for raw in lines:
        text = raw.translate(FULL)
        if match := re.match(r"^([1-4])\.\s", text):
            section = out.add(f"§{match[1]}", "article", None)
            scheme = paragraph = None
            continue
        if section is None:
            continue
        if match := re.match(r"^(\d-\d)\.\s", text):
            scheme = out.add(f"§{match[1]}", "article", section)
            paragraph = None
            continue
        if scheme and (match := re.match(r"^\((\d+)\)", text)):
            paragraph = out.add(f"{scheme}({match[1]})", "paragraph", scheme)
            last_step = 0
            continue
        if paragraph and (match := re.match(r"^(\d+)(?:\.\s*|\t)", text)):
            if int(match[1]) == last_step + 1:
                out.add(f"{paragraph} step {match[1]}", "item", paragraph)
                last_step = int(match[1])
            continue
        if (
            section in ("§2", "§3")
            and text.startswith("\t")
            and not out.seen & {f"{section} col.1"}
        ):
            columns = [cell for cell in text.split("\t") if cell.strip()]
            for number in range(1, len(columns) + 1):
                out.add(f"{section} col.{number}", "paragraph", section)
            continue
        if section == "§4":
            for match in re.finditer(
                r"決定\s*\d{4}\s*年\s*\d+\s*月\s*\d+\s*日付\s*第\s*(\d+)\s*号", text
            ):
                out.add(f"§4 No.{match[1]}", "paragraph", section)
    return out.nodes


def program_001(lines: list[str]) -> list[Node]:
    """State Program: the approving decision's points, chapters 1-6 (as listed in the table of
    contents), their "N.M" subsections (§5's directions hold §5.d.m), "N)" items and §5.2's
    enterprise groups."""
    out = Builder()
    body = [line.rstrip() for line in lines if line.strip()]
    toc_at = next(i for i, line in enumerate(body) if line.strip() == "目次")
    # a chapter heading is "N." with the next chapter's number and the opening words of its
    # title in the table of contents (the body words the titles slightly differently)
    toc = {k: body[toc_at + k].strip().split(" ", 1)[1][:6] for k in range(1, 7)}
    # The decision approving the Program (before the table of contents).
    for line in body[:toc_at]:
        if match := re.match(r"^(\d)\.\s", line):
            out.add("decision", "article", None)
            out.add(f"decision({match[1]})", "paragraph", "decision")
    chapter = unit = item = None
    directions: dict[str, str] = {}
    last_item = 0
    for line in body[toc_at + 7 :]:
        stripped = line.strip()
        following = int(chapter[1:]) + 1 if chapter else 1
        if following in toc and stripped.startswith(f"{following}. {toc[following]}"):
            chapter = out.add(f"§{following}", "article", None)
            unit, item, last_item = chapter, None, 0
            continue
        if chapter is None:
            continue
        if chapter == "§5":
            if match := re.match(r"^(\d)\.\s", stripped):
                if stripped[:10] in directions:  # a heading repeats the list's opening words
                    unit = out.add(f"§5.{directions[stripped[:10]]}", "article", "§5")
                    item, last_item = None, 0
                elif len(directions) < 3 and unit == "§5":
                    directions[stripped[:10]] = match[1]  # the list of the three directions
                continue
            if match := re.match(r"^第(\d)グループ", stripped):
                out.add(f"§5.2 Group {match[1]}", "paragraph", "§5.2")
                continue
        if match := re.match(r"^(\d+)\.(\d+)\.?\s", stripped):
            parent = "§5." + match[1] if chapter == "§5" else chapter
            if parent not in out.seen:
                continue
            unit = out.add(f"{parent}.{match[2]}", "article", parent)
            item, last_item = None, 0
            continue
        if unit and unit != chapter and (match := re.match(r"^(?:-\s*)?(\d+)\)\s", stripped)):
            number = int(match[1])
            if number == last_item + 1:
                item = out.add(f"{unit}({number})", "item", unit)
                last_item = number
            elif number == 1 and item:  # a list inside an item: §5.1.2(5)(1)
                out.add(f"{item}(1)", "item", item)
    return out.nodes


def _order(number: str) -> float:
    main, _, sub = number.partition("-")
    return int(main) + (int(sub) / 100 if sub else 0)


PARSERS = {"000": law_000, "001": program_001, "002": act_002, "003": decree_003, "004": survey_004}


def extract(seeds: Path) -> dict[str, list[dict[str, str]]]:
    outline: dict[str, list[dict[str, str]]] = {}
    for seed, parse in PARSERS.items():
        (path,) = seeds.glob(f"{seed}_*.txt")
        lines = path.read_text(encoding="utf-8").splitlines()
        rows = []
        for node in parse(lines):
            row = {"id": node.id, "level": node.level}
            if node.parent:
                row["parent"] = node.parent
            if heading := HEADINGS[seed].get(node.id):
                row["heading"] = heading
            rows.append(row)
        unknown = set(HEADINGS[seed]) - {row["id"] for row in rows}
        if unknown:
            raise SystemExit(f"{seed}: headings for ids not in the seed: {sorted(unknown)}")
        outline[seed] = rows
    return outline


def render(outline: dict[str, list[dict[str, str]]]) -> str:
    header = (
        "# Generated by scripts/extract_outline.py from the seeds: ids and our own short headings\n"
        "# (no text of the law).\n"
        "# Do not edit by hand; re-run the script when a seed changes.\n"
    )
    return header + yaml.safe_dump(outline, allow_unicode=True, sort_keys=True, width=100)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    args = [arg for arg in argv if not arg.startswith("--")]
    seeds = Path(args[0]) if args else DEFAULT_SEEDS
    text = render(extract(seeds))
    if check:
        if OUTLINE.read_text(encoding="utf-8") != text:
            print(f"{OUTLINE} is out of date; run scripts/extract_outline.py", file=sys.stderr)
            return 1
        return 0
    OUTLINE.parent.mkdir(parents=True, exist_ok=True)
    OUTLINE.write_text(text, encoding="utf-8")
    counts = {seed: len(rows) for seed, rows in yaml.safe_load(text).items()}
    print(f"wrote {OUTLINE}: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
