"""The year's tidy tables: defined once, assembled from the source, checked, stored.

- :mod:`.spec`: every table's columns, once (name, dtype, meaning, example, check); adding a
  column starts there.
- :mod:`.yeardata`: :class:`~.yeardata.YearData`, the container of a year's tables.
- :mod:`.assemble`: :func:`~.assemble.parse_year`, the tables built from the parsed report with
  the vocabulary, in the spec's column order, then checked.
- :mod:`.schema`: dtypes and pandera schemas from the spec.
- :mod:`.dictionary`: the data dictionary as Markdown, for the README and ``docs/contract.md``.
- :mod:`.workbook`: the tables as one Excel workbook (text never a formula).
- :mod:`.store`: ``data/processed/<year>/`` written atomically and read back while fresh.
"""
