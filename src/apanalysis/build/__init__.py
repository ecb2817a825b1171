"""Building the reports: which notebooks run, with which parameters, and when they must rerun.

- :mod:`.registry`: the report notebooks (name, scope per year or across years, parameters).
- :mod:`.manifest`: a notebook's inputs and the manifest that lets unchanged ones be skipped.
- :mod:`.execution`: the kernel, papermill, HTML export, staged outputs and their commit.
- :mod:`.engine`: the papermill engine (sparse notebook writes, a gate before the first cell).
- :mod:`.kernel`: the kernel a build starts (ipykernel without its debugger).
- :mod:`.pipeline`: orchestration (``build``, ``plan``, ``NotebookBatch``).
- :mod:`.lock`: one build at a time per output folder.
- :mod:`.outputs`: where outputs may go, leftovers of stopped builds, interrupts.
- :mod:`.problems`: what a build of a year with problems (or an empty annex) says.
"""
