"""Write the data dictionary of ``README.md`` and ``docs/contract.md`` from the column spec.

Usage: ``.venv/bin/python tools/write_dictionary.py`` (after editing
``src/apanalysis/tables/spec.py``). Only the text between the generated-text marks changes.
"""

from __future__ import annotations

from pathlib import Path

from apanalysis.files import write_text
from apanalysis.tables.dictionary import contract_markdown, readme_markdown, replace_generated

REPO = Path(__file__).resolve().parents[1]
TARGETS = {REPO / "README.md": readme_markdown, REPO / "docs" / "contract.md": contract_markdown}


def main() -> None:
    for path, render in TARGETS.items():
        text = path.read_text(encoding="utf-8")
        new = replace_generated(text, render())
        if new != text:
            write_text(path, new)
            print(f"updated {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
