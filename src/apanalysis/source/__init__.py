"""Reading one year's report: the raw file → narrative blocks and annex rows, as written.

- :mod:`.reader`: find and decode the year's report file; narrative | annex split; heading year.
- :mod:`.annex`: annex rows (page-break continuations, actions, task headers).
- :mod:`.municipal`: municipality sub-results inside a result cell.
- :mod:`.narrative`: the narrative's figures (tasks, claims, budgets) with their sentences.
- :mod:`.achieved`: the achieved value a result text states, read conservatively.
"""
