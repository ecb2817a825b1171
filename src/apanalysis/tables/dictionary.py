"""The data dictionary as Markdown, rendered from :mod:`.spec` for ``README.md`` and
``docs/contract.md`` (``tools/write_dictionary.py`` writes it; a test checks the files agree)."""

from __future__ import annotations

from apanalysis.tables.spec import TABLES, Column, Table

#: Marks around the generated text in a Markdown file.
BEGIN = "<!-- BEGIN data dictionary: generated from src/apanalysis/tables/spec.py -->"
END = "<!-- END data dictionary -->"
TYPE_WORDS = {
    "int64": "int",
    "Int64": "int",
    "float64": "float",
    "bool": "bool",
    "str": "text",
    "object": "number or text",
}


def type_label(column: Column) -> str:
    """The column's type for a reader: "int", "float, may be empty", "text"."""
    word = TYPE_WORDS[column.dtype]
    return f"{word}, may be empty" if column.may_be_missing else word


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table_markdown(table: Table) -> str:
    """One table's section: a heading and a row per column."""
    lines = [
        f"### `{table.name}.csv` — {table.row}",
        "",
        "| column | type | meaning | example | check |",
        "|---|---|---|---|---|",
    ]
    for column in table.columns:
        rule = column.rule.describe() if column.rule else ""
        cells = (f"`{column.name}`", type_label(column), column.meaning, column.example, rule)
        lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    if table.unique:
        names = ", ".join(f"`{name}`" for name in table.unique)
        lines += ["", f"Each row is identified by {names} (checked unique)."]
    return "\n".join(lines)


def readme_markdown() -> str:
    """Every table's section, for the README's data dictionary."""
    return "\n\n".join(table_markdown(table) for table in TABLES.values())


def contract_markdown() -> str:
    """Every table's columns and dtypes on one line each, for ``docs/contract.md``."""
    return "\n".join(
        f"- `{table.name}`: " + ", ".join(f"{c.name}:{c.dtype}" for c in table.columns)
        for table in TABLES.values()
    )


def replace_generated(text: str, generated: str) -> str:
    """``text`` with what lies between :data:`BEGIN` and :data:`END` replaced by ``generated``."""
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    return f"{text[:start]}\n{generated}\n{text[end:]}"
