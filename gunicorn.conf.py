"""gunicorn settings for ``make serve`` (command-line flags there set workers and threads)."""

import gc


def post_worker_init(worker):
    # Everything imported so far lives as long as the worker: keep it out of the cyclic
    # garbage collector's scans, which otherwise show up as pauses in request latencies.
    gc.collect()
    gc.freeze()
