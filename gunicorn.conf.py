"""gunicorn settings for ``make serve`` (command-line flags there set workers and threads)."""

import gc
import os
import tempfile

# One control socket per instance (gunicorn's default is one fixed path for every instance on
# the machine, so a second server would take the first one's): `make serve` names it after its
# port; otherwise after the master's pid.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET") or os.path.join(
    os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir(), f"annotator-gunicorn-{os.getpid()}.ctl"
)


def post_worker_init(worker):
    # Everything imported so far lives as long as the worker: keep it out of the cyclic
    # garbage collector's scans, which otherwise show up as pauses in request latencies.
    gc.collect()
    gc.freeze()
