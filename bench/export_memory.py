"""Export memory at a size already loaded: each format on a freshly started server.

    DATABASE_URL=postgres://... BENCH_DB=<a bench database left by make bench> BENCH_PORT=... \
        .venv/bin/python bench/export_memory.py

`make bench` compares the serving workers' peak RSS at size S and at the run's size, on one
server whose workers keep their high-water mark from one export to the next. This measures
each format on its own server instead: the workers warmed by a one-document export of that
format, then the whole corpus exported once, the busiest worker's RSS sampled meanwhile; the
growth is its peak over the largest worker's RSS before. The database is used as it is (not
rebuilt); its claims are counted and exported with the bench's token user.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import run  # noqa: E402


def main() -> None:
    env = run.setup_django(fresh=False)
    from django.contrib.auth import get_user_model
    from knox.models import AuthToken

    from bench.annotations import _worker_rss
    from bench.setup import claim_count

    admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    token = AuthToken.objects.create(user=admin, expiry=None)[1]
    claims = claim_count()
    print(f"{run.BENCH_DB}: {claims:,} claims; load {os.getloadavg()[0]:.1f}", flush=True)
    for fmt in run.FORMATS:
        with run.served(env) as master:
            client = run.Client({"Authorization": f"Token {token}"})
            run.warm_up(client, [f"/api/v1/export/claims/?format={fmt}&document=1"])
            time.sleep(1)
            before = _worker_rss(master)
            nbytes = 0

            def fetch():
                nonlocal nbytes
                response = client.request("GET", f"/api/v1/export/claims/?format={fmt}")
                assert response.status == 200, (fmt, response.status)
                while chunk := response.read(1 << 16):
                    nbytes += len(chunk)

            seconds, peak = run.rss_while(master, fetch)
        print(f"{fmt}: {claims / seconds:,.0f} claims/s ({seconds:.1f} s, {nbytes / 2**20:,.0f} MiB); busiest worker "
              f"{before / 2**20:.0f} -> {peak / 2**20:.0f} MiB (+{(peak - before) / 2**20:.0f} MiB); "
              f"load {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
