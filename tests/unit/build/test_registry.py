"""The notebook registry agrees with the notebooks it names."""

import papermill
import pytest

from apanalysis import paths
from apanalysis.build import registry


@pytest.mark.parametrize("notebook", registry.REGISTRY, ids=lambda nb: nb.name)
def test_each_registered_notebook_declares_exactly_its_parameters(notebook):
    declared = papermill.inspect_notebook(str(paths.NOTEBOOKS_DIR / f"{notebook.name}.ipynb"))
    assert set(declared) == set(notebook.parameters)


def test_per_year_and_across_years_notebooks():
    assert registry.NOTEBOOKS == ("criteria", "spending", "covid", "assessment")
    assert registry.TRENDS_NOTEBOOK == "trends"


def test_titles_come_from_the_one_place_the_notebooks_use():
    criteria, *_, trends = registry.REGISTRY
    assert criteria.title([2020]).endswith("criteria and statuses, 2020")
    assert trends.title([2020, 2021]).endswith("trends across years, 2020–2021")
