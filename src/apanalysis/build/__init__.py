"""Building the reports: which notebooks run, with which parameters, and when they must rerun.

- :mod:`.registry`: the report notebooks (name, scope per year or across years, parameters).
- :mod:`.manifest`: a notebook's inputs and the manifest that lets unchanged ones be skipped.
- :mod:`.execution`: the kernel, papermill, HTML export, staged outputs and their commit.
- :mod:`.pipeline`: orchestration (``build``, ``plan``, ``run_jobs``).
- :mod:`.lock`: one build at a time per output folder.
- :mod:`.outputs`: where outputs may go, leftovers of stopped builds, interrupts.
- :mod:`.problems`: what a build of a year with problems (or an empty annex) says.
"""
