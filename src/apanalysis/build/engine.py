"""The papermill engine of a build: papermill's nbclient engine with two changes.

- **Sparse writes.** papermill writes the executed notebook before and after every cell (about
  0.9 s of a 7 s notebook). This engine writes it when the run starts, when it ends (also after
  a failed cell or a dead kernel, so the failed notebook is kept) and at most every
  :data:`SAVE_EVERY` seconds between.
- **A gate before the first cell.** ``before_cells`` (a function) is called once the kernel has
  started and answered, before any cell runs. The build starts the kernels while it parses the
  reports (the parse uses one core of two) and lets the cells run once the tables are written;
  ``before_cells`` raises to stop the run instead.
- **A kernel the caller owns** (``km``, see :class:`apanalysis.build.execution.Lane`), which
  may run several notebooks in turn. With ``reset_namespace`` the kernel's namespace,
  history and execution count are reset before the first cell, as in a new kernel (IPython's
  ``reset``), and pyplot's figures are closed; modules stay imported. The caller shuts the
  kernel down; the client's channels are closed after each notebook.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable

#: Seconds between two writes of a running notebook (it is always written when it starts and
#: when it ends).
SAVE_EVERY = 10.0
#: Run silently in a shared kernel before the next notebook: what a new kernel would have.
RESET_CODE = (
    "get_ipython().reset(new_session=True)\n"
    "import sys as _s\n"
    "if 'matplotlib.pyplot' in _s.modules: _s.modules['matplotlib.pyplot'].close('all')\n"
    "del _s"
)
#: Name under which the engine is registered with papermill.
ENGINE_NAME = "apanalysis"


@functools.cache
def engine_name() -> str:
    """Register the engine with papermill (once) and return its name."""
    from papermill.engines import papermill_engines

    papermill_engines.register(ENGINE_NAME, _engine_class())
    return ENGINE_NAME


def _engine_class():
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, NotebookExecutionManager
    from papermill.log import logger
    from papermill.utils import merge_kwargs, remove_args

    class SparseSaves(NotebookExecutionManager):
        written_at: float | None = None

        def save(self, **kwargs):
            now, ended = time.monotonic(), self.end_time is not None
            if ended or self.written_at is None or now - self.written_at >= SAVE_EVERY:
                super().save(**kwargs)
                self.written_at = now

    class GatedClient(PapermillNotebookClient):
        def __init__(
            self,
            nb_man,
            before_cells: Callable[[], None] | None = None,
            reset_namespace: bool = False,
            **kwargs,
        ):
            super().__init__(nb_man, **kwargs)
            self.before_cells = before_cells
            self.reset_namespace = reset_namespace

        def execute(self, **kwargs):
            try:
                return super().execute(**kwargs)
            finally:
                if not self.owns_km and self.kc is not None:  # the caller's kernel lives on
                    self.kc.stop_channels()
                    self.kc = None

        def papermill_execute_cells(self):
            if self.before_cells is not None:
                self.before_cells()
            if self.reset_namespace:
                self._reset_namespace()
            super().papermill_execute_cells()

        def _reset_namespace(self):
            msg_id = self.kc.execute(RESET_CODE, silent=True, store_history=False)
            reply = self.wait_for_reply(msg_id)
            if reply is None or reply["content"]["status"] != "ok":
                raise RuntimeError("the kernel could not be reset for the next notebook")

    class Engine(NBClientEngine):
        @classmethod
        def execute_notebook(
            cls,
            nb,
            kernel_name,
            output_path=None,
            progress_bar=True,
            log_output=False,
            autosave_cell_every=30,
            **kwargs,
        ):
            # papermill's Engine.execute_notebook, with SparseSaves as the execution manager
            nb_man = SparseSaves(
                nb,
                output_path=output_path,
                progress_bar=progress_bar,
                log_output=log_output,
                autosave_cell_every=autosave_cell_every,
            )
            nb_man.notebook_start()
            try:
                cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
            finally:
                nb_man.cleanup_pbar()
                nb_man.notebook_complete()
            return nb_man.nb

        @classmethod
        def execute_managed_notebook(
            cls,
            nb_man,
            kernel_name,
            log_output=False,
            stdout_file=None,
            stderr_file=None,
            start_timeout=60,
            execution_timeout=None,
            before_cells=None,
            reset_namespace=False,
            **kwargs,
        ):
            # papermill's NBClientEngine.execute_managed_notebook, with GatedClient
            kwargs = remove_args(["input_path"], **kwargs)
            safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
            final_kwargs = merge_kwargs(
                safe_kwargs,
                timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
                startup_timeout=start_timeout,
                kernel_name=kernel_name,
                log=logger,
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
            )
            client = GatedClient(
                nb_man, before_cells=before_cells, reset_namespace=reset_namespace, **final_kwargs
            )
            return client.execute()

    return Engine
