"""apanalysis: an action plan's annual implementation report as validated tidy data and reports.

Start with::

    import apanalysis
    apanalysis.available_years()        # [2020, ...]
    data = apanalysis.load_year(2020)   # .measures .municipal .tasks .claims .amounts .problems
    apanalysis.audit(2020)              # the narrative's claims recomputed from the annex

Heavy libraries (matplotlib, papermill, nbconvert) are imported only by the modules that need them.
"""

from apanalysis.errors import ApanalysisError
from apanalysis.paths import available_years

__version__ = "0.1.0"

__all__ = ["ApanalysisError", "audit", "available_years", "load_year", "__version__"]


def load_year(year: int, **folders):
    """The year's tables (see :func:`apanalysis.tables.store.load_year`)."""
    from apanalysis.tables.store import load_year as _load_year

    return _load_year(year, **folders)


def audit(year: int, **folders):
    """The year's narrative claims checked against its annex (see
    :func:`apanalysis.analysis.audit.audit`); ``folders`` as for :func:`load_year`."""
    from apanalysis.analysis.audit import audit as _audit

    return _audit(load_year(year, **folders))
