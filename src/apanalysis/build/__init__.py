"""Building the reports: which notebooks run, with which parameters, and when they must rerun.

- :mod:`.pipeline`: parse the years, run the notebooks with papermill (concurrently), export HTML,
  keep the manifest that lets unchanged notebooks be skipped.
"""
