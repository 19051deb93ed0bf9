"""Statements made without a reported clause or with words between the verb and its clause: a
figure given ("a donné un bilan de …"), a count ("a recensé …"), "pour sa part" before "que";
the speaker named before an apposition; what a speaker told a news agency carried to the
sentences that go on with it. Sentences written for these tests."""

from __future__ import annotations

import pytest

from claims.text.credits import is_wire_agency
from claims.text.registry import source_key
from tests.text.reading import find, names, run


class TestFiguresAndCounts:
    @pytest.mark.parametrize(
        ("sentence", "speaker"),
        [
            ("Le ministère a donné un bilan provisoire de quatre morts.", "ministere"),
            ("L'association avance un premier bilan de trente interpellations.", "association"),
            ("La préfecture a publié de nouveaux chiffres sur la fréquentation.", "prefecture"),
            ("La gendarmerie a recensé quatorze accidents pendant le week-end.", "gendarmerie"),
            ("Le syndicat dénombrait 60 % de grévistes dans les dépôts.", "syndicat"),
        ],
    )
    def test_a_figure_given_is_a_statement_of_its_giver(self, registry, sentence, speaker):
        (result,) = run(registry, sentence + "\n")
        assert result.tag == "sourced" and names(result) == [speaker]

    @pytest.mark.parametrize(
        "sentence",
        [
            "Le ministre a donné son accord au projet.",  # an agreement, not a figure
            "Les décès ont été recensés dans quatre villages.",  # a count nobody is said to give
        ],
    )
    def test_no_figure_no_statement(self, registry, sentence):
        (result,) = run(registry, sentence + "\n")
        assert result.tag == "unsourced"


class TestWordsBetweenVerbAndClause:
    @pytest.mark.parametrize("aside", ["pour sa part", "de son côté", "quant à elle"])
    def test_an_aside_before_que(self, registry, aside):
        (result,) = run(registry, f"La direction estimait {aside} que la moitié des postes seraient maintenus.\n")
        assert result.tag == "sourced" and names(result) == ["direction"]


class TestNameBeforeAnApposition:
    def test_the_name_opening_the_sentence_is_the_speaker(self, registry):
        (result,) = run(registry, "L'INSEE, l'institut national de la statistique, a indiqué que les prix avaient reculé.\n")
        assert names(result) == ["insee"]

    def test_a_day_before_the_subject_is_no_name(self, registry):
        (result,) = run(registry, "Mercredi, le préfet de la Somme a indiqué que la route restait fermée.\n")
        assert names(result) == [source_key("préfet de la Somme")]


class TestBodiesSaidAgain:
    def test_the_management_is_the_company_named_before(self, registry):
        text = (
            "Les salariés du groupe Valdor ont cessé le travail mardi.\n"
            "La direction a indiqué que les négociations reprendraient jeudi.\n"
        )
        assert names(find(run(registry, text), "négociations")) == ["valdor"]


class TestWhatWasToldToAnAgency:
    def test_the_agency_stays_with_the_speaker_until_someone_else_speaks(self, registry):
        text = (
            "« Les digues ont tenu », a déclaré à l'AFP le maire de Lunel, Pierre Anglade.\n"
            "« Nous restons prudents », a-t-il ajouté.\n"
            "Le préfet a pour sa part annoncé la réouverture des routes.\n"
            "« Il faudra des semaines », a encore dit le maire.\n"
        )
        result = run(registry, text)
        assert names(find(result, "prudents")) == ["afp", source_key("Pierre Anglade")]
        assert names(find(result, "semaines")) == [source_key("Pierre Anglade")]

    def test_another_title_is_not_the_person_named_last(self, registry):
        text = (
            "« Les digues ont tenu », a déclaré le maire de Lunel, Pierre Anglade.\n"
            "Le préfet a annoncé la réouverture des routes.\n"
        )
        assert names(find(run(registry, text), "routes")) == ["prefet"]

    def test_a_broadcaster_is_not_carried(self, registry):
        text = (
            "« Les digues ont tenu », a déclaré sur RTL le maire de Lunel, Pierre Anglade.\n"
            "« Nous restons prudents », a-t-il ajouté.\n"
        )
        assert names(find(run(registry, text), "prudents")) == [source_key("Pierre Anglade")]

    @pytest.mark.parametrize(("name", "agency"), [("AFP", True), ("l'AFP", True), ("l'agence Reuters", True), ("RTL", False), ("franceinfo", False)])
    def test_which_names_are_news_agencies(self, name, agency):
        assert is_wire_agency(name) is agency
