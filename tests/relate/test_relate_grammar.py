"""The tie-up reader's grammar rules, one test sentence (or two) each.

The sentences are written for these tests, not taken from the gold files; the
cue lexicons have their own sentences in tests/relate/cues/.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tieup.models import Extraction

Found = set[tuple[frozenset[str], str]]


def found(extraction: Extraction) -> Found:
    return {(frozenset((t.a_id or t.a, t.b_id or t.b)), str(t.status)) for t in extraction.tieups}


def pair(a: str, b: str, status: str) -> tuple[frozenset[str], str]:
    return frozenset((a, b)), status


CASES = [
    # commas split an enumeration of distinct tie-ups; a piece without a cue
    # ("Mazda et Subaru") stays with the piece before it
    pytest.param(
        "fr",
        "Après l'alliance entre Ford et Volkswagen, les travaux communs entre Toyota, Mazda "
        "et Subaru, ce sont Honda et BYD qui annoncent un projet commun.",
        {
            pair("ford", "volkswagen-group", "active"),
            pair("toyota", "mazda", "active"),
            pair("toyota", "subaru", "active"),
            pair("mazda", "subaru", "active"),
            pair("honda", "byd", "agreed"),
        },
        id="fr-comma-enumeration",
    ),
    # the conditional mood colours its own clause only
    pytest.param(
        "fr",
        "Il aurait été difficile de poursuivre, sachant que BMW collabore déjà avec Toyota.",
        {pair("bmw", "toyota", "active")},
        id="fr-conditional-scope",
    ),
    pytest.param(
        "fr",
        "Renault pourrait s'associer à Geely pour produire des moteurs.",
        {pair("renault-group", "geely", "rumored")},
        id="fr-conditional-rumour",
    ),
    # an ending without names ends what the clause before named
    pytest.param(
        "fr",
        "Ford a négocié avec Honda pendant un an, mais les discussions ont été interrompues.",
        {pair("ford", "honda", "ended")},
        id="fr-ending-without-names",
    ),
    pytest.param(
        "en",
        "Nissan held merger talks with Honda, but the negotiations collapsed in February.",
        {pair("nissan", "honda", "ended")},
        id="en-ending-without-names",
    ),
    # a hypothetical object under a confirmed verb does not make a rumour
    pytest.param(
        "fr",
        "Honda et Nissan ne discutent plus d'un éventuel rapprochement.",
        {pair("honda", "nissan", "ended")},
        id="fr-no-longer-discussing-possible-deal",
    ),
    pytest.param(
        "en",
        "Ford is in talks with BYD about a potential partnership on batteries.",
        {pair("ford", "byd", "talks")},
        id="en-talks-about-potential-deal",
    ),
    pytest.param(
        "fr",
        "Une éventuelle alliance entre Ford et BYD fait beaucoup parler.",
        {pair("ford", "byd", "rumored")},
        id="fr-possible-alliance-alone",
    ),
    # reported speech colours the whole sentence
    pytest.param(
        "en",
        "Toyota and BYD have signed a battery supply agreement, people familiar with the "
        "matter said.",
        {pair("toyota", "byd", "rumored")},
        id="en-unnamed-sources",
    ),
    # a rumour outranks a bare relation noun elsewhere in the article
    pytest.param(
        "fr",
        "Selon des sources proches du dossier, Stellantis et Leapmotor discutent d'un "
        "rapprochement. « Stellantis et Leapmotor ont besoin d'une alliance », juge un "
        "analyste.",
        {pair("stellantis", "leapmotor", "rumored")},
        id="fr-rumour-beats-bare-noun",
    ),
    # a list after "partners", "backers" is the object of the clause, not reciprocal
    pytest.param(
        "en",
        "Rivian said its two largest backers, Ford and Volkswagen, keep working with the company.",
        {pair("rivian", "ford", "active"), pair("rivian", "volkswagen-group", "active")},
        id="en-backers-list",
    ),
    pytest.param(
        "fr",
        "Renault a eu des entretiens avec ses partenaires Nissan et Mitsubishi.",
        {
            pair("renault-group", "nissan", "active"),
            pair("renault-group", "mitsubishi-motors", "active"),
        },
        id="fr-meeting-partners-is-active",
    ),
    # a new agreement with an existing partner is agreed
    pytest.param(
        "en",
        "Audi signed an agreement with its long-term partner SAIC to build electric cars.",
        {pair("audi", "saic-motor", "agreed")},
        id="en-agreement-with-partner",
    ),
    # "Volvo owner Geely": the first name only describes the second
    pytest.param(
        "en",
        "Jaguar Land Rover is seeking partners, with BMW and Volvo owner Geely in the frame "
        "according to sources.",
        {
            pair("jaguar-land-rover", "bmw", "rumored"),
            pair("jaguar-land-rover", "geely", "rumored"),
        },
        id="en-owner-apposition",
    ),
    # an announcement is an agreement only when what it announces is one
    pytest.param(
        "fr",
        "Le PDG de Ford a annoncé qu'il avait eu des réunions avec Toyota.",
        {pair("ford", "toyota", "talks")},
        id="fr-announced-meetings",
    ),
    pytest.param(
        "fr",
        "BYD et Toyota annoncent la création d'une coentreprise à Shenzhen.",
        {pair("byd", "toyota", "agreed")},
        id="fr-announce-joint-venture",
    ),
    pytest.param(
        "fr",
        "Li Auto et Nio signent chacun des ventes records en mars.",
        set(),
        id="fr-sign-without-agreement",
    ),
    # a competitor, a union, an outlet is no party
    pytest.param(
        "fr",
        "Le fonds saoudien PIF est en négociations avec Lucid, un concurrent en herbe de Tesla.",
        {pair("public-investment-fund", "lucid", "talks")},
        id="fr-competitor-not-party",
    ),
    pytest.param(
        "en",
        "Mercedes-Benz will team up with Nvidia to catch up with rivals Tesla and BYD.",
        {pair("mercedes-benz-group", "nvidia", "agreed")},
        id="en-rivals-not-party",
    ),
    # "a subsidiary of", "filiale de": the owner only describes
    pytest.param(
        "en",
        "Ultium Cells, a subsidiary of General Motors, signed an agreement with Samsung SDI.",
        {pair("ultium-cells", "samsung-sdi", "agreed")},
        id="en-subsidiary-of-describes",
    ),
    pytest.param(
        "fr",
        "Saft, filiale de TotalEnergies, a signé un accord avec Stellantis.",
        {pair("saft", "stellantis", "agreed")},
        id="fr-filiale-de-describes",
    ),
    # a negated ending is no ending; with the conditional, a rumour
    pytest.param(
        "fr",
        "Les négociations entre Apple et Kia ne seraient pas totalement abandonnées.",
        {pair("apple", "kia", "rumored")},
        id="fr-negated-ending",
    ),
    pytest.param(
        "en",
        "Ford said its new cars will not work with Baidu's maps.",
        set(),
        id="en-negated-cue",
    ),
    pytest.param(
        "fr",
        "Toyota ne va pas s'associer à BYD, assure son patron.",
        set(),
        id="fr-negated-cue",
    ),
    # a pair of dashes sets a remark apart, as parentheses do
    pytest.param(
        "fr",
        "L'usine est le fruit d'une coopération – 2 milliards d'euros d'investissements – "
        "entre Stellantis et Toyota.",
        {pair("stellantis", "toyota", "active")},
        id="fr-dash-parenthesis",
    ),
    # the object before the subject: "Après une réunion avec X, Y ..."
    pytest.param(
        "fr",
        "Après une réunion avec Foxconn, Nissan a confirmé des discussions.",
        {pair("nissan", "foxconn", "talks")},
        id="fr-object-before-subject",
    ),
    pytest.param(
        "fr",
        "Après la signature d'accords avec Geely, ainsi qu'avec Dongfeng, Renault accélère.",
        {pair("renault-group", "geely", "agreed"), pair("renault-group", "dongfeng", "agreed")},
        id="fr-two-objects-no-subject-after",
    ),
    # examples after "like" are objects of the subject named before them
    pytest.param(
        "en",
        "Qualcomm supplies chips to carmakers like BMW and Renault.",
        {pair("qualcomm", "bmw", "active"), pair("qualcomm", "renault-group", "active")},
        id="en-examples-after-like",
    ),
    # an apposition loses only its describing name
    pytest.param(
        "fr",
        "Le propriétaire de Jeep, Stellantis, discute avec Leapmotor.",
        {pair("stellantis", "leapmotor", "talks")},
        id="fr-apposition-descriptor",
    ),
    # "the better partner for Apple": Apple is the other side, not a partner named
    pytest.param(
        "en",
        "A source added that Kia is the better partner for Apple.",
        {pair("kia", "apple", "rumored")},
        id="en-partner-for",
    ),
    # "X was going to be Y's partner"
    pytest.param(
        "en",
        "Volkswagen was allegedly going to be Apple's partner on the car project.",
        {pair("volkswagen-group", "apple", "rumored")},
        id="en-copula-possessive",
    ),
    # background ownership is no tie-up
    pytest.param(
        "fr",
        "Geely, maison-mère de Volvo Cars, a présenté ses résultats.",
        set(),
        id="fr-ownership-background",
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_relate_grammar(
    lang: str, text: str, expected: Found, extract_text: Callable[..., Extraction]
) -> None:
    assert found(extract_text(text, lang=lang)) == expected
