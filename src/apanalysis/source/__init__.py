"""Reading one year's report: the raw file → narrative blocks and annex rows, as written.

- :mod:`.reader`: find the year's report file, pick its reader by format; the text reader
  (decoding, narrative | annex split, heading year).
- :mod:`.document`: the document model every reader yields (narrative blocks, annex rows, and
  where each came from: line, PDF page, Word table row); ``citation`` formats one.
- :mod:`.docx_reader`: a Word report; :mod:`.pdf_reader` (with :mod:`.pdf_layout`): a PDF.
- :mod:`.annex`: annex rows (page-break continuations, actions, task headers).
- :mod:`.municipal`: municipality sub-results inside a result cell.
- :mod:`.narrative`: the narrative's figures (tasks, claims, budgets) with their sentences.
- :mod:`.achieved`: the achieved value a result text states, read conservatively.
"""
