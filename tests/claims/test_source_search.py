"""The registry search behind the Source box and ``/api/v1/sources/?search=``: accents, case and
word order do not matter."""

from __future__ import annotations

import pytest

from claims.models import Source
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ministries():
    iraq = SourceFactory(slug="mod-iraq", name="Ministère de la Défense (Irak)", aliases=["ministère irakien de la Défense"])
    syria = SourceFactory(slug="mod-syria", name="Ministry of Defence of Syria", aliases=["ministère syrien de la Défense"])
    SourceFactory(slug="mehr", name="Mehr News Agency", aliases=["Mehr"])
    return iraq, syria


@pytest.mark.parametrize("query", ["ministere defense", "DEFENSE ministère", "défense   MINISTERE"])
def test_words_in_any_order_without_accents_or_case(ministries, query):
    found = set(Source.objects.search(query).values_list("slug", flat=True))
    assert found == {"mod-iraq", "mod-syria"}


def test_every_word_must_match(ministries):
    assert list(Source.objects.search("defense irakien").values_list("slug", flat=True)) == ["mod-iraq"]
    assert not Source.objects.search("defense mehr").exists()
