"""The only writers to ``data/raw``: a new year's folder and the evaluator's assessment file.

- :mod:`.newyear`: ``apanalysis new-year``.
- :mod:`.annotations`: the evaluator's ``assessment.csv``: template, reading and validation.
"""
