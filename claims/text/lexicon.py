"""French word lists for attribution cues. Every entry is folded (lowercase, no accents).

The speech verbs follow the lexicon of Sagot, Danlos & Stern (LREC 2010, built on AFP wires):
verbs that report speech whatever follows them, and verbs that only do so with a reported
clause ("que", ":" or a quote) or in an incise (", a ajouté le ministre"): "ajouter du sel",
"estimer un coût", "assurer la sécurité" and "prévenir une attaque" report nobody's words.
"""

from __future__ import annotations


def _er_forms(stem: str) -> set[str]:
    """Common finite and participle forms of a regular -er verb from its stem ("declar")."""
    soft = stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
    forms = {
        stem + "e", stem + "es", stem + "ent", stem + "ons", stem + "ez",
        soft + "ait", soft + "aient", soft + "a", stem + "erent", stem + "era", stem + "eront",
        stem + "erait", stem + "eraient", stem + "e", stem + "ee", stem + "es", stem + "ees",
        soft + "ant", stem + "er",
    }
    # Participles: "declare" is both the present and the participle once accents are folded.
    return {f.replace("ç", "c") for f in forms}


# Verbs that report speech whether followed by a clause or by a noun ("a annoncé l'entrée de").
_STRONG_ER = """
declar affirm annonc indiqu precis soulign confirm revel rapport racont relat signal evoqu
mentionn proclam clam martel reiter repet detaill temoign communiqu twitt tweet revendiqu
enumer refut denonc deplor critiqu fustig exig reclam reaffirm menac
""".split()
# Verbs that report speech only with "que", ":", a quote, or in an incise.
_WEAK_ER = """
ajout estim rappel assur not observ constat jug consider pens insist alert deplor regrett
accus suggér avanc lanc gliss lach souffl repliqu retorqu confi comment continu ironis
nuanc tempér tranch expliqu concéd plaid alarm inquiet felicit emport exclam qualifi condamn salu
resum relev rassur analys list enchain reproch
""".split()
_WEAK_ER = [s.replace("é", "e") for s in _WEAK_ER]

STRONG_FORMS: set[str] = set()
for _stem in _STRONG_ER:
    STRONG_FORMS |= _er_forms(_stem)
WEAK_FORMS: set[str] = set()
for _stem in _WEAK_ER:
    WEAK_FORMS |= _er_forms(_stem)

# Irregular verbs and spelling changes, as folded forms.
STRONG_FORMS |= {
    # dire
    "dit", "dis", "disent", "disait", "disaient", "dira", "diront", "dirait", "diraient",
    "dite", "dites", "disant", "dire",
    # redire
    "redit", "redisent", "redisait", "redira", "redire",
    # requérir ("le procureur requiert trois ans de prison"): a court's demand, said
    "requiert", "requierent", "requerait", "requeraient", "requerir",
    # promettre ("a promis des mesures")
    "promet", "promis", "promettent", "promettait",
    # écrire
    "ecrit", "ecrite", "ecrivent", "ecrivait", "ecrira", "ecrirait", "ecrivant", "ecrire",
    # démentir
    "dement", "dementent", "dementait", "dementi", "dementie", "dementant", "dementir",
    # nier ("a nié toute responsabilité": a denial, like "a démenti l'information")
    "nie", "nient", "niait", "nier", "niant",
    # décrire ("a décrit des scènes de panique": what was seen, told)
    "decrit", "decrite", "decrits", "decrivent", "decrivait", "decrivaient", "decrira", "decrirait",
    "decrivant", "decrire",
}
WEAK_FORMS |= {
    # rappeler, répéter, révéler, suggérer, prédire, reconnaître, admettre, conclure, poursuivre,
    # croire, prévenir, soutenir, promettre, répondre
    "rappelle", "rappellent", "rappellera", "rappellerait",
    "repete", "repetent", "revele", "revelent", "suggere", "suggerent",
    "predit", "reconnait", "reconnu", "reconnue", "reconnaissent", "reconnaissait",
    "admet", "admis", "admise", "admettent", "admettait",
    "conclut", "conclu", "concluait",
    "poursuit", "poursuivi", "poursuivait", "poursuivent",
    "croit", "cru", "croient", "croyait",
    "previent", "prevenu", "previennent", "prevenait",
    "soutient", "soutenu", "soutiennent", "soutenait",
    "repond", "repondu", "repondent", "repondait",
    "avertit", "averti", "avertissent", "avertissait",
    "pretend", "pretendu", "pretendent", "pretendait",
    # asséner / assener (in an incise or with a quote: "», a asséné l'avocate")
    "assene", "assenent", "assenait", "assena", "assener",
    # entrevoir
    "entrevoit", "entrevu",
    # réagir ("», a réagi le député", "X a réagi : « … »")
    "reagi", "reagit", "reagissent", "reagissait", "reagissaient",
}
WEAK_FORMS -= STRONG_FORMS

# "faire part de", "faire état de", "faire savoir que": the cue is the pair of words.
FAIRE_FORMS = {"fait", "font", "faisait", "faisaient", "fera", "ferait", "faire", "faisant", "fit"}
FAIRE_OBJECTS = {"part", "etat", "savoir", "valoir"}
# "a fait ces remarques", "fait une déclaration": a statement made.
FAIRE_STATEMENTS = {
    "remarques", "remarque", "declaration", "declarations", "commentaires", "commentaire",
    "annonce", "annonces", "confidences", "revelations", "aveux",
}
# "a donné un bilan de six morts", "avance un premier bilan", "a publié des chiffres": a figure
# given is a statement (with one of FIGURE_NOUNS as its object).
FIGURE_GIVING_FORMS = (
    _er_forms("donn") | _er_forms("avanc") | _er_forms("publi") | _er_forms("dress") | _er_forms("livr")
    | _er_forms("montr") | _er_forms("diffus")  # "montrait des images", "a diffusé une vidéo"
    | {"retransmis", "retransmet", "retransmettent", "retransmettait", "retransmettaient"}  # "a retransmis des vidéos"
    | {"fournit", "fourni", "fournissent", "fournissait", "fournira", "fournir",
       "etablit", "etabli", "etablissent", "etablissait", "etablira", "etablir"}
)
FIGURE_NOUNS = {
    "bilan", "bilans", "chiffre", "chiffres", "estimation", "estimations", "decompte", "evaluation",
    "statistiques", "prevision", "previsions",
    # "a donné des précisions", "ont donné des informations similaires", "a fourni des détails"
    "precisions", "precision", "informations", "details", "explications",
    # pictures shown are a report of what they show: "la télévision montrait des images"
    "images", "video", "videos", "photos", "sequences",
}
# "la police a recensé trois morts", "le syndicat dénombrait 100 % de grévistes": a count given.
COUNT_FORMS = _er_forms("denombr") | _er_forms("recens") | _er_forms("chiffr")
# "s'est alarmée de", "s'est félicité de", "s'est inquiété de": a stance taken, reported.
STANCE_FORMS = (
    _er_forms("alarm") | _er_forms("inquiet") | _er_forms("felicit") | _er_forms("rejou")
    | _er_forms("indign") | _er_forms("emu") | {"inquiete", "inquietee", "inquietes", "emue", "rejoui", "rejouie"}
)
# "a parlé de X": what was spoken of, reported.
PARLER_FORMS = {"parle", "parlent", "parlait", "parlaient", "parlera", "parlant"}

# "appeler à", "exhorter à": a call someone made, reported ("a appelé X à réagir").
CALL_FORMS = (
    _er_forms("appel") | _er_forms("exhort") | _er_forms("demand") | _er_forms("avis") | _er_forms("invit")
    | {"appelle", "appellent", "appellera", "appelerait", "appeler"}
)

# "a exprimé l'espoir de", "a exprimé ses condoléances": a feeling or a wish voiced (with one of
# VOICED_NOUNS as the object); "a plaidé pour", "plaide en faveur de": a position argued.
# "a exprimé son inquiétude", "présente ses excuses", "a adressé ses condoléances"
EXPRESS_FORMS = _er_forms("exprim") | _er_forms("present") | _er_forms("adress")
VOICED_NOUNS = {
    "excuses", "voeux", "felicitations",
    "espoir", "souhait", "voeu", "inquietude", "inquietudes", "preoccupation", "preoccupations",
    "satisfaction", "regret", "regrets", "condoleances", "soutien", "solidarite", "colere",
    "indignation", "opposition", "desaccord", "crainte", "craintes", "doutes", "doute", "confiance",
    "reserves", "position", "volonte", "intention", "refus", "gratitude", "reconnaissance",
}
PLEAD_FORMS = _er_forms("plaid")
# "a exclu l'hypothèse d'un attentat", "a écarté la piste terroriste": a possibility ruled out, said.
RULE_OUT_FORMS = {"exclut", "exclu", "excluent", "excluait", "excluaient", "exclure", "excluant"} | _er_forms("ecart")
RULED_OUT = {"hypothese", "hypotheses", "piste", "pistes", "possibilite", "eventualite", "scenario", "option", "idee"}
# "a rejeté ces accusations": a denial of what was said, so a statement (a bill or a request rejected is an act).
REJECT_FORMS = {
    "rejette", "rejettent", "rejetait", "rejetaient", "rejete", "rejetee", "rejetes", "rejetees", "rejeter",
    "rejetant", "rejettera", "rejetterait",
} | _er_forms("contest")  # "la police a contesté le bilan fourni par l'opposition"
REJECTED = {
    "allegations", "allegation", "accusations", "accusation", "informations", "information", "affirmations",
    "affirmation", "critiques", "rumeurs", "propos", "version", "chiffres", "bilan", "resultats",
    "responsabilite", "imputations", "reproches", "soupcons", "declarations",
}
# "a insisté sur les liens": what was stressed (with "sur").
INSIST_FORMS = _er_forms("insist")
# "a mis en avant", "met en avant les chiffres": an argument put forward.
METTRE_FORMS = {"met", "mettent", "mettait", "mettaient", "mis", "mise", "mettra", "mettrait", "mettant"}

# "attribuer l'attaque à X", "imputer à": whose doing something was, said (with "à").
ASCRIBE_FORMS = _er_forms("attribu") | _er_forms("imput")

# Verbs of fear and supposition: vague with "on" (below), a named subject's stance with a
# clause ("X craint que …").
BELIEF_FORMS = {
    "craint", "craignait", "craignent", "craignaient", "craindrait", "redoute", "redoutent",
    "redoutait", "redoutaient", "redouterait", "soupconne", "soupconnent", "soupconnait", "suppose",
    "supposent", "supposait",
}
# "apprendre" reports speech only with "on" ("on apprend que", "a-t-on appris").
# "croit savoir": the pair reports what the subject was told ("…, croit savoir Le Monde").
CROIRE_FORMS = frozenset({"croit", "croient", "croyait", "croyaient"})
VAGUE_ONLY_FORMS = {"apprend", "appris", "apprenait", "sait", "savait", "murmure", "raconte"} | BELIEF_FORMS

# Speech verbs that report nobody's words in the reflexive: "l'épidémie s'est déclarée" (broke
# out), "la tendance s'est confirmée", "il s'est révélé", "la reprise s'annonce difficile".
REFLEXIVE_NOT_SPEECH = ("declar", "confirm", "revel", "annonc", "precis", "signal", "rapport", "dessin")

# Subjects that name nobody: "Beaucoup redoutaient que …", "Certains estiment que …" (vague).
VAGUE_SUBJECTS = {"beaucoup", "certains", "certaines", "d' aucuns", "d'aucuns", "plusieurs", "nombreux", "d'autres", "d' autres", "la plupart"}

# Passive participles that name the reporter with "par": "cité par", "rapporté par".
PASSIVE_REPORT_FORMS = {
    "cite", "citee", "cites", "citees", "rapporte", "rapportee", "rapportes", "rapportees",
    "relaye", "relayee", "relayes", "relayees", "repris", "reprise", "reprises",
    "avance", "avancee", "avances", "avancees",  # "des arguments avancés par le porte-parole"
}

# "Interrogé par la chaîne X", "contacté par l'AFP": the outlet the speaker talked to.
INTERVIEW_FORMS = {
    "interroge", "interrogee", "interroges", "interrogees", "interviewe", "interviewee",
    "interviewes", "interviewees", "contacte", "contactee", "contactes", "contactees",
    "joint", "jointe", "joints", "jointes", "sollicite", "sollicitee", "sollicites", "sollicitees",
}

# "un communiqué diffusé par sa chaîne", "publié par le quotidien X": the medium that carried it
# (only when what follows "par" is a medium).
BROADCAST_FORMS = {
    "diffuse", "diffusee", "diffuses", "diffusees", "publie", "publiee", "publies", "publiees",
    "retransmis", "retransmise", "relaye", "relayee", "relayes", "relayees",
}

# Words that introduce a source: "selon X", "d'après X", "à en croire X".
PREPOSITIONS = {"selon", "suivant"}
# After "selon": a relative pronoun or "que" makes it a conjunction, not a cue.
NOT_AFTER_SELON = {"lequel", "laquelle", "lesquels", "lesquelles", "que", "qu'", "quoi", "qui"}

# Nouns naming what someone said or wrote; "de X" after them names the speaker.
NOMINAL_SELF = {
    "communique", "communiques", "declaration", "declarations", "propos", "annonce", "annonces",
    "affirmation", "affirmations", "aveux", "temoignage", "temoignages", "interview",
    "entretien", "message", "messages", "lettre", "tweet", "tweets", "discours",
    "intervention", "allocution", "mise", "confidences", "revelations", "accusations", "texte",
}
# A medium's own people: "ses journalistes", "des journalistes de l'AFP ont vu".
REPORTER_NOUNS = frozenset({
    "journaliste", "journalistes", "correspondant", "correspondants", "correspondante", "reporter",
    "reporters", "envoye", "envoyes", "envoyee", "equipes", "equipe", "redaction", "photographe",
    "photographes",
})
# What a medium's reporters saw is the medium's report: "des journalistes de l'AFP ont vu …".
WITNESS_FORMS = {
    "vu", "voit", "voient", "voyait", "voyaient", "constate", "constatent", "constatait", "constataient",
    "observe", "observent", "observait", "entendu", "entend", "entendent",
}
# "crie à la fraude", "criaient au complot": a claim (with "à").
CRY_FORMS = {"crie", "crient", "criait", "criaient"}
# "l'intervention des policiers": whose intervention is an operation, not a speech.
INTERVENING_FORCES = {
    "police", "policiers", "gendarmes", "gendarmerie", "pompiers", "sapeurs", "secours", "secouristes",
    "sauveteurs", "forces", "militaires", "soldats", "troupes", "armee", "demineurs", "raid", "gign",
}
# Nouns naming a report: a source of its own when nobody is named as its author.
NOMINAL_REPORT = {
    "rapport", "rapports", "depeche", "depeches", "document", "documents", "enquete", "etude",
    "article", "note", "bilan", "releve", "dossier", "fuite", "fuites", "bulletin", "bulletins", "resultats",
}

# Heads of noun phrases that can be a source, by the kind they suggest.
OUTLET_HEADS = {
    "agence", "agences", "chaine", "chaines", "journal", "journaux", "quotidien", "hebdomadaire",
    "magazine", "site", "television", "radio", "media", "medias", "presse", "correspondant",
    "correspondante", "envoye", "envoyee", "reporter", "journaliste", "journalistes", "redaction",
    "revue", "blog", "antenne", "station", "reseau", "micro", "ondes",
}
INSTITUTION_HEADS = {
    "transporteur", "assureur", "distributeur", "fabricant", "exploitant", "gestionnaire", "equipementier",
    "ministere", "gouvernement", "armee", "armees", "commandement", "police", "parlement",
    "presidence", "conseil", "comite", "organisation", "office", "departement", "bureau",
    "ambassade", "autorites", "etat-major", "parti", "coalition", "tribunal", "cour", "mairie",
    "prefecture", "ong", "mouvement", "observatoire", "administration", "forces", "force",
    "services", "service", "direction", "commission", "agence", "institut", "universite",
    "hopital", "croix-rouge", "senat", "assemblee", "congres", "pentagone", "kremlin",
    "elysee", "ministre-president", "union", "alliance", "groupe", "brigade", "brigades",
    "milice", "milices", "regime", "pouvoir", "etat", "etats", "pays", "municipalite",
    "parquet", "gendarmerie", "marine", "syndicat", "association", "federation", "ministeres", "garde", "cellule",
    # companies, courts and other bodies that speak through a statement
    "entreprise", "societe", "compagnie", "firme", "operateur", "constructeur", "banque", "fonds",
    "laboratoire", "justice", "opposition", "junte", "club", "ligue", "cabinet", "secours",
    "instance", "autorite", "collectivite", "fondation", "wilaya", "gouvernorat", "intersyndicale",
    "patronat", "metropole", "defense", "geant",  # "le géant français du pneu a annoncé"
    "centre", "agences", "caisse", "chambre", "haut-commissariat", "inspection", "tribunaux",
    "regulateur", "regulateurs",  # "a annoncé lundi le régulateur"
}
PERSON_ROLE_HEADS = {
    "porte-parole", "ministre", "president", "presidente", "chef", "commandant", "general",
    "colonel", "capitaine", "lieutenant", "officier", "dirigeant", "dirigeante", "depute",
    "deputee", "senateur", "ambassadeur", "ambassadrice", "conseiller", "conseillere",
    "secretaire", "directeur", "directrice", "gouverneur", "maire", "premier", "emir", "roi",
    "prince", "cheikh", "imam", "ayatollah", "commandante", "patron", "leader", "vice-president",
    "homologue", "negociateur", "emissaire", "envoye", "representant", "representante",
    "militaire", "gradé", "grade", "soldat", "combattant", "chercheur", "chercheuse",
    "specialiste", "professeur", "avocat", "avocate", "procureur", "juge", "medecin",
    "m", "mme", "dr", "pr", "monsieur", "madame",
    "elu", "elue", "elus", "elues", "enseignant", "enseignante", "enseignants", "policier",
    "policiers", "gendarme", "gendarmes", "pompier", "pompiers", "secouriste", "secouristes",
    "sapeur-pompier", "sapeurs-pompiers", "sapeur", "sapeurs",  # the tokenizer splits "sapeurs-pompiers"
    "infirmier", "infirmiere", "etudiant", "etudiante", "commercant", "agriculteur", "eleve",
    "voisin", "voisine", "victime", "victimes", "rescape", "survivant", "manifestant",
    "manifestants", "commissaire", "inspecteur", "prefet", "prefete", "sous-prefet",
    "magistrat", "economiste", "historien", "historienne", "sociologue", "politologue",
    "syndicaliste", "pdg", "fondateur", "fondatrice", "responsable", "chercheurs", "elus",
    # plurals of the roles above ("selon des médecins", "des avocats ont dénoncé")
    "medecins", "avocats", "avocates", "juges", "procureurs", "magistrats", "soignants",
    "infirmiers", "infirmieres", "economistes", "historiens", "sociologues", "politologues",
    "syndicalistes", "dirigeants", "ministres", "deputes", "senateurs", "maires", "prefets",
    # feminine forms
    "senatrice", "senatrices", "procureure", "cheffe", "policiere", "enqueteur", "enqueteurs",
    "enqueteuse", "enqueteuses", "deputees", "avocates", "medecin-chef",
    # more offices and roles that speak in the news
    "candidat", "candidate", "chancelier", "chanceliere", "delegue", "deleguee", "rapporteur",
    "rapporteuse", "mediateur", "mediatrice", "adjoint", "adjointe", "consul", "pape", "patriarche",
    "eveque", "archeveque", "recteur", "rectrice", "doyen", "entraineur", "selectionneur",
    "gouverneure", "mairesse", "vice-premier", "sous-secretaire", "haut-commissaire",
    "bourgmestre", "bourgmestres", "echevin", "echevine", "sergent", "sergente", "coordinateur",
    "coordinatrice", "numero",  # "le numéro un de la CFDT"
    "opposant", "opposante", "opposants", "opposantes",
    "coroner", "coroners", "coronere", "legiste", "medecin-legiste",  # "selon le coroner", "le légiste"
}
# "le vice-gouverneur", "la vice-ministre": a deputy holds a role too.
PERSON_ROLE_HEADS |= {"vice-" + role for role in ("gouverneur", "gouverneure", "ministre", "presidente", "procureur", "procureure", "consul", "amiral", "maire", "chancelier", "recteur")}
ANONYMOUS_HEADS = {
    "source", "sources", "responsable", "responsables", "officiel", "officiels", "temoin",
    "temoins", "diplomate", "diplomates", "expert", "experts", "analyste", "analystes",
    "observateur", "observateurs", "habitant", "habitants", "proche", "proches", "membre",
    "membres", "interlocuteur", "specialistes", "militants", "militant", "activiste",
    "activistes", "resident", "residents", "residant", "residants", "residente", "residentes", "residante",
    "residantes", "fonctionnaire", "fonctionnaires", "cadre", "cadres",
    "organisateur", "organisateurs", "riverain", "passant", "employe", "salarie", "ouvrier",
    "patient", "parent", "parents", "famille", "entourage", "participant", "informateur",
    "connaisseur", "intervenant", "partisan", "opposant", "defenseur", "rebelle", "insurge",
    "jihadiste", "djihadiste", "assaillant", "ravisseur", "taliban", "talibans", "shebab", "houthi",
    "houthis", "separatiste", "putschiste", "mutin", "gréviste", "greviste",
    # the people around someone: "selon ses collègues", "ses amis ont raconté"
    "collegue", "ami", "amie", "camarade", "voisin", "voisine", "collaborateur", "collaboratrice",
    "soutien", "entourage", "famille", "proche", "compagnon", "compagne", "fils", "fille", "frere",
    "soeur", "pere", "mere", "epouse", "mari", "veuve",
    # people at large who report what they saw: "des citoyens ont signalé", "des internautes"
    "citoyen", "citoyenne", "internaute", "usager", "usagere",
}


def _plurals(words: set[str]) -> set[str]:
    """The plural of each head noun ("groupe" -> "groupes", "general" -> "generaux")."""
    out = {w + "s" for w in words if not w.endswith(("s", "x", "z"))}
    return out | {w[:-2] + "aux" for w in words if w.endswith("al")}


def _feminines(words: set[str]) -> set[str]:
    """The feminine of each role noun ("magistrat" -> "magistrate", "enseignant" -> "enseignante",
    "chirurgien" -> "chirurgienne", "infirmier" -> "infirmiere"); a form no one writes is harmless."""
    out = set()
    for w in words:
        if w.endswith(("e", "s", "x")) or len(w) < 4 or w in {"premier", "general"}:
            continue  # "la première source", "la générale": an ordinal, an adjective
        if w.endswith("ien"):
            out.add(w + "ne")
        elif w.endswith("ier"):
            out.add(w[:-2] + "ere")
        elif w.endswith("eur"):
            out |= {w[:-3] + "euse", w[:-3] + "rice", w + "e"}
        elif w.endswith("f"):
            out.add(w[:-1] + "ve")
        else:
            out.add(w + "e")
    return out


PERSON_ROLE_HEADS |= {"urgentiste", "chirurgien", "juriste", "agent", "consultant", "ingenieur", "ex-ministre"}
ANONYMOUS_HEADS |= {"employee", "salariee", "ouvriere", "riveraine", "passante", "residente", "partisane", "opposante"}
# People described by their age or their station in life: "a confié une quinquagénaire", "un retraité".
ANONYMOUS_HEADS |= {
    "trentenaire", "quadragenaire", "quinquagenaire", "sexagenaire", "septuagenaire", "octogenaire",
    "nonagenaire", "retraite", "retraitee", "retraites", "adolescent", "adolescente", "adolescents",
    "lyceen", "lyceenne", "lyceens", "etudiant", "etudiante", "etudiants", "commercant", "commercante",
    "commercants", "agriculteur", "agricultrice", "agriculteurs", "eleveur", "eleveuse", "eleveurs",
    "trader", "traders", "courtier", "courtiers", "investisseur", "investisseurs", "gerant", "gerants",
}
PERSON_ROLE_HEADS |= _feminines(PERSON_ROLE_HEADS)
OUTLET_HEADS |= _plurals(OUTLET_HEADS)
INSTITUTION_HEADS |= _plurals(INSTITUTION_HEADS)
PERSON_ROLE_HEADS |= _plurals(PERSON_ROLE_HEADS)
ANONYMOUS_HEADS |= _plurals(ANONYMOUS_HEADS)
# Of the outlet heads, those that name a medium, not a person working for one ("journaliste").
MEDIUM_HEADS = {
    "agence", "chaine", "journal", "quotidien", "hebdomadaire", "magazine", "site", "television",
    "radio", "station", "revue", "blog", "mensuel", "tabloid", "gazette",
}
DOCUMENT_HEADS = NOMINAL_REPORT | NOMINAL_SELF
# "selon des informations", "selon les derniers rapports": no source at all.
VAGUE_HEADS = {"information", "informations", "rumeur", "rumeurs", "nouvelles", "bruits", "echos", "on-dit"}
VAGUE_PLURAL_REPORTS = {"rapports", "estimations"}  # bare: "selon des rapports"
# Vague adverbials that need no verb: "Aux dernières nouvelles, ...", "..., dit-on".
VAGUE_PHRASES = (
    "aux dernieres nouvelles",
    "a ce qu'on dit",
    "a ce que l'on dit",
    "selon la rumeur",
    "de source officieuse",
    "selon toute vraisemblance",
)
# Impersonal forms that report without a speaker: "il est dit que", "il semblerait que".
IMPERSONAL_VERBS = {"semble", "semblerait", "semblait", "parait", "paraitrait", "paraissait"}

# Words after an incise verb that are not its speaker: "a déclaré mercredi le général".
TIME_WORDS = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
    "aujourd'hui", "demain", "matin", "soir", "apres-midi", "dernier", "derniere", "prochain",
    "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre",
    "octobre", "novembre", "decembre", "encore", "egalement", "aussi", "ensuite", "enfin",
    "alors", "deja", "meme", "notamment", "recemment", "plus", "tard", "tot", "ainsi",
    "ce", "cette", "le", "la", "l'", "soir-la", "nuit", "auparavant", "precedemment", "depuis",
    "peu",
}

# Verbs of circulation: "des images circulent dans les médias", "une vidéo diffusée par X".
CIRCULATION_FORMS = {
    "circulent", "circule", "circulaient", "circulait", "diffusee", "diffusees", "diffuse",
    "diffuses", "publiee", "publiees", "publie", "publies", "relayee", "relayees", "partagee",
    "partagees", "montree", "montrees",
}
CIRCULATION_SUBJECTS = {
    "image", "images", "video", "videos", "photo", "photos", "information", "informations",
    "rumeur", "rumeurs", "document", "documents", "enregistrement", "enregistrements", "sequence",
    "sequences", "message", "messages",
}
MEDIA_HEADS = OUTLET_HEADS | {"reseaux", "reseau", "internet", "toile"}

# Broadcasters and papers often named bare ("sur franceinfo", "à RTL"): read as media, never
# as places or people. Only whether a name is a medium; the registry says which source it is.
MEDIA_NAMES = {
    "franceinfo", "france info", "france inter", "france culture", "france bleu", "france 2",
    "france 3", "france 5", "france 24", "rfi", "rtl", "rmc", "europe 1", "bfmtv", "bfm tv",
    "bfm business", "lci", "cnews", "tf1", "m6", "arte", "tv5monde", "public senat", "lcp", "itele", "i-tele",
    "i>tele", "rmc story", "france inter", "europe1", "rtl2", "fun radio", "nrj", "franceinfo tv",
    "sud radio", "radio-canada", "radio canada", "ici radio-canada", "cbc", "tva", "lcn",
    "rtbf", "rts", "rtl info", "la premiere", "le monde", "le figaro", "liberation",
    "le parisien", "les echos", "ouest-france", "l'equipe", "mediapart", "le point",
    "l'express", "l'obs", "jeune afrique", "le soleil", "la presse", "le devoir", "bbc", "cnn",
    "al jazeera", "al-jazeera", "euronews", "france televisions", "radio france",
    # regional and other national papers, broadcasters and agencies
    "la depeche", "la depeche du midi", "sud ouest", "le progres", "la voix du nord",
    "le telegramme", "nice-matin", "le dauphine libere", "l'est republicain", "midi libre",
    "la provence", "le republicain lorrain", "dernieres nouvelles d'alsace", "la montagne",
    "le courrier picard", "paris-normandie", "la nouvelle republique", "l'independant",
    "corse-matin", "var-matin", "france-antilles", "l'humanite", "la croix",
    "le journal du dimanche", "jdd", "marianne", "le canard enchaine", "la tribune", "l'opinion",
    "20 minutes", "ouest france", "le soir", "la libre belgique", "la libre", "l'avenir",
    "la derniere heure", "le temps", "la tribune de geneve", "tv5", "africanews",
    "le journal de montreal", "tva nouvelles", "rt france", "i24news", "france bleu",
    # foreign broadcasters and papers French copy cites by name
    "rt", "abc", "nbc", "cbs", "fox news", "sky news", "itv", "channel 4", "npr", "voa",
    "dw", "deutsche welle", "rai", "zdf", "ard", "nhk", "cctv", "kbs", "sabc", "ntv",
    "the guardian", "the times", "the sunday times", "sunday times", "financial times",
    "the economist", "politico", "axios", "bloomberg", "cnbc", "bild", "der spiegel", "spiegel",
    "frankfurter allgemeine zeitung", "faz", "suddeutsche zeitung", "die welt", "die zeit",
    "el pais", "el mundo", "la repubblica", "corriere della sera", "la stampa", "asahi shimbun",
    "yomiuri shimbun", "nikkei", "global times", "haaretz", "times of israel", "jerusalem post",
    "yediot aharonot", "maariv", "ynet", "al-ahram", "al ahram", "al-masirah", "al masirah",
    "al-akhbar", "an-nahar", "el watan", "liberte", "tsa", "hespress", "le360", "mosaique fm",
    "radio okapi", "al-quds al-arabi", "asharq al-awsat", "kommersant", "izvestia", "ria",
}
# Where something was said, not to whom: "sur Twitter", "sur les réseaux sociaux".
PLATFORMS = {
    "twitter", "x", "facebook", "instagram", "telegram", "youtube", "tiktok", "linkedin",
    "reseaux", "reseau", "internet", "site", "compte", "blog", "place", "whatsapp", "bluesky",
}
# Nouns of documents besides the statement and report nouns: "un bilan lu par", "des chiffres
# dévoilés par", "le point de situation diffusé par", "une vidéo diffusée par".
DOCUMENT_EXTRA_HEADS = {
    "chiffres", "point", "donnees", "statistiques", "video", "videos", "enregistrement",
    "images", "photos", "bulletin", "avis", "decret", "arrete", "texte", "publication",
    "compte-rendu", "releve", "estimation", "estimations", "previsions", "carte", "cartes", "coordonnees",
}

# What the acronyms of international bodies French news cites stand for, when a text uses one
# without spelling it out ("l'OMS"): named "Full name (ACRONYM)" as the guidelines ask (§5).
# (A dict, so not folded below.)
INTERNATIONAL_ACRONYMS = {
    "OMS": "Organisation mondiale de la santé",
    "FMI": "Fonds monétaire international",
    "OIM": "Organisation internationale pour les migrations",
    "HCR": "Haut-Commissariat des Nations unies pour les réfugiés",
    "UNICEF": "Fonds des Nations unies pour l'enfance",
    "OCHA": "Bureau de la coordination des affaires humanitaires",
    "PAM": "Programme alimentaire mondial",
    "CICR": "Comité international de la Croix-Rouge",
    "MSF": "Médecins sans frontières",
    "BCE": "Banque centrale européenne",
    "AIEA": "Agence internationale de l'énergie atomique",
    "OCDE": "Organisation de coopération et de développement économiques",
    "PNUD": "Programme des Nations unies pour le développement",
    "CPI": "Cour pénale internationale",
    "CEDEAO": "Communauté économique des États de l'Afrique de l'Ouest",
    "UNESCO": "Organisation des Nations unies pour l'éducation, la science et la culture",
    "FAO": "Organisation des Nations unies pour l'alimentation et l'agriculture",
    "OMC": "Organisation mondiale du commerce",
    "OSCE": "Organisation pour la sécurité et la coopération en Europe",
    "UNRWA": "Office de secours et de travaux des Nations unies pour les réfugiés de Palestine",
}

PRONOUNS_3RD = {"il", "elle", "ils", "elles"}
DEMONSTRATIVES = {"ce", "cet", "cette", "ces", "ledit", "ladite", "lesdits", "lesdites"}
DEFINITES = {"le", "la", "les", "l'"}


def _normalise_lists() -> None:
    """Fold every word list the way tokens are folded (accents off, hyphens as spaces)."""
    from claims.text.registry import fold

    for name, value in list(globals().items()):
        if name.isupper() and isinstance(value, (set, frozenset)):
            globals()[name] = {fold(word) if word.strip("-'") else word for word in value}


_normalise_lists()
