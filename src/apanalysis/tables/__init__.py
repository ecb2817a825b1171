"""The year's tidy tables: assembled from the source, checked against a schema, stored.

- :mod:`.assemble`: :class:`~.assemble.YearData` and :func:`~.assemble.parse_year`, the tables
  built from the parsed report with the vocabulary.
- :mod:`.schema`: dtypes and pandera schemas; problems with file and line.
- :mod:`.store`: ``data/processed/<year>/`` written atomically and read back while fresh.
"""
