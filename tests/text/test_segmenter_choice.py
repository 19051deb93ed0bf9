"""The rule-based splitter (the default) and pysbd give the same segments on the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.text.segmentation import segment_text

ARTICLES = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "articles").glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name[:3])
def test_rules_and_pysbd_agree_on_the_seeds(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    rules = segment_text(text)
    monkeypatch.setenv("CLAIMS_SEGMENTER", "pysbd")
    assert segment_text(text) == rules
    assert len(rules) > 5


def test_the_rules_split_where_pysbd_missed_an_unbalanced_quote(monkeypatch):
    text = 'Les bases des "agents Daech dans la province de Ninive. Signe que les choses vont mal.'
    assert [s.text_of(text) for s in segment_text(text)] == [
        'Les bases des "agents Daech dans la province de Ninive.',
        "Signe que les choses vont mal.",
    ]
