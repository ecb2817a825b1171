"""Lithuanian words and forms of the report, kept as documented data with their readers.

The lowest layer: nothing here knows about files, tables or reports.

- :mod:`.text`: HTML fragments to plain text, emphasis markup, case and accent folding.
- :mod:`.numbers`: numbers, number words and targets ("0,5", "100 proc.", "iki 03-01").
- :mod:`.money`: money amounts ("29,3 tūkst. EUR") and what they are (planned, spent …).
- :mod:`.status`: the only list of statuses, their Lithuanian words and English labels.
- :mod:`.reasons`: why a row was not done (COVID-19, no information …), from its text.
- :mod:`.institutions`: institution names and abbreviations, normalised.
- :mod:`.municipalities`: official municipality names.
- :mod:`.codes`: measure codes and the narrative's references to them.
"""
