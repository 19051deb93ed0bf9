"""Speakers and sources the parser loses, and quotes that close and open again in one sentence:
a noun in "-ent" read as a participle, a subject lost after a long fronted phrase, "a-t-on appris
de" an outlet or a body, a quote that closes before its cue while another opens after it.
Sentences written for these tests."""

from __future__ import annotations

from claims.text import attribution
from tests.text.reading import find, names


class TestLostSubjects:
    def test_a_noun_in_ent_between_commas_is_not_the_subject_s_verb(self, registry):
        text = "Julien Bastide, référent de la FDSEA, a déclaré à l'AFP qu'il avait déposé du fumier devant la préfecture.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["afp", "julien bastide"]

    def test_a_person_before_an_apposition_after_a_long_fronted_phrase(self, registry):
        text = (
            "À l'entrée de la ville, sur la nationale 7, au niveau d'Orange (Vaucluse), Marc Sabatier, référent "
            "des Jeunes agriculteurs, a déclaré par téléphone à Reuters avoir déversé du fumier.\n"
        )
        assert names(attribution.suggest(text, registry)[0]) == ["reuters", "marc sabatier"]

    def test_no_person_is_made_up_when_the_apposition_follows_a_role(self, registry):
        text = (
            "Sur la route nationale 7, près de Montélimar (Drôme), selon les gendarmes, le trafic, "
            "dense depuis l'aube, a repris vers midi.\n"
        )
        assert [link.source.kind for link in attribution.suggest(text, registry)[0].links] != ["person"]


class TestLearnedFrom:
    def test_learned_from_an_agency(self, registry):
        text = "Deux soldats ont été tués lors de l'embuscade, a-t-on appris de l'agence officielle Anadolu.\n"
        result = attribution.suggest(text, registry)
        assert result[0].tag == "sourced" and names(result[0]) == ["anadolu"]

    def test_learned_from_a_body(self, registry):
        text = "Le suspect a été placé en garde à vue, a-t-on appris du parquet de Lille.\n"
        result = attribution.suggest(text, registry)
        assert result[0].tag == "sourced" and names(result[0]) == ["parquet de lille"]

    def test_learned_in_some_way_stays_vague(self, registry):
        text = "Deux soldats ont été tués lors de l'embuscade, a-t-on appris de façon officieuse.\n"
        result = attribution.suggest(text, registry)
        assert result[0].tag == "unsourced" and "vague" in result[0].flags


class TestQuoteClosedAndOpenedAgain:
    TEXT = (
        "Le maire de Brest, Paul Quéré, a répondu ce matin aux critiques.\n"
        '"Fermer la piscine n\'a aucun sens. Nous la rénoverons" a vivement répliqué Paul Quéré sur France Bleu, '
        'ajoutant que "les travaux commenceront en mars. Le budget est voté. Rien ne changera".\n'
        "La piscine est fermée depuis juin.\n"
    )

    def test_the_quote_before_the_cue_is_the_speaker_s(self, registry):
        result = attribution.suggest(self.TEXT, registry)
        assert names(find(result, "Fermer la piscine")) == ["france bleu", "paul quere"]

    def test_the_quote_opened_after_the_cue_goes_on_in_the_speaker_s_words(self, registry):
        result = attribution.suggest(self.TEXT, registry)
        assert names(find(result, "Le budget est voté")) == ["france bleu", "paul quere"]
        assert names(find(result, "Rien ne changera")) == ["france bleu", "paul quere"]

    def test_the_sentence_after_the_closed_quote_is_not_the_speaker_s(self, registry):
        result = attribution.suggest(self.TEXT, registry)
        assert find(result, "fermée depuis juin").tag == "unsourced"


class TestNamesTheTaggerMisreads:
    def test_a_role_and_its_holder_tagged_as_one_organisation_name_the_person(self, registry):
        text = (
            "La commission va demander à la ministre de la Culture Claire Dufour les documents.\n"
            '"Ils ont proposé de le payer", avait déclaré Mme Dufour le 5 février.\n'
        )
        assert names(find(attribution.suggest(text, registry), "payer")) == ["claire dufour"]

    def test_a_national_body_after_a_contracted_article_takes_the_story_s_country(self, registry):
        text = (
            "Le choléra recule au Cameroun\n"
            "Yaoundé – L'épidémie de choléra a fait 40 morts dans le nord du Cameroun depuis septembre.\n"
            "« Au 27 octobre, 210 cas avaient été enregistrés », lit-on dans un communiqué du gouvernement.\n"
        )
        assert names(find(attribution.suggest(text, registry), "210 cas")) == ["gouvernement camerounais"]


class TestWhoGaveIt:
    def test_witnesses_of_an_event_are_the_unnamed_witness(self, registry):
        text = "Des témoins de la collision ont indiqué que le camion roulait vite.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["unnamed-witness"]

    def test_the_witnesses_name_of_a_church_is_kept(self, registry):
        text = "Les Témoins de Jéhovah de Lyon ont indiqué que la salle était fermée.\n"
        assert names(attribution.suggest(text, registry)[0]) != ["unnamed-witness"]

    def test_a_report_given_by_a_body_to_an_outlet_names_the_outlet_first(self, registry):
        text = "Deux villages ont été évacués, selon le bilan communiqué par les gendarmes à France Bleu Isère.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["france bleu isere", "gendarmes"]

    def test_a_place_after_the_body_is_no_outlet(self, registry):
        text = "Au moins 12 personnes sont mortes, selon un bilan fourni par la police à Lyon.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["police"]


class TestOpeningParticiple:
    def test_a_participle_opening_the_sentence_is_no_incise(self, registry):
        text = "Alertés par un passant, les gendarmes ont maîtrisé l'incendie, a indiqué la préfecture.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["prefecture"]

    def test_a_participle_opening_a_sentence_that_reports_nothing_gives_no_source(self, registry):
        text = "Alertés par des voisins, les pompiers ont éteint le feu.\n"
        assert attribution.suggest(text, registry)[0].tag == "unsourced"


class TestGroupSaidAgain:
    def test_the_organisation_is_the_group_that_spoke_before(self, registry):
        text = (
            "Le comité des fêtes de Quimper a appelé au calme.\n"
            "« Rien ne peut justifier ces violences », écrit l'organisation dans un communiqué.\n"
        )
        assert names(find(attribution.suggest(text, registry), "violences")) == ["comite des fetes de quimper"]


class TestInitialsThenAgency:
    TEXT = (
        "Le parti d'opposition dénonce une campagne de désinformation\n"
        "Le Premier ministre a conduit la délégation de son pays à Bruxelles.\n"
        "Ces accusations sont « sans fondement », a affirmé le parti.\n"
        "KDO/ab/APA\n"
    )

    def test_the_writer_s_and_editor_s_initials_then_the_agency_credit_the_dispatch(self, registry):
        result = attribution.suggest(self.TEXT, registry)
        assert names(find(result, "délégation")) == ["apa"]
        assert names(find(result, "sans fondement"))[0] == "apa"

    def test_initials_without_an_agency_credit_nothing(self, registry):
        result = attribution.suggest(self.TEXT.replace("KDO/ab/APA", "KDO/ab/XYZ"), registry)
        assert find(result, "délégation").tag == "unsourced"


class TestSelonInsideAQuote:
    def test_the_speaker_outside_the_quote_cites_whom_the_quote_names(self, registry):
        text = "« Selon la Croix-Rouge, les crues ont fait 40 morts », a annoncé le porte-parole Marc Vidal.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["marc vidal", "croix rouge"]

    def test_a_selon_before_the_quote_comes_first(self, registry):
        text = "Selon la Croix-Rouge, « les crues ont fait 40 morts », a annoncé le porte-parole Marc Vidal.\n"
        assert names(attribution.suggest(text, registry)[0])[0] != "marc vidal"


class TestOutletClosingTheText:
    TEXT = (
        "Attaque contre un poste de police dans le sud-est de l'Iran\n"
        "Le gouverneur de la province a affirmé que des assaillants avaient attaqué le poste.\n"
        "Un policier a été transporté à l'hôpital.\n"
    )

    def test_a_medium_the_registry_knows_alone_on_the_last_line_credits_the_text(self, registry):
        result = attribution.suggest(self.TEXT + "PressTV\n", registry)
        assert names(find(result, "transporté")) == ["presstv"]
        assert names(find(result, "assaillants"))[0] == "presstv"

    def test_a_name_the_registry_does_not_know_credits_nothing(self, registry):
        result = attribution.suggest(self.TEXT + "Jean Dupont\n", registry)
        assert find(result, "transporté").tag == "unsourced"


class TestVerbReadAsTheNounsAdjective:
    def test_a_present_speech_verb_the_tagger_hangs_on_the_noun_before_it(self, registry):
        text = "La source irakienne ajoute que trois soldats sont morts.\n"
        result = attribution.suggest(text, registry)
        assert result[0].tag == "sourced" and names(result[0]) == ["source irakienne"]

    def test_a_noun_after_its_article_is_no_verb(self, registry):
        text = "Il a fait l'annonce que tout le monde attendait.\n"
        assert attribution.suggest(text, registry)[0].tag == "unsourced"


class TestOneOfThem:
    def test_one_of_the_leaders_after_the_outlet_told(self, registry):
        text = "« Nous tenons la ville », a déclaré à l'AFP un des chefs de la rébellion ayant requis l'anonymat.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["afp", "chef de la rebellion"]

    def test_one_of_the_leaders_as_the_speaker(self, registry):
        text = "« Nous tenons la ville », a déclaré l'un des chefs de la rébellion.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["chef de la rebellion"]

    def test_one_of_the_days_is_no_speaker(self, registry):
        text = "La réunion aura lieu l'un des jours de la semaine prochaine, a précisé la mairie.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["mairie"]


class TestJournalistsAtLarge:
    def test_the_press_then_a_comma_then_the_speaker(self, registry):
        text = "« La frontière reste fermée », a indiqué aux médias, le colonel Karim Saadi, lors d'un point de presse.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["karim saadi"]


class TestSubjectsTheTaggerMisreads:
    def test_a_source_after_fronted_words_and_a_comma(self, registry):
        text = "Autre fait curieux, une source proche des enquêteurs affirme qu'il avait une arme sur lui.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["source proche des enqueteurs"]

    def test_a_verb_the_tagger_calls_a_noun_before_a_colon(self, registry):
        text = "Marc Lenoir (PS) ajoute : « Les habitants peuvent rester chez eux. »\n"
        assert names(attribution.suggest(text, registry)[0]) == ["marc lenoir"]


class TestPluralPronounForAGroup:
    def test_the_group_the_sentence_before_was_about(self, registry):
        text = (
            "Les employés de la clinique sont en grève depuis lundi.\n"
            "Il y a trop de travail et pas assez de personnel, selon eux.\n"
        )
        assert names(find(attribution.suggest(text, registry), "selon eux")) == ["employes de la clinique"]


class TestRoleNamedInTheNextSentence:
    def test_a_name_that_comes_with_another_role_a_few_words_before_is_someone_else(self, registry):
        text = (
            "« Aucune victime n'est à déplorer », a déclaré le gouverneur de la région.\n"
            "Jeudi soir, trois drones ont visé une raffinerie à Oufa, a indiqué le chef de cette république russe, "
            "Ilias Gareev, sur Telegram.\n"
        )
        assert names(find(attribution.suggest(text, registry), "Aucune victime")) == ["gouverneur de la region"]


class TestBodiesSaidWithTheirCountry:
    def test_a_spokesperson_after_a_dateline_is_the_body_he_speaks_for(self, registry):
        text = (
            "Pékin met en garde New Delhi\n"
            "BEIJING, 12 mars (Xinhua) -- Un porte-parole du ministère chinois du Commerce a appelé jeudi "
            "la partie indienne à lever ses restrictions.\n"
        )
        assert names(find(attribution.suggest(text, registry), "restrictions")) == ["xinhua", "ministere chinois du commerce"]

    def test_a_second_adjective_of_a_country_between_a_body_and_its_portfolio(self, registry):
        text = "Les réserves de change ont reculé en mars, selon le ministère nippon de l'Économie.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["ministere nippon de l'economie"]


class TestSitesOwnMark:
    def test_a_site_address_in_a_dateline_is_no_agency(self, registry):
        text = (
            "La banque centrale maintient ses taux\n"
            "(Marchesfinanciers.com) — La banque centrale a maintenu jeudi ses taux directeurs.\n"
            "Les marchés ont peu réagi à cette décision.\n"
        )
        assert find(attribution.suggest(text, registry), "peu réagi").tag == "unsourced"

    def test_an_agency_in_a_dateline_still_credits_the_dispatch(self, registry):
        text = (
            "La banque centrale maintient ses taux\n"
            "(Reuters) — La banque centrale a maintenu jeudi ses taux directeurs.\n"
            "Les marchés ont peu réagi à cette décision.\n"
        )
        assert names(find(attribution.suggest(text, registry), "peu réagi")) == ["reuters"]


class TestSubjectsInsideTheQuote:
    def test_a_subject_inside_the_quote_is_the_speaker_s_words(self, registry):
        text = "« La mairie dément les accusations du Figaro et la préfecture précise qu'aucune consigne n'a été donnée », a indiqué le porte-parole Paul Marin.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["paul marin"]

    def test_a_subject_before_the_quote_stays(self, registry):
        text = (
            "Anne Roy, présidente de la Fed de Boston, a par exemple \"reconnu la nécessité de nouvelles baisses de taux "
            "mais a souligné l'incertitude\", note Paul Marin.\n"
        )
        assert names(attribution.suggest(text, registry)[0]) == ["paul marin", "anne roy"]


class TestTheAccused:
    def test_a_noun_accused_of_something_is_no_speaker(self, registry):
        text = "Les élus quitteront l'hémicycle tant que le conseiller accusé d'avoir insulté une collègue ne sera pas suspendu, a indiqué jeudi Marc Fabre.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["marc fabre"]

    def test_who_accuses_still_speaks(self, registry):
        text = "Le ministre a accusé l'opposition d'avoir menti sur les chiffres.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["ministre"]


class TestGuestOfAMedium:
    def test_the_guest_of_a_name_the_registry_does_not_know(self, registry):
        text = "M. Delvaux, invité matinal de BX24, a appelé le ministre à démissionner.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["bx24", "delvaux"]

    def test_the_guest_of_a_host_is_no_medium(self, registry):
        text = "M. Delvaux, invité de Paul Durand, a estimé que la ministre devait partir.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["delvaux"]


class TestStateAgenciesAreWires:
    def test_the_source_said_again_goes_on_through_a_state_agency(self, registry):
        text = (
            "Selon l'agence officielle SANA, qui cite une source militaire, deux soldats ont été tués à Homs.\n"
            "La défense a intercepté la plupart des drones, ajoute la source militaire.\n"
        )
        assert names(find(attribution.suggest(text, registry), "intercepté")) == ["sana", "military-source"]

    def test_a_state_agency_in_a_dateline_credits_the_dispatch(self, registry):
        text = "Deux soldats tués à Homs\nDAMAS, 3 mai (SANA) - Deux soldats ont été tués lundi à Homs.\nLes tirs ont cessé dans la soirée.\n"
        assert names(find(attribution.suggest(text, registry), "tirs ont cessé")) == ["sana"]


class TestAgencyInLowerCase:
    def test_an_agency_told_in_lower_case(self, registry):
        text = "Des coups de feu ont été entendus, a indiqué samedi à l'ats Léa Morand, porte-parole de la police vaudoise.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["keystone-ats", "lea morand"]


class TestOfTheCity:
    def test_a_body_of_the_city_is_named_with_the_city_the_story_is_in(self, registry):
        text = "Un homme a blessé deux policiers mardi à Namur, dans le sud de la Belgique, a indiqué à l'AFP le parquet de la ville.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["afp", "parquet de namur"]


class TestWhatThenTheQuote:
    def test_a_verb_its_object_then_a_colon_and_a_quote(self, registry):
        text = "Le gouverneur Paul Kaboré a aussi donné une autre raison à cette hausse : « La demande intérieure reste forte. »\n"
        assert names(attribution.suggest(text, registry)[0]) == ["paul kabore"]


class TestFirstNamesAndPronouns:
    def test_elle_does_not_point_back_at_a_man_named_by_his_first_name(self, registry):
        text = (
            "Les frappes ont visé un rassemblement, selon l'agence Saba.\n"
            "Donald Marsh a promis de nouvelles frappes.\n"
            "« Les personnes visées n'avaient rien à voir avec ces opérations », a-t-elle déclaré.\n"
        )
        assert names(find(attribution.suggest(text, registry), "personnes visées")) != ["donald marsh"]


class TestMediaByTheirName:
    def test_a_platform_before_a_channel_s_name_is_no_part_of_it(self, registry):
        text = "La chaîne Telegram Saberin Info, proche des factions armées, a écrit que la base était en feu.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["saberin info"]

    def test_a_medium_named_in_full_with_the_registry_s_initials(self, registry):
        text = "Dans un communiqué relayé par l'Agence de presse des Émirats (WAM), le ministère a condamné l'attaque.\n"
        assert names(attribution.suggest(text, registry)[0])[0] == "wam"


class TestCourtDemands:
    def test_a_prosecutor_s_demand_is_said(self, registry):
        text = "Le procureur Jean Favre requiert deux ans de prison ferme contre le prévenu.\n"
        assert names(attribution.suggest(text, registry)[0]) == ["jean favre"]


class TestWhereTheNewsComesFrom:
    def test_the_news_comes_from_a_paper(self, registry):
        text = "L'information vient du Parisien, qui cite une source policière : la voiture de l'élu a été incendiée.\n"
        assert names(attribution.suggest(text, registry)[0])[0] == "le-parisien"

    def test_a_noise_comes_from_nobody(self, registry):
        assert attribution.suggest("Le bruit vient de la rue voisine.\n", registry)[0].tag == "unsourced"
