"""The source registry the attribution tests read with: the seed registry (fixtures/sources.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.text.registry import Registry, entries_from_json

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def registry() -> Registry:
    return Registry(entries_from_json(json.loads((ROOT / "fixtures" / "sources.json").read_text(encoding="utf-8"))))
