"""Rule families of the attribution suggestions, one class each, on sentences written for these
tests (not taken from the development pages): captions with credits, datelines and wire
credits, citing clauses before the subject, a named source inside a group or a document, roles
without names, anaphora and ellipsis, vague forms, a cut last line."""

from __future__ import annotations

import pytest

from claims.text.credits import caption_credit, credit_only, dispatch_credit
from claims.text.registry import source_key
from tests.text.reading import find, names, run


class TestCaptions:
    def test_a_caption_of_two_sentences_over_its_credit(self, registry):
        text = (
            "Le séisme s'est produit peu après une première secousse. Sur notre photo, un homme inspecte une maison effondrée.\n"
            "PHOTO JEAN DUPONT, ASSOCIATED PRESS\n"
            "Un séisme fait sept morts\n"
            "Au moins sept personnes sont mortes vendredi.\n"
        )
        result = run(registry, text)
        for part in ("première secousse", "Sur notre photo"):
            sentence = find(result, part)
            assert names(sentence) == ["ap"] and "caption" in sentence.flags

    def test_a_quoted_paragraph_over_a_credit_is_no_caption(self, registry):
        text = (
            "La tempête a fait deux morts.\n"
            "Le temps reste venté. « Les vents mollissent », indique Météo-France.\n"
            "© AFP JEAN DUPONT\n"
        )
        assert "caption" not in find(run(registry, text), "venté").flags

    def test_a_photo_credit_after_the_captions_full_stop(self, registry):
        text = "Manifestation à Bagdad\nDes manifestants brûlent des pneus à Nasiriya. Crédit photo : Reuters\nLa foule a grossi.\n"
        sentence = find(run(registry, text), "pneus")
        assert names(sentence) == ["reuters"] and "caption" in sentence.flags

    def test_a_credit_after_the_captions_full_stop(self, registry):
        text = "Procès à Yverdon\nLes accusés attendent le verdict dans la salle d'audience. Getty Images\nLe procès s'est ouvert lundi.\n"
        sentence = find(run(registry, text), "accusés")
        assert names(sentence) == [source_key("Getty Images")] and "caption" in sentence.flags

    @pytest.mark.parametrize(
        ("line", "credit"),
        [
            ("Des sauveteurs fouillent les décombres à Marioupol, le 4 avril. ©AFP", "AFP"),
            ("Le port de Tartous vu depuis la mer (AFP photo)", "AFP"),
            ("Une manifestante à Lyon, samedi. ( AFP / JEAN DUPONT )", "AFP"),
            ("Le ministre arrive au Conseil. (MARIE DURAND / REUTERS)", "REUTERS"),
            ("Un convoi humanitaire près de Rafah - PAUL MARTIN / AFP", "AFP"),
            ("La sénatrice lors d'un débat - Photo Getty Images", "Getty Images"),
            ("Vue aérienne du barrage ©monsite.net", "monsite.net"),
            ("PHOTO JEAN MARTIN, ASSOCIATED PRESS", "ASSOCIATED PRESS"),
            ("Un convoi roule près de Rafah, en mai 2012 [ / AFP/Archives]", "AFP"),
            ("Des policiers - Sputnik Afrique", "Sputnik"),
            ("Un policier monte la garde à Kerbala. © AFP 2019 / Ahmad al-Rubaye", "AFP"),
        ],
    )
    def test_the_credit_is_found(self, line, credit):
        found = caption_credit(line)
        assert found is not None and found.name == credit and line[found.start : found.end] == credit

    def test_a_caption_is_sourced_to_its_agency_with_the_flag(self, registry):
        text = (
            "Le parlement adopte la réforme\n"
            "Des députés quittent l'hémicycle, mardi à Rome. ©Reuters\n"
            "Le texte a été voté par 210 voix contre 150.\n"
        )
        caption = find(run(registry, text), "hémicycle")
        assert caption.is_claim and caption.tag == "sourced" and caption.flags == ("caption",)
        assert names(caption) == ["reuters"]
        assert caption.links[0].mention.text == "Reuters"

    @pytest.mark.parametrize(
        ("caption", "agency"),
        [
            ("Un convoi roule près de Rafah, en mai 2012 [ / AFP/Archives]", "afp"),
            ("Des policiers - Sputnik Afrique", "sputnik"),
        ],
    )
    def test_a_caption_with_its_credit_in_square_brackets_or_after_a_dash(self, registry, caption, agency):
        text = f"Un suspect se livre à la police\n{caption}\nLe suspect s'est rendu lundi soir au commissariat.\n"
        sentence = find(run(registry, text), caption[:12])
        assert names(sentence) == [agency] and "caption" in sentence.flags

    def test_a_body_paragraph_ending_with_an_agency_is_no_caption(self, registry):
        text = "Le suspect s'est rendu lundi soir au commissariat de la ville, après deux jours de fuite dans la région - AFP\n"
        assert "caption" not in find(run(registry, text), "suspect").flags

    def test_a_credit_alone_is_no_claim_but_credits_the_line_before(self, registry):
        text = (
            "Des pompiers devant l'usine en feu, jeudi soir.\n"
            "Photo : CBC / Jeanne Roy\n"
            "L'incendie a été maîtrisé dans la nuit.\n"
        )
        assert credit_only("Photo : CBC / Jeanne Roy") and credit_only("HANDOUT / AFP")
        result = run(registry, text)
        credit = find(result, "Jeanne Roy")
        assert not credit.is_claim
        caption = find(result, "pompiers")
        assert caption.flags == ("caption",) and names(caption) == [source_key("CBC")]
        assert find(result, "incendie").flags == ()

    def test_a_sentence_ending_in_brackets_is_not_a_caption(self):
        assert caption_credit("Le ministre a parlé à la presse (lundi).") is None


    def test_a_credit_closing_the_caption_line(self, registry):
        text = (
            "Incendie dans un entrepôt de Genève\n"
            "Les pompiers ont maîtrisé le feu vers minuit après quatre heures d'efforts, sans faire de "
            "blessés (archives). KEYSTONE/ANNE MARTIN sda-ats\n"
            "Le bâtiment était vide au moment des faits.\n"
        )
        result = run(registry, text)
        caption = find(result, "pompiers")
        # (Keystone, the photo service, is the registry's Keystone-ATS)
        assert caption.tag == "sourced" and caption.flags == ("caption",) and names(caption) == ["keystone-ats"]
        assert all(s.tag is None for s in result if "ANNE MARTIN" in s.text and s is not caption)

    def test_a_credit_under_a_short_line_taken_for_a_heading(self, registry):
        text = (
            "Sommet de l'Otan à Vilnius\n"
            "Le port de Klaipeda\n"
            "© Reuters . Pierre Leblanc\n"
            "Les dirigeants se retrouvent mardi pour deux jours de discussions.\n"
        )
        caption = find(run(registry, text), "Klaipeda")
        assert caption.tag == "sourced" and caption.flags == ("caption",) and names(caption) == ["reuters"]


    def test_a_credit_run_into_its_caption(self, registry):
        text = (
            "Le budget sera présenté mardi\n"
            "JEAN DURAND / AFP La ministre des Comptes publics a dit attendre un déficit de 5 %.\n"
            "Le texte arrive au Parlement le 1er octobre.\n"
        )
        caption = find(run(registry, text), "déficit")
        assert caption.flags == ("caption",) and names(caption)[0] == "afp"


class TestDispatches:
    def test_a_dateline_makes_the_agency_the_outermost_link(self, registry):
        text = (
            "LIMA, 12 juin (Reuters) - Le gouvernement péruvien a annoncé mardi un plan de relance, "
            "a déclaré le ministre de l'Economie Luis Arce.\n"
            "Le plan prévoit 3 milliards de soles d'investissements publics.\n"
        )
        result = run(registry, text)
        first = find(result, "plan de relance")
        # The final incise governs the earlier verb: Reuters -> the minister -> the government.
        assert names(first) == ["reuters", source_key("Luis Arce"), source_key("gouvernement péruvien")]
        body = find(result, "milliards")
        assert body.tag == "sourced" and names(body) == ["reuters"]

    @pytest.mark.parametrize(
        "line",
        ["avec AFP", "(Belga)", "AFP", "Auteur : AFP", "Par Marc Leroy (avec AFP)", "information fournie par AFP 02/05/2025"],
    )
    def test_wire_credit_lines(self, line):
        text = "Le port a rouvert lundi.\n" + line + "\n"
        starts = [0, text.index(line)]
        lines = [(a, a + len(t)) for a, t in zip(starts, ["Le port a rouvert lundi.", line])]
        credit = dispatch_credit(text, lines)
        assert credit is not None and credit.name in {"AFP", "Belga"}

    def test_a_lead_opening_with_the_place_above_the_credit_line_is_the_agency_s(self, registry):
        text = (
            "Un séisme fait sept morts\n"
            "(Lima) Au moins sept personnes sont mortes vendredi dans un séisme, ont annoncé les autorités.\n"
            "Agence France-Presse\n"
            "Les secours fouillent les décombres.\n"
        )
        result = run(registry, text)
        assert names(find(result, "sept personnes"))[0] == "afp"
        assert names(find(result, "secours")) == ["afp"]

    def test_an_editor_s_initials_with_the_agency_in_lower_case(self, registry):
        text = "Un agent a tiré dans les pneus de la voiture.\nLes voleurs sont en fuite.\n(abc avec ats)\n"
        result = run(registry, text)
        assert names(find(result, "voleurs")) == ["keystone-ats"]
        assert not [s for s in result if "avec ats" in s.text and s.is_claim]

    @pytest.mark.parametrize(
        ("opening", "agency"),
        [
            ("BAUCHI/KADUNA, 18 juin (Reuters) - ", "reuters"),
            ("(Corrige coquille dans le titre) JENINE, Cisjordanie (Reuters) - ", "reuters"),
            ("PORT SAID (Egypte), 3 mars (Xinhua) -- ", "xinhua"),
        ],
    )
    def test_datelines_with_two_places_or_a_wire_note_first(self, registry, opening, agency):
        text = f"{opening}Des hommes armés ont attaqué une école jeudi.\nLes élèves ont été enlevés.\n"
        assert names(find(run(registry, text), "élèves")) == [agency]

    def test_a_source_line_with_the_agency_in_brackets(self, registry):
        text = "Un attentat a fait six morts à Kaboul.\nLes talibans ont bouclé le quartier.\nSource: (EUROPA PRESS)\n"
        assert names(find(run(registry, text), "talibans")) == ["europa-press"]

    def test_the_credit_line_itself_is_no_claim(self, registry):
        text = "La bourse de Tokyo a fini en hausse de 2 %.\nAvec AFP\n"
        result = run(registry, text)
        assert not find(result, "Avec AFP").is_claim
        assert names(find(result, "bourse")) == ["afp"]

    @pytest.mark.parametrize(
        "opening",
        ["AFP - Deux ponts ont été emportés par la crue.", "(Keystone-ATS) Deux ponts ont été emportés par la crue."],
    )
    def test_a_known_agency_opening_a_line_is_a_dateline(self, registry, opening):
        text = "Crues en Valais\n" + opening + "\nLes écoles resteront fermées lundi.\n"
        result = run(registry, text)
        agency = "afp" if opening.startswith("AFP") else "keystone-ats"
        assert names(find(result, "ponts")) == [agency]
        assert names(find(result, "écoles")) == [agency]

    def test_a_site_lead_above_the_dateline_is_not_the_agency_s(self, registry):
        text = (
            "Un séisme a secoué le sud du pays dans la nuit.\n"
            "AFP - Un séisme de magnitude 6,1 a frappé le sud du Pérou jeudi, a indiqué l'institut de géophysique.\n"
        )
        result = run(registry, text)
        assert find(result, "dans la nuit").tag == "unsourced"
        assert names(find(result, "magnitude"))[0] == "afp"

    def test_an_agency_acronym_written_out_in_the_text(self, registry):
        text = (
            "Téhéran (IP) - Le ministre a reçu son homologue omanais.\n"
            "Iran Press/Nouvelles : les deux pays ont signé trois accords.\n"
        )
        assert names(find(run(registry, text), "homologue")) == [source_key("Iran Press")]

    def test_an_agency_closing_the_last_paragraph_after_a_dash(self, registry):
        text = "Rupture d'une digue en Inde\nLe barrage a cédé dans la nuit. Trois villages ont été évacués. -AP\n"
        result = run(registry, text)
        assert names(find(result, "barrage")) == ["ap"] and names(find(result, "villages")) == ["ap"]

    def test_a_byline_with_an_agency_credits_the_body_under_it(self, registry):
        text = (
            "Sommet raté à Bruxelles\n"
            "Les deux dirigeants se sont quittés sans accord.\n"
            "Marie Leroux & AFP\n"
            "Le dîner a duré trois heures. Aucun communiqué n'a suivi.\n"
            "Les négociations reprendront lundi.\n"
            "Les ministres se retrouveront à Luxembourg.\n"
        )
        result = run(registry, text)
        assert find(result, "quittés").tag == "unsourced"
        assert names(find(result, "dîner")) == ["afp"]

    def test_a_dateline_names_no_speaker(self, registry):
        text = "LYON, 9 mars 2020 (APMnews) - Le nombre de cas a doublé, selon l'agence régionale de santé.\n"
        assert names(find(run(registry, text), "doublé")) == [source_key("APMnews"), source_key("agence régionale de santé")]

    def test_no_agency_no_dispatch(self, registry):
        text = "Toulouse - Le tramway sera prolongé jusqu'à l'aéroport en 2028.\n"
        assert find(run(registry, text), "tramway").tag == "unsourced"

    def test_a_dateline_on_a_line_of_its_own(self, registry):
        text = (
            "Sommet sur l'eau à Douchanbé\n"
            "Douchanbé, 7 juin, KHOVAR\n"
            "Les délégations de quarante pays sont arrivées lundi.\n"
            "« L'eau est un bien commun », a déclaré le président de la conférence.\n"
        )
        result = run(registry, text)
        assert not any(s.is_claim for s in result if "KHOVAR" in s.text)
        assert names(find(result, "délégations")) == ["khovar"]
        assert names(find(result, "bien commun"))[0] == "khovar"

    def test_a_headline_with_a_date_is_no_dateline(self, registry):
        text = "Paris, 3 mai, Macron\nLe président a visité une usine.\n"
        assert find(run(registry, text), "usine").tag == "unsourced"

    def test_a_wire_closing_a_paragraph_after_a_dash(self, registry):
        text = (
            "Le typhon a frappé le nord des Philippines mardi.\n"
            "Les autorités ont évacué des milliers d'habitants des zones côtières.\n"
            "Le typhon a balayé l'île principale mardi soir avant de toucher la capitale, où les écoles restent fermées. -AVI\n"
        )
        result = run(registry, text)
        assert names(find(result, "évacué")) == ["vna"] and names(find(result, "écoles")) == ["vna"]

    def test_a_relayed_wire_on_its_own_line(self, registry):
        text = "Les pourparlers reprendront lundi, a déclaré un diplomate.\nLes ministres se verront à Vienne.\nAFP/VNA/CVN\n"
        result = run(registry, text)
        assert names(find(result, "pourparlers")) == ["vna", "afp", "diplomatic-source"]
        assert names(find(result, "Vienne")) == ["vna", "afp"]

    def test_an_agency_by_its_initials_on_a_line_of_its_own(self, registry):
        text = "Un suspect arrêté à Vancouver\nAgence QMI\nUn quatrième suspect a été arrêté samedi à Vancouver.\n"
        result = run(registry, text)
        assert names(find(result, "quatrième")) == ["agence-qmi"]
        assert not any(s.is_claim for s in result if s.text == "Agence QMI")

    def test_a_relayed_dateline(self, registry):
        text = "APS - (AFP) - Le port de Djibouti a rouvert dimanche, selon les autorités portuaires.\n"
        assert names(run(registry, text)[0])[:2] == ["aps", "afp"]


class TestCitingClauses:
    def test_citing_an_outlet_before_the_subject(self, registry):
        text = "Citant des responsables locaux, la chaîne Al-Arabiya a indiqué que le pont avait été détruit.\n"
        sentence = find(run(registry, text), "pont")
        assert names(sentence)[0] == "al-arabiya"

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Citant une source militaire, la télévision Al-Jazeera a indiqué que la ville était tombée.\n", ["al-jazeera", "military-source"]),
            ("En citant des témoins, le journal Le Monde affirme que les tirs ont duré une heure.\n", ["le-monde", "unnamed-witness"]),
            ("Citant une source militaire bien informée, la chaîne Al-Jazeera a indiqué que la ville était tombée.\n", ["al-jazeera", "military-source"]),
        ],
    )
    def test_the_cited_source_after_the_citing_one(self, registry, text, expected):
        assert names(run(registry, text)[0]) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Dans une déclaration transmise à Reuters, les avocats du maire ont affirmé que la plainte était infondée.\n",
                ["reuters", source_key("avocats du maire")],
            ),
            (
                "Dans un courriel envoyé à l'AFP, le directeur de l'usine, Marc Lebon, a assuré que les rejets étaient conformes.\n",
                ["afp", source_key("Marc Lebon")],
            ),
        ],
    )
    def test_a_statement_sent_to_an_outlet_before_the_speaker(self, registry, text, expected):
        assert names(run(registry, text)[0]) == expected

    def test_a_name_given_in_brackets_is_no_incise(self, registry):
        text = (
            "Le juge Paul Terrier a ouvert une enquête.\n"
            "« Ce volet (dit du SIVOM) sera jugé à part », a-t-il expliqué.\n"
        )
        assert names(find(run(registry, text), "volet")) == [source_key("Paul Terrier")]

    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            # the parser takes "d'Al Qaïm" for a second subject
            ("Une source officielle dans le secteur pétrolier d'Al Qaïm a déclaré que la raffinerie était à l'arrêt.", source_key("source officielle dans le secteur pétrolier d'Al Qaïm")),
            # the parser hangs the noun on the participle after it
            ("Des témoins habitant non loin du port ont déclaré à Reuters avoir entendu trois détonations.", "unnamed-witness"),
            ("Une personne a indiqué à la police que le bateau prenait l'eau.", source_key("personne")),
        ],
    )
    def test_subjects_the_parser_misplaces(self, registry, sentence, expected):
        assert names(run(registry, sentence + "\n")[0])[-1] == expected

    def test_nobody_is_no_source(self, registry):
        assert not run(registry, "Personne n'a affirmé que le bateau coulait.\n")[0].links

    def test_reporters_on_the_spot_are_their_media(self, registry):
        text = "D'après les correspondants sur place de plusieurs médias libanais, la foule a envahi la place.\n"
        assert names(run(registry, text)[0]) == ["unnamed-media"]

    @pytest.mark.parametrize(
        "sentence",
        [
            "La chaîne Al-Arabiya a rapporté, citant une source militaire, que le pont avait été détruit.",
            "La chaîne Al-Arabiya a rapporté que le pont avait été détruit, citant une source militaire.",
        ],
    )
    def test_citing_after_the_verb(self, registry, sentence):
        assert names(run(registry, sentence + "\n")[0]) == ["al-arabiya", "military-source"]

    def test_citing_what_is_no_source(self, registry):
        sentence = "La chaîne Al-Arabiya a rapporté que le pont avait été détruit, citant des images tournées sur place."
        assert names(run(registry, sentence + "\n")[0]) == ["al-arabiya"]

    def test_quoted_in_a_paper(self, registry):
        text = "Selon le directeur du port, cité dans Le Parisien, les grues seront remplacées en juin.\n"
        sentence = find(run(registry, text), "grues")
        assert names(sentence) == ["le-parisien", source_key("directeur du port")]

    def test_what_is_spoken_of_is_no_source(self, registry):
        text = "À propos de la réunion du conseil de l'OMC, le ministre Paul Abena a annoncé une plainte.\n"
        sentence = find(run(registry, text), "plainte")
        assert names(sentence) == [source_key("Paul Abena")]

    @pytest.mark.parametrize(
        ("sentence", "speaker"),
        [
            ("C'est le quotidien Le Soir qui rapporte que le ministre va démissionner.", "Le Soir"),
            ("C'est le maire lui-même qui avait révélé la fraude.", "maire"),
            ("Ce sont les élus eux-mêmes qui ont raconté la scène.", "élus"),
        ],
    )
    def test_the_speaker_of_a_cleft(self, registry, sentence, speaker):
        (result,) = run(registry, sentence + "\n")
        assert names(result) == [source_key(speaker)]

    def test_according_to_someone_s_figures(self, registry):
        text = "Le maire Paul Roux a annoncé une hausse des loyers. Selon ses chiffres, 300 familles sont concernées.\n"
        assert names(find(run(registry, text), "familles")) == [source_key("Paul Roux")]

    def test_quoted_by_an_agency_on_a_day(self, registry):
        text = "« Les livraisons continuent », a indiqué un porte-parole de Naftogaz, cité dimanche par l'agence Interfax.\n"
        assert names(find(run(registry, text), "livraisons")) == [source_key("Interfax"), source_key("Naftogaz")]

    def test_a_speaker_citing_someone_with_en_citant(self, registry):
        text = "Le bilan s'élève à 31 morts, a déclaré à l'AFP le docteur Paul Mbala, en citant les autorités sanitaires.\n"
        assert names(find(run(registry, text), "bilan")) == [
            "afp", source_key("Paul Mbala"), source_key("autorités sanitaires")
        ]

    def test_interviewed_by_a_radio(self, registry):
        text = "Interrogé par la radio RTL, le député Pierre Vidal a estimé que le budget était insincère.\n"
        sentence = find(run(registry, text), "budget")
        assert names(sentence) == [source_key("RTL"), source_key("Pierre Vidal")]

    def test_an_outlet_spoken_to_is_named_as_written(self, registry):
        text = "La digue a tenu, a déclaré le maire Paul Rives à France Bleu Gironde.\n"
        assert names(find(run(registry, text), "digue")) == [source_key("France Bleu Gironde"), source_key("Paul Rives")]

    def test_a_local_edition_of_a_known_medium(self, registry):
        text = "Le col est fermé, a déclaré le maire, cité par France 3 Auvergne.\n"
        (outlet, _) = find(run(registry, text), "col").links
        assert outlet.source.kind == "news_outlet" and source_key(outlet.source.name) == source_key("France 3 Auvergne")

    def test_a_clause_before_the_incise_is_not_its_subject(self, registry):
        text = (
            "Le conducteur, un homme d'une trentaine d'années, a succombé dans la nuit, "
            "a indiqué à l'AFP le lieutenant Marc Olier.\n"
        )
        assert names(find(run(registry, text), "conducteur")) == ["afp", source_key("Marc Olier")]

    def test_the_speaker_after_an_opening_participle(self, registry):
        text = "Interrogé par la chaîne Digi24, Ion Popescu a dénoncé une fraude massive.\n"
        assert names(find(run(registry, text), "fraude")) == [source_key("Digi24"), source_key("Ion Popescu")]

    def test_on_the_air_of_a_broadcaster(self, registry):
        text = "Au micro de franceinfo, la maire de Brest, Anne Kerlo, a assuré que l'école rouvrirait.\n"
        sentence = find(run(registry, text), "école")
        assert names(sentence) == [source_key("franceinfo"), source_key("Anne Kerlo")]

    def test_a_video_carried_by_a_source(self, registry):
        text = "Dans une vidéo diffusée par le Kremlin, le président russe s'est félicité de l'accord.\n"
        sentence = find(run(registry, text), "accord")
        assert names(sentence)[0] == source_key("Kremlin")

    def test_said_on_a_channel_after_the_verb(self, registry):
        text = "« Nous ne reculerons pas », a affirmé jeudi la ministre Claire Morin sur BFMTV.\n"
        sentence = find(run(registry, text), "reculerons")
        assert names(sentence) == [source_key("BFMTV"), source_key("Claire Morin")]

    @pytest.mark.parametrize(
        "sentence",
        [
            "« Le dossier est clos », affirme la procureure de Nantes auprès de l'AFP.\n",
            "Le dossier est clos, indique la procureure de Nantes, dans un courrier envoyé à l'AFP.\n",
            "« Le dossier est clos », a déclaré par téléphone à l'AFP la procureure de Nantes.\n",
        ],
    )
    def test_the_outlet_a_speaker_wrote_or_spoke_to(self, registry, sentence):
        assert names(find(run(registry, sentence), "dossier")) == ["afp", source_key("procureure de Nantes")]

    def test_the_person_after_the_outlet_and_a_role_after_the_name(self, registry):
        text = "« La patrouille a été attaquée », a déclaré par téléphone à l'AFP Carlos Alberto Vega, gouverneur de la province.\n"
        assert names(find(run(registry, text), "patrouille")) == ["afp", source_key("Carlos Alberto Vega")]

    def test_confirmed_to_an_outlet_by_someone(self, registry):
        text = "L'information a été confirmée à l'AFP par un responsable de la police.\n"
        assert names(find(run(registry, text), "information")) == ["afp", source_key("responsable de la police")]

    def test_a_town_run_into_the_speaker_s_name(self, registry):
        text = "« Nous contestons ces chiffres », a déclaré à Niamey Aboubacar Cissé, le porte-parole de l'opposition.\n"
        assert names(find(run(registry, text), "chiffres")) == [source_key("Aboubacar Cissé")]

    def test_a_broadcaster_by_its_letters_or_described_after_its_name(self, registry):
        text = (
            "« La moitié du village est détruite », a déclaré Paolo Bianchi à la RAI.\n"
            "« Le pont va céder », a dit le maire, Marco Rossi, à la RTSI, la chaîne publique.\n"
        )
        result = run(registry, text)
        assert names(find(result, "village")) == [source_key("RAI"), source_key("Paolo Bianchi")]
        assert names(find(result, "pont")) == [source_key("RTSI"), source_key("Marco Rossi")]

    def test_a_quote_opened_in_the_sentence_before_is_not_the_speaker(self, registry):
        text = '"Quatre personnes sont sous les décombres.\nDeux adultes et deux enfants", a déclaré le maire, Marco Rossi.\n'
        assert names(find(run(registry, text), "adultes")) == [source_key("Marco Rossi")]

    def test_a_first_name_the_parser_split_from_the_name(self, registry):
        text = "Stéphane Le Foll expliquait à l'antenne de RTL que l'on commence à voir les effets.\n"
        assert names(find(run(registry, text), "effets")) == [source_key("RTL"), source_key("Stéphane Le Foll")]

    def test_two_claims_two_incises_the_first_is_the_sentence_s(self, registry):
        text = "Aucune victime n'est à déplorer, ajoute la mairie, mais un employé a été blessé, a précisé le préfet Jean Morel.\n"
        assert names(find(run(registry, text), "victime")) == [source_key("mairie")]

    def test_a_foreign_broadcaster_spoken_to(self, registry):
        text = "Un responsable a déclaré à NBC : « Les troupes sont arrivées hier »."
        assert names(find(run(registry, text), "troupes"))[0] == source_key("NBC")

    def test_firefighters_with_their_hyphen(self, registry):
        text = "« Les fumées vont durer », indiquent les sapeurs-pompiers.\n"
        assert find(run(registry, text), "fumées").tag == "sourced"

    def test_who_qui_stands_for_when_they_are_of_two_bodies(self, registry):
        text = "Une option que déconseillent les observateurs de l'Union africaine et de l'Union européenne qui affirment que le scrutin est acceptable.\n"
        (link,) = find(run(registry, text), "scrutin").links
        assert link.mention.text == "les observateurs de l'Union africaine et de l'Union européenne"

    def test_one_person_is_not_a_group_of_the_same_role(self, registry):
        text = (
            "Certaines absences ont été dénoncées par des avocats de la défense.\n"
            "L'avocat général s'était dit surpris par ces absences.\n"
        )
        assert names(find(run(registry, text), "surpris")) == [source_key("avocat général")]

    @pytest.mark.parametrize(
        ("sentence", "speaker"),
        [
            ("Marc Duval, secrétaire syndical CGT, est inquiet : « La direction a tout arrêté ».\n", "Marc Duval"),
            ("Le préfet Jean Morel se veut rassurant : « Nous maîtrisons la situation ».\n", "Jean Morel"),
        ],
    )
    def test_a_stance_after_a_copula_opening_a_quote(self, registry, sentence, speaker):
        (link,) = find(run(registry, sentence), "«").links
        assert source_key(link.source.name) == source_key(speaker)

    def test_figures_released_on_a_day_by_a_body(self, registry):
        text = "Selon les chiffres dévoilés, lundi 26 septembre, par l'Insee, le chômage a baissé.\n"
        assert names(find(run(registry, text), "chômage")) == [source_key("Insee")]

    def test_the_defence_speaks(self, registry):
        text = "Lundi, la défense turque avait annoncé avoir abattu un drone.\n"
        assert find(run(registry, text), "drone").tag == "sourced"

    def test_an_infinitive_past_has_no_speaker_of_its_own(self, registry):
        text = "Dimanche, Oleg Petrenko avait annoncé que la ville, située dans le Nord-Est, était sous contrôle, quelques heures après avoir annoncé une percée.\n"
        assert names(find(run(registry, text), "percée")) == [source_key("Oleg Petrenko")]

    def test_a_platform_is_where_a_video_circulates_not_who_carries_it(self, registry):
        text = "Sur des vidéos relayées sur les réseaux sociaux, on pouvait voir des flammes.\n"
        assert names(find(run(registry, text), "flammes")) == []

    def test_a_paper_cites_a_source(self, registry):
        text = "Le Soir cite une source proche des négociations selon laquelle l'offre sera relevée.\n"
        assert names(find(run(registry, text), "offre")) == [source_key("Le Soir"), source_key("source proche des négociations")]

    def test_whoever_spoke_last_is_the_same_source(self, registry):
        text = (
            "Une source de sécurité irakienne a annoncé l'attentat.\n"
            "Un officier de la police de Babil a déclaré à l'AFP qu'un engin avait explosé.\n"
            "« Les camions transportaient du matériel », a ajouté la même source.\n"
        )
        # The same source, as the text had it: through the agency it spoke to.
        assert names(find(run(registry, text), "camions")) == ["afp", source_key("officier de la police de Babil")]

    def test_a_weekly_named_with_a_day_and_its_initials(self, registry):
        text = (
            "L'offre sera examinée mardi, écrit Le Journal du dimanche.\n"
            "Selon le JDD, l'offre a été présentée il y a dix jours.\n"
        )
        result = run(registry, text)
        assert names(find(result, "examinée")) == ["jdd"]
        assert names(find(result, "dix jours")) == ["jdd"]

    def test_a_takeover_by_a_company_is_no_citation(self, registry):
        text = "L'offre s'accompagne d'une reprise par Free d'une partie du réseau, selon Le Monde.\n"
        assert names(find(run(registry, text), "réseau")) == ["le-monde"]

    def test_a_cleft_paper_citing_sources(self, registry):
        text = "C'est le journal allemand Frankfurter Allgemeine Zeitung (FAZ), citant des sources anonymes, qui rapporte cette rencontre.\n"
        assert names(find(run(registry, text), "rencontre")) == [source_key("Frankfurter Allgemeine Zeitung"), "unnamed-source"]

    @pytest.mark.parametrize(
        "sentence",
        [
            "Les négociations ont échoué, selon une tribune publiée dans Le Monde.\n",
            "Les négociations ont échoué, selon un récit de la rencontre publié dans l'édition dominicale du Monde.\n",
        ],
    )
    def test_what_a_paper_published(self, registry, sentence):
        assert names(find(run(registry, sentence), "négociations")) == ["le-monde"]

    def test_the_name_before_an_apposition_subject(self, registry):
        text = "Dans un entretien qu'il a accordé à la « Radio Mondiale », Habib Sanogo, l'un des conseillers du président, affirme qu'il ne craint rien.\n"
        assert names(find(run(registry, text), "craint")) == [source_key("Radio Mondiale"), source_key("Habib Sanogo")]

    def test_interviewed_by_colleagues(self, registry):
        text = "Interrogée par nos confrères de France Bleu Toulouse, Cécile Martin, la procureure, indique que le vent est en cause.\n"
        assert names(find(run(registry, text), "vent")) == [source_key("France Bleu Toulouse"), source_key("Cécile Martin")]

    @pytest.mark.parametrize(
        "sentence",
        [
            "Le président a été arrêté, a indiqué à l'AFP une source diplomatique française.\n",
            "Le président a été arrêté, a déclaré un diplomate occidental.\n",
        ],
    )
    def test_where_a_kind_of_source_comes_from_does_not_change_its_kind(self, registry, sentence):
        assert names(find(run(registry, sentence), "arrêté"))[-1] == "diplomatic-source"

    def test_speakers_after_the_verb_joined_by_et(self, registry):
        text = "Sept Palestiniens, dont deux mineurs, ont été tués dimanche, ont déclaré des médecins et des sources locales.\n"
        assert names(find(run(registry, text), "Palestiniens")) == ["medical-source"]

    def test_these_sources_are_the_last_ones(self, registry):
        text = (
            "Un kamikaze s'est fait exploser samedi dans un restaurant, selon la police somalienne.\n"
            "Selon ces sources, le kamikaze a déclenché sa ceinture à l'entrée.\n"
        )
        assert names(find(run(registry, text), "ceinture")) == [source_key("police somalienne")]

    @pytest.mark.parametrize(
        ("sentence", "outlet"),
        [
            ("Selon le journal local de Haute-Savoie “Le Messager”, une prise d'otages a eu lieu.\n", "Le Messager"),
            ("Selon une vidéo diffusée sur le site du journal flamand Het Laatste Nieuws, le tireur portait un gilet.\n", "Het Laatste Nieuws"),
        ],
    )
    def test_a_described_paper_by_its_title(self, registry, sentence, outlet):
        assert names(find(run(registry, sentence), "Selon"))[0] == source_key(outlet)

    def test_an_aside_between_the_auxiliary_and_the_verb(self, registry):
        text = "L'agence kurde ANHA a à son tour fait état de onze civils morts.\n"
        assert names(find(run(registry, text), "civils")) == [source_key("ANHA")]

    def test_a_name_that_says_it_is_a_medium(self, registry):
        text = "Le directeur de la clinique a confirmé à Gravité média que deux patients étaient touchés.\n"
        assert names(find(run(registry, text), "patients"))[0] == source_key("Gravité média")

    def test_the_speaker_joined_after_a_clause_the_parser_made_the_subject(self, registry):
        text = "Jeudi soir, la police n'avait pas communiqué le nombre de disparus et un porte-parole du gouverneur a déclaré qu'un décompte était en cours.\n"
        (link,) = find(run(registry, text), "décompte").links
        assert link.mention.text == "un porte-parole du gouverneur"

    def test_a_medium_s_own_journalists_are_the_medium(self, registry):
        text = "« Aucun dégât n'a été signalé », a indiqué l'agence Irna, en se basant sur les informations rapportées par ses journalistes.\n"
        assert names(find(run(registry, text), "dégât")) == ["irna"]

    def test_the_speaker_after_a_part_of_the_day(self, registry):
        text = "« Tout est calme », a déclaré en fin d'après-midi le maire de la ville, Paul Durand.\n"
        assert names(find(run(registry, text), "calme")) == [source_key("Paul Durand")]

    def test_selon_elle_after_the_sentence_s_own_subject(self, registry):
        text = (
            "Le porte-parole Idris Abdi a confirmé l'attaque.\n"
            "La police somalienne a exhibé les corps de trois hommes, tués selon elle dans l'attaque.\n"
        )
        assert names(find(run(registry, text), "exhibé")) == [source_key("police somalienne")]

    def test_learned_from_a_source_after_par_ailleurs(self, registry):
        text = "La voiture aurait été surveillée, a-t-on précisé par ailleurs de source proche de l'enquête.\n"
        assert names(find(run(registry, text), "voiture")) == [source_key("source proche de l'enquête")]

    def test_a_title_glued_to_the_name(self, registry):
        text = "Le président Bachar al-Assad a parlé.\nLes rumeurs ont commencé après la déclaration de M.al-Assad, selon laquelle « tout va bien ».\n"
        assert names(find(run(registry, text), "rumeurs")) == [source_key("Bachar al-Assad")]

    def test_the_source_reached_by_an_outlet_is_named_without_it(self, registry):
        text = "Une source proche du maquis jointe par l'AFP a indiqué que quatre militaires étaient morts.\n"
        assert names(find(run(registry, text), "militaires")) == ["afp", source_key("source proche du maquis")]

    def test_a_news_site_by_its_address(self, registry):
        text = "D'après le journaldupays.com proche du mouvement, « deux officiers ont été tués ».\n"
        (link,) = find(run(registry, text), "officiers").links
        assert link.source.name == "journaldupays.com" and link.source.kind == "news_outlet"

    def test_par_rapport_is_no_agent(self, registry):
        text = "L'âge avancé par rapport aux autres joueurs est un handicap.\n"
        assert names(find(run(registry, text), "handicap")) == []

    def test_arguments_put_forward_by_someone(self, registry):
        text = "Mêmes arguments avancés par le député Paul Durand.\n"
        assert names(find(run(registry, text), "arguments")) == [source_key("Paul Durand")]

    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            ("La préfète Marie Dubois a tenu à répéter auprès de France Bleu qu'il était trop tôt pour conclure.\n", ["France Bleu", "Marie Dubois"]),
            ("Le ministre Paul Durand a voulu rappeler que la loi s'applique à tous.\n", ["Paul Durand"]),
            ("Cela veut dire que la guerre continue.\n", []),
        ],
    )
    def test_a_speech_verb_after_a_modal(self, registry, sentence, expected):
        assert names(find(run(registry, sentence), sentence[:12])) == [source_key(e) for e in expected]

    @pytest.mark.parametrize(
        ("sentence", "source"),
        [
            ("Des accusations balayées par Nicolas Sarkozy, qui compte saisir la justice.\n", "Nicolas Sarkozy"),
            ("Une demande rejetée par le groupe 5+1.\n", "5+1"),
        ],
    )
    def test_what_someone_dismissed(self, registry, sentence, source):
        assert names(find(run(registry, sentence), sentence[:8])) == [source_key(source)]

    def test_a_subject_before_an_aside(self, registry):
        text = "Un officier de la police de Babil, préférant garder l'anonymat, a déclaré que les camions transportaient du matériel.\n"
        assert names(find(run(registry, text), "camions")) == [source_key("officier de la police de Babil")]

    @pytest.mark.parametrize(
        "sentence",
        [
            "La chaîne des Houthis, al-Masirah, a fait état de frappes sur le port.\n",
            "Selon la chaîne de télévision al-Masirah, des frappes ont visé le port.\n",
        ],
    )
    def test_a_medium_by_its_own_name_with_an_article_of_its_own(self, registry, sentence):
        assert names(find(run(registry, sentence), "frappes")) == [source_key("al-Masirah")]

    def test_a_dispatch_credited_by_an_acronym_the_registry_knows_written_out(self, registry):
        text = "Une source a annoncé l'attentat, selon un journaliste de l'Agence Anadolu.\nLes camions ont été détruits.\nSource : AA\n"
        assert names(find(run(registry, text), "camions")) == ["anadolu"]

    def test_one_name_after_the_outlet_then_who_they_are(self, registry):
        text = "« C'était mon frère », a déclaré à l'AFP Karimullah, un habitant du quartier.\n"
        assert names(find(run(registry, text), "frère")) == ["afp", source_key("Karimullah")]

    def test_the_speaker_after_the_statement_it_was_made_in(self, registry):
        text = "« Une explosion s'est produite », a déclaré dans un communiqué Ahmad Rahimi, porte-parole de la police.\n"
        assert names(find(run(registry, text), "explosion")) == [source_key("Ahmad Rahimi")]


class TestNamedInsideGroupsAndDocuments:
    @pytest.mark.parametrize(
        "text",
        [
            "Plusieurs journaux, dont le quotidien La Nation, rapportent que le ministre a démissionné.\n",
            "Selon plusieurs médias locaux, dont le quotidien La Nation, le ministre a démissionné.\n",
        ],
    )
    def test_the_one_named_among_a_group(self, registry, text):
        assert names(run(registry, text)[0]) == [source_key("La Nation")]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Dans un communiqué, le parti a rejeté l'accord.\n", "parti"),
            ("Dans une lettre ouverte, les syndicats s'opposent au projet.\n", "syndicats"),
        ],
    )
    def test_what_a_statement_opening_the_sentence_says(self, registry, text, expected):
        assert names(run(registry, text)[0]) == [expected]

    def test_a_place_opening_the_sentence_is_no_statement(self, registry):
        assert run(registry, "Dans un village voisin, les habitants ont fui.\n")[0].tag == "unsourced"

    def test_a_group_with_no_name_among_it(self, registry):
        (result,) = run(registry, "Selon des sources, dont deux responsables, le ministre a démissionné.\n")
        assert names(result) == ["unnamed-source"]

    def test_a_report_read_by_a_spokesman(self, registry):
        text = "Selon un bilan lu à la télévision par le porte-parole de l'armée, douze soldats ont été tués.\n"
        sentence = find(run(registry, text), "soldats")
        # The army's unnamed spokesman is the army itself (docs/guidelines.md §4).
        assert names(sentence) == [source_key("armée")]

    def test_what_a_source_gave_an_agency(self, registry):
        text = "Les grévistes ont reconduit le mouvement, selon des éléments fournis à l'AFP par la CGT.\n"
        assert names(find(run(registry, text), "grévistes")) == ["afp", source_key("CGT")]

    def test_figures_released_by_an_institution(self, registry):
        text = "Selon des chiffres publiés mardi par l'Insee, le chômage a reculé au premier trimestre.\n"
        sentence = find(run(registry, text), "chômage")
        assert names(sentence) == [source_key("Insee")]

    def test_the_spokesman_of_an_institution_by_name(self, registry):
        text = "Le porte-parole de l'ONU, Carlos Reyes, a déclaré que l'aide arriverait lundi.\n"
        sentence = find(run(registry, text), "aide")
        assert names(sentence) == [source_key("Carlos Reyes")]

    def test_a_document_of_the_source_said_again(self, registry):
        text = (
            "L'état-major a fait état de trois attaques dans un communiqué publié jeudi.\n"
            "\"La situation est sous contrôle\", dit le communiqué.\n"
        )
        result = run(registry, text)
        assert names(find(result, "sous contrôle")) == names(find(result, "trois attaques"))


class TestRolesWithoutNames:
    def test_a_role_is_the_source_with_its_words(self, registry):
        text = "Le chef de la police locale a affirmé que les routes resteraient fermées.\n"
        sentence = find(run(registry, text), "routes")
        assert sentence.tag == "sourced"
        assert sentence.links[0].mention.text == "Le chef de la police locale"
        assert sentence.links[0].source.kind in {"anonymous", "person"}

    def test_an_unnamed_official_from_the_registry(self, registry):
        text = "Un officier a indiqué à l'AFP que la base avait été évacuée.\n"
        sentence = find(run(registry, text), "base")
        assert names(sentence)[0] == "afp" and len(sentence.links) == 2

    def test_titles_are_kept_in_the_mention_not_in_the_name(self, registry):
        text = "Le colonel Karim al-Tamimi a annoncé la reprise du village.\n"
        (link,) = find(run(registry, text), "village").links
        assert link.mention.text == "Le colonel Karim al-Tamimi"
        assert source_key(link.source.name) == source_key("Karim al-Tamimi")

    def test_the_person_after_a_role_without_a_comma(self, registry):
        text = "Le ministre tunisien de l'Intérieur Sami Ben Salah a démenti toute arrestation.\n"
        (link,) = find(run(registry, text), "arrestation").links
        assert source_key(link.source.name) == source_key("Sami Ben Salah")


    def test_the_person_after_a_role_and_a_place(self, registry):
        text = "Joint par l'AFP, le procureur de Nanterre Paul Girard a confirmé l'ouverture d'une enquête.\n"
        sentence = find(run(registry, text), "enquête")
        assert names(sentence) == ["afp", source_key("Paul Girard")]

    def test_speakers_after_the_outlet_they_spoke_to(self, registry):
        text = "Trois villages ont été évacués, ont indiqué jeudi à l'AFP des sources sécuritaires et locales.\n"
        sentence = find(run(registry, text), "villages")
        assert sentence.tag == "sourced" and names(sentence)[0] == "afp" and len(sentence.links) == 2

    def test_many_unnamed_sources_are_the_registry_s_unnamed_source(self, registry):
        text = "Le pont a cédé dans la nuit, ont indiqué de multiples sources.\n"
        sentence = find(run(registry, text), "pont")
        assert sentence.tag == "sourced" and names(sentence) == ["unnamed-source"]

    def test_how_long_ago_before_the_speaker(self, registry):
        text = "« Le front tient », a affirmé il y a quelques jours le commandant de la brigade nord.\n"
        sentence = find(run(registry, text), "front")
        assert names(sentence) == [source_key("commandant de la brigade nord")]

    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            ("Selon la presse tunisienne, le scrutin sera reporté.", "unnamed-media"),
            ("« Les blessés ont été évacués », ont confié nos sources militaires.", "military-source"),
            ("De sources concordantes, le convoi a été attaqué à l'aube.", "unnamed-source"),
        ],
    )
    def test_collective_and_unnamed_sources_from_the_registry(self, registry, sentence, expected):
        (result,) = run(registry, sentence + "\n")
        assert names(result) == [expected]

    def test_a_common_word_is_not_a_medium_of_that_name(self, registry):
        text = "Rosneft, l'un des plus gros producteurs de pétrole au monde, a annoncé une panne.\n"
        assert names(find(run(registry, text), "panne")) == [source_key("Rosneft")]

    def test_a_state_broadcaster_by_its_own_name(self, registry):
        text = "Le calme est revenu, a déclaré le ministre Paul Kaboré à la télévision d'Etat RTB.\n"
        assert names(find(run(registry, text), "calme")) == [source_key("RTB"), source_key("Paul Kaboré")]

    def test_a_clause_after_two_asides(self, registry):
        # The medium it was said on is the outer link, as after a verb with no asides.
        text = "Paul Vidal, avocat du maire, a estimé, mercredi 3 mai, sur France Inter, qu'il n'y avait aucune preuve.\n"
        assert names(find(run(registry, text), "preuve")) == ["france-inter", source_key("Paul Vidal")]

    @pytest.mark.parametrize("aside", ["de son côté", "pour sa part", "à son tour"])
    def test_an_aside_before_the_speaker(self, registry, aside):
        text = f"« Les pistes restent fermées », a indiqué {aside} le directeur de l'aéroport.\n"
        assert names(find(run(registry, text), "pistes")) == [source_key("directeur de l'aéroport")]

    def test_an_inverted_speaker_after_an_earlier_subject(self, registry):
        text = "Les secouristes « ont retrouvé deux survivants », un homme et sa fille, a poursuivi le préfet.\n"
        assert names(find(run(registry, text), "survivants")) == [source_key("préfet")]

    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            ("Selon nos confrères de Sud Radio, le col restera fermé.", "Sud Radio"),
            ("Deux sources du parti ont affirmé que le vote serait reporté.", "sources du parti"),
            ("La direction de son côté a dénoncé une grève politique.", "direction"),
            ("Les talibans ont affirmé avoir pris la ville.", "talibans"),
        ],
    )
    def test_who_the_source_is_without_the_words_around_it(self, registry, sentence, expected):
        (result,) = run(registry, sentence + "\n")
        assert names(result) == [source_key(expected)]

    def test_sources_with_two_adjectives(self, registry):
        text = "Trois soldats ont été tués, ont indiqué à l'AFP des sources militaire et médicale.\n"
        assert names(find(run(registry, text), "soldats")) == ["afp", source_key("sources militaire et médicale")]

    def test_the_first_source_said_again(self, registry):
        text = (
            "Le camp a été visé à l'aube, a indiqué une source militaire.\n"
            "Au moins neuf soldats ont péri, a dit une source médicale citant un premier bilan.\n"
            "L'assaillant portait un uniforme, a précisé la première source militaire.\n"
        )
        assert names(find(run(registry, text), "uniforme")) == ["military-source"]

    def test_a_medium_whose_name_looks_like_a_person_s(self, registry):
        text = (
            "Le ministre a démissionné, a rapporté le quotidien japonais Asahi Shimbun.\n"
            "Il sera entendu lundi, a ajouté le journal.\n"
        )
        assert names(find(run(registry, text), "entendu")) == [source_key("Asahi Shimbun")]

    def test_a_body_in_a_role_is_not_a_place(self, registry):
        text = "Deux suspects ont été arrêtés, a indiqué un responsable de la police de Tanger.\n"
        assert names(find(run(registry, text), "suspects")) == [source_key("responsable de la police de Tanger")]

    def test_the_information_of_a_source_is_that_source_s(self, registry):
        text = "Selon les informations du quotidien Le Soir, le ministre va démissionner.\n"
        assert names(find(run(registry, text), "démissionner")) == [source_key("Le Soir")]

    def test_a_spokeswoman_of_a_body_is_the_body_and_she_is_too(self, registry):
        text = (
            "« Le réseau est coupé », a déclaré une porte-parole de la compagnie Hydro-Est.\n"
            "« Les équipes sont sur place », a-t-elle ajouté.\n"
        )
        first, second = [s for s in run(registry, text) if s.is_claim]
        assert names(first) == names(second) == [source_key("Hydro-Est")]

    def test_the_unnamed_spokesperson_of_a_body_is_the_body(self, registry):
        text = "Le porte-parole de la compagnie Air Austral a indiqué que les vols reprendraient jeudi.\n"
        # A company by its own name (docs/guidelines.md, "Names of new sources").
        assert names(find(run(registry, text), "vols")) == [source_key("Air Austral")]

    def test_one_of_a_group_is_named_in_the_singular(self, registry):
        text = "Selon une des sources proches du dossier, le contrat sera signé en mai.\n"
        assert names(find(run(registry, text), "contrat")) == [source_key("source proche du dossier")]

    def test_where_an_unnamed_source_is_does_not_change_who_they_are(self, registry):
        text = "Des sources diplomatiques à Nairobi ont déclaré que les pourparlers étaient suspendus.\n"
        assert names(find(run(registry, text), "pourparlers")) == ["diplomatic-source"]

    @pytest.mark.parametrize("role", ["Le candidat à la primaire", "La chancelière", "Le délégué syndical"])
    def test_more_offices_speak(self, registry, role):
        (result,) = run(registry, f"{role} a fait part de son inquiétude sur le calendrier.\n")
        assert result.tag == "sourced" and result.links[0].mention.text == role

    def test_a_body_whose_name_holds_et(self, registry):
        text = "« Le dialogue reste ouvert », a déclaré une source du ministère de l'Europe et des Affaires étrangères.\n"
        assert names(find(run(registry, text), "dialogue")) == [
            source_key("source du ministère de l'Europe et des Affaires étrangères")
        ]

    def test_a_chief_in_command(self, registry):
        text = "Selon le porte-parole du commandant en chef, Ali Karim, la frontière est fermée.\n"
        assert names(find(run(registry, text), "frontière")) == [source_key("Ali Karim")]

    def test_a_role_over_a_hyphenated_place(self, registry):
        text = "Le feu est fixé, a indiqué la préfète des Alpes-Maritimes.\n"
        assert names(find(run(registry, text), "feu")) == [source_key("préfète des Alpes-Maritimes")]

    def test_a_body_by_its_own_name_after_what_it_is(self, registry):
        text = "La crue va durer, a prévenu l'organisme de surveillance Vigieau.\n"
        assert names(find(run(registry, text), "crue")) == [source_key("Vigieau")]

    def test_a_company_by_its_own_name(self, registry):
        text = "La compagnie pétrolière Sonatrach a annoncé une hausse de sa production.\n"
        assert names(find(run(registry, text), "production")) == [source_key("Sonatrach")]

    def test_a_document_with_no_author_is_the_registry_s_unnamed_document(self, registry):
        text = "Le typhon a fait douze morts, d'après un bilan provisoire communiqué samedi.\n"
        assert names(find(run(registry, text), "typhon")) == ["unnamed-document"]

    def test_a_place_dateline_is_not_the_speaker(self, registry):
        text = (
            "Dakar - Le nombre de cas de dengue a doublé en un mois dans la région où la maladie "
            "s'est déclarée, a indiqué jeudi le ministère de la Santé.\n"
        )
        assert names(find(run(registry, text), "dengue")) == [source_key("ministère de la Santé")]

    @pytest.mark.parametrize(
        ("sentence", "sourced"),
        [
            ("L'épidémie s'est déclarée en mars dans le nord du pays.", False),
            ("La tendance s'est confirmée au deuxième trimestre.", False),
            ("Le maire s'est déclaré favorable à un référendum local.", True),
        ],
    )
    def test_reflexive_speech_verbs(self, registry, sentence, sourced):
        (result,) = run(registry, sentence + "\n")
        assert (result.tag == "sourced") is sourced

    @pytest.mark.parametrize(
        "sentence",
        [
            "Le syndicat a dénoncé mardi des conditions de travail indignes.",
            "Un habitant a décrit des scènes de panique dans le quartier.",
            "Les groupes armés ont revendiqué l'attaque du convoi.",
            "L'opposition exige la démission du ministre.",
            "Le patronat craint que la réforme ne freine l'embauche.",
        ],
    )
    def test_stances_and_demands_are_reported(self, registry, sentence):
        (result,) = run(registry, sentence + "\n")
        assert result.tag == "sourced" and len(result.links) == 1


class TestAnaphoraAndEllipsis:
    def test_a_pronoun_after_a_title_that_spoke_no_words(self, registry):
        text = "Le Premier ministre a réuni son gouvernement.\nIl l'a redit à la radio RTL : « Nous tiendrons. »\n"
        assert names(find(run(registry, text), "tiendrons")) == ["rtl", "premier ministre"]

    def test_they_after_people_named_by_a_possessive(self, registry):
        text = (
            "Dans une déclaration transmise à l'AFP, ses avocats, Me Jean Roux et Me Anne Lenoir, ont dénoncé la procédure.\n"
            "« Ce calendrier interroge », ont-ils estimé.\n"
        )
        assert names(find(run(registry, text), "calendrier")) == ["afp", source_key("Jean Roux")]

    def test_these_sources_keep_the_medium_that_cited_them(self, registry):
        text = (
            "Le journal Le Monde, citant des sources proches de l'Élysée, affirme que le remaniement aura lieu lundi.\n"
            "Ces sources évoquent le départ de trois ministres.\n"
        )
        assert names(find(run(registry, text), "départ")) == ["le-monde", source_key("sources proches de l'Élysée")]

    def test_a_generic_title_is_the_person_named_before(self, registry):
        text = "Le procureur Jean Dupont a requis la prison ferme.\nLe magistrat a estimé que les faits étaient graves.\n"
        assert names(find(run(registry, text), "graves")) == ["jean dupont"]

    def test_a_surname_with_a_title_is_the_person_named_before(self, registry):
        text = (
            "La directrice de l'hôpital, Hélène Garnier, a confirmé la fermeture du service.\n"
            "Mme Garnier a précisé que les patients seraient transférés.\n"
        )
        result = run(registry, text)
        assert names(find(result, "transférés")) == [source_key("Hélène Garnier")]

    def test_ce_dernier_and_il(self, registry):
        text = (
            "Le maire de Nantes, Paul Girard, a annoncé un plan vélo. Ce dernier a ajouté que les travaux "
            "dureraient deux ans. Il a aussi promis que les commerçants seraient aidés.\n"
        )
        result = run(registry, text)
        assert names(find(result, "deux ans")) == [source_key("Paul Girard")]
        assert names(find(result, "commerçants")) == [source_key("Paul Girard")]

    def test_the_institution_said_again(self, registry):
        text = (
            "L'armée malienne a annoncé avoir repoussé une attaque près de Gao.\n"
            "L'armée assure que ses pertes sont limitées.\n"
        )
        result = run(registry, text)
        assert names(find(result, "pertes")) == names(find(result, "Gao"))

    def test_the_same_source(self, registry):
        text = (
            "Le ministère de la Santé a fait état de 40 nouveaux cas.\n"
            "Deux patients sont en réanimation, selon la même source.\n"
        )
        result = run(registry, text)
        assert names(find(result, "réanimation")) == names(find(result, "nouveaux cas"))

    def test_et_de_preciser_continues_the_chain(self, registry):
        text = (
            "Un responsable irakien a confirmé à l'AFP la fermeture de la frontière. "
            "Et de préciser que les camions attendaient depuis lundi.\n"
        )
        result = run(registry, text)
        assert names(find(result, "camions")) == names(find(result, "frontière")) == ["afp", "iraqi-official"]

    def test_a_plural_pronoun_is_not_a_singular_source(self, registry):
        text = (
            "La maire Lucie Bernard a expliqué que la digue avait cédé dans la nuit.\n"
            "« Ils nous ont dit que la digue tiendrait », raconte la maire.\n"
        )
        sentence = find(run(registry, text), "tiendrait")
        assert names(sentence) == [source_key("Lucie Bernard")]


    def test_a_role_said_again_with_a_place_in_it_is_the_person(self, registry):
        text = (
            "Le maire de la commune de Saint-Pierre, Louis Hoarau, a annoncé la fermeture des plages.\n"
            "Le maire de la commune de Saint-Pierre a précisé que la baignade restait interdite.\n"
        )
        assert names(find(run(registry, text), "baignade")) == [source_key("Louis Hoarau")]

    def test_a_title_is_the_person_named_with_it_next(self, registry):
        text = (
            "Six personnes ont été tuées dans des frappes sur la ville, a annoncé le gouverneur régional.\n"
            "« Les secours ne peuvent pas passer », a écrit le gouverneur régional Piotr Malenko sur Telegram.\n"
        )
        assert names(find(run(registry, text), "frappes")) == [source_key("Piotr Malenko")]

    def test_a_title_said_again_alone_before_the_name(self, registry):
        text = (
            "Le maire de la commune de Villebois a indiqué que plusieurs maisons étaient détruites.\n"
            "« Deux familles sont sans abri », a déclaré le maire, Pierre Lenoir, à la radio locale.\n"
        )
        assert names(find(run(registry, text), "maisons")) == [source_key("Pierre Lenoir")]

    def test_the_same_title_for_another_office_is_someone_else(self, registry):
        text = (
            "Le ministre de l'Intérieur a indiqué que trois suspects étaient recherchés.\n"
            "« Nous les trouverons », a déclaré le ministre de la Défense, Pierre Lenoir.\n"
        )
        assert names(find(run(registry, text), "suspects")) == [source_key("ministre de l'Intérieur")]

    def test_a_kind_of_body_is_the_organisation_named_before(self, registry):
        text = (
            "Le ministre a visité l'une des deux usines Renault promises à la fermeture.\n"
            "Le constructeur français avait annoncé lundi la fermeture de ses sites de Douai et de Flins.\n"
        )
        assert names(find(run(registry, text), "Douai")) == [source_key("Renault")]

    def test_a_spokesperson_of_a_kind_of_body_speaks_for_the_one_named(self, registry):
        text = (
            "Les sites du groupe Valmont étaient inaccessibles mardi. « Nous avons été piratés », "
            "a déclaré une porte-parole du groupe industriel.\n"
        )
        assert names(find(run(registry, text), "piratés")) == [source_key("Valmont")]

    def test_a_kind_of_body_with_no_organisation_before_stays_itself(self, registry):
        text = "Le syndicat a annoncé une grève pour lundi.\n"
        assert names(find(run(registry, text), "grève")) == [source_key("syndicat")]

    def test_a_body_by_the_first_word_of_its_name(self, registry):
        text = (
            "Le Centre national des catastrophes a fait état mercredi de huit morts.\n"
            "Selon le Centre, 57 pêcheurs sont portés disparus.\n"
        )
        assert names(find(run(registry, text), "pêcheurs")) == [source_key("Centre national des catastrophes")]

    def test_initials_with_a_lowercase_de_are_the_body_named_in_full(self, registry):
        text = (
            "La Banque de Grèce prévoit une reprise en 2025, a annoncé mardi l'institution.\n"
            "Le PIB devrait progresser de 0,8 % cette année, selon la BdG.\n"
        )
        assert names(find(run(registry, text), "PIB")) == [source_key("Banque de Grèce")]

    @pytest.mark.parametrize(
        ("sentence", "mention"),
        [
            ("Les prix restent stables, mais la Banque de Grèce avait fait état d'une hausse.", "la Banque de Grèce"),
            ("« Les habitants ont fui », a lâché désespérément le maire de Bocaranga.", "le maire de Bocaranga"),
            ("La Banque de Grèce prévoit une sortie progressive de l'inflation, a annoncé l'institution.", "La Banque de Grèce"),
        ],
    )
    def test_the_speaker_s_mention_is_the_noun_phrase_alone(self, registry, sentence, mention):
        (result,) = run(registry, sentence + "\n")
        link = result.links[0]
        assert link.mention.text == mention

    @pytest.mark.parametrize(
        "sentence",
        [
            "Sur RTL, le ministre Paul Roux a affirmé que la réforme passerait.",
            "Ce mercredi matin sur France Inter, le ministre Paul Roux a assuré que rien n'était décidé.",
        ],
    )
    def test_a_broadcaster_fronted_before_the_speaker(self, registry, sentence):
        (result,) = run(registry, sentence + "\n")
        assert names(result)[1:] == [source_key("Paul Roux")]
        assert result.links[0].source.kind == "news_outlet" and result.links[0].mention.text in {"RTL", "France Inter"}

    @pytest.mark.parametrize(
        "sentence",
        ["Sur RTL, les auditeurs ont appelé en masse.", "Sur le terrain, le ministre Paul Roux a affirmé que tout allait bien."],
    )
    def test_no_broadcaster_without_a_speaker_or_a_medium(self, registry, sentence):
        (result,) = run(registry, sentence + "\n")
        assert all(link.source.kind != "news_outlet" for link in result.links)

    def test_a_role_then_a_title_and_a_name_after_a_comma(self, registry):
        text = (
            "Selon le maire, l'école est fermée.\n"
            "Mais selon le chef de la brigade locale, le colonel Marc Dutertre, le pont a été détruit.\n"
        )
        assert names(find(run(registry, text), "pont")) == [source_key("Marc Dutertre")]

    def test_an_acronym_alone_is_the_body_it_opened(self, registry):
        text = (
            "Selon le bilan diffusé par l'ARS Bretagne dimanche, la région compte 12 cas.\n"
            "« Les données sont en cours de transmission », précise l'ARS.\n"
        )
        result = run(registry, text)
        assert names(find(result, "transmission")) == [source_key("ARS Bretagne")]
        assert find(result, "transmission").links[0].source.kind == "institution"

    def test_initials_in_brackets_are_the_person(self, registry):
        text = (
            "« Nous contestons ces chiffres », a déclaré Moussa Traoré Diallo (MTD), porte-parole de la coalition.\n"
            "« Les bureaux de vote étaient fictifs », a encore dit MTD.\n"
        )
        assert names(find(run(registry, text), "fictifs")) == [source_key("Moussa Traoré Diallo")]

    def test_a_plural_pronoun_is_the_named_group_the_sentence_before_was_about(self, registry):
        text = (
            "Les Houthis mènent des attaques près du détroit, selon l'armée américaine.\n"
            "Ils disent cibler les navires liés à Israël.\n"
        )
        assert names(find(run(registry, text), "navires")) == [source_key("Houthis")]

    def test_a_title_said_with_another_form_of_its_words(self, registry):
        text = (
            "Trois personnes ont été tuées dans une frappe, a annoncé samedi le gouverneur de la région.\n"
            "« Ils ont tiré sur un quartier résidentiel », a déclaré le gouverneur régional de Donetsk Pavlo Kyrylenko.\n"
        )
        assert names(find(run(registry, text), "frappe")) == [source_key("Pavlo Kyrylenko")]

    def test_an_acronym_inside_a_role_is_not_the_person(self, registry):
        text = (
            "La secrétaire générale de la CGT Sophie Martin a prévenu que l'industrie reculait.\n"
            "Selon la CGT, près de 200 plans sociaux sont attendus.\n"
        )
        assert names(find(run(registry, text), "plans sociaux")) == [source_key("CGT")]

    def test_members_speak_as_their_group(self, registry):
        text = "Les jihadistes du Jnim revendiquent la mort de dix soldats.\n"
        (link,) = find(run(registry, text), "soldats").links
        assert source_key(link.source.name) == source_key("Jnim") and link.source.kind == "institution"

    def test_an_acronym_is_the_body_the_text_names_in_full(self, registry):
        text = (
            "Le virus circule toujours en République démocratique du Congo, selon les experts.\n"
            "La RDC a annoncé une campagne de vaccination.\n"
        )
        (link,) = find(run(registry, text), "campagne").links
        assert link.source.name == "République démocratique du Congo (RDC)"

    def test_an_acronym_spells_accented_initials_without_their_accents(self, registry):
        text = (
            "La Commission électorale nationale indépendante, CENI, a publié les résultats.\n"
            "Le président sortant arrive en tête, selon la CENI.\n"
        )
        (link,) = find(run(registry, text), "en tête").links
        assert source_key(link.source.name) == source_key("Commission électorale nationale indépendante")


    def test_a_body_said_again_is_the_one_named_by_that_noun(self, registry):
        text = (
            "La Gendarmerie nationale a annoncé le bouclage du secteur.\n"
            "L'Association des familles de la gendarmerie a déclaré qu'elle soutenait les agents.\n"
            "La gendarmerie a précisé que la route resterait fermée.\n"
        )
        assert names(find(run(registry, text), "route")) == [source_key("Gendarmerie nationale")]

    def test_the_same_sources_again(self, registry):
        text = (
            "Trois suspects ont été arrêtés, selon des sources sécuritaires.\n"
            "De mêmes sources, on ajoute que deux autres sont recherchés.\n"
        )
        first, second = [s for s in run(registry, text) if s.is_claim]
        assert names(second) == names(first)

    def test_the_same_source_keeps_the_outlet_it_came_through(self, registry):
        text = (
            "Le dirigeant a été convoqué, a affirmé le journal Asahi Shimbun, citant des sources proches de l'enquête.\n"
            "« Il sera arrêté une fois les accusations confirmées », selon la même source.\n"
        )
        assert names(find(run(registry, text), "arrêté")) == [source_key("Asahi Shimbun"), source_key("sources proches de l'enquête")]

    def test_he_after_a_source_is_the_source(self, registry):
        text = (
            "La source a déclaré à RT : « Le général est arrivé hier et a rencontré le Premier ministre Ali Karimi ».\n"
            "Il a ajouté que la réunion avait duré deux heures.\n"
        )
        assert names(find(run(registry, text), "réunion")) == ["unnamed-source"]

    def test_the_paper_is_the_paper_named_last_whatever_word_names_it(self, registry):
        text = (
            "Plusieurs suspects ont été arrêtés, a rapporté mardi un journal koweïtien.\n"
            "Le ministre a déclaré au quotidien Al-Raï avoir ouvert une enquête.\n"
            "Des sources de sécurité, citées par le journal, ont indiqué que les suspects avaient avoué.\n"
        )
        assert names(find(run(registry, text), "avoué")) == [source_key("Al-Raï"), source_key("sources de sécurité")]

    def test_the_speaker_after_the_day_between_commas(self, registry):
        text = "Le choléra touche 59 personnes, a annoncé, mardi 28 août, le ministère de la santé.\n"
        assert names(find(run(registry, text), "choléra")) == [source_key("ministère de la santé")]

    def test_one_speaker_twice_in_a_sentence_is_the_one_named(self, registry):
        text = (
            '"Une grève est toujours mal vue" explique le secrétaire général de l\'UNSA CTS, '
            '"mais nous défendons nos droits", poursuit Eric Vauthier.\n'
            "Il a ajouté que la grève durerait jusqu'au 5 janvier.\n"
        )
        result = run(registry, text)
        assert names(find(result, "grève est")) == [source_key("Eric Vauthier")]
        assert names(find(result, "janvier")) == [source_key("Eric Vauthier")]

    def test_a_bare_body_is_not_whichever_body_came_last(self, registry):
        text = (
            "Le Centre national des catastrophes a fait état de 20 morts.\n"
            "L'armée a pour sa part indiqué que trois soldats étaient portés disparus.\n"
        )
        assert names(find(run(registry, text), "soldats")) == [source_key("armée")]

    def test_a_described_body_is_the_one_named_before(self, registry):
        text = (
            "Le Hezbollah a revendiqué l'attaque dans un communiqué.\n"
            "Le mouvement chiite a ajouté que d'autres frappes suivraient.\n"
        )
        assert names(find(run(registry, text), "frappes")) == ["hezbollah"]

    def test_a_described_medium_is_not_the_last_outlet(self, registry):
        text = (
            "Le couvre-feu sera levé lundi, a déclaré à l'AFP un responsable de la mairie.\n"
            "Les écoles rouvriront mardi, a annoncé le ministre Omar Diallo à la télévision nationale.\n"
        )
        sentence = find(run(registry, text), "écoles")
        assert names(sentence) == [source_key("télévision nationale"), source_key("Omar Diallo")]


    def test_a_quote_opened_after_its_cue_goes_on_in_the_speaker_s_words(self, registry):
        text = (
            "La ministre de la Santé, Claire Vidal, a pris la parole lundi.\n"
            'Selon elle, "la vague est passée. Les hôpitaux respirent. Il faut rester prudent".\n'
            "Les urgences restent saturées dans le Nord.\n"
        )
        result = run(registry, text)
        for piece in ("vague est passée", "hôpitaux respirent", "rester prudent"):
            assert names(find(result, piece)) == [source_key("Claire Vidal")]
        assert find(result, "urgences").tag == "unsourced"  # after the quote closed

    def test_a_quote_closed_with_its_own_cue_keeps_that_cue(self, registry):
        text = (
            'Selon le maire Paul Roche, "le pont tiendra. Les travaux dureront deux ans. '
            'Rien ne presse", a répondu l\'ingénieur Marc Aubry.\n'
        )
        result = run(registry, text)
        assert names(find(result, "travaux")) == [source_key("Marc Aubry")]


class TestVagueForms:
    @pytest.mark.parametrize(
        "sentence",
        [
            "On estime que la récolte sera mauvaise cette année.",
            "Aux dernières nouvelles, le pont serait toujours fermé.",
            "D'après des informations, le directeur aurait démissionné.",
            "On craint que la sécheresse ne dure tout l'été.",
        ],
    )
    def test_vague_is_unsourced_with_the_flag(self, registry, sentence):
        (result,) = run(registry, sentence + "\n")
        assert result.tag == "unsourced" and result.flags == ("vague",) and result.links == ()

    @pytest.mark.parametrize(
        "sentence",
        ["Beaucoup redoutaient que le barrage ne cède.", "Certains estiment que la crise va durer."],
    )
    def test_a_subject_that_names_nobody_is_vague(self, registry, sentence):
        (result,) = run(registry, sentence + "\n")
        assert result.tag == "unsourced" and result.flags == ("vague",)

    def test_a_quantified_group_still_names_someone(self, registry):
        (result,) = run(registry, "Plusieurs témoins ont affirmé avoir vu des chars.\n")
        assert result.tag == "sourced" and result.flags == ()

    def test_a_quote_that_continues_without_a_cue_is_unsourced(self, registry):
        # docs/gold-format.md: a sentence that continues someone's account without a cue of its
        # own is unsourced.
        text = "« Nous partirons demain », a déclaré le capitaine Hugo Marin. « Rien ne nous retiendra. »\n"
        assert find(run(registry, text), "Rien").tag == "unsourced"

    @pytest.mark.parametrize(
        "line",
        ["(Rédigé par Anne Roux et Paul Lenoir)", "(Reportage Ana Silva, avec la contribution de Jo Kim; version française Léa Mas)"],
    )
    def test_a_wire_s_credits_are_no_claim(self, registry, line):
        text = "LISBONNE, 3 mai (Reuters) - Le Portugal a relevé son taux directeur.\n" + line + "\n"
        assert not find(run(registry, text), line[1:8]).is_claim

    def test_no_vague_pseudo_source_is_ever_proposed(self, registry):
        text = "Selon certaines informations, le sommet serait reporté. On dit que le président est malade.\n"
        for sentence in run(registry, text):
            assert all(link.source.slug != "vague-attribution" for link in sentence.links)

    def test_qualified_sources_are_not_vague(self, registry):
        text = "Selon plusieurs sources sécuritaires, l'attaque a fait dix morts.\n"
        (result,) = run(registry, text)
        assert result.tag == "sourced" and result.flags == ()


class TestCutText:
    @pytest.mark.parametrize("ending", ["et qu'elle", "a estimé que", "ont"])
    def test_a_last_line_that_waits_for_its_next_word(self, registry, ending):
        text = f"Réforme des retraites : le gouvernement maintient le cap\nLe texte sera présenté mercredi.\nLe ministre a dit que la réforme était juste {ending}\n"
        last = find(run(registry, text), "réforme était")
        assert last.kind == "body" and last.is_claim

    def test_a_short_last_line_without_a_full_stop_stays_a_heading(self, registry):
        text = "Le texte sera présenté mercredi en conseil des ministres.\nLes syndicats appellent à la grève le 12 mars\n"
        assert find(run(registry, text), "syndicats").kind == "headline"

    def test_a_last_line_cut_after_an_auxiliary_is_body_text(self, registry):
        text = "Une attaque a visé la ville.\nSelon une source hospitalière de Kaya, plus de 100 blessés ont\n"
        sentence = find(run(registry, text), "blessés")
        assert sentence.is_claim and names(sentence) == ["medical-source"]

    def test_a_last_line_cut_mid_sentence_is_body_text(self, registry):
        text = (
            "Le conseil municipal a voté le budget mardi.\n"
            "Les travaux de la nouvelle médiathèque commenceront au printemps et devraient durer jusqu'à l'ar\n"
        )
        last = find(run(registry, text), "médiathèque")
        assert last.kind == "body" and last.is_claim


class TestRoleNamedJustAfter:
    def test_a_role_then_a_bare_name_in_the_next_sentence(self, registry):
        text = (
            "La procureure générale de Lyon a indiqué mardi que l'enquête progressait.\n"
            "« Les indices sont concordants », a déclaré Claire Dumont à la radio RCF.\n"
        )
        assert names(find(run(registry, text), "enquête")) == [source_key("Claire Dumont")]

    def test_a_name_with_another_role_is_someone_else(self, registry):
        text = (
            "Le ministre de l'Intérieur a indiqué mardi que l'enquête progressait.\n"
            "« Rien n'est réglé », a répondu le député Paul Garnier.\n"
        )
        assert names(find(run(registry, text), "enquête")) != [source_key("Paul Garnier")]


class TestOfficialMediaByDescription:
    """A country's official medium named by what it is (« la télévision publique iranienne »):
    the registry entry whose own aliases describe the same medium of the same country."""

    @pytest.mark.parametrize(
        ("sentence", "slug"),
        [
            ("Selon la télévision publique iranienne, le barrage a cédé dans la nuit.", "irib"),
            ("L'agence de presse officielle syrienne a affirmé que trois soldats avaient été tués.", "sana"),
            ("Selon l'agence nationale irakienne, le couvre-feu a été levé.", "ina"),
        ],
    )
    def test_a_description_with_its_country(self, registry, sentence, slug):
        assert names(run(registry, sentence + "\n")[0]) == [slug]

    def test_a_description_without_its_country_takes_the_story_s(self, registry):
        text = (
            "Séisme en Iran : douze morts près de Kerman\n"
            "Un séisme a frappé l'Iran jeudi. Les secours iraniens sont sur place, selon Téhéran.\n"
            "Selon la télévision d'Etat, douze personnes ont été tuées.\n"
        )
        assert names(find(run(registry, text), "douze personnes")) == ["irib"]

    def test_a_plain_or_unofficial_description_is_left_alone(self, registry):
        for sentence in ("Selon la télévision iranienne, le barrage a cédé.", "Selon la télévision publique malienne, le barrage a cédé."):
            assert names(run(registry, sentence + "\n")[0]) not in (["irib"], [])

    def test_two_entries_described_alike_are_left_alone(self):
        from claims.text.registry import Registry, RegistryEntry
        from claims.text.state_media import official_medium

        one = RegistryEntry("one", "One TV", "news_outlet", ("télévision d'État iranienne",))
        two = RegistryEntry("two", "Two TV", "news_outlet", ("télévision publique iranienne",))
        assert official_medium(Registry([one]), "la télévision nationale iranienne", None) == one
        assert official_medium(Registry([one, two]), "la télévision nationale iranienne", None) is None


class TestNationalSourcesInTheRegistry:
    """A body or an unnamed source said without its country, in a story about a country the
    registry knows it for, is the registry's entry for that country (as the seeds read « une
    source de sécurité de la province d'al-Anbar »: the Iraqi security source)."""

    STORY = (
        "Irak : une base visée par des roquettes à al-Anbar\n"
        "Une base de l'armée irakienne a été visée par deux roquettes à al-Anbar, dans l'ouest de l'Irak, près de la frontière irakienne.\n"
    )

    @pytest.mark.parametrize(
        ("sentence", "slug"),
        [
            ("Le ministère de l'Intérieur a indiqué que trois suspects avaient été arrêtés.", "iraq-ministry-of-interior"),
            ("L'armée a affirmé que la situation était sous contrôle.", "iraqi-army"),
            ("Les autorités ont annoncé un couvre-feu.", "iraq-government"),
            ("Une source sécuritaire a indiqué que la piste était endommagée.", "iraqi-security-source"),
            ("Des sources sécuritaires ont fait état de deux blessés.", "iraqi-security-source"),
            ("Selon une source militaire, les tirs venaient du désert.", "iraqi-military-source"),
            ("Un responsable a déclaré que les renforts étaient arrivés.", "iraqi-official"),
        ],
    )
    def test_said_without_the_country(self, registry, sentence, slug):
        result = run(registry, self.STORY + sentence + "\n")
        assert names(result[-1]) == [slug]

    def test_a_body_named_by_its_spokesman_without_the_country(self, registry):
        sentence = "Le porte-parole des opérations conjointes a affirmé que la piste était intacte."
        assert names(run(registry, self.STORY + sentence + "\n")[-1]) == ["iraq-joint-operations-command"]

    def test_an_unnamed_source_of_another_country_named_as_such(self, registry):
        sentence = "Une source sécuritaire syrienne a indiqué que la frontière était fermée."
        assert names(run(registry, self.STORY + sentence + "\n")[-1]) == [source_key("source sécuritaire syrienne")]

    def test_without_a_story_country_the_generic_entry(self, registry):
        assert names(run(registry, "Selon une source militaire, les tirs venaient du désert.\n")[0]) == ["military-source"]


class TestNamesInsideLongerNames:
    def test_a_registry_name_inside_a_longer_name_is_not_that_source(self, registry):
        assert names(run(registry, "Kataëb Hezbollah a démenti toute implication dans l'attaque.\n")[0]) == [source_key("Kataëb Hezbollah")]
        assert names(run(registry, "Le Hezbollah libanais a démenti toute implication.\n")[0]) == ["hezbollah"]

    def test_an_outlet_named_earlier_is_spoken_to(self, registry):
        text = (
            "Selon le site d'information Al-Maalomah, l'explosion a détruit deux camions.\n"
            "Le député Karim Alaiwi a déclaré à Al-Maalomah que la présence américaine était illégale.\n"
        )
        assert names(find(run(registry, text), "présence")) == [source_key("Al-Maalomah"), source_key("Karim Alaiwi")]


class TestPeopleTheTaggerMisses:
    def test_a_name_in_apposition_to_a_role_is_a_person(self, registry):
        text = (
            "« Nous craignons le pire », a confié à l'AFP un responsable de la police locale.\n"
            "Le Premier ministre, Pushpa Kamal Dahal, s'est rendu sur place dimanche.\n"
            "Il a promis une aide rapide aux sinistrés.\n"
        )
        assert names(find(run(registry, text), "promis"))[-1] == source_key("Pushpa Kamal Dahal")


class TestNamesTheTaggerMisreads:
    def test_a_paper_whose_name_is_a_vague_word(self, registry):
        result = run(registry, "La SNCF aurait perdu 40 millions d'euros, selon Les Echos.\nSelon des échos, la grève durera.\n")
        assert names(result[0]) == [source_key("Les Echos")]
        assert names(result[1]) == [] and "vague" in result[1].flags

    def test_a_broadcaster_the_tagger_reads_as_an_infinitive(self, registry):
        text = "Le ministre des Transports, Paul Girard, a appelé au calme.\nIl a estimé sur France Inter que la grève n'était pas la solution.\n"
        assert names(find(run(registry, text), "solution")) == ["france-inter", source_key("Paul Girard")]


class TestCompaniesSaidAgain:
    def test_the_company_that_spoke_last(self, registry):
        text = (
            "Le groupe Renault a annoncé la fermeture de deux usines.\n"
            "Un porte-parole du constructeur a confirmé l'information.\n"
            "L'entreprise a précisé que 300 emplois étaient menacés.\n"
        )
        assert names(find(run(registry, text), "emplois")) == [source_key("Renault")]


class TestTransliterations:
    @pytest.mark.parametrize(
        ("outlet", "slug"),
        [("al-Sumeriya News", "al-sumaria"), ("Al Mayadin", "al-mayadeen"), ("al-Nahrein", "al-nahrain")],
    )
    def test_a_registry_outlet_spelled_another_way(self, registry, outlet, slug):
        sentence = f"Selon l'agence Mehr citant {outlet}, les Hachd ont repris le village."
        assert names(run(registry, sentence + "\n")[0]) == ["mehr", slug]

    def test_one_outlet_spelled_two_ways_in_a_text(self, registry):
        text = (
            "Selon le site d'information Al-Maalouma, deux roquettes sont tombées près de la base.\n"
            "« Les dégâts sont importants », rapporte al-Maaloumah.\n"
        )
        assert names(find(run(registry, text), "dégâts")) == [source_key("Al-Maalouma")]

    @pytest.mark.parametrize(("name", "expected"), [("Washington", "etats unis"), ("France", "france")])
    def test_a_name_inside_another_is_no_spelling(self, registry, name, expected):
        # Not The Washington Post nor France 24: the capital speaks for its country.
        assert names(run(registry, f"{name} a affirmé que les troupes resteraient.\n")[0]) == [expected]


class TestWhatIsSaidIsNoCarrier:
    def test_media_that_spread_what_is_denounced_are_no_link(self, registry):
        sentence = (
            "Citant des sources concordantes, la chaîne Al-Mayadeen a dénoncé de fausses informations "
            "diffusées par des médias américains selon lesquelles des commandants auraient été visés."
        )
        assert names(run(registry, sentence + "\n")[0]) == ["al-mayadeen", "unnamed-source"]

    def test_a_statement_relayed_by_an_agency_keeps_it(self, registry):
        sentence = "« Le suspect a été arrêté », a affirmé le ministre Ali Demir dans une déclaration relayée par l'agence Anadolu."
        assert names(run(registry, sentence + "\n")[0]) == ["anadolu", source_key("Ali Demir")]

    def test_an_online_site_by_its_name(self, registry):
        sentence = "Trois provinces ont été attaquées, indique le site en ligne Press TV."
        assert names(run(registry, sentence + "\n")[0]) == ["presstv"]


class TestReportsAndNamesWithParticles:
    def test_this_report_is_the_one_cited_before(self, registry):
        text = (
            "Selon l'agence Mehr citant al-Nahrain, les Hachd poursuivent leurs opérations.\n"
            "Selon ce rapport, les Hachd ont lancé des opérations contre Daech.\n"
        )
        assert names(find(run(registry, text), "lancé")) == ["mehr", "al-nahrain"]

    def test_a_name_with_a_particle_before_its_apposition(self, registry):
        sentence = "Selon Al Jazeera, Abu Mahdi al-Muhandis, le responsable adjoint de cette force, a déclaré que l'Amérique avait négocié."
        assert names(run(registry, sentence + "\n")[0]) == ["al-jazeera", "abu-mahdi-al-muhandis"]


class TestPeopleTheRegistryListsByOffice:
    def test_an_office_the_registry_lists_with_a_name(self, registry):
        sentence = "Le Premier ministre irakien a annoncé que les forces allaient attraper les terroristes."
        (link,) = run(registry, sentence + "\n")[0].links
        assert link.source.slug == "haider-al-abadi" and link.confidence < 0.8

    @pytest.mark.parametrize("role", ["Le général", "Le général de brigade", "Le Premier ministre"])
    def test_an_office_anyone_may_hold(self, registry, role):
        sentence = f"{role} a annoncé que les forces allaient attraper les terroristes."
        assert names(run(registry, sentence + "\n")[0]) not in (["haider-al-abadi"], ["yahya-rassoul"])

    def test_a_surname_alone_takes_no_office(self, registry):
        text = (
            "Al-Mawsili a par ailleurs parlé de Tal Afar comme du nouveau fief de Daech.\n"
            "Le ministre irakien de la Défense a annoncé que les forces allaient attraper les terroristes.\n"
        )
        assert names(find(run(registry, text), "attraper")) != [source_key("Al-Mawsili")]


class TestOutletsNamedAtLength:
    def test_an_interview_granted_under_anonymity(self, registry):
        sentence = (
            "Les Etats-Unis ont refusé une demande, a révélé un officier, lors d'une interview accordée "
            "sous le couvert de l'anonymat au site d'informations irakien Al-Maalouma."
        )
        assert names(run(registry, sentence + "\n")[0])[0] == source_key("Al-Maalouma")

    def test_a_web_site_by_its_name(self, registry):
        text = (
            "Une source de sécurité a révélé que 200 véhicules étaient arrivés.\n"
            "« Le convoi est arrivé », ajoute la source, citée par le site web irakien al-Maaloumah.\n"
        )
        assert names(find(run(registry, text), "convoi"))[0] == source_key("al-Maaloumah")


class TestStatementsTheTaggerMisreads:
    def test_a_name_then_a_speech_verb_read_as_a_noun(self, registry):
        sentence = "Al-Mayadeen dénonce en effet « le faux rapport » de la revue américaine Newsweek."
        assert names(run(registry, sentence + "\n")[0]) == ["al-mayadeen"]

    def test_a_threat_is_a_statement(self, registry):
        result = run(registry, "Le groupe Kataeb Hezbollah a menacé d'une grande confrontation.\nLe journaliste a été menacé de mort.\n")
        assert names(result[0]) == [source_key("Kataeb Hezbollah")]
        assert result[1].tag == "unsourced"

    def test_and_to_go_on(self, registry):
        text = "Le ministre Ali Saleh a déclaré que la zone était sûre.\nEt de poursuivre : « les forces sont sur place ».\n"
        assert names(find(run(registry, text), "poursuivre")) == [source_key("Ali Saleh")]


def test_a_body_described_at_length_before_its_name(registry):
    sentence = "Le gestionnaire français du réseau électrique à haute tension RTE a indiqué que le courant était rétabli."
    assert names(run(registry, sentence + "\n")[0]) == [source_key("RTE")]


class TestStandfirsts:
    BODY = (
        "Les secours ont dégagé trois survivants dans la nuit.\n"
        "« Nous poursuivons les recherches », a indiqué le préfet.\n"
        "Les écoles resteront fermées lundi, selon la mairie.\n"
    )

    def test_a_lead_the_body_repeats_is_no_claim(self, registry):
        text = (
            "Séisme dans le Sud\n"
            "Au moins douze personnes ont été tuées dimanche dans un séisme près d'Agadir, selon les autorités locales.\n"
            "Au moins douze personnes ont été tuées dimanche dans un séisme près d'Agadir, selon les autorités locales, qui craignent un bilan plus lourd.\n"
            + self.BODY
        )
        result = run(registry, text)
        lead = result[1]
        assert not lead.is_claim and lead.kind == "standfirst"
        assert find(result, "craignent").is_claim

    def test_a_lead_with_other_figures_stays_a_claim(self, registry):
        text = "".join(f"Selon l'agence Mehr, le convoi {i} est arrivé à Mossoul.\n" for i in range(8))
        assert all(s.is_claim for s in run(registry, text))

    def test_a_lead_of_its_own_stays_a_claim(self, registry):
        text = (
            "Séisme dans le Sud\n"
            "Au moins douze personnes ont été tuées dimanche dans un séisme près d'Agadir, selon les autorités locales.\n"
            + self.BODY
        )
        assert run(registry, text)[1].is_claim


@pytest.mark.parametrize("sentence", ["Des citoyens ont signalé des coupures de courant.", "Des internautes ont rapporté des coupures de courant."])
def test_people_at_large_who_report_are_witnesses(registry, sentence):
    assert names(run(registry, sentence + "\n")[0]) == ["unnamed-witness"]


def test_a_paper_whose_name_starts_with_a_number(registry):
    assert names(run(registry, "20 minutes précisait que le feu avait pris dans la cuisine.\n")[0]) == [source_key("20 minutes")]


class TestReadAfterTheRoundsMeasure:
    STORY = TestNationalSourcesInTheRegistry.STORY

    def test_an_outlet_told_by_an_unnamed_source(self, registry):
        sentence = "Une roquette est tombée près de l'ambassade, a appris Sputnik d'une source sécuritaire irakienne."
        assert names(run(registry, sentence + "\n")[0]) == ["sputnik", "iraqi-security-source"]

    @pytest.mark.parametrize("sentence", ["Selon une source policière, deux civils ont été tués.", "Un responsable de la sécurité a affirmé que la ville était calme."])
    def test_police_and_security_sources_are_the_security_source(self, registry, sentence):
        assert names(run(registry, self.STORY + sentence + "\n")[-1]) == ["iraqi-security-source"]

    def test_a_country_speaks_through_its_government(self, registry):
        assert names(run(registry, "L'Irak a déjà annoncé le retrait des troupes étrangères.\n")[0]) == ["iraq-government"]

    def test_an_outlet_with_news_glued_to_its_name(self, registry):
        sentence = "Le porte-parole Bahram Qassemi a déclaré que la situation était calme, rapporte Farsnews."
        assert names(run(registry, sentence + "\n")[0])[0] == "fars"

    def test_a_ministry_that_names_its_country(self, registry):
        text = self.STORY + "Auparavant, le ministère de la Santé de l'Irak a signalé 10 morts.\n"
        assert names(run(registry, text)[-1]) == [source_key("ministère de la Santé de l'Irak")]

    def test_a_body_in_the_country_the_sentence_opens_on(self, registry):
        text = (
            "Yémen : frappes sur Sanaa\nLes frappes ont visé Sanaa, au Yémen, selon les Houthis du Yémen.\n"
            "En Israël, l'armée a dit qu'un missile lancé depuis le Yémen avait été intercepté.\n"
        )
        assert names(run(registry, text)[-1]) == [source_key("armée israélienne")]


class TestBodiesAndPapersSaidAgain:
    def test_a_paper_by_its_foreign_title_then_by_its_kind(self, registry):
        text = (
            "La banque devrait supprimer 3000 emplois dans le monde, selon Die Zeit.\n"
            "Le reste des coupes visera la gestion de fortune, précise le journal.\n"
        )
        result = run(registry, text)
        assert names(find(result, "gestion")) == [source_key("Die Zeit")]
        assert find(result, "gestion").links[0].source.kind == "news_outlet"

    def test_a_body_named_in_a_fact_then_described(self, registry):
        text = (
            "La Banque de Lisbonne a relevé son taux directeur mardi.\n"
            "Citant la reprise de l'emploi, la banque centrale estime que la hausse était nécessaire.\n"
        )
        assert names(find(run(registry, text), "reprise")) == [source_key("Banque de Lisbonne")]

    def test_a_described_body_with_no_body_of_that_kind_before(self, registry):
        text = "Le gouvernement a relevé les salaires.\nLa banque centrale estime que la hausse était nécessaire.\n"
        assert names(find(run(registry, text), "nécessaire")) != [source_key("gouvernement")]


class TestIncisesWithoutComma:
    def test_a_compound_past_after_the_clause(self, registry):
        text = "Trois civils ont été tués dimanche dans le nord de la ville a indiqué l'Observatoire des droits humains (ODH).\n"
        (result,) = run(registry, text)
        assert result.tag == "sourced" and names(result) == [source_key("Observatoire des droits humains (ODH)")]

    def test_a_subject_before_the_compound_past_is_no_incise(self, registry):
        (result,) = run(registry, "Le maire Paul Girard a dénoncé un coup monté.\n")
        assert names(result) == [source_key("Paul Girard")]

    def test_anonymity_written_with_a_hyphen(self, registry):
        (result,) = run(registry, "« Il y a eu une explosion », a rapporté sous-couvert d'anonymat un responsable de la zone.\n")
        assert result.tag == "sourced" and names(result)[0] != source_key("anonymat")


class TestNothingSaid:
    def test_a_negated_passive_names_no_source(self, registry):
        text = "Aucun bilan officiel n'a été communiqué par les autorités, mais une source militaire a affirmé que 31 soldats étaient morts.\n"
        (result,) = run(registry, text)
        assert names(result) == ["military-source"]


class TestPeopleSaidAgainByTheirOffice:
    def test_the_number_one_of_a_body_named_with_the_person(self, registry):
        text = (
            "Pour l’homme fort de la CFDT, Laurent Bernier, « il faut amplifier » la mobilisation.\n"
            "Le gouvernement n'a pas répondu.\n"
            "Les syndicats se réuniront lundi.\n"
            "La journée suivante sera « un moment de famille », a poursuivi le numéro un de la CFDT.\n"
        )
        result = run(registry, text)
        assert names(find(result, "amplifier")) == [source_key("Laurent Bernier")]
        assert names(find(result, "famille")) == [source_key("Laurent Bernier")]

    def test_the_title_before_the_name_not_the_title_of_the_person_before(self, registry):
        text = (
            "Le procureur de Namur Vincent Marchal et le bourgmestre Maxime Perrin ont donné une conférence de presse.\n"
            "Les faits se sont déroulés vers 18 h 30, a expliqué le procureur.\n"
            "Pour le bourgmestre Maxime Perrin, il s’agit d’une perte dramatique.\n"
        )
        result = run(registry, text)
        assert names(find(result, "18 h 30")) == [source_key("Vincent Marchal")]
        assert names(find(result, "dramatique")) == [source_key("Maxime Perrin")]

    def test_a_name_ends_before_the_initials_of_the_body(self, registry):
        (result,) = run(registry, "Selon le lieutenant Éric Simon du SPVG, les policiers se sont rendus sur place.\n")
        assert names(result) == [source_key("Éric Simon")]

    def test_a_label_in_capitals_is_no_part_of_the_name(self, registry):
        (result,) = run(registry, "PRÉSIDENTIELLE 2022 - Marine Lenoir a déclaré dimanche qu'elle quitterait la présidence du parti.\n")
        assert names(result) == [source_key("Marine Lenoir")]

    def test_this_last_one_is_the_person_named_last_even_in_a_fact(self, registry):
        text = (
            "Il y a ceux qui refusent de commenter, comme c'est le cas d'Olivier Dussart sur Sud Radio.\n"
            "Ce dernier a simplement affirmé mardi qu'il ne pouvait pas répondre.\n"
        )
        assert names(find(run(registry, text), "répondre")) == [source_key("Olivier Dussart")]


class TestDenials:
    @pytest.mark.parametrize(
        ("sentence", "speaker"),
        [
            ("Le Kremlin a rejeté en bloc ces accusations.\n", "kremlin"),
            ("L'opposition a rejeté mardi les résultats provisoires.\n", "opposition"),
            ("Moscou et Téhéran rejettent ces allégations.\n", source_key("Russie")),
        ],
    )
    def test_rejecting_what_was_said_is_a_statement(self, registry, sentence, speaker):
        (result,) = run(registry, sentence)
        assert result.tag == "sourced" and names(result) == [speaker]

    def test_rejecting_a_bill_is_an_act(self, registry):
        (result,) = run(registry, "Le Parlement a rejeté le projet de loi.\n")
        assert result.tag == "unsourced"


class TestCitingWithDescriptions:
    def test_a_high_ranking_source_is_the_source_of_its_kind(self, registry):
        text = "Le bilan est lourd.\nCitant une haute source militaire, le quotidien Al-Jarida a écrit que ces déclarations sont fausses.\n"
        assert names(find(run(registry, text), "Citant")) == [source_key("Al-Jarida"), "military-source"]

    def test_citing_after_media_described_by_two_adjectives(self, registry):
        text = "Le bilan est lourd.\nTrente personnes ont été tuées, rapportent les médias locaux et étrangers citant des sources sur le terrain.\n"
        assert names(find(run(registry, text), "Trente")) == ["unnamed-media", "unnamed-source"]


class TestPronounsForBodies:
    def test_according_to_them_after_a_body_in_the_plural(self, registry):
        (result,) = run(registry, "Les autorités turques reprochent aux Grecs d'armer les îles, en violation, selon elles, de deux traités.\n")
        assert names(result) == [source_key("autorités turques")]


def test_a_picture_handed_out_is_credited_to_whoever_handed_it_out():
    assert caption_credit("Des objets saisis par la police (Crédit photo: gracieuseté du SPVM)").name == "SPVM"
