"""Schemathesis over /api/schema/, in process against the WSGI app, as an analyst and as a
reviewer: no 5xx, and every answer matches the schema.

Each operation gets a bounded number of generated cases (valid and invalid input) plus the
examples of the schema; the whole run takes a minute or two. The cases are driven through
Hypothesis directly: schemathesis's own pytest plugin (``from_fixture``) does not run under
pytest 9, and this keeps the database fixtures of the suite.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from knox.models import AuthToken
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from claims import services

EXAMPLES_PER_OPERATION = 15
CHECKS = [not_a_server_error, response_schema_conformance]


@pytest.fixture
def data(db, sources, document, analyst, other_analyst, reviewer, chain_claim, quote_claim, unsourced_claim):
    """Something to find: a submitted claim, drafts, another analyst's claim."""
    services.claim_submit(claim=chain_claim, user=analyst)
    services.claim_create(document=document, user=other_analyst, start=0, end=35, tag="unsourced")


@pytest.fixture
def wsgi_in_this_transaction():
    """The WSGI app runs in this thread, inside the test's transaction: keep Django from closing
    "old" connections at each request, as its own test client does."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _check_operation(operation, headers: dict[str, str]) -> None:
    generated = st.one_of(
        operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
        operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
    )
    examples = operation.get_strategies_from_examples()
    strategy = st.one_of(*examples, generated) if examples else generated

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    run()


@pytest.mark.parametrize("role", ["analyst", "reviewer"])
def test_no_server_error_and_answers_match_the_schema(role, data, wsgi_in_this_transaction, analyst, reviewer):
    from annotator.wsgi import application

    user = {"analyst": analyst, "reviewer": reviewer}[role]
    headers = {"Authorization": f"Token {AuthToken.objects.create(user=user)[1]}"}
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application, headers=headers)
    failures, checked = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        try:
            _check_operation(operation, headers)
        except Exception as exc:  # collect every operation's failure, then report them all
            failures.append(f"{operation.label}: {exc}")
        checked += 1
    assert checked >= 20
    assert not failures, "\n\n".join(failures)
