"""Forms found on pages read this round and on a checklist of common ways French news
attributes (written for these tests): one noun reached by two cues, uncommon credits and
datelines, what an outlet learned and from whom, guests, forecasts, whose "on" it is, names as
the gold writes them, and what reports nothing. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.text.reading import find, names, run


class TestOneNounTwoCues:
    def test_a_relative_clause_on_the_source_adds_no_second_link(self, registry):
        text = (
            "Douze personnes ont été arrêtées à Bruxelles.\n"
            "Ces individus préparaient une attaque, a annoncé le parquet fédéral.\n"
            "Trente lieux ont été perquisitionnés, selon les précisions du parquet, qui évoque une attaque imminente.\n"
            "« Quarante personnes ont été interpellées », précise également le parquet.\n"
        )
        result = run(registry, text)
        assert names(find(result, "perquisitionnés")) == ["parquet federal"]
        assert names(find(result, "interpellées")) == ["parquet federal"]

    def test_the_participle_the_parser_takes_for_a_subject_ends_the_speaker(self, registry):
        text = (
            "Les médias officiels syriens ont fait état de frappes.\n"
            "Une source militaire syrienne citée par ces médias a indiqué que les missiles ont été abattus.\n"
        )
        (_, cited) = find(run(registry, text), "abattus").links
        assert cited.mention.text == "Une source militaire syrienne"

    def test_a_participle_the_parser_hangs_on_the_object_speaks_for_the_subject(self, registry):
        text = "Le porte-parole Yahya Rassoul a réuni la presse. Rassoul a vivement condamné l’attaque affirmant que cela pourrait saper les accords.\n"
        assert names(find(run(registry, text), "saper")) == ["yahya-rassoul"]


class TestAgenciesByTheirLongerNames:
    def test_told_to_an_agency_whose_name_the_tagger_splits(self, registry):
        (result,) = run(registry, "Ces informations ont été confirmées à Keystone-ATS par le porte-parole du MPC.\n")
        assert names(result)[0] == "keystone-ats" and len(names(result)) == 2

    def test_the_credited_agency_told_under_its_longer_name_is_one_link(self, registry):
        text = (
            "SION (ATS) - Un automobiliste a forcé un barrage lundi.\n"
            "« Le conducteur a fait mine de s'arrêter », a précisé la police cantonale à Keystone-ATS.\n"
        )
        (agency, police) = find(run(registry, text), "mine").links
        assert agency.source.slug == "keystone-ats" and "police" in police.source.name.casefold()


class TestUncommonCreditsAndNames:
    def test_a_dateline_with_the_agency_in_square_brackets(self, registry):
        text = (
            "Haïti : pas encore de bilan\n"
            "P-au-P., 27 avr. 05 [AlterPresse] --- La police ne disposait pas de bilan précis.\n"
            "La patrouille a riposté aux tirs.\n"
        )
        assert names(find(run(registry, text), "patrouille")) == ["alterpresse"]

    def test_an_editors_tag_closing_a_wire_copy_is_no_claim(self, registry):
        text = "La police ne disposait pas de bilan précis.\n[vs gp apr 27/04/2005 21:00]\n"
        assert not find(run(registry, text), "[vs gp").is_claim

    def test_this_authority_is_the_official_who_spoke_last(self, registry):
        text = (
            "« Quatre gendarmes ont été tués samedi », a indiqué à Anadolu le préfet du département, Handerson Kongeh.\n"
            "Selon cette autorité, les gendarmes ont été tués dans une embuscade.\n"
        )
        assert names(find(run(registry, text), "embuscade"))[-1] == "handerson kongeh"

    def test_an_office_named_after_the_media_is_no_unnamed_media(self, registry):
        (result,) = run(registry, "Le bureau médias du Hamas a dénoncé un nouveau crime de guerre.\n")
        assert names(result) == ["bureau medias du hamas"]

    def test_other_media_in_a_longer_mention_are_still_the_media(self, registry):
        (result,) = run(registry, "Selon des médias locaux, le pont a été détruit.\n")
        assert names(result) == ["unnamed-media"]

    def test_a_label_in_square_brackets_opening_a_line_is_no_dateline(self, registry):
        text = "Un titre\n[Vidéo] - Le président a visité l'usine mardi.\nIl a serré des mains.\n"
        assert find(run(registry, text), "serré").tag == "unsourced"

    def test_a_dateline_naming_the_relaying_agency_then_the_wire(self, registry):
        text = (
            "Sanofi rappelle un médicament\n"
            "WASHINGTON (awp/afp) - Le géant pharmaceutique français Sanofi a annoncé le rappel de son médicament.\n"
        )
        assert names(find(run(registry, text), "rappel de son")) == ["awp", "afp", "sanofi"]

    def test_a_bylines_tail_alone_on_its_line_credits_the_dispatch(self, registry):
        text = "Le vaccin est obligatoire dès 12 mois.\net AFP\nUn foyer de rougeole a été signalé dans la station.\n"
        assert names(find(run(registry, text), "foyer")) == ["afp"]

    def test_local_radios_are_the_media_at_large(self, registry):
        (result,) = run(registry, "Les affrontements ont fait, selon des radios locales, cinq morts.\n")
        assert names(result) == ["unnamed-media"]

    def test_an_editors_tag_closing_a_paragraph_is_no_claim(self, registry):
        text = "Un titre\nLa police ne disposait pas de bilan précis. [vs gp apr 27/04/2005 21:00]\n"
        assert not find(run(registry, text), "[vs gp").is_claim


class TestLearnedFrom:
    def test_an_outlet_learned_from_someone_after_the_claim(self, registry):
        text = "Les préfets vont recevoir une instruction mardi, a appris l'AFP auprès du ministère de l'Intérieur.\n"
        (result,) = run(registry, text)
        assert names(result)[0] == "afp" and "ministere" in names(result)[1]

    def test_an_outlet_learned_from_someone_before_the_claim(self, registry):
        (result,) = run(registry, "L'AFP a appris auprès de la préfecture que la route était fermée.\n")
        assert names(result) == ["afp", "prefecture"]

    def test_a_person_who_learns_something_reports_nothing(self, registry):
        assert run(registry, "Le ministre a appris que son fils était blessé.\n")[0].tag == "unsourced"


class TestCommonFormsChecklist:
    """Forms checked on sentences written for them, each a common way French news attributes."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param("Invité de RTL, le Premier ministre a assuré que les impôts n'augmenteraient pas.\n", ["rtl", "premier ministre"], id="a_guest_of_a_broadcaster"),
            pytest.param("Invité du journal de 20 heures, le président a annoncé des mesures.\n", ["president"], id="a_guest_of_an_unnamed_programme_names_no_medium"),
            pytest.param("Invité dimanche soir sur France 2, le député Paul Aubert a estimé qu'une clarification s'imposait.\n", ["france-2", "paul aubert"], id="a_guest_on_a_channel_with_a_time_between"),
            pytest.param("Interrogée mardi sur France Inter, la ministre Anne Roux a assuré que le texte passerait.\n", ["france-inter", "anne roux"], id="interviewed_on_a_radio_with_a_time_between"),
            pytest.param("Interrogé dimanche sur ses intentions, le maire a assuré qu'il se représenterait.\n", ["maire"], id="asked_about_something_names_no_medium"),
            pytest.param("La croissance ralentira l'an prochain, anticipe la Banque de France.\n", ["banque de france"], id="a_forecast_in_an_incise"),
            pytest.param("Le chômage devrait atteindre 8 %, selon les prévisions de l'Insee.\n", ["insee"], id="whose_forecasts"),
            pytest.param("Les discussions reprendront lundi, selon une source diplomatique européenne.\n", ["diplomatic-source"], id="an_unnamed_source_from_a_region_is_the_registrys"),
            pytest.param("Le député Jean Dupont a réagi : « C'est inacceptable ».\n", ["jean dupont"], id="a_reaction_opening_a_quote"),
            pytest.param("« C'est inacceptable », a réagi sur son compte X le député Jean Dupont.\n", ["jean dupont"], id="a_reaction_on_a_platform_before_the_speaker"),
            pytest.param("Plusieurs médias, dont la BBC, ont rapporté que le navire avait coulé.\n", ["bbc"], id="a_medium_named_among_media_speaking"),
            pytest.param("La direction de Michelin a confirmé la fermeture de deux usines.\n", ["michelin"], id="a_companys_management_is_the_company"),
            pytest.param("La CGT et FO ont appelé à une grève le 5 décembre.\n", ["cgt"], id="two_bodies_in_one_subject_are_named_by_the_first"),
            pytest.param("Selon un sondage Ifop publié dimanche, 60 % des Français soutiennent la réforme.\n", ["ifop"], id="a_poll_by_its_pollster"),
            pytest.param("Le président a déclaré que l'état d'urgence serait levé.\n", ["president"], id="declaring_that_still_reports"),
            pytest.param("HRW a dénoncé la répression.\n", ["hrw"], id="an_acronym_opening_the_sentence_is_a_name"),
            pytest.param("De son côté, Stéphane Le Foll a assuré sur iTELE n'avoir « jamais » entendu parler de cette menace.\n", ["itele", "stephane le foll"], id="a_linking_phrase_before_the_speaker_is_no_part_of_the_name"),
            pytest.param("Le ministre a dit à l'AFP avoir reçu des menaces.\n", ["afp", "ministre"], id="said_to_an_agency_then_an_infinitive"),
            pytest.param("La Conférence épiscopale péruvienne a quant à elle exhorté le gouvernement à mener une enquête.\n", ["conference episcopale peruvienne"], id="the_subject_before_quant_a_elle"),
            pytest.param("Un premier bilan de la police a fait état de 20 morts.\n", ["police"], id="a_first_toll_is_the_bodys_that_gave_it"),
            pytest.param("« C'était terrible », a raconté un retraité de 70 ans.\n", ["retraite"], id="the_quotes_words_are_never_its_speaker"),
            pytest.param("« C'était terrible », a confié une quinquagénaire qui s'est ruée dehors.\n", ["quinquagenaire"], id="a_person_by_age"),
            pytest.param("Selon le Bureau de coordination de l'action humanitaire de l'ONU, 20.000 personnes sont sinistrées.\n", ["bureau de coordination de l'action humanitaire de l'onu"], id="a_body_of_the_un_is_itself"),
            pytest.param("Selon la Mission d'assistance des Nations Unies pour l'Irak, 20 personnes sont mortes.\n", ["mission d'assistance des nations unies pour l'irak"], id="a_name_with_pour_in_it"),
            pytest.param("Bercy table sur une croissance de 1 % cette année.\n", ["bercy"], id="counting_on_a_figure_is_a_forecast"),
            pytest.param("Le pays est à genoux, analyse Jean Dupont, chercheur à l'IRIS.\n", ["jean dupont"], id="an_analysis_in_an_incise"),
            pytest.param("« Nous restons prudents », a confié à l'AFP un trader parisien.\n", ["afp", "trader parisien"], id="a_trader_speaks"),
            pytest.param("Pékin a dénoncé mardi la désinformation américaine.\n", ["chine"], id="a_capital_speaks_for_its_country"),
            pytest.param("Selon Washington, les livraisons d'armes ont cessé.\n", ["etats unis"], id="according_to_a_capital"),
            pytest.param("Kiev dit mener ces frappes contre des sites militaires.\n", ["ukraine"], id="a_capital_says"),
            pytest.param("En entrevue à TVA Nouvelles, le commandant Ian Lafrenière s'est dit satisfait du travail des policiers.\n", ["tva-nouvelles", "ian lafreniere"], id="an_interview_granted_to_a_medium_opening_the_sentence"),
            pytest.param("Le PIB a atteint 58.800 milliards de yuans, selon le Bureau national des statistiques, qui rapporte les résultats d'une enquête.\n", ["bureau national des statistiques"], id="a_relative_after_according_to_names_the_same_body"),
            pytest.param(
                "Les corps sont nombreux, indique la Direction de l'information et des relations publiques des armées (DIRPA).\n",
                ["direction de l'information et des relations publiques des armees"], id="initials_in_brackets_spell_a_name_with_et_in_it",
            ),
            pytest.param("La Marine nationale sénégalaise a annoncé le sauvetage de 30 migrants.\n", ["marine nationale senegalaise"], id="a_navy_is_no_woman_named_marine"),
            pytest.param("Marine Le Pen a annoncé sa candidature.\n", ["marine le pen"], id="a_woman_named_marine_still_is"),
            pytest.param("A l'inverse, Joe Biden a insisté sur les liens renforcés entre Occidentaux.\n", ["joe biden"], id="insisting_on_something_reports_it"),
            pytest.param("Le Premier ministre, Paul Durand, a exclu, ce samedi à Constantine, l'hypothèse d'un attentat.\n", ["paul durand"], id="ruling_out_a_hypothesis"),
            pytest.param("La source proche de l'enquête a écarté la piste du terrorisme.\n", ["source proche de l'enquete"], id="setting_aside_a_lead"),
            pytest.param("« Le feu progresse », déclare à 19h la préfète de Gironde.\n", ["prefete de gironde"], id="an_hour_between_the_verb_and_the_speaker"),
            pytest.param("Israël a appelé samedi ses citoyens se trouvant en Egypte et en Jordanie à quitter ces deux pays.\n", ["israel"], id="a_country_without_article_calls_far_ahead"),
            pytest.param("L'information a pu être confirmée par le ministère.\n", ["ministere"], id="a_passive_through_a_modal"),
            pytest.param("Le président égyptien, Abdel Fattah al-Sissi a affirmé que le Caire pourrait soutenir l'armée syrienne.\n", ["abdel fattah al sissi"], id="a_name_ending_on_an_arabic_particle"),
            pytest.param("« Le feu progresse », déclare la préfète de Gironde et de Nouvelle-Aquitaine Fabienne Buccio sur BFMTV.\n", ["bfmtv", "fabienne buccio"], id="a_name_after_a_hyphenated_region"),
            pytest.param("Le gouvernement français, par la voix de son ministre des Armées Sébastien Lecornu, affirme que tout est fait.\n", ["sebastien lecornu"], id="a_minister_speaking_for_the_government"),
            pytest.param("L'attaque a été condamnée par l'Otan par la voix de son porte-parole, le général Paul Cleveland.\n", ["paul cleveland"], id="a_spokesman_speaking_for_an_alliance"),
            pytest.param("Les membres de l'Opep+ ont entamé des discussions, ont déclaré à Reuters trois sources au sein de l'organisation.\n", ["reuters", "unnamed-source"], id="sources_quantified_after_the_agency_told"),
            pytest.param("Seize personnes ont été tuées en Syrie, a indiqué l'agence de presse officielle syrienne Sana, citant une source militaire.\n", ["sana", "military-source"], id="an_official_agency_named_after_its_countrys_adjective_then_its_source"),
            pytest.param("Dix corps ont été retrouvés, a indiqué la garde nationale.\n", ["garde nationale"], id="the_national_guard_speaks"),
            pytest.param("Interrogé par des journalistes de l'AFP, le maire a démenti ces informations.\n", ["afp", "maire"], id="questioned_by_an_agencys_journalists"),
            pytest.param("« Je suis serein », a expliqué le ministre à un journaliste de l'AFP.\n", ["afp", "ministre"], id="told_to_an_agencys_journalist"),
            pytest.param("Un témoin a affirmé au correspondant de la BBC que la ville était encerclée.\n", ["bbc", "unnamed-witness"], id="told_to_a_broadcasters_correspondent"),
            pytest.param("Le maire a déclaré à un journaliste que la route était coupée.\n", ["maire"], id="told_to_a_journalist_of_no_named_medium"),
            pytest.param("Le Vietnam a exprimé sa solidarité avec le peuple chinois.\n", ["vietnam"], id="a_country_is_not_its_news_agency_spelled_alike"),
            pytest.param("La Suède, qui assure la présidence de l'UE, a déclaré que les sanctions étaient approuvées.\n", ["suede"], id="a_relative_aside_before_the_verb_is_not_the_subject"),
            pytest.param("Le ministre, qui ne s'est pas rendu sur place, a affirmé que la situation était sous contrôle.\n", ["ministre"], id="a_negated_relative_aside_before_the_verb"),
            pytest.param("Le Parti du peuple cambodgien (PPC) a remporté tous les sièges, a déclaré son porte-parole.\n", ["parti du peuple cambodgien"], id="a_bodys_own_unnamed_spokesperson_is_the_body"),
            pytest.param("Selon les premiers résultats, le président sortant a obtenu 51 % des voix.\n", ["unnamed-document"], id="according_to_first_results_is_a_document_not_a_prime_minister"),
            pytest.param("« Le match n'est pas gagné », a déclaré le ministre dans un entretien accordé à Yaoundé.\n", ["ministre"], id="an_interview_given_in_a_city_names_no_medium"),
            pytest.param("Le ministre a adressé ses condoléances aux familles des victimes.\n", ["ministre"], id="condolences_sent_are_voiced"),
            pytest.param("Le président, sur son compte Twitter, a présenté ses «sincères et vives condoléances aux familles».\n", ["president"], id="condolences_with_two_adjectives_in_quotes"),
            pytest.param("La télévision publique a retransmis vendredi des vidéos amateurs montrant une fumée noire.\n", ["television publique"], id="videos_carried_on_a_day"),
            pytest.param("L’agence Sana a cité un peu plus tard une source militaire selon laquelle la frappe a été repoussée.\n", ["sana", "military-source"], id="citing_a_little_later"),
            pytest.param("La bombe a tué deux personnes, aux dires des habitants.\n", ["unnamed-witness"], id="by_the_say_so_of"),
            pytest.param("« Mon but n'est pas de m'émanciper » a sèchement tancé Jean-Marc Ayrault.\n", ["jean marc ayrault"], id="a_quote_then_an_adverb_and_a_verb_no_comma"),
            pytest.param("«Israël» a effectué des centaines de frappes aériennes.\n", [], id="a_name_in_quotes_opening_the_sentence_is_no_quote"),
            pytest.param("Le bilan est lourd, a indiqué à la radio publique Jean Dupont, le porte-parole de la préfecture.\n", ["radio publique", "jean dupont"], id="told_to_a_medium_said_in_words_then_the_named_speaker"),
            pytest.param("Le bilan est lourd, a indiqué à la chaîne qatarie Al Jazeera le porte-parole.\n", ["al-jazeera", "porte parole"], id="a_medium_said_in_words_and_its_name"),
            pytest.param("Dans un message de soutien, le ministre a assuré que la France était solidaire.\n", ["ministre"], id="a_message_of_support_is_no_ones_called_support"),
            pytest.param("Huit cadavres ont été découverts, a précisé son porte-parole, Faouzi Masmoudi cité par l'AFP.\n", ["afp", "faouzi masmoudi"], id="a_named_spokesman_then_who_cites_him"),
            pytest.param("C'est ce qu'avancent plusieurs sources militaires à des médias américains.\n", ["unnamed-media", "military-source"], id="told_to_media_at_large_is_the_collective_media"),
            pytest.param("S'exprimant sur la réforme, le ministre a affirmé qu'elle passerait.\n", ["ministre"], id="speaking_on_a_topic_is_no_medium"),
            pytest.param("Interrogé par des journalistes, le maire a démenti ces informations.\n", ["maire"], id="questioned_by_journalists_at_large_is_no_medium"),
            pytest.param("Interrogé par la presse, le maire a démenti ces informations.\n", ["maire"], id="questioned_by_the_press_is_no_medium"),
            pytest.param("S'exprimant sur France Inter, le ministre a affirmé que la réforme passerait.\n", ["france-inter", "ministre"], id="speaking_on_a_medium_before_the_subject"),
            pytest.param("Intervenant sur France Inter, le ministre a affirmé que la réforme passerait.\n", ["france-inter", "ministre"], id="intervening_on_a_medium_before_the_subject"),
        ],
    )
    def test_one_sentence_and_its_chain(self, registry, text, expected):
        (result,) = run(registry, text)
        assert names(result) == expected

    @pytest.mark.parametrize(
        "text",
        [
            pytest.param("La loi prévoit, dans son article 3, une amende.\n", id="a_plan_still_forecasts_nothing"),
            pytest.param("Le député a réagi à l'attaque en se rendant sur place.\n", id="a_reaction_without_words_reports_nothing"),
            pytest.param("La table sur la terrasse a été renversée.\n", id="a_table_is_no_forecast"),
            pytest.param("Le président a déclaré l'état d'urgence dans trois provinces.\n", id="declaring_a_state_of_emergency"),
            pytest.param("Le gouvernement a proclamé trois jours de deuil national.\n", id="proclaiming_mourning"),
            pytest.param("Le pays a déclaré la guerre à son voisin.\n", id="declaring_war"),
            pytest.param("Les pompiers ont écarté les curieux du périmètre.\n", id="setting_people_aside_says_nothing"),
            pytest.param("Le camion est arrivé à 19h.\n", id="an_hour_alone_says_nothing"),
            pytest.param("Il a dû être hospitalisé par les secours.\n", id="a_modal_passive_without_a_speech_verb"),
            pytest.param("Israël n'a jamais confirmé ni démenti ces opérations.\n", id="never_confirming_nor_denying_is_a_silence"),
            pytest.param("Le ministre a appelé hier soir tous les habitants du quartier nord de la ville à\n", id="a_call_cut_after_its_a"),
        ],
    )
    def test_what_reports_nothing(self, registry, text):
        assert run(registry, text)[0].tag == "unsourced"

    def test_what_a_relative_clause_says_is_not_the_sentences_claim(self, registry):
        (result,) = run(registry, "Le ministre, qui avait promis une réforme, a démissionné lundi.\n")
        assert result.tag == "unsourced"

    def test_a_relative_clause_before_the_speakers_verb_leaves_the_speaker(self, registry):
        text = "Le procureur François Molins, qui représente le parquet, a annoncé mardi avoir requis un procès.\n"
        assert names(run(registry, text)[0]) == ["francois molins"]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Du côté de la CGT, on dénonce un plan au rabais.\n", ["cgt"]),
            ("Chez Renault, on assure que les emplois seront préservés.\n", ["renault"]),
            ("On explique dans l'entourage du ministre que le texte est prêt.\n", ["entourage du ministre"]),
        ],
    )

    def test_whose_on_it_is(self, registry, text, expected):
        assert names(run(registry, text)[0]) == expected

    def test_a_bare_on_stays_vague(self, registry):
        (result,) = run(registry, "On demande aux militants de résister.\n")
        assert result.tag == "unsourced" and "vague" in result.flags

    def test_the_circle_of_the_person_spoken_of(self, registry):
        text = "Le Premier ministre Gabriel Attal a reporté ses voeux.\nOn explique dans son entourage qu'il préfère attendre.\n"
        assert names(find(run(registry, text), "attendre")) == ["entourage de gabriel attal"]

    def test_an_ngo_said_again_is_the_body_named_last(self, registry):
        text = (
            "Selon Amnesty International, au moins 300 personnes ont été arrêtées.\n"
            "L'ONG dénonce une « répression brutale ».\n"
        )
        result = run(registry, text)
        assert names(find(result, "brutale")) == ["amnesty international"]
        assert find(result, "300").links[0].source.kind == "institution"

    def test_what_one_fears_to_undergo_is_no_reported_clause(self, registry):
        text = "Selon son conseiller Habib Sanogo, « Guillaume Soro ne craint pas de se faire arrêter ».\n"
        assert names(run(registry, text)[0]) == ["habib sanogo"]

    def test_a_dateline_opening_the_headline(self, registry):
        text = "Islamabad (AFP). Puissant séisme en Asie du Sud\nUn puissant séisme a secoué lundi l'Asie du Sud.\n"
        assert names(find(run(registry, text), "secoué")) == ["afp"]

    def test_an_agencys_initials_and_full_name_alone_on_a_line(self, registry):
        text = "Trois policiers condamnés\nAFP Agence France-Presse\nUn tribunal de Lima a condamné lundi trois policiers.\n"
        assert names(find(run(registry, text), "tribunal")) == ["afp"]

    def test_condolences_in_quotes_are_voiced(self, registry):
        (result,) = run(registry, 'La présidente Dina Boluarte a exprimé ses "condoléances aux familles".\n')
        assert names(result) == ["dina boluarte"]

    def test_when_it_was_said_is_no_part_of_the_speaker(self, registry):
        text = "Un communiqué du ministère de la Santé un peu plus tard dans la matinée a annoncé 24 morts.\n"
        assert names(run(registry, text)[0]) == ["ministere de la sante"]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Le ministre démissionnera, croit savoir Le Monde.\n", ["le-monde"]),
            ("Le Monde croit savoir que le ministre démissionnera.\n", ["le-monde"]),
        ],
    )

    def test_believing_to_know_is_reporting(self, registry, text, expected):
        assert names(run(registry, text)[0]) == expected

    def test_a_news_agency_by_its_own_name_stays_the_registrys(self, registry):
        text = "Le bilan s'est alourdi, a annoncé le gouvernement provincial cité par l'agence de presse étatique Chine Nouvelle.\n"
        assert names(run(registry, text)[0])[0] == "xinhua"

    def test_the_latest_bulletin_is_its_authors(self, registry):
        text = "Le nombre de cas s'élève à 120, selon le dernier bulletin du ministère de la Santé.\n"
        assert names(run(registry, text)[0]) == ["ministere de la sante"]

    def test_a_storys_country_from_its_provinces(self, registry):
        text = (
            "Des combats ont eu lieu à Mossoul.\n"
            "À Kirkouk, trois soldats ont été tués dans la province.\n"
            "Dans la province d'al-Anbar, une source sécuritaire a déclaré que la route était coupée.\n"
        )
        assert names(find(run(registry, text), "route")) == ["iraqi-security-source"]

    def test_a_role_is_named_without_its_possessive(self, registry):
        text = "La banque va supprimer 500 postes, a déclaré son directeur général dans un entretien à Reuters.\n"
        assert names(run(registry, text)[0]) == ["reuters", "directeur general"]


class TestIncisesAndClosingCredits:
    """Incises with a clitic, and credits at a caption's or a dispatch's end. Sentences written for these tests."""

    def test_an_outlet_named_after_a_clitic_incise_is_the_outer_link(self, registry):
        text = "Le ministre Paul Durand est arrivé à Doha.\n« Tout est fait pour les libérer », a-t-il déclaré à la radio Franceinfo.\n"
        assert names(find(run(registry, text), "libérer")) == ["franceinfo", "paul durand"]

    def test_a_bare_medium_after_a_clitic_incise_adds_no_link(self, registry):
        text = "Le ministre Paul Durand est arrivé à Doha.\n« Tout est fait pour les libérer », a-t-il déclaré à la radio.\n"
        assert names(find(run(registry, text), "libérer")) == ["paul durand"]

    @pytest.mark.parametrize(
        "incise",
        [
            pytest.param("a-t-il par ailleurs insisté", id="an_aside_between_the_clitic_and_the_verb"),
            pytest.param("liste-t-il", id="listing"),
            pytest.param("enchaîne-t-il", id="going_on"),
        ],
    )
    def test_clitic_incises(self, registry, incise):
        text = f"Le ministre Paul Durand est arrivé à Doha.\nOn a relancé les petites lignes et les trains de nuit, {incise}.\n"
        assert names(find(run(registry, text), "relancé")) == ["paul durand"]

    def test_put_forward_in_an_incise(self, registry):
        text = "Me Paul Durand est avocat. « Il y a des victimes », a-t-il mis en exergue.\n"
        assert names(find(run(registry, text), "victimes")) == ["paul durand"]

    def test_a_weekday_after_the_verb_is_no_reported_clause(self, registry):
        (result,) = run(registry, "La Chine va augmenter sa production, a déclaré jeudi l'agence de presse officielle Xinhua.\n")
        assert names(result) == ["xinhua"]

    def test_a_credit_after_a_captions_aside(self, registry):
        text = "Khartoum : 40 morts\nUn bombardement près de Khartoum a fait 40 morts. (image d'illustration) Photo: AFP\nLes secours sont sur place.\n"
        caption = find(run(registry, text), "illustration")
        assert names(caption) == ["afp"] and "caption" in caption.flags

    def test_the_wires_reporting_line_closing_the_text_credits_the_dispatch(self, registry):
        text = (
            "La Russie et l'Ukraine ont échangé 146 prisonniers, a fait savoir le ministère russe de la Défense.\n"
            "(Reportage de Reuters Version française Jean Dupont)\n"
        )
        assert names(find(run(registry, text), "prisonniers")) == ["reuters", "ministere russe de la defense"]


class TestWhoIsMeantAgain:
    """A title said again, the same source. Sentences written for these tests."""

    def test_a_title_said_again_is_the_one_named_with_all_its_words(self, registry):
        text = (
            "Les écoles fermeront, a annoncé le Premier ministre Brigi Rafini.\n"
            "Les universités restent ouvertes, a précisé Abdou Asmane, le ministre de l'Enseignement supérieur.\n"
            "La fermeture est une mesure de précaution, a expliqué le Premier ministre.\n"
        )
        assert names(find(run(registry, text), "précaution")) == ["brigi rafini"]

    def test_of_the_same_source_after_a_comma(self, registry):
        text = (
            "L'épidémie a fait 85 morts, selon un bilan du ministère nigérien de la Santé.\n"
            "Quelque 70 % des malades ont moins de 15 ans, de même source.\n"
        )
        assert names(find(run(registry, text), "malades")) == ["ministere nigerien de la sante"]

class TestLayoutsAndBrackets:
    """A pull quote's credit line, credits run into a caption or under a headline, an agency's initials in brackets. Sentences written for these tests."""

    def test_a_pull_quotes_credit_line_names_the_speaker_of_the_quote_before_it(self, registry):
        text = (
            "Un policier a été arrêté à Québec.\n"
            "Le policier a été libéré sur promesse de comparaître. Une citation de :Marie Tremblay, porte-parole de la police\n"
            "Il a été suspendu avec solde.\n"
        )
        result = run(registry, text)
        assert names(find(result, "promesse")) == ["marie tremblay"]
        assert not find(result, "Une citation de").is_claim
        assert find(result, "suspendu").tag == "unsourced"

    def test_a_credit_run_into_its_caption(self, registry):
        text = "Un policier arrêté\nLa centrale de police au centre-ville de Québec Photo : Radio-Canada / Jean Dupont\nLe policier a été libéré.\n"
        caption = find(run(registry, text), "centrale")
        assert names(caption) == ["radio-canada"] and "caption" in caption.flags

    def test_an_agencys_initials_in_brackets_between_the_verb_and_the_speaker(self, registry):
        text = (
            "Les rebelles ont tué 19 personnes, a déclaré à l'Agence France Presse (AFP) le colonel Alain Kiwewa.\n"
            "« Des maisons ont été incendiées », a-t-il ajouté.\n"
        )
        result = run(registry, text)
        assert names(find(result, "rebelles")) == ["afp", "alain kiwewa"]
        assert names(find(result, "incendiées")) == ["afp", "alain kiwewa"]

    def test_according_to_him_inside_the_sentence(self, registry):
        text = (
            "Seize civils ont été tués, a assuré à l'AFP Kambale Maboko, président de la société civile.\n"
            "Les autorités avaient été prévenues selon lui du risque d'attaque.\n"
        )
        assert names(find(run(registry, text), "prévenues")) == ["afp", "kambale maboko"]

    @pytest.mark.parametrize("credit", ["Andrew Harnik/AP", "HANDOUT / AFP"])
    def test_a_pictures_credit_under_the_headline_credits_no_dispatch(self, registry, credit):
        text = f"Biden à Ottawa\n{credit}\nJoe Biden a affirmé vendredi que la Chine n'avait pas livré d'armes.\nLes Occidentaux restent inquiets.\n"
        result = run(registry, text)
        assert names(find(result, "affirmé")) == ["joe biden"] and find(result, "inquiets").tag == "unsourced"

    def test_an_agencys_credit_closing_the_text_still_credits_it(self, registry):
        text = "Un séisme a été ressenti dans l'Ouest.\nLes pompiers ont reçu neuf appels.\nLQ / AFP\n"
        assert names(find(run(registry, text), "séisme")) == ["afp"]

class TestMoreForms:
    """Whose kind a speaking country is, a demonstrative paper. Sentences written for these tests."""

    def test_a_country_speaking_is_an_institution(self, registry):
        (result,) = run(registry, "Israël a appelé ses citoyens à quitter l'Egypte.\n")
        assert result.links[0].source.kind == "institution"

    def test_a_demonstrative_paper_writes(self, registry):
        text = "Le quotidien Al-Jarida a rapporté les propos du porte-parole.\nCe quotidien a également écrit : « Ces déclarations sont fausses ».\n"
        assert names(find(run(registry, text), "fausses")) == ["al jarida"]


class TestNamesRunTogether:
    """A medium credited by "Avec", the prefecture the text names. Sentences written for these tests."""

    def test_a_registry_medium_credited_by_avec_on_the_last_line(self, registry):
        text = "L'Egypte dément avoir envoyé des troupes en Syrie.\nLes combats continuent près de Hama.\nAvec Press TV\n"
        result = run(registry, text)
        assert names(find(result, "combats")) == ["presstv"] and not find(result, "Avec Press TV").is_claim

    def test_avec_and_a_name_no_registry_knows_credits_nothing(self, registry):
        text = "Les combats continuent près de Hama.\nAvec Jean Dupont\n"
        assert find(run(registry, text), "combats").tag == "unsourced"

    def test_the_prefecture_is_the_one_the_text_names_in_full(self, registry):
        text = (
            "Une intoxication alimentaire a touché 60 élèves, selon la préfecture.\n"
            "Un communiqué de la préfecture des Yvelines précise que tous ont mangé à la cantine.\n"
        )
        assert names(find(run(registry, text), "intoxication")) == ["prefecture des yvelines"]

    def test_two_prefectures_named_leave_the_prefecture_as_written(self, registry):
        text = (
            "Les feux progressent, selon la préfecture.\n"
            "La préfecture du Var et la préfecture de Vaucluse ont pris des arrêtés.\n"
        )
        assert names(find(run(registry, text), "feux")) == ["prefecture"]


class TestFinancialDispatches:
    """Forms of agency copy on financial sites: stock codes after a company, picture credits with
    the photographer, sources quantified after the agency told, economists polled by an agency,
    "Puis de poursuivre". Sentences written for these tests."""

    def test_a_stock_code_is_no_part_of_the_company(self, registry):
        (result,) = run(registry, "Renault (RENA.PA) a déclaré que ses ventes avaient baissé en mai.\n")
        assert [link.source.name for link in result.links] == ["Renault"]

    def test_an_acronym_in_brackets_still_is(self, registry):
        (result,) = run(registry, "L'Organisation mondiale de la santé (OMS) a déclaré que l'épidémie reculait.\n")
        assert result.links[0].source.name == "Organisation mondiale de la santé (OMS)"

    @pytest.mark.parametrize(
        "caption",
        [
            "Des vérins de pompe à Midland, au Texas. REUTERS/Nick Oxford",
            "Une raffinerie près de Rouen. /Photo prise le 11 février 2019/REUTERS/Benoit Tessier",
            "© Reuters. Photo d'archives d'une raffinerie près de Rouen.",
        ],
    )
    def test_an_agency_picture_credit_with_its_photographer(self, registry, caption):
        text = f"Le pétrole recule\n{caption}\nLes cours du brut ont reculé mardi à Londres.\n"
        result = find(run(registry, text), caption[:12])
        assert result.tag == "sourced" and names(result) == ["reuters"] and "caption" in result.flags

    def test_two_agencies_in_a_sentence_are_no_credit(self, registry):
        text = "Le pétrole recule\nLe fil AFP/Reuters sur la guerre est repris par tous les sites.\n"
        assert find(run(registry, text), "fil").tag == "unsourced"

    def test_economists_polled_by_an_agency_speak_in_the_relative(self, registry):
        (result,) = run(registry, "La hausse est conforme aux prévisions des économistes interrogés par AWP, qui tablaient sur 0,2%.\n")
        assert "economistes" in names(result)

    def test_puis_de_continues_the_previous_speaker(self, registry):
        text = "« Les prix vont baisser », a ajouté le ministre. Puis de poursuivre : « Nous devons protéger les Français. »\n"
        assert names(find(run(registry, text), "protéger")) == ["ministre"]


class TestBylinesAndStateMedia:
    """An agency's byline with its desk and reporter, "(par AFP)" closing the standfirst, the
    official agency "du pays", an official agency's name after its country's adjective, a plural
    pronoun after a sentence whose verb the tagger misread. Sentences written for these tests."""

    def test_an_agency_desk_and_reporter_byline(self, registry):
        text = "Un mort dans une frappe\nAA / Istanbul / Jean Dupont\nUne personne a été tuée vendredi dans le sud du pays.\n"
        result = find(run(registry, text), "tuée")
        assert names(result) == ["anadolu"] and not find(run(registry, text), "Istanbul").is_claim

    def test_par_afp_closing_the_standfirst_credits_the_body(self, registry):
        text = (
            "Incendie au tribunal : un homme mis en examen\n"
            "Un homme a été mis en examen pour l'incendie du tribunal. Il a été placé en détention. (par AFP)\n"
            "Il s'était présenté de lui-même au commissariat.\n"
            "Les pompiers avaient rapidement maîtrisé le feu.\n"
        )
        result = run(registry, text)
        assert names(find(result, "commissariat")) == ["afp"] and names(find(result, "pompiers")) == ["afp"]
        assert find(result, "placé en détention").tag != "sourced"  # the standfirst above the credit

    def test_par_and_an_unknown_name_is_no_credit(self, registry):
        text = "Un homme a été mis en examen. (par Jean Dupont)\nLes pompiers ont maîtrisé le feu.\n"
        assert find(run(registry, text), "pompiers").tag == "unsourced"

    def test_the_official_agency_of_the_country(self, registry):
        text = (
            "Frappe au Liban : un mort\n"
            "Une personne a été tuée au Liban, a rapporté l'agence de presse officielle du pays.\n"
            "Le Liban a protesté auprès de l'ONU.\n"
        )
        assert names(find(run(registry, text), "tuée")) == ["nna"]

    def test_they_after_a_misread_verb(self, registry):
        text = (
            "Les gendarmes du Finistère tapent du poing sur la table après l'accident qui a fait deux morts.\n"
            "Ils dénoncent le comportement des conducteurs.\n"
        )
        assert names(find(run(registry, text), "dénoncent")) == ["gendarmes du finistere"]

    def test_an_arabic_name_ending_in_apostrophe_i_is_whole(self, registry):
        (result,) = run(registry, "« Deux assaillants ont été abattus », a déclaré le gouverneur de Soueïda, Amer al-Achi'i.\n")
        assert [link.source.name for link in result.links] == ["Amer al-Achi'i"]

    def test_an_elision_before_a_vowel_still_splits(self, registry):
        (result,) = run(registry, "Le ministre a dit qu'il l'avait vu à l'hôpital.\n")
        assert result.tag == "sourced" and names(result) == ["ministre"]

    def test_an_international_body_by_its_acronym_is_named_in_full(self, registry):
        (result,) = run(registry, "Le choléra progresse dans le pays, a indiqué l'OMS.\n")
        assert [link.source.name for link in result.links] == ["Organisation mondiale de la santé (OMS)"]

    def test_the_text_spelling_out_an_acronym_comes_first(self, registry):
        text = "Le Parti des masses unies (PMU) a été fondé en mai.\nLa réforme est rejetée, a indiqué le PMU.\n"
        assert [link.source.name for link in find(run(registry, text), "réforme").links] == ["Parti des masses unies (PMU)"]

    def test_an_entourage_elides_before_a_vowel(self, registry):
        text = "Emmanuel Macron a quitté Paris jeudi.\nSon entourage l'a confirmé dimanche.\n"
        assert [link.source.name for link in find(run(registry, text), "entourage").links] == ["entourage d'Emmanuel Macron"]

    def test_a_name_goes_on_after_et_de_up_to_its_short_form(self, registry):
        text = "L'Afrique a enregistré plus de cas, a indiqué le Centre africain de contrôle et de prévention des maladies (CDC Afrique).\n"
        (result,) = run(registry, text)
        assert names(result) == ["centre africain de controle et de prevention des maladies"]

    def test_asking_bodies_at_large_names_no_medium(self, registry):
        text = "Le président a demandé aux agences compétentes de travailler ensemble, a indiqué la présidence.\n"
        (result,) = run(registry, text)
        assert "agences competentes" not in names(result)

    def test_an_agency_after_the_last_paragraphs_full_stop_credits_the_text(self, registry):
        text = (
            "Dix corps de migrants découverts\n"
            "Dix corps ont été retrouvés sur une plage près de Sfax.\n"
            "Les victimes peuvent être parties d'un autre endroit.\n"
            "Depuis janvier, 901 corps ont été repêchés. Les autres migrants ont été secourus. APS\n"
        )
        assert names(find(run(registry, text), "plage")) == ["aps"]

    def test_a_caption_closing_the_text_credits_only_itself(self, registry):
        text = "Titre\nLes combats continuent.\nLes raids ont été repoussés.\nLe président à Paris. AFP\n"
        assert find(run(registry, text), "combats").tag == "unsourced"

    def test_source_avec_a_medium_closing_the_text(self, registry):
        text = "Raids repoussés\nLes raids ont été repoussés à la frontière.\nLes combats continuent.\nSource: Avec PressTV\n"
        assert names(find(run(registry, text), "frontière")) == ["presstv"]

    def test_a_participle_after_selon_adds_no_source(self, registry):
        text = "Quarante cas ont été enregistrés à Alger, les premiers depuis 1996, selon le ministère algérien de la Santé, assurant que ces cas sont isolés.\n"
        (result,) = run(registry, text)
        assert names(result) == ["ministere algerien de la sante"]

    def test_a_name_with_a_preposition_its_initials_spell(self, registry):
        text = "Selon la Délégation générale à l'administration pénitentiaire et à la réinsertion (DGAPR), 122 cas ont été recensés.\n"
        (result,) = run(registry, text)
        assert result.links[0].mention.text == "la Délégation générale à l'administration pénitentiaire et à la réinsertion (DGAPR)"

    def test_selon_lui_after_a_person_named_but_no_source(self, registry):
        text = "Ces chiffres ont été donnés jeudi par le docteur Mohammed Youbi, directeur de l'épidémiologie.\nSelon lui, toutes les tranches d'âge sont concernées.\n"
        assert names(find(run(registry, text), "tranches")) == ["mohammed youbi"]

    def test_a_cell_speaks_by_its_name_without_whose_it_is(self, registry):
        (result,) = run(registry, "La cellule d'information de la sécurité affiliée au ministère a déclaré que vingt roquettes ont visé la base.\n")
        assert [link.source.name for link in result.links] == ["Cellule d'information de la sécurité"]

    def test_one_of_them_named_in_apposition_is_the_one_named(self, registry):
        text = "Plusieurs groupes sont présents dans la région.\nL'un d'eux, le Front al-Nosra, a revendiqué l'attaque.\n"
        assert [link.source.name for link in find(run(registry, text), "revendiqué").links] == ["Front al-Nosra"]

    def test_a_medium_named_after_its_countrys_adjective(self, registry):
        (result,) = run(registry, "La chaîne de télévision japonaise Asahi TV a rapporté mardi que deux cents personnes avaient été tuées.\n")
        assert [link.source.name for link in result.links] == ["Asahi TV"]


class TestEmbeddedPosts:
    """A post on X embedded in a page keeps its signature in the page's text: "— Name (@handle)
    date" closes it, and its sentences are its author's."""

    def test_the_signature_closing_the_posts_line_sources_the_post(self, registry):
        text = (
            "Deux pompiers sont morts dans un accident de la route samedi.\n"
            "Le ministre a réagi sur Twitter.\n"
            "J'apprends avec tristesse le décès de deux de nos pompiers. Mes pensées vont à leurs familles. — Paul Durand (@pauldurand) 10 juin 2018\n"
            "Une enquête a été ouverte.\n"
        )
        result = run(registry, text)
        assert names(find(result, "J'apprends")) == ["paul durand"]
        assert names(find(result, "Mes pensées")) == ["paul durand"]
        assert not find(result, "— Paul Durand").is_claim
        assert find(result, "Une enquête").tag == "unsourced"

    def test_the_post_goes_back_over_its_own_lines_only_as_far_as_a_post_is_long(self, registry):
        text = (
            "Un incendie a ravagé un entrepôt de la zone industrielle dans la nuit de vendredi à samedi, sans faire de victime parmi les salariés ni parmi les pompiers venus de toute la région pour le combattre pendant des heures.\n"
            "Les flammes étaient visibles à plusieurs kilomètres à la ronde et les habitants des communes voisines ont été invités à fermer leurs fenêtres et à ne pas sortir de chez eux avant la fin de la matinée, le temps que la fumée se dissipe au-dessus de la zone industrielle et des routes.\n"
            "Merci aux pompiers mobilisés toute la nuit.\n"
            "Le site est sécurisé. — Préfecture du Nord (@prefet59) 12 mars 2023\n"
        )
        result = run(registry, text)
        assert names(find(result, "Merci aux pompiers")) == ["prefecture du nord"]
        assert names(find(result, "Le site est sécurisé")) == ["prefecture du nord"]
        assert find(result, "Les flammes").tag == "unsourced"
        assert find(result, "Un incendie").tag == "unsourced"

    def test_a_signature_without_a_sentence_break_signs_its_segment(self, registry):
        text = (
            "L'Agence nationale de sécurité du médicament et des produits de santé (ANSM) annonce le rappel de quatre lots.\n"
            "Rappel de quatre lots d'amoxicilline https://t.co/abc — ANSM (@ansm) August 20, 2024\n"
        )
        result = run(registry, text)
        assert names(find(result, "Rappel de quatre lots")) == ["agence nationale de securite du medicament et des produits de sante"]

    def test_a_signature_on_a_line_of_its_own_signs_the_line_above(self, registry):
        text = (
            "Le Premier ministre a réagi sur son compte Twitter.\n"
            "La France est solidaire de l'Italie. I nostri pensieri vanno a tutte le vittime. MV\n"
            "— Paul Durand (@pauldurand) 24 août 2016\n"
            "#Terremoto, vi invitiamo a togliere la password pic.twitter.com/U9baz8F7WG\n"
            "— Croce Rossa Italiana (@crocerossa) 24 août 2016\n"
        )
        result = run(registry, text)
        assert names(find(result, "La France est solidaire")) == ["paul durand"]
        assert names(find(result, "I nostri pensieri")) == ["paul durand"]
        assert names(find(result, "#Terremoto")) == ["croce rossa italiana"]
        assert not any(link.rule == "post.signature" for link in find(result, "a réagi sur son compte").links)

    def test_a_sentence_with_a_source_of_its_own_stops_the_post(self, registry):
        text = (
            "Selon la police, la route est coupée.\n"
            "Prudence sur les routes ce soir. — Paul Durand (@pauldurand) 10 juin 2018\n"
        )
        result = run(registry, text)
        assert names(find(result, "la route est coupée")) == ["police"]
        assert names(find(result, "Prudence")) == ["paul durand"]


class TestCreditsWithoutTheirUsualMarks:
    def test_a_dateline_in_capitals_without_a_dash(self, registry):
        text = "La Bourse au plus haut\nPARIS (AFP) La Bourse de Paris a atteint lundi un nouveau sommet.\nL'indice a pris 72 points.\n"
        result = run(registry, text)
        assert names(find(result, "nouveau sommet")) == ["afp"]
        assert names(find(result, "72 points")) == ["afp"]

    def test_a_dateline_after_a_time_stamp(self, registry):
        text = "La Bourse au plus haut\n[16/04/2007 16:24:01] PARIS (AFP) La Bourse de Paris a atteint lundi un nouveau sommet.\n"
        assert names(find(run(registry, text), "nouveau sommet")) == ["afp"]

    def test_a_name_in_brackets_opening_a_sentence_is_no_dateline(self, registry):
        text = "La réunion de Bruxelles\nLE CONSEIL (réuni lundi) Les ministres ont adopté le texte.\n"
        assert find(run(registry, text), "Les ministres").tag == "unsourced"

    def test_the_agency_then_the_pictures_credit_closing_the_text(self, registry):
        text = (
            "Le gouverneur a été prié de rester à son poste.\n"
            "La décision est provisoire.\n"
            "Belga – Photo : Belga\n"
        )
        result = run(registry, text)
        assert names(find(result, "rester à son poste")) == ["belga"]
        assert not find(result, "Photo : Belga").is_claim

    def test_the_agency_in_lower_case_brackets_closing_the_text(self, registry):
        text = (
            "Les glaciers ont moins fondu\n"
            "Les glaciers ont moins reculé cette année.\n"
            "Les pertes restent considérables, avertit l'Académie des sciences. (ats)\n"
        )
        assert names(find(run(registry, text), "moins reculé")) == ["keystone-ats"]

    def test_the_swiss_agency_under_its_german_and_french_initials(self, registry):
        text = (
            "(sda-ats)\n"
            "La société Aurelius vend la régie Publicitas. Les repreneurs sont la direction actuelle.\n"
            "sda-ats\n"
        )
        assert names(find(run(registry, text), "Les repreneurs")) == ["keystone-ats"]

    def test_an_agency_and_its_photographer_on_the_line_under_a_caption(self, registry):
        text = (
            "Publicitas va mettre sa priorité sur les activités numériques (archives).\n"
            "KEYSTONE/LAURENT GILLIERON\n"
            "La société Aurelius vend la régie Publicitas.\n"
        )
        result = run(registry, text)
        caption = find(result, "activités numériques")
        assert caption.flags == ("caption",)
        assert caption.links[0].mention.text == "KEYSTONE"


class TestTheSpokespersonAgain:
    def test_the_spokesperson_said_again_is_the_body_they_spoke_for(self, registry):
        text = (
            "La Banque nationale de Belgique étudie des options, a déclaré un porte-parole de la banque centrale.\n"
            "Pierre Wunsch est une voix influente.\n"
            "Le conseil se réunit ce mardi, a déclaré le porte-parole.\n"
        )
        assert names(find(run(registry, text), "ce mardi")) == ["banque nationale de belgique"]

    def test_a_named_spokesperson_said_again_stays_the_person(self, registry):
        text = (
            "Le porte-parole du ministère, Paul Durand, a confirmé l'attaque.\n"
            "Le bilan est provisoire, a ajouté le porte-parole.\n"
        )
        assert names(find(run(registry, text), "provisoire")) == ["paul durand"]

    def test_the_head_of_diplomacy_is_the_foreign_minister_named_before(self, registry):
        text = (
            "Le ministre des Affaires étrangères hongrois Peter Szijjarto s'est rendu vendredi en Russie.\n"
            "Une visite susceptible d'accentuer les tensions avec Bruxelles.\n"
            "« Sans le gaz russe, notre sécurité ne peut être garantie », a déclaré le chef de la diplomatie.\n"
        )
        assert names(find(run(registry, text), "Sans le gaz")) == ["peter szijjarto"]


class TestQuotesAfterAColon:
    def test_a_spaced_quote_after_a_colon_opens_and_a_lone_closing_mark_ends_it(self, registry):
        text = (
            "Jointe en fin de matinée par Le Parisien.fr, la ministre s'explique : \" Je n'ai rien contre elle. Je n'ai pas attaqué sa personne. C'est tout ce que j'ai dit. \"…\n"
            "Le débat continue au Parlement.\n"
        )
        result = run(registry, text)
        assert names(find(result, "Jointe en fin")) == ["le-parisien", "ministre"]
        assert names(find(result, "pas attaqué")) == ["le-parisien", "ministre"]
        assert names(find(result, "tout ce que j'ai dit")) == ["le-parisien", "ministre"]
        assert find(result, "Le débat continue").tag == "unsourced"


class TestOnAirAndTitlesAgain:
    def test_on_air_at_a_broadcaster_what_the_subject_does_is_theirs(self, registry):
        text = "Au micro d'Europe 1, Julien Denormandie, le ministre de la Ville, n'a pas été tendre avec l'opposition.\n"
        assert names(find(run(registry, text), "pas été tendre")) == ["europe-1", "julien denormandie"]

    def test_a_whole_title_said_again_is_the_one_named_with_it_not_the_next_name(self, registry):
        text = (
            "Au micro d'Europe 1, Julien Denormandie, le ministre de la Ville et du Logement, n'a pas été tendre.\n"
            "Il a parlé d'un comportement inacceptable.\n"
            "Le ministre de la Ville et du Logement a dénoncé les réactions du leader de l'opposition.\n"
            "Selon J. Denormandie, Jean-Luc Mélenchon a perdu sa boussole.\n"
        )
        assert names(find(run(registry, text), "a dénoncé les réactions")) == ["julien denormandie"]

    def test_a_guest_of_a_programme_on_a_named_channel(self, registry):
        text = "Invité des « Quatre vérités », le 22 août sur France 2, Jean-Luc Mélenchon a répondu au ministre du Travail.\n"
        assert names(find(run(registry, text), "Quatre vérités")) == ["france-2", "jean luc melenchon"]

    def test_an_interview_given_by_someone_else_names_no_medium_for_the_subject(self, registry):
        text = "Jean-Luc Mélenchon a dénoncé l'entretien accordé par Michel Sapin au Figaro.\n"
        assert "le-figaro" not in names(find(run(registry, text), "dénoncé"))

    def test_the_head_of_government_is_the_prime_minister_named_paragraphs_before(self, registry):
        text = (
            "« Un peu pathétique », a jugé le Premier ministre Jean-Marc Ayrault sur France Inter.\n"
            "Jérôme Cahuzac a avoué. Il a menti. La classe politique est choquée. L'opposition demande des comptes.\n"
            "« Le président n'avait pas d'information », a martelé le chef du gouvernement.\n"
        )
        assert names(find(run(registry, text), "pas d'information")) == ["jean marc ayrault"]

    def test_fronted_cited_by_an_agency_then_the_source(self, registry):
        text = "Citée par l'AFP, une source sécuritaire confie que l'attaque est une représaille.\n"
        assert names(find(run(registry, text), "représaille")) == ["afp", "source securitaire"]


class TestCitingTheSameSourceAndDocuments:
    def test_a_medium_that_adds_citing_the_same_source_keeps_its_cited_source(self, registry):
        text = (
            "Selon le site Baghdad Today, citant des sources sécuritaires, l'attaque a fait douze morts.\n"
            "Le site a ajouté, citant la même source, que l'attaque avait tué un officier.\n"
        )
        result = run(registry, text)
        first = names(find(result, "douze morts"))
        assert len(first) == 2 and first[0] == "baghdad-today"
        assert names(find(result, "un officier")) == first

    def test_the_same_source_said_by_the_subject_itself_adds_no_one(self, registry):
        text = (
            "« Nous démentons », a déclaré à l'APS le porte-parole du ministère, Amar Belani.\n"
            "« C'est faux », a ajouté le porte-parole.\n"
            "Par ailleurs, M. Belani a indiqué que le personnel est resté en place, a ajouté la même source.\n"
        )
        assert names(find(run(registry, text), "resté en place"))[-1] == "amar belani"

    def test_a_medium_citing_a_communique_with_no_author_cites_a_document(self, registry):
        text = "Selon l'agence Fars, qui cite un communiqué, l'explosion a fait au moins 27 morts.\n"
        chain = find(run(registry, text), "27 morts").links
        assert [link.source.kind for link in chain] == ["news_outlet", "document"]

    def test_a_subject_with_a_citing_relative_clause_cites_its_object(self, registry):
        text = "L'agence de presse officielle Sana, qui cite une source militaire, a fait état d'un soldat tué.\n"
        chain = find(run(registry, text), "soldat tué").links
        assert chain[0].mention.text == "L'agence de presse officielle Sana"  # not "d'un soldat tué", as an incise
        assert len(chain) == 2 and chain[1].mention.text == "une source militaire"


class TestLocalSources:
    @pytest.mark.parametrize("said", ["plusieurs sources locales", "d'autres sources locales"])
    def test_a_quantified_local_source_is_a_role_named_by_its_words(self, registry, said):
        text = f"Des soldats ont été tués mercredi, selon {said}.\n"
        assert names(find(run(registry, text), "soldats")) == ["sources locales"]

    @pytest.mark.parametrize("said", ["des sources locales", "plusieurs sources", "de multiples sources concordantes"])
    def test_the_registry_alias_or_a_bare_source_stays_the_unnamed_source(self, registry, said):
        text = f"Des soldats ont été tués mercredi, selon {said}.\n"
        assert names(find(run(registry, text), "soldats")) == ["unnamed-source"]


class TestBodiesAndDenials:
    def test_a_denial_of_a_noun_phrase_is_the_denier_s_claim(self, registry):
        text = "Alireza Marhemati, un haut responsable de la sécurité, a nié l'implication de kamikazes.\n"
        assert names(find(run(registry, text), "kamikazes")) == ["alireza marhemati"]

    def test_an_organisation_before_its_description_is_who_speaks(self, registry):
        text = "Les Gardiens de la Révolution, l'armée idéologique de la République islamique, ont annoncé l'arrestation de douze personnes.\n"
        assert names(find(run(registry, text), "douze personnes")) == ["irgc"]

    def test_where_and_when_before_the_comma_are_not_the_speaker(self, registry):
        text = "Ce mercredi matin sur France Inter, la Première ministre a assuré que la réforme passerait.\n"
        assert "france-inter" in names(find(run(registry, text), "réforme"))
        assert find(run(registry, text), "réforme").links[-1].mention.text == "la Première ministre"

    def test_a_second_security_source_is_the_same_kind_of_source(self, registry):
        text = (
            "Une attaque a visé une voiture à Bagdad, ont indiqué deux sources de sécurité irakiennes.\n"
            "Une deuxième source sécuritaire a assuré que le véhicule transportait un dirigeant.\n"
        )
        result = run(registry, text)
        assert names(find(result, "un dirigeant")) == names(find(result, "une voiture"))

    def test_the_observatory_said_again_is_the_registry_body_named_in_french_first(self, registry):
        text = (
            "Deux personnes ont été tuées à Damas, a indiqué l'Observatoire syrien des droits de l'homme (OSDH).\n"
            "Un camion a été visé près de Qousseir, selon l'Observatoire.\n"
        )
        assert names(find(run(registry, text), "Qousseir")) == ["sohr"]


class TestInsideQuotes:
    def test_a_participle_said_of_a_noun_in_a_quote_is_no_speaker(self, registry):
        text = "« Il n'y a aucune victime ni dégâts signalés pour le moment », a précisé le responsable de la coalition.\n"
        assert names(find(run(registry, text), "aucune victime")) == ["responsable de la coalition"]

    def test_a_quote_opening_on_a_report_is_the_closing_speaker_s(self, registry):
        text = (
            "\"Les rapports initiaux indiquent que cinq roquettes ont touché la base.\n"
            "Les forces de sécurité ont répliqué\", a ensuite indiqué à l'AFP un responsable de la coalition.\n"
        )
        result = run(registry, text)
        assert names(find(result, "rapports initiaux")) == names(find(result, "ont répliqué")) == ["afp", "responsable de la coalition"]


class TestRoleThenNameInAnIncise:
    def test_an_unnamed_role_named_after_its_comma_is_the_person(self, registry):
        text = "« Quatre membres ont été tués », a déclaré un haut responsable de la sécurité de la province, Shahryar Heydari.\n"
        assert names(find(run(registry, text), "Quatre membres")) == ["shahryar heydari"]

    def test_past_where_the_role_was_the_name_after_it(self, registry):
        text = "Six personnes ont été tuées, a indiqué à l'AFP un policier présent sur place, Mohamed Abdulahi.\n"
        assert names(find(run(registry, text), "Six personnes")) == ["afp", "mohamed abdulahi"]

    def test_a_medium_after_the_role_is_no_name(self, registry):
        text = "Six personnes ont été tuées, a indiqué un policier, selon Reuters.\n"
        assert names(find(run(registry, text), "Six personnes")) == ["reuters", "policier"]


class TestDenialsAndAcronymsOfOtherLanguages:
    def test_a_denial_the_tagger_reads_as_an_article_is_still_said(self, registry):
        text = "Jeudi matin, l'OLA a nié toute responsabilité dans les récentes attaques.\n"
        assert find(run(registry, text), "toute responsabilité").tag == "sourced"

    def test_an_acronym_of_an_english_name_is_the_french_name_before_its_bracket(self, registry):
        text = (
            "Les hommes armés sont affiliés à l'Armée de libération oromo (OLA), selon les autorités.\n"
            "Jeudi, l'OLA a nié toute responsabilité.\n"
        )
        assert names(find(run(registry, text), "Jeudi")) == ["armee de liberation oromo"]

    def test_a_dateline_s_bracket_names_no_body(self, registry):
        text = "Dakar, 28 jan (APS) – Le ministre a annoncé que les élections auront lieu.\nSelon l'APS, le vote sera libre.\n"
        assert "dakar" not in " ".join(names(find(run(registry, text), "le vote")))


class TestIncisePastTimesAndAppositions:
    def test_the_week_before_between_verb_and_speaker(self, registry):
        text = "Plus de 300 personnes ont été tuées, a déclaré la semaine dernière un général des Gardiens de la Révolution.\n"
        assert find(run(registry, text), "300 personnes").links[-1].mention.text == "un général des Gardiens de la Révolution"

    def test_a_place_also_called_by_a_name_is_no_speaker(self, registry):
        text = (
            "Le gouverneur régional de Kharkiv, Oleh Syniehubov, a rapporté que des immeubles de la capitale régionale, "
            "également appelée Kharkiv, avaient été endommagés.\n"
        )
        assert names(find(run(registry, text), "immeubles")) == ["oleh syniehubov"]

    def test_an_apposition_before_the_verb_does_not_hide_the_speaker_after_it(self, registry):
        text = (
            "Les autorités iraniennes ont exécuté un homme condamné en tant qu'agent du Mossad, le service de "
            "renseignement extérieur israélien, a annoncé le pouvoir judiciaire, au dixième jour de la guerre.\n"
        )
        chain = names(find(run(registry, text), "exécuté"))
        assert len(chain) == 1 and chain[0].startswith("pouvoir judiciaire")

    @pytest.mark.parametrize("said", ["Des sources médiatiques", "Des sources d'information irakiennes"])
    def test_media_sources_are_the_media_at_large(self, registry, said):
        text = f"{said} ont déclaré que deux membres des Hachd ont été tués.\n"
        assert names(find(run(registry, text), "deux membres")) == ["unnamed-media"]


class TestMediaDescribed:
    def test_a_medium_s_own_adjective_before_its_name(self, registry):
        text = "Une source militaire citée par le site indépendant Al-Masdar affirme que plusieurs missiles ont été tirés.\n"
        assert names(find(run(registry, text), "missiles"))[0] == "al masdar"

    def test_a_country_s_state_medium_is_its_one_official_medium(self, registry):
        text = "Une attaque a tué quatre soldats, a rapporté un média d'État syrien, citant une source militaire.\n"
        assert names(find(run(registry, text), "quatre soldats"))[0] == "sana"

    def test_a_state_medium_of_no_country_said_is_left_as_written(self, registry):
        text = "Des drones ont visé un port à Oman, en Irak et en Syrie, a rapporté un média d'État.\n"
        assert names(find(run(registry, text), "drones")) == ["media d'etat"]

    def test_what_a_speaker_calls_something_is_no_claim(self, registry):
        text = "Israël mène des attaques en Syrie contre ce qu'il dénonce comme des cibles liées à l'Iran.\n"
        assert find(run(registry, text), "Israël mène").tag == "unsourced"

    def test_an_agency_of_the_un_is_not_the_un(self, registry):
        text = (
            "L'épidémie a continué de se répandre, a alerté vendredi l’agence sanitaire mondiale de l’ONU.\n"
            "L’agence onusienne s’est notamment alarmée de la situation au Soudan.\n"
        )
        result = run(registry, text)
        assert names(find(result, "répandre")) == names(find(result, "alarmée")) == ["agence sanitaire mondiale de l'onu"]


class TestAgencyCarry:
    def test_a_new_indefinite_source_is_not_what_was_told_to_the_agency_before(self, registry):
        text = (
            "Une attaque de drone en Irak a visé un véhicule à Bagdad, ont indiqué à l'AFP deux sources de sécurité.\n"
            "Un drone a tiré trois roquettes, a précisé une source de sécurité s'exprimant sous couvert d'anonymat.\n"
        )
        assert names(find(run(registry, text), "trois roquettes")) == ["iraqi-security-source"]

    def test_the_same_source_said_again_keeps_the_agency(self, registry):
        text = (
            "Une attaque de drone a visé un véhicule à Bagdad, a déclaré à l'AFP un officier de police.\n"
            "Trois personnes ont été tuées, a ajouté la même source.\n"
        )
        assert names(find(run(registry, text), "Trois personnes"))[0] == "afp"

    def test_a_toll_reported_by_an_agency_is_the_agency_s_first(self, registry):
        text = "Selon le bilan révisé, au moins 27 personnes ont été tuées dans l'attentat, a indiqué l'agence Fars.\n"
        assert names(find(run(registry, text), "27 personnes")) == ["fars", "unnamed-document"]

    @pytest.mark.parametrize("joined", ["jointes", "contactées"])
    def test_sources_reached_by_an_agency_go_through_it(self, registry, joined):
        text = f"L'incursion a été confirmée par des sources sécuritaires {joined} par Xinhua.\n"
        assert names(find(run(registry, text), "incursion")) == ["xinhua", "sources securitaires"]

    @pytest.mark.parametrize("account", ["la chaîne Telegram de la télévision d'État iranienne", "le compte X de la télévision d'État iranienne"])
    def test_an_account_on_a_platform_is_its_owner(self, registry, account):
        text = f"Selon {account}, la réunion a été annulée.\n"
        assert names(find(run(registry, text), "réunion")) == ["irib"]
