"""Common first names and the gender they say, for "il" and "elle" pointing back at a person
named without a title ("Manuel Valls …, a-t-elle dit" is not Manuel Valls).

Pure Python (no Django). Folded forms (no accents, lower case); a name not listed says nothing.
"""

from __future__ import annotations

from claims.text.registry import fold

_MEN = frozenset("""
abdel abdallah abdelkader abdoulaye ahmed ahmad alain alexandre ali amadou andre antoine antonio
arnaud assimi bachar benjamin benoit bernard bruno carlos charles christian christophe
daniel david denis didier dmitri donald edouard emmanuel eric fabien fabrice francois frederic
gabriel georges gerald gerard gilles guillaume hassan henri hossein hugo ibrahim igor ivan jacques
james jean jeremy joe john jordan joseph julien karim laurent louis luc lucas mahmoud mamadou
manuel marc marcel mario mark martin mathieu matthieu maxime michael michel mikhail mohamed mohammed
moussa nicolas olaf olivier omar oleg pascal patrick paul peter philippe pierre rachid raphael
recep rene richard robert roger sebastien serge sergei serguei sergey stephane sylvain thierry
thomas vincent vladimir volodymyr william xavier yahya yannick yves
""".split())

_WOMEN = frozenset("""
agnes aminata amelie anne annie aurore beatrice brigitte carole caroline catherine
cecile celine chantal charlotte christine claire clemence delphine elisabeth elise
elodie emilie emma fatima fatou florence francoise gabrielle helene isabelle jacqueline jeanne
josiane julia julie karine kamala laetitia laure laurence lea leila louise lucie marie marine
marion martine mathilde melanie michele monique nadia nadine najat nathalie olga patricia pauline
rachida sandrine sarah segolene sophie stephanie sylvie ursula valerie veronique virginie yael
""".split())


def gender_of_name(name: str) -> str | None:
    """ "m" or "f" when the name opens with a first name listed as a man's or a woman's."""
    words = fold(name).replace("-", " ").split()
    if len(words) < 2:
        return None  # a surname alone says nothing
    first = words[0]
    if first in _MEN:
        return "m"
    if first in _WOMEN:
        return "f"
    return None
