"""``manage.py evaluate_suggestions GOLD.jsonl``: how the attribution suggestions score against a
gold reading (format in docs/gold-format.md): sourced-tag P/R/F1, direct source P/R/F1 with
exact and with overlapping mentions, and exact-chain accuracy, per document and overall."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.management.commands.suggest_claims import load_registry
from claims.text import attribution
from claims.text.evaluation import GoldError, Score, evaluate, parse_gold


class Command(BaseCommand):
    help = "Score the attribution suggestions against a gold JSONL file."

    def add_arguments(self, parser):
        parser.add_argument("gold", help="Gold JSONL file (docs/gold-format.md).")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--registry",
            metavar="SOURCES_JSON",
            help="Read the source registry from this file instead of the database.",
        )
        parser.add_argument("--misses", action="store_true", help="List the sentences that went wrong.")

    def handle(self, *args, gold, format, registry, misses, **options):
        path = Path(gold)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            raise CommandError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise CommandError(f"{path}: is a folder, not a file") from None
        except UnicodeDecodeError as exc:
            raise CommandError(f"{path}: not UTF-8 text (byte {exc.start})") from None
        except OSError as exc:
            raise CommandError(f"{path}: cannot read ({exc.strerror or exc})") from None
        try:
            documents = parse_gold(lines)
        except GoldError as exc:
            raise CommandError(f"{path}: {exc}") from None
        predictions = attribution.suggest_many([d.text for d in documents], load_registry(registry))
        per_document, overall = evaluate(documents, predictions)
        if format == "json":
            data = {"documents": [s.to_dict() for s in per_document], "overall": overall.to_dict()}
            if misses:
                data["misses"] = overall.misses
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(_table(per_document + [overall]))
        if misses and overall.misses:
            self.stdout.write("\nMisses:")
            for line in overall.misses:
                self.stdout.write(f"  {line}")


def _table(scores: list[Score]) -> str:
    header = (
        f"{'document':<24} {'sourced P':>9} {'R':>6} {'F1':>6}   {'direct(exact) P':>15} {'R':>6} {'F1':>6}"
        f"   {'direct(overlap) P':>17} {'R':>6} {'F1':>6}   {'chain acc':>9}"
    )
    rows = [header, "-" * len(header)]
    for s in scores:
        rows.append(
            f"{s.id[:24]:<24} {s.sourced.precision:>9.3f} {s.sourced.recall:>6.3f} {s.sourced.f1:>6.3f}"
            f"   {s.direct_exact.precision:>15.3f} {s.direct_exact.recall:>6.3f} {s.direct_exact.f1:>6.3f}"
            f"   {s.direct_overlap.precision:>17.3f} {s.direct_overlap.recall:>6.3f} {s.direct_overlap.f1:>6.3f}"
            f"   {s.chain_accuracy:>9.3f}"
        )
    return "\n".join(rows)
