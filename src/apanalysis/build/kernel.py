"""The notebook kernel of a build: ipykernel, started without its debugger.

A build's kernels run the notebooks from start to end and nobody attaches a debugger to them,
but ipykernel imports debugpy at every start (0.3 s of each kernel's start, four kernels per
year). The build starts its kernels with ``python -m apanalysis.build.kernel`` in place of
``python -m ipykernel_launcher`` (:func:`apanalysis.build.execution.kernel_command`); the kernel
is otherwise the one the kernel spec names. JupyterLab's kernels keep their debugger.
"""

import sys


def launch() -> None:
    """Start ipykernel as ``ipykernel_launcher`` does, with debugpy marked absent."""
    if sys.path and sys.path[0] == "":  # as ipykernel_launcher: not the working folder first
        del sys.path[0]
    sys.modules["debugpy"] = None  # ipykernel then starts without a debugger
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


if __name__ == "__main__":
    launch()
