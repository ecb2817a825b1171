"""Write a synthetic report in the 2020 layout, N times larger, for the scale benchmark.

The annex's measure blocks (a measure row with its actions and page-break continuations) are
repeated ``factor`` times, copy ``k`` with codes ``kk.TT.MM`` (the first code group numbers the
copy; the task and measure groups are kept), so the result keeps every
quirk of the real file: HTML fragments, continuation rows, actions inside measure cells and
municipality sub-results. The narrative is the 2020 one.

    python benchmarks/make_large_report.py OUT_DIR [--factor 20]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from apanalysis import paths

CODE_CELL = re.compile(r"^(?:<[^>]+>)*(\d{2})\.(\d{2})\.(\d{2})\.?")


def measure_blocks(annex: list[str]) -> tuple[list[str], dict[int, list[list[str]]]]:
    """Lines before the first measure, and each task's measure blocks (lists of lines)."""
    head: list[str] = []
    blocks: dict[int, list[list[str]]] = {}
    current: list[str] | None = None
    for line in annex:
        match = CODE_CELL.match(line)
        if match:
            current = [line]
            blocks.setdefault(int(match.group(2)), []).append(current)
        elif current is None:
            head.append(line)
        elif "uždavinys" in line.split("\t")[0]:
            current = None  # a task header: regenerated below
        else:
            current.append(line)
    return head, blocks


def renumber(block: list[str], copy: int) -> list[str]:
    """The block with its code's first group replaced by the copy number, and every non-empty
    result cell marked with it, so no two copies share a text (memoised helpers gain nothing)."""
    first = CODE_CELL.sub(lambda m: f"{copy:02d}.{m.group(2)}.{m.group(3)}", block[0], count=1)
    return [mark(line, copy) for line in (first, *block[1:])]


def mark(line: str, copy: int) -> str:
    cells = line.split("\t")
    if len(cells) >= 5 and re.search(r"[^\W\d_]", cells[-1]):  # text, not a "--" separator
        cells[-1] = f"{cells[-1]} (kopija {copy})"
    return "\t".join(cells)


def large_report(text: str, factor: int) -> str:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().lower() == "priedas.")
    head, blocks = measure_blocks(lines[start + 1 :])
    out = lines[: start + 1] + [line for line in head if "uždavinys" not in line]
    for task in sorted(blocks):
        out.append(f"<b>{task} uždavinys – užduotis {task}</b>\t\t\t\t")
        for copy in range(1, factor + 1):
            for block in blocks[task]:
                out += renumber(block, copy)
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="raw folder to write <year>/report.txt into")
    parser.add_argument("--factor", type=int, default=20)
    parser.add_argument("--year", type=int, default=2020)
    args = parser.parse_args()
    source = (paths.RAW_DIR / str(args.year) / "report.txt").read_text(encoding="utf-8")
    target = args.out_dir / str(args.year) / "report.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(large_report(source, args.factor), encoding="utf-8")
    print(target)


if __name__ == "__main__":
    main()
