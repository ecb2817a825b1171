"""What readers see: labels and formats, computed sentences, tables, charts and the HTML pages.

Imported by the notebooks and the build; matplotlib and IPython are loaded only by the modules
that draw or display.

- :mod:`.takeaways`, :mod:`.findings`: sentences computed from the data.
- :mod:`.display`, :mod:`.assessment_display`: tables and text blocks for the notebooks.
- :mod:`.plots`, :mod:`.trendplots`: figures of one year and across years; :mod:`.figure_files`
  saves them (PNG and SVG, drawn once per file).
- :mod:`.htmlexport` and ``templates/``: self-contained HTML pages and the index.
"""
