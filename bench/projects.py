"""B11: My queue, the curation page and the project page at the run's size, against the bare view.

Runs after B1-B4 (it puts the whole corpus into one project, which would otherwise change what
the analyst of B2 sees): every document goes into a project whose four analysts get them
automatically with an overlap of 0.3, through the service the API and the pages use.
"""

from __future__ import annotations

import statistics
import time

PROJECT = "bench desk"
OVERLAP = 0.3


def _timed(client, path: str, runs: int) -> dict:
    from bench.run import pct

    status, _ = client.get(path)
    assert status == 200, (path, status)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        status, _ = client.get(path)
        times.append(time.perf_counter() - started)
        assert status == 200, (path, status)
    return {"p50": statistics.median(times), "p95": pct(times, 95)}


def _queries(user, path: str) -> int:
    from django.db import connection
    from django.test import Client as DjangoClient
    from django.test.utils import CaptureQueriesContext

    client = DjangoClient()
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


def prepare_project(fixture) -> tuple[int, int]:
    """The project, its members and assignments; (project id, a doubly assigned document with claims)."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.db.models import Count

    from claims import projects
    from claims.models import Assignment, Claim, Membership, Project

    admin = get_user_model().objects.get(username="bench-admin")
    project = Project.objects.create(name=PROJECT, created_by=admin)
    Membership.objects.create(project=project, user=admin, role="manager")
    for user_id in fixture.annotator_ids:
        Membership.objects.create(project=project, user_id=user_id, role="analyst")
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO claims_projectdocument (project_id, document_id, added_at) SELECT %s, id, now() FROM claims_document",
            [project.pk],
        )
    projects.assignments_auto(project=project, user=admin, overlap=OVERLAP)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    shared = (
        Assignment.objects.filter(project=project).values("document").annotate(n=Count("pk")).filter(n=2).values("document")
    )
    document_id = (
        Claim.objects.filter(document__in=shared).values("document").annotate(a=Count("annotator", distinct=True))
        .filter(a__gte=2).order_by("document").values_list("document", flat=True).first()
    )
    if document_id is None:
        document_id = shared.order_by("document").values_list("document", flat=True).first()
    return project.pk, document_id


def b11_projects(fixture, results: dict, size: str, runs: int) -> None:
    from django.contrib.auth import get_user_model

    from bench.run import Client, log, session_cookie
    from bench.setup import PASSWORD

    started = time.perf_counter()
    project_id, document_id = prepare_project(fixture)
    log(f"B11 project with every document, assigned with overlap {OVERLAP}, in {time.perf_counter() - started:.1f} s")
    analyst = Client({"Cookie": session_cookie(fixture.analyst.username, PASSWORD)})
    admin = Client({"Cookie": session_cookie("bench-admin", PASSWORD)})
    pages = {
        "bare": (analyst, "/bench/bare/"),
        "queue": (analyst, "/queue/"),
        "curation": (admin, f"/projects/{project_id}/documents/{document_id}/curate/"),
        "project": (admin, f"/projects/{project_id}/"),
    }
    for label, (client, path) in pages.items():
        results[f"B11 {label}"] = figure = _timed(client, path, max(runs, 30))
        log(f"B11 {label}: p50 {figure['p50'] * 1000:.1f} ms, p95 {figure['p95'] * 1000:.1f} ms")
    admin_user = get_user_model().objects.get(username="bench-admin")
    results["B11 queries"] = {
        "queue": _queries(fixture.analyst, "/queue/"),
        "curation": _queries(admin_user, pages["curation"][1]),
        "project": _queries(admin_user, pages["project"][1]),
    }
    results["B11 size"] = size


def report_rows(r: dict, add) -> None:
    """Rows of ``bench/RESULTS.md`` (``add`` is the report's row writer)."""
    if "B11 bare" not in r:
        return
    bare = r["B11 bare"]["p50"]
    queries = r["B11 queries"]
    for label, name, target in (
        ("queue", "B11 My queue (assigned documents, rejected, drafts)", 5),
        ("curation", "B11 curation page (two analysts side by side)", 5),
        ("project", "B11 project page (progress, agreement, 50 rows)", None),
    ):
        figure = r[f"B11 {label}"]
        ratio = figure["p50"] / bare
        add(
            f"{name}, size {r['B11 size']}",
            f"p50 {figure['p50'] * 1000:.1f} ms, p95 {figure['p95'] * 1000:.1f} ms ({queries[label]} queries)",
            f"bare view p50 {bare * 1000:.1f} ms",
            f"{ratio:.1f}x",
            f"<= {target}x bare" if target else "",
            ratio <= target if target else None,
        )


def main() -> None:
    """``python bench/projects.py``: B11 alone (the corpus at BENCH_SIZE, served as in ``make
    bench``), printed rather than written to RESULTS.md; ``make bench`` runs it with the rest."""
    import json
    import os
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench import run

    size = os.environ.get("BENCH_SIZE", "M").upper()
    env = run.setup_django()  # BENCH_DB names a database of its own beside other runs
    from bench import setup

    fixture = setup.prepare()
    setup.grow(run.SIZES[size], fixture)
    results: dict = {}
    with run.served(env):
        b11_projects(fixture, results, size, run.RUNS)
    rows: list[str] = []
    report_rows(results, lambda *cells: rows.append(" | ".join(str(c) for c in cells)))
    print(json.dumps({k: v for k, v in results.items()}, indent=1, default=str))
    print("\n".join(rows))


if __name__ == "__main__":
    main()
