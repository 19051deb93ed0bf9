"""``manage.py export_claims --format F [--output FILE]``: the API's streamed exports, on the command line."""

from __future__ import annotations

from contextlib import nullcontext

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from claims import selectors
from claims.api.exports import FORMATS, export_claims
from claims.api.filters import ClaimFilter
from claims.models import Claim


class Command(BaseCommand):
    help = "Export claims as jsonl, json, csv, w3c, doccano or labelstudio, streamed from one snapshot."

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=list(FORMATS))
        parser.add_argument("--output", "-o", help="Write to this file instead of standard output.")
        parser.add_argument("--user", help="Export only what this user may see (default: every claim).")
        parser.add_argument(
            "--filter",
            action="append",
            default=[],
            metavar="NAME=VALUE",
            help="A claim filter of the API, e.g. --filter status=approved --filter updated_since=2026-01-01T00:00Z.",
        )
        parser.add_argument(
            "--base-url", default="http://127.0.0.1:8000/api/v1/", help="Prefix of the ids in the w3c export."
        )

    def handle(self, *args, format: str, output, user, filter, base_url, **options):
        claims = self._claims(user, filter)
        try:
            target = open(output, "w", encoding="utf-8", newline="") if output else nullcontext(None)
        except OSError as exc:
            raise CommandError(f"{output}: cannot write ({exc.strerror})") from None
        with target as file:
            write = file.write if file is not None else (lambda chunk: self.stdout.write(chunk, ending=""))
            for chunk in export_claims(claims=claims, fmt=format, base_url=base_url.rstrip("/") + "/"):
                write(chunk)
        if output:
            self.stderr.write(f"Wrote {output}.")

    def _claims(self, username: str | None, filters: list[str]):
        if username:
            user = get_user_model().objects.filter(username=username).first()
            if user is None:
                raise CommandError(f"--user: no user {username!r}")
            claims = selectors.claim_list(user=user)
        else:
            claims = Claim.objects.all()  # the operator of the command line sees everything
        data = QueryDict(mutable=True)
        for item in filters:
            name, sep, value = item.partition("=")
            if not sep or name not in ClaimFilter.base_filters:
                known = ", ".join(sorted(ClaimFilter.base_filters))
                raise CommandError(f"--filter {item!r}: expected NAME=VALUE with NAME one of {known}")
            data.appendlist(name, value)
        filterset = ClaimFilter(data, queryset=claims)
        if not filterset.is_valid():
            problems = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in filterset.errors.items())
            raise CommandError(f"--filter: {problems}")
        return filterset.qs
