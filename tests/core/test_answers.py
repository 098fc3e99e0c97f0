"""Table-driven tests of bot.answers.interpret over realistic Dutch answers."""
from __future__ import annotations

import time
from datetime import date

import pytest

from bot import answer_classifier
from bot.answers import Interpretation, _alternatives, _compile_cues, interpret, normalize
from bot.questionnaire import load

# readings that hang on the learned reader: the conversation side's (.venv/bot), not the web service's
NEEDS_LEARNED_READER = pytest.mark.skipif(not answer_classifier.available(),
                                          reason="the learned reader lives in .venv/bot")

# (question_id, answer, expected value). Written for these tests; not in the cue data.
SCORED = [
    # tech_automatisering
    ("tech_automatisering", "Eigenlijk alles handwerk, we hebben alleen een kolomboor en een lintzaag", "1"),
    ("tech_automatisering", "De machines worden handmatig bediend, niks automatisch", "1"),
    ("tech_automatisering", "Weinig, het is vooral vakmanschap bij ons", "1"),
    ("tech_automatisering", "We hebben drie CNC-draaibanken, verder is het handwerk", "2"),
    ("tech_automatisering", "Er staan een paar automaten, maar die zijn niet aan elkaar gekoppeld", "2"),
    ("tech_automatisering", "Een lasersnijder en een CNC-kantbank, de rest doen we zelf", "2"),
    ("tech_automatisering", "Gedeeltelijk geautomatiseerd, losse machines", "2"),
    ("tech_automatisering", "Het meeste gaat automatisch, alleen het inpakken is nog handwerk", "3"),
    ("tech_automatisering", "Grotendeels geautomatiseerd, de operators stellen vooral in", "3"),
    ("tech_automatisering", "Zo'n 80% van de productie is geautomatiseerd", "3"),
    ("tech_automatisering", "Onze lijnen zijn volledig gekoppeld en draaien 's nachts zonder personeel", "4"),
    ("tech_automatisering", "Volautomatische productielijnen, van grondstof tot pallet", "4"),
    ("tech_automatisering", "Helemaal geautomatiseerd, de straten draaien zelfstandig door", "4"),
    # tech_robotisering
    ("tech_robotisering", "Nee, we hebben geen robots", "1"),
    ("tech_robotisering", "Robots? Daar hebben we nog nooit naar gekeken", "1"),
    ("tech_robotisering", "Niks, voor ons soort werk is dat niet interessant", "1"),
    ("tech_robotisering", "Nog niet, maar we zijn aan het kijken naar een cobot voor het lassen", "2"),
    ("tech_robotisering", "We hebben een offerte liggen voor een palletiseerrobot", "2"),
    ("tech_robotisering", "Ik overweeg een cobot, heb er op de beurs een paar gezien", "2"),
    ("tech_robotisering", "We zijn ons aan het oriënteren", "2"),
    ("tech_robotisering", "We hebben één lasrobot sinds 2021", "3"),
    ("tech_robotisering", "Er draaien twee cobots bij de CNC-machines", "3"),
    ("tech_robotisering", "Een robot voor het stapelen van dozen aan het eind van de lijn", "3"),
    ("tech_robotisering", "We hebben er een stuk of vijftien, in bijna elke afdeling", "4"),
    ("tech_robotisering", "Robots zitten overal: lassen, ontbramen en palletiseren", "4"),
    ("tech_robotisering", "Meerdere cobots en robotcellen in verschillende processen", "4"),
    # tech_digitalisering
    ("tech_digitalisering", "Alles gaat op papier, de planning hangt op een whiteboard", "1"),
    ("tech_digitalisering", "We plannen met Excel en printen de werkbonnen", "1"),
    ("tech_digitalisering", "Geen systeem, het zit allemaal in mijn hoofd", "1"),
    ("tech_digitalisering", "We werken met Exact, maar de werkvloer is er niet aan gekoppeld", "2"),
    ("tech_digitalisering", "Een ERP-systeem voor orders en facturen, verder weinig koppelingen", "2"),
    ("tech_digitalisering", "We hebben planningssoftware, de uren worden handmatig ingevoerd", "2"),
    ("tech_digitalisering", "Het ERP is gekoppeld aan de machines en van sommige machines verzamelen we data", "3"),
    ("tech_digitalisering", "We hebben een MES en tablets bij de machines voor de werkorders", "3"),
    ("tech_digitalisering", "Digitale werkbonnen en terugmelden via een terminal in de werkplaats", "3"),
    ("tech_digitalisering", "Realtime machinedata bepaalt onze planning en het onderhoud", "4"),
    ("tech_digitalisering", "We doen voorspellend onderhoud met sensoren en alles is gekoppeld", "4"),
    ("tech_digitalisering", "Volledig geïntegreerd, de planning wordt automatisch bijgestuurd op basis van live data", "4"),
    # tech_implementatie
    ("tech_implementatie", "Nee, niks nieuws ingevoerd", "1"),
    ("tech_implementatie", "Niet, we werken nog steeds met dezelfde machines", "1"),
    ("tech_implementatie", "Daar zijn we de laatste jaren niet aan toegekomen", "1"),
    ("tech_implementatie", "We hebben een nieuw ERP geprobeerd, maar dat is mislukt", "2"),
    ("tech_implementatie", "Er is een cobot gekocht die nauwelijks gebruikt wordt", "2"),
    ("tech_implementatie", "Dat ging moeizaam, het nieuwe systeem is nooit goed van de grond gekomen", "2"),
    ("tech_implementatie", "Vorig jaar een nieuwe lasersnijder in gebruik genomen, dat werkt prima", "3"),
    ("tech_implementatie", "Eén keer, de overstap naar een nieuw planningssysteem, dat is goed gelukt", "3"),
    ("tech_implementatie", "Twee keer met succes: een robot en een nieuwe zaagstraat", "3"),
    ("tech_implementatie", "Elk jaar voeren we wel iets nieuws in", "4"),
    ("tech_implementatie", "Regelmatig, we hebben de afgelopen jaren meerdere nieuwe technologieën ingevoerd", "4"),
    ("tech_implementatie", "Structureel, vernieuwen hoort bij hoe we werken", "4"),
    # org_bewustzijn
    ("org_bewustzijn", "Nauwelijks, geen tijd voor", "1"),
    ("org_bewustzijn", "Eerlijk gezegd komen we daar niet aan toe", "1"),
    ("org_bewustzijn", "Ik heb geen idee wat er allemaal bestaat", "1"),
    ("org_bewustzijn", "Vooral via onze leveranciers, die vertellen ons wat er nieuw is", "2"),
    ("org_bewustzijn", "Ik lees het vakblad en zie wat op LinkedIn", "2"),
    ("org_bewustzijn", "Globaal, klanten noemen wel eens iets", "2"),
    ("org_bewustzijn", "We gaan elk jaar naar de Technishow", "3"),
    ("org_bewustzijn", "Goed, we bezoeken regelmatig demo's en open dagen bij leveranciers", "3"),
    ("org_bewustzijn", "We zijn aangesloten bij een fieldlab en gaan naar kennissessies", "3"),
    ("org_bewustzijn", "We volgen het actief en testen nieuwe technieken zelf", "4"),
    ("org_bewustzijn", "We experimenteren zelf met nieuwe technologie in een eigen testruimte", "4"),
    # org_cultuur
    ("org_cultuur", "We doen het nog net zo als twintig jaar geleden, zoals we het altijd deden", "1"),
    ("org_cultuur", "Niks veranderen, het werkt toch", "1"),
    ("org_cultuur", "Weinig, de mensen willen niks nieuws", "1"),
    ("org_cultuur", "Alleen als er iets misgaat", "2"),
    ("org_cultuur", "Incidenteel, meestal na een klacht", "2"),
    ("org_cultuur", "Vooral brandjes blussen", "2"),
    ("org_cultuur", "Medewerkers komen regelmatig met ideeën en die pakken we op", "3"),
    ("org_cultuur", "De jongens denken goed mee en we doen wat met hun suggesties", "3"),
    ("org_cultuur", "We werken volgens lean met een dagstart", "4"),
    ("org_cultuur", "Continu verbeteren met vaste verbeteroverleggen elke week", "4"),
    ("org_cultuur", "Kaizen zit in ons DNA", "4"),
    # org_capaciteit
    ("org_capaciteit", "Nee, iedereen staat in de productie", "1"),
    ("org_capaciteit", "Geen tijd en geen mensen daarvoor", "1"),
    ("org_capaciteit", "We zijn veel te druk met het werk", "1"),
    ("org_capaciteit", "Af en toe, naast het gewone werk", "2"),
    ("org_capaciteit", "Ik doe het zelf in de avonduren", "2"),
    ("org_capaciteit", "Soms, als het rustig is", "2"),
    ("org_capaciteit", "Onze werkvoorbereider heeft er een dag per week voor", "3"),
    ("org_capaciteit", "Eén collega is er structureel voor vrijgemaakt", "3"),
    ("org_capaciteit", "We hebben een verbeterteam", "4"),
    ("org_capaciteit", "Er is een vaste afdeling voor innovatie en procesverbetering", "4"),
    # org_vaardigheden
    ("org_vaardigheden", "Onvoldoende, opleiden doen we eigenlijk niet", "1"),
    ("org_vaardigheden", "Nee, te weinig kennis en geen tijd voor cursussen", "1"),
    ("org_vaardigheden", "Deels, we leiden op als het echt moet", "2"),
    ("org_vaardigheden", "Alleen de verplichte VCA en heftruckcertificaten", "2"),
    ("org_vaardigheden", "Wisselend, sommige mensen kunnen het wel", "2"),
    ("org_vaardigheden", "Grotendeels, we investeren flink in opleidingen", "3"),
    ("org_vaardigheden", "De meeste mensen volgen regelmatig een training", "3"),
    ("org_vaardigheden", "Ja, iedereen heeft een opleidingsplan en we hebben een eigen academy", "4"),
    ("org_vaardigheden", "Leren en ontwikkelen is bij ons structureel geregeld", "4"),
    # org_samenwerking
    ("org_samenwerking", "Nee, we doen het allemaal zelf", "1"),
    ("org_samenwerking", "Niet echt, we werken niet samen met anderen", "1"),
    ("org_samenwerking", "Af en toe met een klant", "2"),
    ("org_samenwerking", "Eenmalig een project met een hogeschool gedaan", "2"),
    ("org_samenwerking", "Regelmatig met een paar vaste leveranciers", "3"),
    ("org_samenwerking", "Met twee vaste klanten zitten we vaak om tafel", "3"),
    ("org_samenwerking", "Structureel, we zitten in een fieldlab en een regionaal netwerk", "4"),
    ("org_samenwerking", "We doen gezamenlijke projecten met de universiteit en TNO", "4"),
    # org_strategie
    ("org_strategie", "Nee, we kijken vooral naar de korte termijn", "1"),
    ("org_strategie", "We leven van dag tot dag", "1"),
    ("org_strategie", "Geen plan, we zien wel", "1"),
    ("org_strategie", "Ideeën genoeg, maar niets op papier", "2"),
    ("org_strategie", "Het zit allemaal in mijn hoofd", "2"),
    ("org_strategie", "We hebben een globaal plan met een paar concrete stappen", "3"),
    ("org_strategie", "Er ligt een investeringsplan voor de komende drie jaar", "3"),
    ("org_strategie", "Een uitgewerkte roadmap met doelen, budget en planning", "4"),
    ("org_strategie", "Ja, een strategisch plan met KPI's en een tijdpad", "4"),
    # bm_financiering
    ("bm_financiering", "Heel moeilijk, de bank doet niet mee", "1"),
    ("bm_financiering", "Erg lastig, we hebben geen geld", "1"),
    ("bm_financiering", "Alleen kleine investeringen lukken", "2"),
    ("bm_financiering", "Een nieuwe machine van een paar ton zit er niet in, kleine dingen wel", "2"),
    ("bm_financiering", "Met de bank en wat lease lukt het wel", "3"),
    ("bm_financiering", "We maken gebruik van subsidie en een lening", "3"),
    ("bm_financiering", "Met enige moeite, via de bank", "3"),
    ("bm_financiering", "Goed, we financieren alles uit eigen middelen", "4"),
    ("bm_financiering", "Geen probleem, we hebben voldoende eigen vermogen", "4"),
    # bm_innovatiebudget
    ("bm_innovatiebudget", "Nee, geen budget", "1"),
    ("bm_innovatiebudget", "Er is geen potje voor", "1"),
    ("bm_innovatiebudget", "Alleen als het nodig is", "2"),
    ("bm_innovatiebudget", "Ad hoc, als er een klant om vraagt", "2"),
    ("bm_innovatiebudget", "Per project bekijken we wat kan", "2"),
    ("bm_innovatiebudget", "Ja, we hebben een jaarlijks budget", "3"),
    ("bm_innovatiebudget", "Elk jaar staat er een bedrag voor in de begroting", "3"),
    ("bm_innovatiebudget", "Ja, vast 3% van de omzet", "4"),
    ("bm_innovatiebudget", "Een vast percentage van de omzet, gekoppeld aan ons meerjarenplan", "4"),
    # bm_rendement
    ("bm_rendement", "We draaien verlies", "1"),
    ("bm_rendement", "Rond break-even", "1"),
    ("bm_rendement", "Krap, de marges staan onder druk", "2"),
    ("bm_rendement", "Lage marges door de concurrentie", "2"),
    ("bm_rendement", "Gezond", "3"),
    ("bm_rendement", "We maken netjes winst", "3"),
    ("bm_rendement", "Prima, niks te klagen", "3"),
    ("bm_rendement", "Ruim, genoeg ruimte om te investeren", "4"),
    ("bm_rendement", "Uitstekend, we hebben een recordjaar gehad", "4"),
    # bm_ketenpositie
    ("bm_ketenpositie", "We maken op tekening voor twee grote klanten", "1"),
    ("bm_ketenpositie", "Toeleverancier van één OEM, die is goed voor 60 procent van de omzet", "1"),
    ("bm_ketenpositie", "We hebben veel klanten, maar die bepalen wat we maken", "2"),
    ("bm_ketenpositie", "Toeleverancier met tientallen klanten en weinig invloed", "2"),
    ("bm_ketenpositie", "We hebben ook eigen producten", "3"),
    ("bm_ketenpositie", "We doen aan co-engineering met onze klanten", "3"),
    ("bm_ketenpositie", "Wij zijn marktleider met eigen producten", "4"),
    ("bm_ketenpositie", "Eigen merk en een sterke positie, wij bepalen hoe het gemaakt wordt", "4"),
    # bm_businesscase
    ("bm_businesscase", "Nee, dat doen we op gevoel", "1"),
    ("bm_businesscase", "Nooit, we kopen gewoon als het nodig is", "1"),
    ("bm_businesscase", "Soms een snel sommetje", "2"),
    ("bm_businesscase", "Een globale berekening bij grotere investeringen", "2"),
    ("bm_businesscase", "Ja, met terugverdientijd en risico's", "3"),
    ("bm_businesscase", "We rekenen altijd de terugverdientijd uit", "3"),
    ("bm_businesscase", "Ja, en achteraf controleren we of de besparing gehaald is", "4"),
    ("bm_businesscase", "Altijd, met een nacalculatie na een jaar", "4"),
]

WEET_NIET = [
    ("tech_digitalisering", "weet ik niet"),
    ("org_cultuur", "Geen idee"),
    ("bm_rendement", "Dat weet ik eerlijk gezegd niet"),
    ("tech_robotisering", "n.v.t."),
    ("org_samenwerking", "Niet van toepassing"),
    ("bm_ketenpositie", "Moeilijk te zeggen"),
]

# Answers that must NOT be understood with confidence (re-ask, never a guess).
AMBIGUOUS = [
    ("tech_automatisering", "Gaat wel"),
    ("tech_robotisering", "Hoe bedoel je?"),
    ("tech_robotisering", "Wat is een cobot?"),
    ("org_cultuur", "Ja"),
    ("bm_rendement", "Hangt ervan af"),
    ("org_strategie", "Hmm"),
    ("tech_digitalisering", "Computers"),
    ("bm_ketenpositie", "Zowel eigen producten als loonwerk voor één grote klant, en we zijn marktleider"),
    ("wil_contact", "Misschien later"),
    ("wil_contact", "Wat houdt dat in?"),
    ("org_vaardigheden", "ja"),
]

YES_NO = [
    ("wil_contact", "Ja, graag", "ja"),
    ("wil_contact", "Oké, doe maar", "ja"),
    ("wil_contact", "Lijkt me wel interessant", "ja"),
    ("wil_contact", "Nee, dank je. We hebben zelf een adviseur", "nee"),
    ("wil_contact", "Liever niet", "nee"),
    ("wil_contact", "Nee hoor", "nee"),
    ("toestemming", "Ja hoor, dat mag", "ja"),
    ("toestemming", "Prima, geen bezwaar", "ja"),
    ("toestemming", "Nee, dat wil ik niet", "nee"),
    ("eerder_traject", "Nee, nooit gedaan", "nee"),
    ("eerder_traject", "Nooit van gehoord", "nee"),
    ("eerder_traject", "Ja, vorig jaar", "ja"),
    ("ontvangen_steun", "Nee, nul", "nee"),
    ("ontvangen_steun", "Nee, dat halen we bij lange na niet", "nee"),
    ("ontvangen_steun", "Geen idee, dat moet ik aan de boekhouder vragen", "onbekend"),
    ("ontvangen_steun", "Weet ik niet", "onbekend"),
    ("ontvangen_steun", "Ja, ruim meer dan twee ton", "ja"),
    ("bereid_plan", "Ja, zeker", "ja"),
    ("bereid_plan", "Misschien, ligt aan de tijd die het kost", "misschien"),
    ("bereid_plan", "Nee, daar heb ik geen tijd voor", "nee"),
    ("nieuwe_inzichten", "Ja, zeker", "ja"),
    ("nieuwe_inzichten", "Een beetje", "een_beetje"),
    ("nieuwe_inzichten", "Niet echt, dit wist ik al", "nee"),
]

SECTOR = [
    ("sector", "We zijn een lasbedrijf", "metaal"),
    ("sector", "Wij maken kunststof spuitgietproducten", "kunststof_rubber"),
    ("sector", "Een bakkerij", "voedingsmiddelen"),
    ("sector", "Meubelmakerij", "hout_meubel"),
    ("sector", "We bouwen verpakkingslijnen voor klanten", "machinebouw"),
    ("sector", "Printplaatassemblage", "elektrotechniek"),
    ("sector", "Installatiebedrijf, elektra en klimaat", "geen_maakindustrie"),
    ("sector", "Een drukkerij", "overige_maakindustrie"),
]

MULTI = [
    ("knelpunten", "capaciteit,kennis", ["capaciteit", "kennis"]),
    ("knelpunten", "Vooral tijd, en we weten niet waar we moeten beginnen", ["capaciteit", "kennis"]),
    ("knelpunten", "Geld en goede mensen vinden", ["financiering", "personeel"]),
    ("knelpunten", "Niks eigenlijk", ["geen"]),
    ("knelpunten", "De klant bepaalt alles", ["ketenafhankelijkheid"]),
    ("interesse", "robots en misschien 3D-printen", ["additive", "robotisering"]),
    ("interesse", "Energie besparen", ["energie_duurzaamheid"]),
    ("interesse", "Lean en een beter planningssysteem", ["digitalisering", "lean_werkwijzen"]),
    ("interesse", "Camera's voor de kwaliteitscontrole", ["vision_kwaliteit"]),
    ("interesse", "robotisering,data_sensoren", ["data_sensoren", "robotisering"]),
]

TYPOS = [
    ("tech_robotisering", "we hebben geen robbots", "1"),
    ("tech_digitalisering", "alles op paier", "1"),
    ("bm_businesscase", "ja met terugverdietijd en risicos", "3"),
    ("tech_automatisering", "grotendeels geautomatiseert", "3"),
]


@pytest.mark.parametrize("qid,text,expected", SCORED + YES_NO + SECTOR + TYPOS)
def test_choice_free_text(qid, text, expected):
    result = interpret(qid, text)
    assert result.value == expected, (text, result)
    assert result.echo == load().questions[qid].label_for(expected)


@pytest.mark.parametrize("qid,text", WEET_NIET)
def test_weet_niet(qid, text):
    assert interpret(qid, text).value == "weet_niet"


@pytest.mark.parametrize("qid,text", AMBIGUOUS)
def test_ambiguous_answers_are_not_guessed(qid, text):
    result = interpret(qid, text)
    assert result.value is None, result


@pytest.mark.parametrize("qid,text,expected", MULTI)
def test_multi(qid, text, expected):
    assert interpret(qid, text).value == expected


def test_every_button_value_and_label_is_understood():
    questionnaire = load()
    for question in questionnaire.questions.values():
        for option in question.options:
            assert interpret(question.id, option.value).value in (option.value, [option.value])
            assert interpret(question.id, option.label).value in (option.value, [option.value]), \
                (question.id, option.label)
        if question.weet_niet:
            assert interpret(question.id, "weet_niet").value == "weet_niet"
            assert interpret(question.id, questionnaire.weet_niet_label).value == "weet_niet"


def test_label_typed_with_small_changes():
    assert interpret("tech_automatisering", "enkele geautomatiseerde machines, los van elkaar").value == "2"
    assert interpret("org_cultuur", "Incidenteel, vooral als er iets mis gaat").value == "2"


def test_geen_only_alone_in_multi():
    assert interpret("knelpunten", "geen,kennis").value == ["kennis"]


@pytest.mark.parametrize("text,expected", [
    ("zo'n vijfenveertig man", 45), ("45 fte", 45), ("tussen de 30 en 40 fte", 35),
    ("we zijn met z'n twaalven", 12), ("Honderdtwintig", 120),
    ("85 mensen, de ploegendienst meegerekend", 85), ("met z'n zevenentwintigen, de stagiair erbij", 27),
    ("ong. 63 mw", 63), ("41 mdw", 41),
])
def test_medewerkers(text, expected):
    result = interpret("medewerkers", text)
    assert result.value == expected
    assert str(expected) in result.echo


def test_medewerkers_without_number_is_reasked():
    result = interpret("medewerkers", "best veel")
    assert result.value is None and result.note


@pytest.mark.parametrize("text,expected", [
    ("6,5 miljoen", 6_500_000), ("8,5 mln", 8_500_000), ("ruim 12 miljoen", 12_500_000),
    ("€ 3.200.000", 3_200_000), ("3,2M", 3_200_000), ("anderhalf miljoen", 1_500_000),
    ("twee komma vijf miljoen", 2_500_000), ("rond de 1,4 miljoen", 1_400_000),
    ("750 duizend", 750_000), ("weet ik niet", "onbekend"), ("Geen idee", "onbekend"),
])
def test_jaaromzet(text, expected):
    assert interpret("jaaromzet", text).value == expected


def test_small_bare_turnover_is_not_guessed():
    result = interpret("jaaromzet", "24")
    assert result.value is None and "miljoen" in result.note


def test_amount_echo():
    assert interpret("jaaromzet", "6,5 miljoen").echo == "€ 6,5 miljoen"
    assert interpret("balanstotaal", "weet ik niet").value == "onbekend"


@pytest.mark.parametrize("text,expected", [
    ("Eindhoven", "noord-brabant"), ("Brabant", "noord-brabant"), ("Fryslân", "friesland"),
    ("Noord Holland", "noord-holland"), ("Apeldoorn", "gelderland"),
    ("Utrecht, op Lage Weide", "utrecht"), ("Roermond", "limburg"), ("6041 AB", "limburg"),
    ("Utrecht", "utrecht"), ("Groningen", "groningen"), ("Eindhovn", "noord-brabant"),
    ("Gelderand", "gelderland"), ("We zitten in Zwolle", "overijssel"),
])
def test_regio(text, expected):
    assert interpret("regio", text).value == expected


@pytest.mark.parametrize("text,expected", [
    ("nee geen Friesland, we zitten in Steenwijk", "overijssel"), ("Weert, niet in Brabant", "limburg"),
    ("wij zitten niet in Limburg maar in Brabant", "noord-brabant"), ("niet in Den Bosch maar in Oss", "noord-brabant"),
    ("geen noord-holland maar zuid-holland", "zuid-holland"), ("niet ver van Zwolle", "overijssel"),
])
def test_regio_a_denied_place_is_not_the_answer(text, expected):
    assert interpret("regio", text).value == expected


def test_regio_echo_and_conflict():
    assert interpret("regio", "Eindhoven").echo == "Noord-Brabant (Eindhoven)"
    result = interpret("regio", "Vestigingen in Venlo en in Eindhoven")
    assert result.value is None and "Limburg" in result.note


@pytest.mark.parametrize("qid,text,expected", [
    ("kvk_nummer", "17452386", "17452386"), ("kvk_nummer", "1745 2386", "17452386"),
    ("kvk_nummer", "KvK: 17.45.23.86", "17452386"), ("kvk_nummer", "weet ik niet", "onbekend"),
    ("kvk_nummer", "1234567", None),
    ("contact_email", "Ruud@LasbedrijfVerhoeven.example", "ruud@lasbedrijfverhoeven.example"),
    ("contact_email", "mijn mail is sanne.bakker@meubels.nl.", "sanne.bakker@meubels.nl"),
    ("contact_email", "sanne at meubels punt nl", None),
    ("contact_telefoon", "040 287 1934", "040 287 1934"),
    ("contact_telefoon", "06-41237856", "06-41237856"),
    ("contact_telefoon", "+31 6 4123 7856", "+31 6 4123 7856"),
    ("contact_telefoon", "0031 40 2871934", "0031 40 2871934"),
    ("contact_telefoon", "bel me op 06 12345678 na vijven", "06 12345678"),
    ("contact_telefoon", "liever niet", "geen"),
    ("contact_telefoon", "06-1234", None),
    ("bedrijfsnaam", "Lasbedrijf Verhoeven B.V.", "Lasbedrijf Verhoeven B.V."),
    ("bedrijfsnaam", "Het bedrijf heet Bakkerij De Vries & Zn.", "Bakkerij De Vries & Zn."),
    ("bedrijfsnaam", "wij heten van Lierop Packaging", "van Lierop Packaging"),
    ("bedrijfsnaam", "ACME metaal", "ACME metaal"),
    ("contact_naam", "Mijn naam is Ruud Verhoeven", "Ruud Verhoeven"),
    ("contact_naam", "Ik ben Sanne Bakker, de eigenaar", "Sanne Bakker"),
    ("contact_naam", "anneke de vries", "anneke de vries"),
])
def test_contact_fields(qid, text, expected):
    assert interpret(qid, text).value == expected


def test_side_question_is_not_an_answer():
    assert interpret("tech_robotisering", "Wat bedoel je met een cobot?").value is None


def test_interpretation_is_frozen_and_defaults() -> None:
    result = Interpretation("1")
    assert result.echo == "" and result.note == ""
    with pytest.raises(AttributeError):
        result.value = "2"  # type: ignore[misc]


def test_normalize_marks_clauses_and_numbers():
    assert normalize("Er staat nog niks, maar we hebben één demo gehad") == \
        "er staat nog niks | maar we hebben 1 demo gehad"
    assert normalize("Tot zo'n 20.000 euro") == "tot zon 20000 euro"


def test_normalize_drops_an_echoed_question_answered_with_no():
    assert normalize("Een ERP? Nee, excel-lijstjes") == "nee | excel lijstjes"
    assert normalize("Geld? Geen.") == "geen geld"
    assert normalize("Robots? Ja, twee") == "robots | ja | 2"


def test_cue_alternatives_are_split_at_top_level_only():
    assert _alternatives(r"a|b(?:c|d)|[|x]|e\|f") == ["a", "b(?:c|d)", "[|x]", r"e\|f"]


def test_a_question_macro_reads_as_if_written_in_the_cue():
    """A rule two options share is written once; each alternative keeps its own negation handling."""
    shared = {"thin": "marge (?:is )?dun|geen winst"}
    written_out = _compile_cues("2", [[3, "krap|marge (?:is )?dun|geen winst"]], {})
    with_macro = _compile_cues("2", [[3, "krap|{thin}"]], {}, local=shared)
    assert [(c.regex.pattern, c.fixed.pattern) for c in with_macro] == \
        [(c.regex.pattern, c.fixed.pattern) for c in written_out]
    with pytest.raises(ValueError, match="unknown macros"):
        _compile_cues("2", [[3, "krap|{thiin}"]], {}, local=shared)


@pytest.mark.parametrize("qid,text", [
    ("tech_robotisering", "We hebben naar een cobot gekeken"),          # looked at, not in use
    ("tech_digitalisering", "We willen een MES invoeren"),
    ("org_capaciteit", "We willen een innovatieteam opzetten"),         # a wish, not in place
    ("org_cultuur", "We hadden een ideeënbus, maar er wordt niks mee gedaan"),
])
def test_things_not_in_place_do_not_count_as_in_place(qid, text):
    assert interpret(qid, text).value not in ("3", "4"), text


def test_multi_keeps_every_named_cause():
    assert interpret("knelpunten", "Geld en de lange terugverdientijd").value == \
        ["financiering", "terugverdientijd"]


def test_speed():
    interpret("tech_automatisering", "warm-up")
    start = time.perf_counter()
    for text, qid in [("We hebben een paar CNC-machines en verder handwerk", "tech_automatisering"),
                      ("Eindhoven", "regio"), ("zo'n 45 man", "medewerkers")] * 30:
        interpret(qid, text)
    assert (time.perf_counter() - start) / 90 < 0.005


# More phrasings, written in blind batches while developing the cues; misses were fixed
# with general cues, not by copying the sentence. Expected None: mixed or vague answers.
MORE = [
    ('tech_automatisering', 'Bij ons gaat nog heel veel met de hand, we zagen, boren en lassen zelf', '1'),
    ('tech_automatisering', 'Niet zo veel, we zijn echt een ouderwetse werkplaats', '1'),
    ('tech_automatisering', 'We hebben wel wat machines maar die moet je allemaal zelf bedienen', '1'),
    ('tech_automatisering', 'Twee CNC-freesmachines, de rest is conventioneel', '2'),
    ('tech_automatisering', 'Een beetje, er staat een automatische zaag', '2'),
    ('tech_automatisering', 'Best ver, bijna alles draait op CNC en robots, alleen de eindcontrole doen we zelf', '3'),
    ('tech_automatisering', 'De meeste stappen zijn geautomatiseerd, maar het is geen doorlopende lijn', '3'),
    ('tech_automatisering', 'Alles hangt aan elkaar, de lijn draait grotendeels vanzelf', '4'),
    ('tech_automatisering', 'We draaien 24/7 met volautomatische lijnen', '4'),
    ('tech_robotisering', 'Nee joh, robots zijn voor de grote jongens', '1'),
    ('tech_robotisering', 'Geen enkele, nooit over nagedacht eigenlijk', '1'),
    ('tech_robotisering', 'We hebben laatst een cobot zien werken bij een collega, dat willen we ook', '2'),
    ('tech_robotisering', 'We zijn er mee bezig, we laten een integrator een voorstel maken', '2'),
    ('tech_robotisering', 'Nog niet, maar het staat op ons lijstje voor volgend jaar', '2'),
    ('tech_robotisering', 'Ja, een cobot voor het inpakken', '3'),
    ('tech_robotisering', 'We hebben een lasrobot staan en denken aan een tweede', '3'),
    ('tech_robotisering', 'Drie robots bij de persen', '3'),
    ('tech_robotisering', "Heel veel, we hebben zo'n 30 robots in de fabriek", '4'),
    ('tech_robotisering', 'Ja, in de hele productie, van spuitgieten tot verpakken', '4'),
    ('tech_digitalisering', 'Papieren werkbonnen, planning op het bord', '1'),
    ('tech_digitalisering', 'Ik plan alles zelf in een Excel-sheet', '1'),
    ('tech_digitalisering', 'Het meeste staat in Excel, de bonnen printen we uit', '1'),
    ('tech_digitalisering', 'We hebben sinds kort een ERP maar dat is nog niet gekoppeld met de werkplaats', '2'),
    ('tech_digitalisering', 'We werken met een planningspakket, de machines zijn niet aangesloten', '2'),
    ('tech_digitalisering', 'Via AFAS, maar veel gaat nog handmatig', '2'),
    ('tech_digitalisering', 'Werkorders komen digitaal op een scherm bij de machine en we meten de stilstand bij een paar machines', '3'),
    ('tech_digitalisering', 'Ons ERP praat met de machines, een deel van de machinedata komt automatisch binnen', '3'),
    ('tech_digitalisering', 'Alles realtime, het onderhoud wordt gepland op basis van de sensoren', '4'),
    ('tech_digitalisering', 'De data van alle machines stuurt de planning automatisch bij', '4'),
    ('tech_implementatie', 'Nee, helaas niet', '1'),
    ('tech_implementatie', 'Er is niks nieuws bijgekomen', '1'),
    ('tech_implementatie', 'We hebben een planningstool geprobeerd maar dat werd niks', '2'),
    ('tech_implementatie', 'Er is een nieuwe machine gekomen maar die draait nog steeds niet naar behoren', '2'),
    ('tech_implementatie', 'Ja, vorig jaar een cobot en dat werkt goed', '3'),
    ('tech_implementatie', 'Een nieuwe lasmachine, dat is goed gegaan', '3'),
    ('tech_implementatie', 'Ja, we hebben een nieuwe persstraat neergezet die goed loopt', '3'),
    ('tech_implementatie', 'Continu, we hebben elk jaar wel een paar innovatieprojecten die we uitrollen', '4'),
    ('tech_implementatie', 'Ja, heel vaak, van vision-systemen tot een nieuw MES', '4'),
    ('org_bewustzijn', 'Weinig, het is vooral produceren', '1'),
    ('org_bewustzijn', 'Daar hebben we eerlijk gezegd geen tijd voor', '1'),
    ('org_bewustzijn', 'Ik hoor het een en ander van de leveranciers', '2'),
    ('org_bewustzijn', 'Een beetje via internet en vakbladen', '2'),
    ('org_bewustzijn', 'We gaan geregeld naar beurzen en bedrijfsbezoeken', '3'),
    ('org_bewustzijn', 'Ik bezoek ieder jaar de vakbeurs en volg webinars', '3'),
    ('org_bewustzijn', 'We hebben een innovatiemanager die nieuwe technologie scout en test', '4'),
    ('org_bewustzijn', 'We doen zelf proeven met nieuwe materialen en technieken', '4'),
    ('org_cultuur', 'Bij ons blijft het zoals het is', '1'),
    ('org_cultuur', 'Er verandert eigenlijk niks, iedereen doet zijn ding', '1'),
    ('org_cultuur', 'Als een klant klaagt, passen we het aan', '2'),
    ('org_cultuur', 'Soms, als er een probleem is', '2'),
    ('org_cultuur', 'De mensen op de vloer komen zelf met verbeterpunten en die voeren we door', '3'),
    ('org_cultuur', 'We hebben een verbeterbord waar iedereen ideeën op zet', '3'),
    ('org_cultuur', 'We werken met 5S en een wekelijkse verbetersessie', '4'),
    ('org_cultuur', 'Lean, elke dag een korte start bij het bord', '4'),
    ('org_capaciteit', 'Nee, daar is geen ruimte voor', '1'),
    ('org_capaciteit', 'Iedereen zit vol met klantorders', '1'),
    ('org_capaciteit', 'Beetje tussendoor', '2'),
    ('org_capaciteit', 'Ik probeer er zelf af en toe tijd voor te maken', '2'),
    ('org_capaciteit', 'Ja, onze technisch manager besteedt er een deel van zijn tijd aan', '3'),
    ('org_capaciteit', 'Een medewerker heeft er twee dagen per week voor', '3'),
    ('org_capaciteit', 'We hebben een engineeringteam voor procesverbetering', '4'),
    ('org_capaciteit', 'Ja, drie mensen doen niks anders dan verbeteren en innoveren', '4'),
    ('org_vaardigheden', 'Nee, de mensen kunnen wel lassen maar van computers weten ze weinig', '1'),
    ('org_vaardigheden', 'Opleiden doen we niet, daar is geen tijd voor', '1'),
    ('org_vaardigheden', 'Alleen wat nodig is voor de certificaten', '2'),
    ('org_vaardigheden', 'Gedeeltelijk, we leren het elkaar op de werkvloer', '2'),
    ('org_vaardigheden', 'Best goed, we sturen mensen regelmatig op cursus', '3'),
    ('org_vaardigheden', 'We investeren in trainingen als er nieuwe machines komen en hebben een opleidingsbudget', '3'),
    ('org_vaardigheden', 'Iedere medewerker heeft jaarlijks een ontwikkelgesprek en een opleidingsplan', '4'),
    ('org_vaardigheden', 'We hebben een eigen opleidingscentrum', '4'),
    ('org_samenwerking', 'Nee, dat doen we niet', '1'),
    ('org_samenwerking', 'Eigenlijk niet, we zijn op onszelf', '1'),
    ('org_samenwerking', 'Soms met een leverancier', '2'),
    ('org_samenwerking', 'Een enkele keer met een klant aan een nieuw product', '2'),
    ('org_samenwerking', 'Met een vaste groep leveranciers werken we geregeld samen', '3'),
    ('org_samenwerking', 'Ja, met een paar klanten hebben we vast overleg over verbeteringen', '3'),
    ('org_samenwerking', 'We zitten in een netwerk van maakbedrijven en doen mee aan een fieldlab', '4'),
    ('org_samenwerking', 'Structureel, met de hogeschool en ketenpartners', '4'),
    ('org_strategie', 'Nee, we zijn vooral met vandaag bezig', '1'),
    ('org_strategie', 'Een plan? Nee, we kijken wat er binnenkomt', '1'),
    ('org_strategie', 'Ik weet wel waar ik naartoe wil, maar het staat niet op papier', '2'),
    ('org_strategie', 'In mijn hoofd wel', '2'),
    ('org_strategie', 'Er is een plan voor de komende jaren met een paar concrete stappen', '3'),
    ('org_strategie', 'Een grove planning: volgend jaar een nieuwe hal, daarna automatiseren', '3'),
    ('org_strategie', 'Ja, een meerjarige roadmap met doelen en investeringsbudget', '4'),
    ('org_strategie', 'We hebben een strategie tot 2030 met concrete doelen, budget en planning', '4'),
    ('bm_financiering', 'Moeilijk, banken zijn niet happig op onze sector', '1'),
    ('bm_financiering', 'Zeer lastig, er is geen geld', '1'),
    ('bm_financiering', 'Kleine dingen betalen we zelf, voor grote machines is geen ruimte', '2'),
    ('bm_financiering', 'Alleen kleinere investeringen', '2'),
    ('bm_financiering', 'Via lease gaat het wel', '3'),
    ('bm_financiering', 'We lenen bij de bank, met wat moeite lukt dat', '3'),
    ('bm_financiering', 'Prima, we hebben een gezonde buffer', '4'),
    ('bm_financiering', 'Makkelijk, we kunnen het zelf betalen', '4'),
    ('bm_innovatiebudget', 'Nee, niks', '1'),
    ('bm_innovatiebudget', 'Daar hebben we geen geld voor gereserveerd', '1'),
    ('bm_innovatiebudget', 'Als er iets kapot gaat kopen we iets nieuws', '2'),
    ('bm_innovatiebudget', 'Geen vast bedrag, per geval', '2'),
    ('bm_innovatiebudget', 'Ja, ieder jaar zetten we een bedrag apart', '3'),
    ('bm_innovatiebudget', 'Er is een innovatiebudget in de jaarbegroting', '3'),
    ('bm_innovatiebudget', 'Ja, twee procent van de omzet, volgens het plan', '4'),
    ('bm_rendement', 'Slecht, we maken verlies', '1'),
    ('bm_rendement', 'We spelen quitte', '1'),
    ('bm_rendement', 'Het is krap', '2'),
    ('bm_rendement', 'Er blijft weinig over', '2'),
    ('bm_rendement', 'Goed, we maken winst', '3'),
    ('bm_rendement', 'Redelijk gezond', '3'),
    ('bm_rendement', 'Heel goed, we hebben volop ruimte om te investeren', '4'),
    ('bm_rendement', 'Ruim voldoende, de marges zijn hoog', '4'),
    ('bm_ketenpositie', 'We doen loonwerk voor één grote klant', '1'),
    ('bm_ketenpositie', 'We zijn afhankelijk van twee grote afnemers die de tekeningen leveren', '1'),
    ('bm_ketenpositie', 'Toeleverancier met honderden klanten, maar zij bepalen het ontwerp', '2'),
    ('bm_ketenpositie', 'We maken voor veel verschillende opdrachtgevers wat ze bestellen', '2'),
    ('bm_ketenpositie', 'We hebben een eigen productlijn', '3'),
    ('bm_ketenpositie', 'We ontwikkelen samen met de klant', '3'),
    ('bm_ketenpositie', 'Wij zijn de specialist in ons vak, klanten volgen ons advies', '4'),
    ('bm_ketenpositie', 'We verkopen onze eigen machines wereldwijd en zijn marktleider', '4'),
    ('bm_businesscase', 'Nee, we beslissen op gevoel', '1'),
    ('bm_businesscase', 'Niet echt, we hebben er geen verstand van', '1'),
    ('bm_businesscase', 'Soms, maar meestal niet', '2'),
    ('bm_businesscase', 'We maken een ruwe inschatting', '2'),
    ('bm_businesscase', 'Ja, we berekenen de terugverdientijd', '3'),
    ('bm_businesscase', 'Altijd, met een volledige businesscase en risicoanalyse', '3'),
    ('bm_businesscase', 'Ja, en na afloop evalueren we of het opgeleverd heeft wat we dachten', '4'),
    ('bm_businesscase', 'Vooraf doorrekenen en achteraf nameten', '4'),
    ('tech_automatisering', 'tja, vooral handwerk eigenlijk', '1'),
    ('tech_automatisering', 'We zijn een klein ambacht, alles met de hand gemaakt', '1'),
    ('tech_automatisering', 'een cnc frees en een zetbank, verder niks', '2'),
    ('tech_automatisering', 'Enkele machines zijn automatisch, de rest is handmatig', '2'),
    ('tech_automatisering', 'Wij hebben 4 CNC machines die los van elkaar draaien', '2'),
    ('tech_automatisering', 'ongeveer driekwart gaat automatisch', '3'),
    ('tech_automatisering', 'Het meeste wel, we hebben een modern machinepark', '3'),
    ('tech_automatisering', 'de persen en de spuitgietmachines zijn gekoppeld aan een automatisch magazijn', '4'),
    ('tech_automatisering', "Onze productie draait vrijwel volledig automatisch, ook 's nachts", '4'),
    ('tech_robotisering', 'nope', '1'),
    ('tech_robotisering', 'Nee, past niet bij ons werk, het zijn allemaal enkelstuks', '1'),
    ('tech_robotisering', 'we zijn een cobot aan het uitproberen die we te leen hebben', '2'),
    ('tech_robotisering', 'Er komt binnenkort een demo van een cobot-leverancier', '2'),
    ('tech_robotisering', 'Wel interesse, maar nog geen concrete plannen', '2'),
    ('tech_robotisering', '1 lasrobot', '3'),
    ('tech_robotisering', 'We hebben een paar cobots bij de kantbanken', '3'),
    ('tech_robotisering', 'Ja, sinds vorig jaar een robot die de machine belaadt', '3'),
    ('tech_robotisering', 'Robots doen bij ons het lassen, het slijpen en het palletiseren', '4'),
    ('tech_robotisering', 'In alle cellen staan robots, ongeveer 25 stuks', '4'),
    ('tech_digitalisering', 'Planning op een whiteboard, bonnen op papier', '1'),
    ('tech_digitalisering', 'een excelletje', '1'),
    ('tech_digitalisering', 'We hebben een pakket voor de boekhouding en de orders, de planning doe ik op een bord', '2'),
    ('tech_digitalisering', 'We gebruiken Ridder iQ maar het is niet gekoppeld aan de machines', '2'),
    ('tech_digitalisering', 'Een ERP met een koppeling naar de machines, daarnaast lezen we bij een deel de draaiuren uit', '3'),
    ('tech_digitalisering', 'Iedereen meldt zijn uren en orders af op een tablet, dat gaat direct het ERP in', '3'),
    ('tech_digitalisering', 'Alles is gekoppeld en we sturen realtime bij', '4'),
    ('tech_digitalisering', 'We hebben sensoren op alle machines en de planning past zich automatisch aan', '4'),
    ('tech_implementatie', 'nee niet echt', '1'),
    ('tech_implementatie', 'De afgelopen drie jaar niets nieuws aangeschaft', '1'),
    ('tech_implementatie', 'We hebben een 3D-printer gekocht maar daar doen we weinig mee', '2'),
    ('tech_implementatie', 'Ja geprobeerd, maar het liep stroef', '2'),
    ('tech_implementatie', 'een nieuwe zaag met automatische aanvoer, dat bevalt prima', '3'),
    ('tech_implementatie', 'Ja, één keer: een nieuw ERP en dat werkt goed', '3'),
    ('tech_implementatie', 'We voeren bijna elk jaar nieuwe technologie in, meestal met succes', '4'),
    ('tech_implementatie', 'Regelmatig, het afgelopen jaar nog vision en een cobot', '4'),
    ('org_bewustzijn', 'niet echt, geen tijd', '1'),
    ('org_bewustzijn', 'Daar ben ik niet zo mee bezig', '1'),
    ('org_bewustzijn', 'Via de leverancier hoor ik wel eens wat', '2'),
    ('org_bewustzijn', 'redelijk, ik lees wat op internet', '2'),
    ('org_bewustzijn', 'We bezoeken elk jaar een paar beurzen', '3'),
    ('org_bewustzijn', 'Goed, ik ga vaak naar demodagen', '3'),
    ('org_bewustzijn', 'We testen zelf nieuwe dingen, we hebben een eigen R&D-afdeling', '4'),
    ('org_cultuur', 'Niet echt, we doen het zoals altijd', '1'),
    ('org_cultuur', 'Verbeteren? Daar hebben we geen tijd voor, het werk moet af', '1'),
    ('org_cultuur', 'alleen als er klachten komen', '2'),
    ('org_cultuur', 'Als er een machine stuk gaat bedenken we een oplossing', '2'),
    ('org_cultuur', 'Medewerkers mogen altijd met ideeën komen en dat gebeurt ook vaak', '3'),
    ('org_cultuur', 'We hebben maandelijks overleg waar iedereen verbeterpunten inbrengt', '3'),
    ('org_cultuur', "Elke week een verbeteroverleg met vaste KPI's, volgens de lean-methode", '4'),
    ('org_capaciteit', 'Nee hoor, iedereen werkt in de productie', '1'),
    ('org_capaciteit', 'We hebben de handen vol aan het gewone werk', '1'),
    ('org_capaciteit', 'Alleen ik, als het even kan', '2'),
    ('org_capaciteit', 'In de wintermaanden als het rustig is', '2'),
    ('org_capaciteit', 'Een werkvoorbereider doet het voor een deel van zijn uren', '3'),
    ('org_capaciteit', 'Ja, onze kwaliteitsmanager heeft er vast tijd voor', '3'),
    ('org_capaciteit', 'We hebben een innovatieafdeling', '4'),
    ('org_vaardigheden', 'Nee, dat schiet er bij in', '1'),
    ('org_vaardigheden', 'Slecht, onze mensen zijn niet opgeleid voor nieuwe technologie', '1'),
    ('org_vaardigheden', 'wisselend', '2'),
    ('org_vaardigheden', 'Opleiden doen we als het moet, bijvoorbeeld voor een nieuwe machine', '2'),
    ('org_vaardigheden', 'We hebben een opleidingsbudget en de meeste mensen gaan jaarlijks op cursus', '3'),
    ('org_vaardigheden', 'Ja, alles is vastgelegd in een opleidingsplan per medewerker', '4'),
    ('org_samenwerking', 'niet', '1'),
    ('org_samenwerking', 'Nee, we hebben geen tijd voor samenwerking', '1'),
    ('org_samenwerking', 'Een enkele keer met de leverancier', '2'),
    ('org_samenwerking', 'Met onze vaste leverancier werken we regelmatig samen', '3'),
    ('org_samenwerking', 'We nemen deel aan een fieldlab en werken met de universiteit', '4'),
    ('org_strategie', 'Nee, we kijken van jaar tot jaar', '1'),
    ('org_strategie', 'nee', '1'),
    ('org_strategie', 'Ik heb wel plannen, maar die zijn nergens opgeschreven', '2'),
    ('org_strategie', 'Globaal, er staat een investeringsplan op papier', '3'),
    ('org_strategie', 'We hebben een meerjarenplan met twee concrete projecten', '3'),
    ('org_strategie', 'Een roadmap voor vijf jaar met budget', '4'),
    ('bm_financiering', 'Niet makkelijk, de bank doet moeilijk', '1'),
    ('bm_financiering', 'Voor grote investeringen is het lastig, kleine dingen lukken', '2'),
    ('bm_financiering', 'Met leasing kom je een heel eind', '3'),
    ('bm_financiering', 'We kunnen het uit de kas betalen, geen probleem', '4'),
    ('bm_innovatiebudget', 'nee', '1'),
    ('bm_innovatiebudget', 'Niet echt een budget, we kijken per situatie', '2'),
    ('bm_innovatiebudget', 'Er is een jaarbudget voor nieuwe dingen', '3'),
    ('bm_innovatiebudget', 'Vast 4 procent van onze omzet', '4'),
    ('bm_rendement', 'Verlies de laatste jaren', '1'),
    ('bm_rendement', 'Marges zijn dun', '2'),
    ('bm_rendement', 'prima', '3'),
    ('bm_rendement', 'Het gaat goed, we maken gezonde winst', '3'),
    ('bm_rendement', 'Zeer goed, veel ruimte om te investeren', '4'),
    ('bm_ketenpositie', 'We werken voor één hoofdklant die 80 procent van de omzet doet', '1'),
    ('bm_ketenpositie', 'We zijn toeleverancier voor allerlei klanten en maken wat op de tekening staat', '2'),
    ('bm_ketenpositie', 'We maken onze eigen producten', '3'),
    ('bm_ketenpositie', 'Eigen producten, en we zijn de grootste in Nederland in onze niche', '4'),
    ('bm_businesscase', 'nee, doen we niet', '1'),
    ('bm_businesscase', 'Meestal niet, alleen een globale inschatting bij een grote investering', '2'),
    ('bm_businesscase', 'Ja, we kijken altijd naar de terugverdientijd', '3'),
    ('bm_businesscase', 'Ja, en achteraf kijken we of het heeft opgeleverd wat we verwachtten', '4'),
    ('sector', 'Wij produceren kunststof verpakkingen', 'kunststof_rubber'),
    ('sector', 'metaalbewerking', 'metaal'),
    ('sector', 'We maken chocolade', 'voedingsmiddelen'),
    ('sector', 'Een timmerbedrijf', 'hout_meubel'),
    ('sector', 'We zijn een groothandel', 'geen_maakindustrie'),
    ('sector', 'Elektronica-assemblage', 'elektrotechniek'),
    ('sector', 'Machinebouwer', 'machinebouw'),
    ('nieuwe_inzichten', 'zeker', 'ja'),
    ('nieuwe_inzichten', 'Enigszins', 'een_beetje'),
    ('nieuwe_inzichten', 'nee niet echt', 'nee'),
    ('wil_contact', 'ja', 'ja'),
    ('wil_contact', 'Nee bedankt', 'nee'),
    ('wil_contact', 'graag!', 'ja'),
    ('eerder_traject', 'nee', 'nee'),
    ('eerder_traject', 'Nee, nog nooit', 'nee'),
    ('ontvangen_steun', 'nee hoor', 'nee'),
    ('ontvangen_steun', 'Geen idee', 'onbekend'),
    ('bereid_plan', 'ja hoor', 'ja'),
    ('bereid_plan', 'Misschien', 'misschien'),
    ('bereid_plan', 'Dat hangt ervan af hoeveel tijd het kost', 'misschien'),
    ('toestemming', 'ja dat is goed', 'ja'),
    ('toestemming', 'nee', 'nee'),
    ('knelpunten', 'tijd en geld', ['capaciteit', 'financiering']),
    ('knelpunten', 'Weerstand bij de oudere medewerkers', ['acceptatie']),
    ('knelpunten', 'We kunnen geen personeel vinden', ['personeel']),
    ('interesse', 'Robots', ['robotisering']),
    ('interesse', 'data verzamelen van de machines', ['data_sensoren']),
    ('interesse', '3D printen en energie', ['additive', 'energie_duurzaamheid']),
    ('tech_automatisering', 'Wij doen nog bijna alles handmatig', '1'),
    ('tech_automatisering', 'Er staat één CNC-draaibank, de rest is oud spul', '2'),
    ('tech_automatisering', 'Half om half', None),
    ('tech_automatisering', 'Redelijk geautomatiseerd, maar alles staat nog los', '2'),
    ('tech_automatisering', 'Het leeuwendeel is geautomatiseerd', '3'),
    ('tech_automatisering', 'Onze bakstraat is volledig geautomatiseerd, van deeg tot verpakking', '4'),
    ('tech_automatisering', 'Ik snap de vraag niet', None),
    ('tech_automatisering', 'Dat verschilt per afdeling', None),
    ('tech_robotisering', 'nee nog niet', '1'),
    ('tech_robotisering', 'Nee, daar zijn we te klein voor', '1'),
    ('tech_robotisering', 'Geen robots, wel eens over nagedacht', '2'),
    ('tech_robotisering', 'We laten een haalbaarheidsstudie doen voor een robotcel', '2'),
    ('tech_robotisering', 'een cobot die dozen stapelt', '3'),
    ('tech_robotisering', 'We hebben er twee', '3'),
    ('tech_robotisering', 'tientallen robots', '4'),
    ('tech_robotisering', 'misschien', None),
    ('tech_digitalisering', 'Met pen en papier', '1'),
    ('tech_digitalisering', 'Alles in Excel', '1'),
    ('tech_digitalisering', 'We gebruiken Exact Online, verder niks gekoppeld', '2'),
    ('tech_digitalisering', 'Er is een ERP, de machines hangen er niet aan', '2'),
    ('tech_digitalisering', 'Werkorders staan digitaal op schermen bij de machines', '3'),
    ('tech_digitalisering', 'We zijn volledig papierloos en alle machines zijn online gekoppeld', '4'),
    ('tech_digitalisering', 'Gaat best goed', None),
    ('tech_implementatie', 'Nee, geen tijd gehad', '1'),
    ('tech_implementatie', 'Niets', '1'),
    ('tech_implementatie', 'Een keer een nieuwe machine, maar dat was een drama', '2'),
    ('tech_implementatie', 'Ja, de nieuwe laser loopt als een trein', '3'),
    ('tech_implementatie', 'Ja, twee nieuwe machines, allebei goed in gebruik', '3'),
    ('tech_implementatie', 'Ja, we zijn continu aan het vernieuwen', '4'),
    ('tech_implementatie', 'Ja', None),
    ('org_bewustzijn', 'Slecht', '1'),
    ('org_bewustzijn', 'Ik weet niet wat er allemaal te koop is', '1'),
    ('org_bewustzijn', 'Via de vakbladen', '2'),
    ('org_bewustzijn', 'We gaan wel eens kijken op een open dag', '3'),
    ('org_bewustzijn', 'We zitten er bovenop en testen zelf nieuwe mogelijkheden', '4'),
    ('org_bewustzijn', 'Gaat wel', None),
    ('org_cultuur', 'Niet', '1'),
    ('org_cultuur', 'Als het misgaat', '2'),
    ('org_cultuur', 'Er wordt vooral verbeterd na een klacht of een fout', '2'),
    ('org_cultuur', 'Medewerkers dragen ideeën aan in het werkoverleg', '3'),
    ('org_cultuur', 'We doen aan lean', '4'),
    ('org_cultuur', 'Best goed', None),
    ('org_capaciteit', 'nee', '1'),
    ('org_capaciteit', 'Iedereen werkt zich de benen uit het lijf', '1'),
    ('org_capaciteit', 'Af en toe', '2'),
    ('org_capaciteit', 'Ik doe het zelf, tussen alles door', '2'),
    ('org_capaciteit', 'Ja, er is een medewerker die er vast één dag per week aan besteedt', '3'),
    ('org_capaciteit', 'We hebben een team van vijf engineers voor procesverbetering', '4'),
    ('org_capaciteit', 'ja', None),
    ('org_vaardigheden', 'Onvoldoende', '1'),
    ('org_vaardigheden', 'Deels', '2'),
    ('org_vaardigheden', 'Grotendeels', '3'),
    ('org_vaardigheden', 'Ja, structureel geregeld met een leerplan per functie', '4'),
    ('org_vaardigheden', 'Nee maar we willen wel', '1'),
    ('org_samenwerking', 'nee', '1'),
    ('org_samenwerking', 'Incidenteel', '2'),
    ('org_samenwerking', 'Regelmatig', '3'),
    ('org_samenwerking', 'Structureel', '4'),
    ('org_samenwerking', 'Met klanten', None),
    ('org_strategie', 'Nee', '1'),
    ('org_strategie', 'Ideeën, maar niets op papier', '2'),
    ('org_strategie', 'Een globaal plan', '3'),
    ('org_strategie', 'Ja, een uitgewerkte roadmap', '4'),
    ('org_strategie', 'Ja', None),
    ('bm_financiering', 'lastig', '1'),
    ('bm_financiering', 'Kleine investeringen wel, grote niet', '2'),
    ('bm_financiering', 'Met subsidie en een bankkrediet', '3'),
    ('bm_financiering', 'Geen enkel probleem', '4'),
    ('bm_financiering', 'Het kan beter', None),
    ('bm_innovatiebudget', 'Nee', '1'),
    ('bm_innovatiebudget', 'ad hoc', '2'),
    ('bm_innovatiebudget', 'Ja, jaarlijks', '3'),
    ('bm_innovatiebudget', 'Een vast percentage', '4'),
    ('bm_rendement', 'verlieslatend', '1'),
    ('bm_rendement', 'Krap', '2'),
    ('bm_rendement', 'Gezond', '3'),
    ('bm_rendement', 'Ruim', '4'),
    ('bm_rendement', 'Dat gaat je niks aan', 'weet_niet'),
    ('bm_ketenpositie', 'Toeleverancier van een paar grote klanten', '1'),
    ('bm_ketenpositie', 'Toeleverancier met veel klanten', '2'),
    ('bm_ketenpositie', 'Eigen producten', '3'),
    ('bm_ketenpositie', 'Wij bepalen wat we maken, we hebben een sterk eigen merk', '4'),
    ('bm_ketenpositie', 'Middenin', None),
    ('bm_businesscase', 'Nee', '1'),
    ('bm_businesscase', 'Soms', '2'),
    ('bm_businesscase', 'Ja', '3'),
    ('bm_businesscase', 'Ja, en we evalueren achteraf', '4'),
    ('sector', 'staalconstructies', 'metaal'),
    ('sector', 'We maken rubberen afdichtingen', 'kunststof_rubber'),
    ('sector', 'slagerij en vleesverwerking', 'voedingsmiddelen'),
    ('sector', 'Wij zijn een keukenfabrikant', 'hout_meubel'),
    ('sector', 'Wij zijn een adviesbureau', 'geen_maakindustrie'),
    ('sector', 'Wij maken dingen', None),
    ('wil_contact', 'Nee, nu niet', 'nee'),
    ('wil_contact', 'Ja, waarom niet', 'ja'),
    ('eerder_traject', 'Ik weet het niet', None),
    ('ontvangen_steun', 'Niet dat ik weet', 'nee'),
    ('ontvangen_steun', 'Zou ik moeten navragen', 'onbekend'),
    ('bereid_plan', 'Ja, mits het niet te veel tijd kost', 'misschien'),
    ('bereid_plan', 'Nee, geen interesse', 'nee'),
    ('toestemming', 'Ja prima', 'ja'),
    ('knelpunten', 'Geen tijd', ['capaciteit']),
    ('knelpunten', 'geld', ['financiering']),
    ('knelpunten', 'Geen knelpunten', ['geen']),
    ('interesse', 'Alles wat met automatisering te maken heeft', ['automatisering']),
    ('interesse', 'lean', ['lean_werkwijzen']),
    ('tech_automatisering', 'We hebben een vulmachine die automatisch loopt, maar het sluiten van de potten en etiketteren doen de dames nog met de hand', '2'),
    ('tech_automatisering', 'Onze timmerlieden werken met gewone zaag- en schaafmachines, er zit geen computer aan', '1'),
    ('tech_automatisering', 'Sinds vorig jaar een CNC-router voor de panelen, het kantenlijmen en de montage zijn handwerk', '2'),
    ('tech_automatisering', 'Onze spuitgietmachines draaien automatisch, de producten vallen op een band en worden automatisch verpakt, operators controleren alleen', '4'),
    ('tech_automatisering', 'De meeste bewerkingen gaan op CNC-bewerkingscentra, alleen afmonteren en inpakken is nog met de hand', '3'),
    ('tech_automatisering', 'Zagen en boren gaat automatisch, de machines zijn niet gekoppeld en de rest is handwerk', '2'),
    ('tech_robotisering', 'Voor ons soort maatwerk zie ik daar het nut niet van in', '1'),
    ('tech_robotisering', 'We hebben vorig jaar een lasrobot gekocht, die draait nu op de seriedelen', '3'),
    ('tech_robotisering', 'Ik ben met een leverancier in gesprek over een cobot voor het stapelen van de kratten', '2'),
    ('tech_robotisering', 'Er staan robots bij alle spuitgietmachines en in de assemblage doen cobots het schroefwerk', '4'),
    ('tech_robotisering', 'Een palletiseerrobot aan het einde van de lijn, verder niks', '3'),
    ('tech_robotisering', 'Geen idee wat dat ons zou opleveren, we hebben er nooit naar gekeken', '1'),
    ('tech_digitalisering', 'Orders komen binnen per mail, ik zet ze in een Excel-planning en print de werkbonnen', '1'),
    ('tech_digitalisering', 'We draaien op Isah, maar in de werkplaats schrijven ze de uren nog op papier', '2'),
    ('tech_digitalisering', 'Het ERP stuurt de orders naar de machines en de operators melden gereed op een scherm; van de nieuwe machines halen we ook de stilstand binnen', '3'),
    ('tech_digitalisering', 'Alle machines zijn aangesloten, we zien live wat er draait en het systeem plant automatisch het onderhoud in', '4'),
    ('tech_digitalisering', 'We hebben een planbord in de kantine en de rest gaat mondeling', '1'),
    ('tech_digitalisering', 'Er is een ERP-pakket, maar koppelen met de productie doen we nog niet', '2'),
    ('tech_implementatie', 'Nee, het meeste staat hier al jaren hetzelfde', '1'),
    ('tech_implementatie', 'We hebben een paar jaar geleden een digitale planning geprobeerd, maar de mensen gingen terug naar het bord', '2'),
    ('tech_implementatie', 'Ja, de nieuwe kantbank met automatische gereedschapswissel, daar zijn we erg blij mee', '3'),
    ('tech_implementatie', 'Wij voeren ieder jaar nieuwe dingen in: vorig jaar vision, daarvoor cobots en een MES', '4'),
    ('tech_implementatie', 'De nieuwe oven is geplaatst maar we krijgen hem nog niet goed ingesteld', '2'),
    ('tech_implementatie', 'Niet echt, we hebben alleen wat machines vervangen door hetzelfde type', '1'),
    ('org_bewustzijn', 'Ik zit de hele dag op de vloer, ik heb geen idee wat er speelt', '1'),
    ('org_bewustzijn', 'Ik krijg het meeste mee van de vertegenwoordigers die langskomen', '2'),
    ('org_bewustzijn', 'Ieder jaar gaan we met een paar man naar de Euroblech en we volgen seminars van de branchevereniging', '3'),
    ('org_bewustzijn', 'We hebben een eigen ontwikkelafdeling die nieuwe technologie uitprobeert voordat we investeren', '4'),
    ('org_bewustzijn', 'Af en toe lees ik er iets over in het vakblad', '2'),
    ('org_cultuur', 'De mensen doen hun werk en willen vooral met rust gelaten worden', '1'),
    ('org_cultuur', 'Als er een klacht komt gaan we kijken, verder gebeurt er weinig', '2'),
    ('org_cultuur', 'Iedere maand is er een teamoverleg en daar komen de jongens met goede ideeën die we ook uitvoeren', '3'),
    ('org_cultuur', 'We hebben dagelijkse stand-ups en een verbeterbord per afdeling, met een vaste verbetercyclus', '4'),
    ('org_cultuur', 'Ik bedenk zelf de verbeteringen als er iets misloopt', '2'),
    ('org_capaciteit', "Ik ben de enige die er mee bezig is en dat lukt alleen 's avonds", '2'),
    ('org_capaciteit', 'Nee, we lopen nu al achter met de orders', '1'),
    ('org_capaciteit', 'Onze engineer heeft 20 procent van zijn tijd voor verbeterprojecten', '3'),
    ('org_capaciteit', 'Er is een aparte club van drie mensen die alleen aan innovatie werkt', '4'),
    ('org_vaardigheden', 'De meesten zijn oudere vakmensen, met computers hebben ze weinig, en cursussen doen we eigenlijk niet', '1'),
    ('org_vaardigheden', 'We sturen mensen op cursus als een klant of de wet het vraagt', '2'),
    ('org_vaardigheden', 'Iedereen krijgt jaarlijks trainingen, daar hebben we een budget voor', '3'),
    ('org_vaardigheden', 'Iedere functie heeft een opleidingsplan en we werken met een skills-matrix', '4'),
    ('org_samenwerking', 'Niet echt, we houden alles liever in eigen huis', '1'),
    ('org_samenwerking', 'Een keer met een klant een nieuw product ontwikkeld, dat was het', '2'),
    ('org_samenwerking', 'Met onze grootste klant en een vaste machineleverancier hebben we regelmatig overleg over verbeteringen', '3'),
    ('org_samenwerking', 'We zijn partner in een fieldlab, doen projecten met de hogeschool en zitten in een regionaal netwerk', '4'),
    ('org_strategie', 'Ik kijk niet verder dan de orders van volgende maand', '1'),
    ('org_strategie', 'Ik weet ongeveer wat ik wil, een nieuwe hal en een robot, maar het is nergens uitgewerkt', '2'),
    ('org_strategie', 'Er ligt een plan voor drie jaar met de belangrijkste investeringen', '3'),
    ('org_strategie', 'We hebben een strategisch plan met doelen per jaar, een investeringsbudget en een tijdpad', '4'),
    ('bm_financiering', 'De bank wil niet meer, we zitten al aan ons plafond', '1'),
    ('bm_financiering', 'Een nieuwe computer of gereedschap lukt wel, een machine van twee ton niet', '2'),
    ('bm_financiering', 'We leasen de machines, dat gaat meestal prima', '3'),
    ('bm_financiering', 'We hebben genoeg reserves om het zelf te betalen', '4'),
    ('bm_innovatiebudget', 'Er is geen pot voor, als er geld over is kijken we wat kan', '2'),
    ('bm_innovatiebudget', 'We reserveren niks, alles gaat naar de lopende kosten', '1'),
    ('bm_innovatiebudget', 'Jaarlijks zetten we een ton opzij voor vernieuwing', '3'),
    ('bm_innovatiebudget', 'Twee procent van de omzet gaat vast naar innovatie, dat hangt aan ons strategisch plan', '4'),
    ('bm_rendement', 'Het afgelopen jaar hebben we verlies gedraaid door de gasprijzen', '1'),
    ('bm_rendement', 'We draaien winst, maar het is niet veel, de marges zijn klein', '2'),
    ('bm_rendement', 'We doen het goed, mooie winst de laatste jaren', '3'),
    ('bm_rendement', 'Uitstekende marges, we kunnen investeren wat we willen', '4'),
    ('bm_ketenpositie', 'We leveren alles aan één grote machinebouwer, die bepaalt hoe het moet', '1'),
    ('bm_ketenpositie', 'We maken onderdelen voor een hele rij klanten, allemaal op hun tekening', '2'),
    ('bm_ketenpositie', 'Naast het maatwerk voor klanten hebben we een eigen lijn tuinmeubelen', '3'),
    ('bm_ketenpositie', 'Wij zijn de enige in Europa die dit maakt, klanten passen zich aan ons aan', '4'),
    ('bm_businesscase', 'Als ik denk dat iets goed is, dan koop ik het', '1'),
    ('bm_businesscase', 'Bij grote aankopen reken ik even globaal uit wat het oplevert', '2'),
    ('bm_businesscase', "We maken altijd een investeringsvoorstel met terugverdientijd, risico's en scenario's", '3'),
    ('bm_businesscase', 'Na de investering meten we of de beloofde besparing er ook echt is', '4'),
    ('tech_automatisering', 'Wij zijn een ambachtelijke slagerij, het uitbenen en snijden is allemaal vakwerk', '1'),
    ('tech_automatisering', 'Het enige wat automatisch gaat is de vacuümverpakker', '2'),
    ('tech_automatisering', 'We hebben een automatische plaatzaag en een kantenlijmer, maar de kasten bouwen we met de hand', '2'),
    ('tech_automatisering', 'Onze extrusielijnen lopen automatisch, alleen het wisselen van matrijzen en het inpakken is nog mensenwerk', '3'),
    ('tech_automatisering', 'Van het inkomende staal tot het gelakte eindproduct gaat alles via een geautomatiseerde straat', '4'),
    ('tech_automatisering', 'De helft ongeveer', '2'),
    ('tech_automatisering', 'Alles behalve de eindmontage is geautomatiseerd', '3'),
    ('tech_robotisering', 'Robots hebben we niet, en ik zie het voorlopig ook niet gebeuren', '1'),
    ('tech_robotisering', 'Mijn zoon is er erg mee bezig, hij wil een cobot voor het schuren', '2'),
    ('tech_robotisering', 'Eén cobot, die staat bij de draaibank om onderdelen in en uit te leggen', '3'),
    ('tech_robotisering', 'We hebben robots voor lassen en voor het beladen van de persen, en er komen er nog meer bij', '4'),
    ('tech_robotisering', 'We gaan binnenkort een robot bestellen', '2'),
    ('tech_robotisering', 'Er staat een robot, maar die gebruiken we eigenlijk nauwelijks', '3'),
    ('tech_digitalisering', 'Werkbonnen schrijf ik met de hand en de planning staat op een groot bord', '1'),
    ('tech_digitalisering', 'We hebben Exact voor de orders en de planning, de werkplaats krijgt een uitdraai', '2'),
    ('tech_digitalisering', 'Onze orders gaan vanuit het ERP digitaal naar de werkplek en een deel van de machines registreert automatisch de aantallen', '3'),
    ('tech_digitalisering', 'Op basis van machinedata plannen we onderhoud vooruit en de planning wordt realtime bijgewerkt', '4'),
    ('tech_digitalisering', 'In principe papier, maar de facturen gaan via de boekhouder digitaal', '1'),
    ('tech_implementatie', 'Eerlijk gezegd staat alles hier nog zoals tien jaar geleden', '1'),
    ('tech_implementatie', 'We zijn begonnen met een nieuw planningsprogramma maar het kost meer tijd dan het oplevert', '2'),
    ('tech_implementatie', 'Twee jaar geleden zijn we overgestapt op een nieuw ERP, dat was even wennen maar nu loopt het goed', '3'),
    ('tech_implementatie', 'Ja, vorig jaar een nieuwe verpakkingsmachine, die doet het prima', '3'),
    ('tech_implementatie', 'Elk jaar investeren we in nieuwe technieken en dat pakt meestal goed uit', '4'),
    ('tech_implementatie', 'Niks nieuws, alleen vervangingen', '1'),
    ('org_bewustzijn', 'Ik heb het te druk om me daarin te verdiepen', '1'),
    ('org_bewustzijn', 'Mijn leveranciers houden me wel een beetje op de hoogte', '2'),
    ('org_bewustzijn', 'We gaan met het team naar beurzen en kijken bij collega-bedrijven', '3'),
    ('org_bewustzijn', 'We hebben samen met een universiteit een testopstelling gebouwd om nieuwe technieken te proberen', '4'),
    ('org_cultuur', 'Er wordt hier niet zoveel verbeterd, men is tevreden zoals het gaat', '1'),
    ('org_cultuur', 'Het gebeurt vooral naar aanleiding van fouten', '2'),
    ('org_cultuur', 'Onze mensen komen met verbeteringen en die bespreken we elke maand', '3'),
    ('org_cultuur', 'We werken met verbeterteams en dagelijkse korte overleggen volgens lean', '4'),
    ('org_cultuur', 'Dat doe ik zelf als er iets niet goed gaat', '2'),
    ('org_capaciteit', 'Nee, ik sta zelf ook aan de machine', '1'),
    ('org_capaciteit', 'Soms op vrijdagmiddag als de orders af zijn', '2'),
    ('org_capaciteit', 'We hebben een procesengineer die er twee dagen per week mee bezig is', '3'),
    ('org_capaciteit', 'Ja, een afdeling met vier mensen voor engineering en verbetering', '4'),
    ('org_vaardigheden', 'De mensen zijn goed in hun vak, maar nieuwe technologie is voor hen onbekend en opleiden doen we niet', '1'),
    ('org_vaardigheden', 'Sommige medewerkers zijn er goed in, anderen niet', '2'),
    ('org_vaardigheden', 'We hebben een opleidingsbudget en sturen mensen gericht naar trainingen', '3'),
    ('org_vaardigheden', 'Iedereen heeft een persoonlijk ontwikkelplan dat we twee keer per jaar bespreken', '4'),
    ('org_samenwerking', 'Nee, we zijn daar te klein voor', '1'),
    ('org_samenwerking', 'Een paar keer met een klant gesproken over verbeteringen', '2'),
    ('org_samenwerking', 'We werken vast samen met een constructiebureau en onze grootste klant', '3'),
    ('org_samenwerking', 'We zitten in een innovatieprogramma met andere maakbedrijven en de TU', '4'),
    ('org_strategie', 'We denken niet verder dan dit jaar', '1'),
    ('org_strategie', 'Ik heb wel een idee waar we heen willen, maar niks concreets', '2'),
    ('org_strategie', 'We hebben een plan op hoofdlijnen met een paar concrete stappen voor de komende jaren', '3'),
    ('org_strategie', 'Ja, een gedetailleerd plan met mijlpalen en een budget, dat ieder kwartaal besproken wordt', '4'),
    ('bm_financiering', 'Eigenlijk onmogelijk, we hebben nauwelijks reserves', '1'),
    ('bm_financiering', 'Tot een paar tienduizend euro gaat het wel', '2'),
    ('bm_financiering', 'Meestal regelen we een lening bij de bank of lease, dat kost wat moeite maar lukt', '3'),
    ('bm_financiering', 'Wij betalen alles cash, de bank hebben we niet nodig', '4'),
    ('bm_innovatiebudget', 'Nee, daar is nu geen ruimte voor', '1'),
    ('bm_innovatiebudget', 'Alleen als een klant er om vraagt', '2'),
    ('bm_innovatiebudget', 'Er is een bedrag per jaar voor nieuwe dingen', '3'),
    ('bm_innovatiebudget', 'Een vast deel van de omzet, afgestemd op onze strategie', '4'),
    ('bm_rendement', 'Eerlijk gezegd draaien we net quitte', '1'),
    ('bm_rendement', 'Het is niet slecht, maar de marges worden steeds kleiner', '2'),
    ('bm_rendement', 'We hebben een gezond bedrijf', '3'),
    ('bm_rendement', 'We verdienen goed en kunnen makkelijk investeren', '4'),
    ('bm_ketenpositie', 'We zijn volledig afhankelijk van één klant', '1'),
    ('bm_ketenpositie', "Onze klanten leveren de tekeningen en wij maken het, we hebben er zo'n zestig", '2'),
    ('bm_ketenpositie', 'We ontwerpen mee met onze klanten en leveren ook eigen producten', '3'),
    ('bm_ketenpositie', 'We zijn marktleider met ons eigen merk', '4'),
    ('bm_businesscase', 'Nee, we doen het op ervaring', '1'),
    ('bm_businesscase', 'Soms, bij een grote machine reken ik het grof door', '2'),
    ('bm_businesscase', 'Altijd, de bank vraagt er ook om, met terugverdientijd', '3'),
    ('bm_businesscase', 'We maken een businesscase en evalueren die na een jaar', '4'),
    ('wil_contact', 'Ja, dat lijkt me zinvol', 'ja'),
    ('wil_contact', 'Nee, ik wilde alleen even kijken waar we staan', 'nee'),
    ('wil_contact', 'Graag, want ik weet niet waar ik moet beginnen', 'ja'),
    ('toestemming', 'Ja, dat mag', 'ja'),
    ('toestemming', 'Liever niet, ik bel zelf wel', 'nee'),
    ('eerder_traject', "Nee, we hebben nog nooit zo'n traject gedaan", 'nee'),
    ('eerder_traject', 'Ja, twee jaar geleden', 'ja'),
    ('ontvangen_steun', 'Nee, zoveel zeker niet', 'nee'),
    ('ontvangen_steun', 'Nee, nooit subsidie gehad', 'nee'),
    ('ontvangen_steun', 'Dat weet ik niet zeker', 'onbekend'),
    ('bereid_plan', 'Ja, we willen echt stappen zetten', 'ja'),
    ('bereid_plan', 'Dat weet ik nog niet', 'misschien'),
    ('bereid_plan', 'Nee, drie maanden is te kort voor ons', 'nee'),
    ('nieuwe_inzichten', 'Ja, vooral over de organisatie', 'ja'),
    ('nieuwe_inzichten', 'Het meeste wist ik al, maar een paar dingen waren nieuw', 'een_beetje'),
    ('nieuwe_inzichten', 'Nee, niks nieuws', 'nee'),
    ('sector', 'We maken kozijnen en deuren', 'hout_meubel'),
    ('sector', 'Wij zijn een gieterij', 'metaal'),
    ('sector', 'Zuivelproducten', 'voedingsmiddelen'),
    ('sector', 'We bouwen machines voor de agrarische sector', 'machinebouw'),
    ('sector', 'We zijn een IT-bedrijf', 'geen_maakindustrie'),
    ('sector', 'Wij maken printplaten', 'elektrotechniek'),
    ('sector', 'We produceren betonnen elementen', 'overige_maakindustrie'),
    ('knelpunten', 'Vooral geld, de machines zijn duur', ['financiering']),
    ('knelpunten', 'De jongens willen niet veranderen en er is geen tijd', ['acceptatie', 'capaciteit']),
    ('knelpunten', 'De terugverdientijd is te lang', ['terugverdientijd']),
    ('interesse', 'Een beter ERP en digitale werkbonnen', ['digitalisering']),
    ('interesse', 'Vision voor de kwaliteit en sensoren op de machines', ['data_sensoren', 'vision_kwaliteit']),
    ('tech_automatisering', 'Geen CNC, alles handbediend', '1'),
    ('tech_automatisering', 'We hebben niet echt automatisering, behalve een automatische zaag', '2'),
    ('tech_automatisering', 'Zowel handwerk als automatische lijnen, het verschilt per product', None),
    ('tech_automatisering', 'Dat is moeilijk uit te leggen', None),
    ('tech_automatisering', 'We hebben een paar oude machines, niks bijzonders', '1'),
    ('tech_automatisering', 'Onze productie is voor ongeveer zestig procent geautomatiseerd', '3'),
    ('tech_robotisering', 'We hebben geen robots, maar wel een automatische palletwikkelaar', '1'),
    ('tech_robotisering', 'Robots? Die zijn veel te duur voor ons', '1'),
    ('tech_robotisering', 'Nog niet echt, we lezen er wel over', '2'),
    ('tech_robotisering', 'Sinds kort één cobot, en we zoeken uit waar we een tweede kunnen inzetten', '3'),
    ('tech_robotisering', 'Ik zou het niet weten, daar gaat mijn productieleider over', 'weet_niet'),
    ('tech_robotisering', 'Robots in de lakstraat, bij het lassen en in het magazijn', '4'),
    ('tech_digitalisering', 'We hebben geen ERP, alles gaat via Excel en mail', '1'),
    ('tech_digitalisering', 'Er is een ERP maar we gebruiken het alleen voor facturen, de planning staat op papier', '2'),
    ('tech_digitalisering', 'Half digitaal, half papier', None),
    ('tech_digitalisering', 'We scannen de werkorders bij start en stop, dat gaat naar het ERP', '3'),
    ('tech_digitalisering', 'Onze machines sturen hun data naar een platform dat de planning en het onderhoud bijstuurt', '4'),
    ('tech_implementatie', 'Nee, we wachten eerst af', '1'),
    ('tech_implementatie', 'Ja en nee, het ene project lukte wel, het andere niet', None),
    ('tech_implementatie', 'We hebben een nieuwe robot, maar die krijgen we niet aan de praat', '2'),
    ('tech_implementatie', 'De overstap naar digitale tekeningen is gelukt', '3'),
    ('tech_implementatie', 'Een paar grote projecten, allemaal goed gelukt, en we zijn nu weer met iets nieuws bezig', '4'),
    ('org_bewustzijn', 'Ik kijk wel eens op YouTube naar filmpjes van machines', '2'),
    ('org_bewustzijn', 'Niet, daar heb ik geen tijd voor', '1'),
    ('org_bewustzijn', 'Ik ben lid van een ondernemersclub en we bezoeken elkaars bedrijven', '3'),
    ('org_bewustzijn', 'We hebben een innovatieteam dat continu nieuwe technologie test', '4'),
    ('org_cultuur', 'Het wisselt, soms wel, soms niet', None),
    ('org_cultuur', 'Nooit', '1'),
    ('org_cultuur', 'Meestal pas na een klacht van een klant', '2'),
    ('org_cultuur', 'We hebben een ideeënbox en een beloning voor goede ideeën', '3'),
    ('org_capaciteit', 'Er is wel tijd, maar niemand die het oppakt', '1'),
    ('org_capaciteit', 'Ik ben de enige, naast al mijn andere taken', '2'),
    ('org_capaciteit', 'Een halve dag per week voor onze teamleider', '3'),
    ('org_capaciteit', 'Ja, we hebben een innovatiemanager en een technisch team', '4'),
    ('org_vaardigheden', 'Weinig kennis, en opleiden kost te veel', '1'),
    ('org_vaardigheden', 'Bij nieuwe machines krijgen ze instructie van de leverancier', '2'),
    ('org_vaardigheden', 'We hebben een opleidingsbudget dat we goed benutten', '3'),
    ('org_vaardigheden', 'We hebben een eigen academie en elke medewerker volgt jaarlijks trainingen', '4'),
    ('org_samenwerking', 'Niet met anderen, nee', '1'),
    ('org_samenwerking', 'Soms met een klant als die iets nieuws wil', '2'),
    ('org_samenwerking', 'Met een aantal vaste partners, ja', '3'),
    ('org_samenwerking', 'We zitten in twee fieldlabs en een Europees project', '4'),
    ('org_strategie', 'Niet echt, we doen wat er op ons pad komt', '1'),
    ('org_strategie', 'Er zijn ideeën, maar die staan nergens', '2'),
    ('org_strategie', 'Ja, een investeringsplan voor drie jaar', '3'),
    ('org_strategie', 'Ja, met een roadmap met doelen en budget', '4'),
    ('org_strategie', 'Ja en nee', None),
    ('bm_financiering', 'Met de bank erbij lukt het wel', '3'),
    ('bm_financiering', 'Dat is echt een probleem', '1'),
    ('bm_financiering', 'We kunnen wel wat, maar geen grote dingen', '2'),
    ('bm_financiering', 'Uit eigen zak', '4'),
    ('bm_innovatiebudget', 'Helaas niet', '1'),
    ('bm_innovatiebudget', 'Nee, alleen als er iets kapot gaat', '2'),
    ('bm_innovatiebudget', 'Ja, een potje per jaar', '3'),
    ('bm_innovatiebudget', 'We reserveren een percentage van de omzet', '4'),
    ('bm_rendement', 'Het jaar was slecht, we zitten rond nul', '1'),
    ('bm_rendement', 'Matig', '2'),
    ('bm_rendement', 'Goed', '3'),
    ('bm_rendement', 'Zeer winstgevend', '4'),
    ('bm_rendement', 'Wisselend per jaar', None),
    ('bm_ketenpositie', 'Wij produceren voor drie supermarkten onder hun eigen label', '1'),
    ('bm_ketenpositie', 'We zijn een loonbedrijf voor allerlei opdrachtgevers', '2'),
    ('bm_ketenpositie', 'Half eigen producten, half toelevering', None),
    ('bm_ketenpositie', 'Wij ontwerpen en maken onze eigen machines', '3'),
    ('bm_businesscase', 'Zelden', '1'),
    ('bm_businesscase', 'Alleen bij grote investeringen een berekening op hoofdlijnen', '2'),
    ('bm_businesscase', 'Ja, met terugverdientijd', '3'),
    ('bm_businesscase', 'Ja, en we controleren het achteraf', '4'),
    ('bm_businesscase', 'Dat doet de accountant', None),
    ('wil_contact', 'Ja, maar liever na de zomer', 'ja'),
    ('wil_contact', 'Eerst even met mijn compagnon overleggen', None),
    ('wil_contact', 'Nee', 'nee'),
    ('toestemming', 'Akkoord', 'ja'),
    ('toestemming', 'Wie krijgt mijn gegevens dan?', None),
    ('eerder_traject', 'Niet dat ik weet', 'nee'),
    ('eerder_traject', 'Ja, met Syntens vroeger, maar dat is tien jaar geleden', 'nee'),   # outside the three years
    ('ontvangen_steun', 'Nee, alleen WBSO', 'nee'),
    ('ontvangen_steun', 'Geen flauw idee', 'onbekend'),
    ('bereid_plan', 'Ja, als het echt iets oplevert', 'ja'),
    ('bereid_plan', 'Waarschijnlijk wel', 'misschien'),
    ('bereid_plan', 'Nee, dat is te veel gedoe', 'nee'),
    ('nieuwe_inzichten', 'Best wel', 'ja'),
    ('nieuwe_inzichten', 'Een paar', 'een_beetje'),
    ('sector', 'Verpakkingsmachines', 'machinebouw'),
    ('sector', 'Houten speelgoed', 'hout_meubel'),
    ('sector', 'Een metaalgieterij', 'metaal'),
    ('sector', 'We zijn een aannemer', 'geen_maakindustrie'),
    ('knelpunten', 'Alles eigenlijk', None),
    ('knelpunten', 'Dat de klant de specificaties bepaalt', ['ketenafhankelijkheid']),
    ('knelpunten', 'Geen urgentie', ['urgentie']),
    ('interesse', 'Zonnepanelen en minder energieverbruik', ['energie_duurzaamheid']),
    ('interesse', 'Iets met AI', ['data_sensoren']),
    ('tech_automatisering', 't meeste doen we nog met de hand hoor', '1'),
    ('tech_automatisering', 'We hebben een nieuwe CNC draaibank en verder conventionele machines', '2'),
    ('tech_automatisering', "Ons bedrijf is voor zo'n 90% geautomatiseerd maar de machines staan los", '3'),
    ('tech_automatisering', 'Van grondstof tot eindproduct loopt alles via gekoppelde installaties', '4'),
    ('tech_automatisering', 'Er zijn wat automatische machines maar het meeste is nog handwerk', None),
    ('tech_automatisering', 'Grotendeels handwerk, met een paar elektrische gereedschappen', '1'),
    ('tech_robotisering', 'neen', '1'),
    ('tech_robotisering', 'Er wordt over gesproken maar er is nog niks besloten', '2'),
    ('tech_robotisering', 'We hebben sinds 2020 een robot voor het kantzetten', '3'),
    ('tech_robotisering', 'Elke productielijn heeft meerdere robots', '4'),
    ('tech_robotisering', 'Ik heb een cobot op proef gehad van de leverancier', '2'),
    ('tech_robotisering', 'Niet nodig, ons werk is te gevarieerd', '1'),
    ('tech_digitalisering', 'alles op papier, heel ouderwets', '1'),
    ('tech_digitalisering', 'We werken met een oud DOS-pakket voor de orders, de rest gaat met de hand', '2'),
    ('tech_digitalisering', 'We hebben een MES dat gekoppeld is aan het ERP', '3'),
    ('tech_digitalisering', 'Op basis van live sensordata worden onze machines automatisch ingepland', '4'),
    ('tech_digitalisering', 'Excel en whatsapp', '1'),
    ('tech_implementatie', 'nope, alles nog hetzelfde', '1'),
    ('tech_implementatie', 'We hebben een scanner-systeem geprobeerd, dat is weer afgeschaft', '2'),
    ('tech_implementatie', 'Vorig jaar zonnepanelen en een nieuwe compressor, prima gegaan', '3'),
    ('tech_implementatie', 'We hebben de laatste 3 jaar zeker vijf grote vernieuwingen succesvol doorgevoerd', '4'),
    ('tech_implementatie', 'Ja hoor, een lasrobot, die draait nu volop', '3'),
    ('org_bewustzijn', 'Ik heb er eerlijk gezegd weinig zicht op', '1'),
    ('org_bewustzijn', 'Ik volg een paar nieuwsbrieven', '2'),
    ('org_bewustzijn', 'Ik bezoek regelmatig beurzen en demonstraties', '3'),
    ('org_bewustzijn', 'We experimenteren in ons eigen lab en werken samen met startups', '4'),
    ('org_cultuur', "Nee, hier is het 'dat hebben we altijd zo gedaan'", '1'),
    ('org_cultuur', 'Als er problemen zijn, lossen we die op en passen we de werkwijze aan', '2'),
    ('org_cultuur', 'De jongens op de vloer hebben vaak goede ideeën en daar doen we wat mee', '3'),
    ('org_cultuur', 'We hebben een vast verbeterritme met weekstarts en een verbeterbord', '4'),
    ('org_capaciteit', 'Nul, we zijn volgeboekt', '1'),
    ('org_capaciteit', 'Ik doe het er zelf een beetje bij', '2'),
    ('org_capaciteit', 'Een collega heeft er een vaste dag voor', '3'),
    ('org_capaciteit', 'We hebben een procesverbeteringsteam', '4'),
    ('org_vaardigheden', 'Nee, en we hebben er ook geen budget voor', '1'),
    ('org_vaardigheden', 'Het verschilt, de jongere mensen wel', '2'),
    ('org_vaardigheden', 'We investeren in cursussen en iedereen krijgt de kans zich te ontwikkelen', '3'),
    ('org_vaardigheden', 'Ontwikkeling is bij ons structureel geregeld via ons eigen opleidingsprogramma', '4'),
    ('org_samenwerking', 'We doen alles in eigen beheer', '1'),
    ('org_samenwerking', 'Heel af en toe', '2'),
    ('org_samenwerking', 'Met twee vaste leveranciers zitten we elke maand om tafel', '3'),
    ('org_samenwerking', 'We zijn actief in een regionaal innovatienetwerk en een fieldlab', '4'),
    ('org_strategie', 'We werken van order naar order', '1'),
    ('org_strategie', 'Ik heb het wel in mijn hoofd maar het staat niet op papier', '2'),
    ('org_strategie', 'Een eenvoudig plan met wat we de komende jaren willen investeren', '3'),
    ('org_strategie', 'We hebben een vijfjarenplan met concrete doelen, budget en een planning', '4'),
    ('bm_financiering', 'Dat is voor ons een enorme drempel', '1'),
    ('bm_financiering', 'Kleine aanschaffen lukken uit de lopende middelen', '2'),
    ('bm_financiering', 'Via een bankfinanciering en de MIA-regeling', '3'),
    ('bm_financiering', 'Makkelijk, we hebben voldoende liquide middelen', '4'),
    ('bm_innovatiebudget', 'Neen', '1'),
    ('bm_innovatiebudget', 'Alleen als er een mooie kans langskomt', '2'),
    ('bm_innovatiebudget', 'Jazeker, jaarlijks vastgesteld', '3'),
    ('bm_innovatiebudget', 'Ja, 3 procent van de omzet, vastgelegd in het meerjarenplan', '4'),
    ('bm_rendement', 'Net boven nul', '1'),
    ('bm_rendement', 'We moeten elke euro omdraaien', '2'),
    ('bm_rendement', 'Goede winst', '3'),
    ('bm_rendement', 'Zeer goede resultaten, ruim voldoende om te investeren', '4'),
    ('bm_ketenpositie', 'We zijn een toeleverancier die maakt wat een paar grote klanten vragen', '1'),
    ('bm_ketenpositie', 'Veel verschillende klanten, maar die bepalen de specificaties', '2'),
    ('bm_ketenpositie', 'We denken mee in het ontwerp met onze klanten', '3'),
    ('bm_ketenpositie', 'Wij hebben unieke eigen producten en bepalen zelf de koers', '4'),
    ('bm_businesscase', 'Nee, dat vind ik lastig', '1'),
    ('bm_businesscase', 'Globaal', '2'),
    ('bm_businesscase', 'Ja, altijd met een terugverdienberekening', '3'),
    ('bm_businesscase', 'Ja, en we kijken achteraf of het is uitgekomen', '4'),
    ('wil_contact', 'Ja graag, want ik loop vast', 'ja'),
    ('wil_contact', 'Nee hoor, we redden ons wel', 'nee'),
    ('wil_contact', 'Ik denk het wel', 'ja'),
    ('toestemming', 'Ja, geef maar door', 'ja'),
    ('toestemming', 'Nee, ik wil eerst meer weten', 'nee'),
    ('eerder_traject', 'Nee hoor', 'nee'),
    ('eerder_traject', 'Volgens mij niet', 'nee'),
    ('ontvangen_steun', 'Nee, lang niet zoveel', 'nee'),
    ('ontvangen_steun', 'Geen idee, dat regelt onze accountant', 'onbekend'),
    ('ontvangen_steun', 'Ja', 'ja'),
    ('bereid_plan', 'Prima', 'ja'),
    ('bereid_plan', 'Ik twijfel nog', 'misschien'),
    ('bereid_plan', 'Nee, daar hebben we geen zin in', 'nee'),
    ('nieuwe_inzichten', 'Ja, veel', 'ja'),
    ('nieuwe_inzichten', 'Wel een beetje', 'een_beetje'),
    ('nieuwe_inzichten', 'Niet veel nieuws', 'nee'),
    ('sector', 'We maken frites en aardappelproducten', 'voedingsmiddelen'),
    ('sector', 'Wij produceren schakelkasten', 'elektrotechniek'),
    ('sector', 'Trappen en balustrades van staal', 'metaal'),
    ('sector', 'Wij zijn een logistiek dienstverlener', 'geen_maakindustrie'),
    ('sector', 'Een spuitgieterij', 'kunststof_rubber'),
    ('sector', 'We maken meubels op maat', 'hout_meubel'),
    ('knelpunten', 'Personeel vinden en de investering terugverdienen', ['personeel', 'terugverdientijd']),
    ('knelpunten', 'We weten niet hoe we het moeten aanpakken', ['kennis']),
    ('knelpunten', 'Geen prioriteit en geen geld', ['financiering', 'urgentie']),
    ('interesse', 'Een cobot en betere planning', ['digitalisering', 'robotisering']),
    ('interesse', 'Duurzaamheid', ['energie_duurzaamheid']),
    ('interesse', '3d printing', ['additive']),
    ('tech_automatisering', 'Alles wordt met de hand gesoldeerd en gemonteerd', '1'),
    ('tech_automatisering', 'We hebben een pick-and-place machine voor de printplaten, de rest is handwerk', '2'),
    ('tech_automatisering', "Zo'n beetje alles draait op automatische machines, alleen het verpakken niet", '3'),
    ('tech_automatisering', 'Onze lijn is volledig geautomatiseerd en gekoppeld aan het magazijn', '4'),
    ('tech_automatisering', 'Mwah, valt wel mee', None),
    ('tech_robotisering', 'Geen een', '1'),
    ('tech_robotisering', 'We hebben een robotintegrator uitgenodigd om te kijken wat kan', '2'),
    ('tech_robotisering', 'Twee lasrobots', '3'),
    ('tech_robotisering', 'We hadden er een, maar die is weg', None),
    ('tech_digitalisering', 'Ik houd alles bij in een schrift', '1'),
    ('tech_digitalisering', 'We hebben software voor de planning, maar die staat los van de rest', '2'),
    ('tech_digitalisering', 'Via tablets op de werkvloer zien de mensen hun orders en we meten de output van een paar machines', '3'),
    ('tech_digitalisering', 'Alle machinedata komt realtime binnen en daar sturen we de productie mee', '4'),
    ('tech_implementatie', 'Nee, de laatste drie jaar eigenlijk niks', '1'),
    ('tech_implementatie', 'We wilden een MES invoeren, maar dat is halverwege gestrand', '2'),
    ('tech_implementatie', 'Ja, een nieuwe freesmachine, werkt perfect', '3'),
    ('tech_implementatie', 'Ja, zeker, we vernieuwen voortdurend', '4'),
    ('org_bewustzijn', 'Slecht eigenlijk, we zijn vooral met de dag bezig', '1'),
    ('org_bewustzijn', 'Ik krijg wel eens wat mee van klanten', '2'),
    ('org_bewustzijn', 'We gaan twee keer per jaar naar een vakbeurs', '3'),
    ('org_bewustzijn', 'We testen nieuwe technologie eerst zelf in een pilot', '4'),
    ('org_cultuur', 'Hier verandert nooit wat', '1'),
    ('org_cultuur', 'Pas als er echt iets misgaat', '2'),
    ('org_cultuur', 'We vragen de mensen om ideeën en die worden ook uitgevoerd', '3'),
    ('org_cultuur', 'Lean manufacturing met dagelijkse teamoverleggen', '4'),
    ('org_capaciteit', 'Nee, iedereen draait volle dagen', '1'),
    ('org_capaciteit', 'Af en toe een uurtje', '2'),
    ('org_capaciteit', 'Een collega is daar 3 dagen per week mee bezig', '3'),
    ('org_capaciteit', 'We hebben een speciaal team voor innovatie', '4'),
    ('org_vaardigheden', 'Te weinig, en er gebeurt ook niks aan', '1'),
    ('org_vaardigheden', 'Als het moet', '2'),
    ('org_vaardigheden', 'Ja, we investeren flink in scholing', '3'),
    ('org_vaardigheden', 'We hebben een leerplan voor iedereen en een eigen trainingscentrum', '4'),
    ('org_samenwerking', 'Nooit gedaan', '1'),
    ('org_samenwerking', 'Een keertje', '2'),
    ('org_samenwerking', 'Met een handvol vaste partners', '3'),
    ('org_samenwerking', 'We werken in consortia met kennisinstellingen', '4'),
    ('org_strategie', 'Geen idee waar we over vijf jaar staan', '1'),
    ('org_strategie', 'Er zijn plannen, maar alleen in mijn hoofd', '2'),
    ('org_strategie', 'Een globaal plan voor de komende jaren', '3'),
    ('org_strategie', 'Ja, helemaal uitgewerkt met doelen en budgetten', '4'),
    ('bm_financiering', 'Vrijwel onmogelijk', '1'),
    ('bm_financiering', 'Kleine bedragen wel', '2'),
    ('bm_financiering', 'Met een lening van de bank', '3'),
    ('bm_financiering', 'Zonder problemen', '4'),
    ('bm_innovatiebudget', 'Nope', '1'),
    ('bm_innovatiebudget', 'Van geval tot geval', '2'),
    ('bm_innovatiebudget', 'Ja, elk jaar een vast bedrag', '3'),
    ('bm_innovatiebudget', 'Ja, een percentage van de omzet', '4'),
    ('bm_rendement', 'Rood', '1'),
    ('bm_rendement', 'Mager', '2'),
    ('bm_rendement', 'Netjes', '3'),
    ('bm_rendement', 'Heel goed, veel armslag', '4'),
    ('bm_ketenpositie', "We zijn een toeleverancier voor twee grote OEM's", '1'),
    ('bm_ketenpositie', "We werken voor zo'n 200 klanten op hun specificaties", '2'),
    ('bm_ketenpositie', 'We hebben een eigen assortiment', '3'),
    ('bm_ketenpositie', 'We zijn wereldmarktleider in onze niche', '4'),
    ('bm_businesscase', 'Nee, nooit', '1'),
    ('bm_businesscase', 'Af en toe een simpele berekening', '2'),
    ('bm_businesscase', 'Ja, we berekenen de ROI', '3'),
    ('bm_businesscase', 'Ja, en we toetsen na een jaar', '4'),
    ('wil_contact', 'Ja hoor', 'ja'),
    ('wil_contact', 'Nee, geen interesse', 'nee'),
    ('eerder_traject', 'Ja', 'ja'),
    ('ontvangen_steun', 'Nee, minder dan dat', 'nee'),
    ('bereid_plan', 'Ja, dat moet lukken', 'ja'),
    ('nieuwe_inzichten', 'Redelijk', 'een_beetje'),
    ('toestemming', 'Ja hoor', 'ja'),
    ('sector', 'Metaalbewerking en constructie', 'metaal'),
    ('sector', 'Vleeswarenfabriek', 'voedingsmiddelen'),
    ('knelpunten', 'Het is vooral tijd', ['capaciteit']),
    ('interesse', 'Robotisering en automatisering', ['automatisering', 'robotisering']),
    ('tech_automatisering', 'Bij ons zaagt en schuurt iedereen nog zelf, we hebben alleen wat handgereedschap en een paar oude machines', '1'),
    ('tech_automatisering', 'We kneden en bakken met machines die de bakkers zelf instellen en bedienen', '1'),
    ('tech_automatisering', "De freesmachine draait programma's van de werkvoorbereider, de rest van de werkplaats is traditioneel", '2'),
    ('tech_automatisering', 'We hebben een automatische pers en een lasersnijder, maar alles ertussen gaat met de heftruck en de hand', '2'),
    ('tech_automatisering', 'Vrijwel al het verspanen gebeurt op CNC-machines met palletwisselaars, alleen assemblage is nog handwerk', '3'),
    ('tech_automatisering', 'Ruim driekwart van onze productie loopt automatisch', '3'),
    ('tech_automatisering', 'Onze productielijnen zijn aan elkaar geknoopt en draaien in het weekend door zonder mensen', '4'),
    ('tech_automatisering', 'De hele lijn, van mengen tot palletiseren, stuurt zichzelf aan', '4'),
    ('tech_robotisering', 'Nee, dat zie ik bij ons ook niet gebeuren', '1'),
    ('tech_robotisering', 'We zijn nog niet zo ver, robots zijn niks voor ons', '1'),
    ('tech_robotisering', 'Ik heb vorige maand een robot zien draaien bij een collega-bedrijf en we vragen nu prijzen op', '2'),
    ('tech_robotisering', 'We laten onderzoeken of een cobot bij het inpakken rendabel is', '2'),
    ('tech_robotisering', 'Er draait één robot die de lasnaden trekt bij de grotere series', '3'),
    ('tech_robotisering', 'We hebben een cobot bij de kantpers en een robot bij de lasmal', '3'),
    ('tech_robotisering', 'In al onze cellen zitten robots, en ook het magazijn wordt door robots bediend', '4'),
    ('tech_robotisering', 'We hebben 12 robots voor spuitgieten, montage en verpakking', '4'),
    ('tech_digitalisering', 'Klanten mailen hun orders, die schrijf ik over op een werkbon en hang ik op het bord', '1'),
    ('tech_digitalisering', 'We doen het met een agenda en een paar spreadsheets', '1'),
    ('tech_digitalisering', 'We hebben een ERP waarin we orders en voorraad bijhouden, maar de werkplaats werkt nog met papier', '2'),
    ('tech_digitalisering', 'Ons planningsprogramma doet de orders, koppelingen met de machines zijn er niet', '2'),
    ('tech_digitalisering', 'Het ERP stuurt werkorders naar terminals op de vloer en van de helft van de machines loggen we de draaitijd', '3'),
    ('tech_digitalisering', 'Onze MES koppelt het ERP aan de productie en we verzamelen data van een deel van de machines', '3'),
    ('tech_digitalisering', 'Alle machines leveren realtime data, daarmee worden planning, kwaliteit en onderhoud automatisch aangestuurd', '4'),
    ('tech_digitalisering', 'We hebben een volledig digitale fabriek waar het onderhoud voorspeld wordt op basis van sensordata', '4'),
    ('tech_implementatie', 'Nee, we hebben de laatste jaren niks vernieuwd', '1'),
    ('tech_implementatie', 'Er is weinig veranderd, we draaien met dezelfde machines als altijd', '1'),
    ('tech_implementatie', 'We hebben een cobot geleased, maar die is na een half jaar weer teruggegaan', '2'),
    ('tech_implementatie', 'De nieuwe software hebben we aangeschaft, maar de mensen gebruiken hem nauwelijks', '2'),
    ('tech_implementatie', 'We hebben vorig jaar een nieuwe spuitgietmachine met robot geplaatst en dat loopt goed', '3'),
    ('tech_implementatie', 'Eén ding: de lasersnijder, en die heeft zich al terugverdiend', '3'),
    ('tech_implementatie', 'We hebben de afgelopen jaren een MES, vision en drie robots ingevoerd, allemaal met succes', '4'),
    ('tech_implementatie', 'Innoveren doen we continu, er loopt altijd wel een implementatieproject', '4'),
    ('org_bewustzijn', 'Eerlijk gezegd ben ik daar niet mee bezig, ik ben blij als de orders de deur uit gaan', '1'),
    ('org_bewustzijn', 'We weten nauwelijks wat er op de markt is', '1'),
    ('org_bewustzijn', 'Ik lees de Metaal & Techniek en de leveranciers vertellen wel eens wat', '2'),
    ('org_bewustzijn', 'Via klanten horen we soms van nieuwe technieken', '2'),
    ('org_bewustzijn', 'We bezoeken ieder jaar de beurs en gaan langs bij een fieldlab in de regio', '3'),
    ('org_bewustzijn', "Goed, ik ga vaak naar demo's en kennisbijeenkomsten", '3'),
    ('org_bewustzijn', 'We hebben een testcel waarin we nieuwe technieken uitproberen voordat we ze inzetten', '4'),
    ('org_bewustzijn', 'We zoeken actief naar nieuwe technologie en draaien zelf pilots', '4'),
    ('org_cultuur', 'Veranderen vinden ze hier eng, het gaat zoals het altijd ging', '1'),
    ('org_cultuur', 'Nauwelijks, we doen ons werk op de manier die we gewend zijn', '1'),
    ('org_cultuur', 'Als er een klacht binnenkomt pakken we het op', '2'),
    ('org_cultuur', 'We verbeteren pas wanneer er een probleem is', '2'),
    ('org_cultuur', 'Iedereen mag verbetervoorstellen doen en we voeren er regelmatig een paar uit', '3'),
    ('org_cultuur', 'In het werkoverleg komen de mensen met ideeën, die pakken we serieus op', '3'),
    ('org_cultuur', 'Elke ochtend een dagstart bij het bord en elke week een verbeterronde', '4'),
    ('org_cultuur', 'We werken volgens lean met vaste verbetercycli', '4'),
    ('org_capaciteit', 'Niemand, iedereen heeft de handen vol', '1'),
    ('org_capaciteit', 'Nee, we zijn volledig bezig met productie', '1'),
    ('org_capaciteit', 'Het gebeurt naast het gewone werk, als er eens een gaatje is', '2'),
    ('org_capaciteit', 'Alleen ik als eigenaar, als ik er tijd voor heb', '2'),
    ('org_capaciteit', 'Onze productieleider heeft er een vaste dag in de week voor', '3'),
    ('org_capaciteit', 'We hebben iemand die er twintig uur per week aan werkt', '3'),
    ('org_capaciteit', 'Een innovatieteam van drie engineers', '4'),
    ('org_capaciteit', 'We hebben een vaste continuous improvement manager en een engineeringsafdeling', '4'),
    ('org_vaardigheden', 'Onze mensen weten weinig van nieuwe technologie en we doen niet aan opleiden', '1'),
    ('org_vaardigheden', 'Onvoldoende, het staat niet op de agenda', '1'),
    ('org_vaardigheden', 'Deels, we leiden alleen op als het echt nodig is', '2'),
    ('org_vaardigheden', 'Alleen verplichte trainingen zoals VCA', '2'),
    ('org_vaardigheden', 'Grotendeels, we sturen mensen gericht naar cursussen', '3'),
    ('org_vaardigheden', 'Ja, er is een opleidingsbudget en we maken daar goed gebruik van', '3'),
    ('org_vaardigheden', 'Leren is structureel geregeld, met een opleidingsplan per persoon', '4'),
    ('org_vaardigheden', 'We hebben een eigen bedrijfsschool en een jaarlijks ontwikkelplan per medewerker', '4'),
    ('org_samenwerking', 'Nee, we werken niet samen met andere bedrijven', '1'),
    ('org_samenwerking', 'We doen alles op eigen kracht', '1'),
    ('org_samenwerking', 'Incidenteel, met een leverancier als we een probleem hebben', '2'),
    ('org_samenwerking', 'Een enkele keer met de hogeschool', '2'),
    ('org_samenwerking', 'We hebben vaste partners waarmee we regelmatig verbeteringen bespreken', '3'),
    ('org_samenwerking', 'Met onze twee grootste klanten werken we geregeld samen aan verbeteringen', '3'),
    ('org_samenwerking', 'We zitten in een fieldlab en werken in projecten met TNO', '4'),
    ('org_samenwerking', 'Structureel, in een netwerk van maakbedrijven en met de universiteit', '4'),
    ('org_strategie', 'Nee, het gaat van dag tot dag', '1'),
    ('org_strategie', 'We kijken niet verder dan een paar maanden', '1'),
    ('org_strategie', 'Er zijn wel ideeën, maar niks op papier', '2'),
    ('org_strategie', 'Ik weet wat ik wil, maar het is nergens vastgelegd', '2'),
    ('org_strategie', 'Een globaal plan met een paar concrete stappen', '3'),
    ('org_strategie', 'We hebben een investeringsplan voor de komende drie jaar', '3'),
    ('org_strategie', 'Een uitgewerkte roadmap met doelen, budget en planning', '4'),
    ('org_strategie', 'Ja, we hebben een strategisch plan met concrete doelen en een begroting per jaar', '4'),
    ('bm_financiering', 'Heel lastig, banken willen niet', '1'),
    ('bm_financiering', 'Onze bank zegt steeds nee', '1'),
    ('bm_financiering', 'Kleine investeringen lukken, voor grote is geen geld', '2'),
    ('bm_financiering', 'Tot een paar duizend euro gaat het', '2'),
    ('bm_financiering', 'Met lease en een banklening lukt het', '3'),
    ('bm_financiering', 'Het kost wat moeite, maar met subsidie en een lening komen we er wel', '3'),
    ('bm_financiering', 'We betalen investeringen uit eigen middelen', '4'),
    ('bm_financiering', 'Goed, we hebben voldoende geld op de bank', '4'),
    ('bm_innovatiebudget', 'Nee, niets', '1'),
    ('bm_innovatiebudget', 'Er is geen budget voor vernieuwing', '1'),
    ('bm_innovatiebudget', 'Als er een goede aanleiding is, maken we geld vrij', '2'),
    ('bm_innovatiebudget', 'Per project bepalen we wat we uitgeven', '2'),
    ('bm_innovatiebudget', 'Ja, jaarlijks zetten we geld opzij', '3'),
    ('bm_innovatiebudget', 'We hebben een vast jaarbudget voor innovatie', '3'),
    ('bm_innovatiebudget', 'Ja, een vast deel van de omzet, gekoppeld aan onze plannen', '4'),
    ('bm_innovatiebudget', "Zo'n 5% van de omzet, zoals afgesproken in ons meerjarenplan", '4'),
    ('bm_rendement', 'We maken al een paar jaar verlies', '1'),
    ('bm_rendement', 'Break-even, meer niet', '1'),
    ('bm_rendement', 'Krap, de marges staan onder druk', '2'),
    ('bm_rendement', 'Onze marges zijn flink gedaald door de hoge kosten', '2'),
    ('bm_rendement', 'Gezond, we maken elk jaar winst', '3'),
    ('bm_rendement', 'Het gaat goed, geen zorgen', '3'),
    ('bm_rendement', 'Ruim, we hebben genoeg armslag om te investeren', '4'),
    ('bm_rendement', 'Uitstekend, we kunnen investeren zonder te lenen', '4'),
    ('bm_ketenpositie', 'We maken alles op specificatie van twee grote klanten', '1'),
    ('bm_ketenpositie', 'Onze grootste klant is goed voor driekwart van de omzet en bepaalt alles', '1'),
    ('bm_ketenpositie', 'We leveren aan tientallen klanten, maar hebben weinig te zeggen over wat we maken', '2'),
    ('bm_ketenpositie', 'Toeleverancier met een brede klantenkring, we maken wat zij tekenen', '2'),
    ('bm_ketenpositie', 'We hebben eigen producten en daarnaast maatwerk', '3'),
    ('bm_ketenpositie', 'We doen co-engineering met onze klanten', '3'),
    ('bm_ketenpositie', 'We hebben een sterk eigen merk en bepalen zelf wat en hoe we maken', '4'),
    ('bm_ketenpositie', 'Marktleider in ons segment, klanten kiezen bewust voor ons', '4'),
    ('bm_businesscase', 'Nee, dat doen we niet, dat vinden we lastig', '1'),
    ('bm_businesscase', 'Ik koop op gevoel', '1'),
    ('bm_businesscase', 'Soms maak ik een grove berekening', '2'),
    ('bm_businesscase', 'Een ruwe schatting, niet meer', '2'),
    ('bm_businesscase', 'Ja, met een terugverdientijd en een risico-inschatting', '3'),
    ('bm_businesscase', 'Altijd een businesscase met kosten, baten en terugverdientijd', '3'),
    ('bm_businesscase', 'Ja, en na een jaar controleren we of de besparing gehaald is', '4'),
    ('bm_businesscase', 'We maken een businesscase en evalueren achteraf de opbrengst', '4'),
    ('medewerkers', 'We zijn met 23 vaste krachten en soms wat uitzendkrachten', 23),
    ('medewerkers', 'Een man of vijftien', 15),
    ('medewerkers', 'Ongeveer zestig fte', 60),
    ('medewerkers', 'Met mezelf erbij zijn we met zeven', 7),
    ('medewerkers', 'Rond de honderd', 100),
    ('medewerkers', 'We hebben 32 mensen in dienst', 32),
    ('medewerkers', "Zo'n 40 à 45", 43),
    ('medewerkers', 'Tweehonderdvijftig', 250),
    ('medewerkers', 'Geen idee precies, iets meer dan 50', 52),
    ('jaaromzet', 'ongeveer 4 miljoen euro', 4000000),
    ('jaaromzet', 'Dat zeg ik liever niet', None),   # asked once more, with why; then 'onbekend'
    ('jaaromzet', 'Tussen de 2 en 3 miljoen', 2500000),
    ('jaaromzet', 'Iets minder dan een miljoen', 980000),
    ('jaaromzet', 'Vorig jaar 11,2 miljoen', 11200000),
    ('jaaromzet', "Zo'n 900.000 euro", 900000),
    ('jaaromzet', 'Ruim 60 miljoen', 62000000),
    ('jaaromzet', 'Moet ik even opzoeken', 'onbekend'),
    ('jaaromzet', 'vijf', None),
    ('jaaromzet', 'zes miljoen', 6000000),
    ('balanstotaal', 'ongeveer 35 miljoen', 35000000),
    ('regio', 'Wij zitten in Veghel', 'noord-brabant'),
    ('regio', 'Ons bedrijf is gevestigd in Hengelo', 'overijssel'),
    ('regio', 'Industrieterrein De Hurk in Eindhoven', 'noord-brabant'),
    ('regio', 'In de buurt van Zwolle', 'overijssel'),
    ('regio', 'Heerenveen', 'friesland'),
    ('regio', 'Doetinchem, Achterhoek', 'gelderland'),
    ('regio', 'we zitten in Tiel', 'gelderland'),
    ('regio', 'Spijkenisse', 'zuid-holland'),
    ('regio', 'Helmond', 'noord-brabant'),
    ('regio', 'Nijverdal', 'overijssel'),
    ('regio', '8442 AB', 'friesland'),
    ('regio', 'Hoogeveen', 'drenthe'),
    ('regio', 'Ergens in het midden van het land', None),
    ('regio', 'Goes', 'zeeland'),
    ('regio', 'Venray', 'limburg'),
    ('regio', 'Zaandam', 'noord-holland'),
    ('regio', 'Waalwijk', 'noord-brabant'),
    ('regio', 'Deventer', 'overijssel'),
    ('regio', 'Oss', 'noord-brabant'),
    ('regio', 'Lelystad, Flevoland', 'flevoland'),
    ('kvk_nummer', 'Ons kvk nummer is 12345678', '12345678'),
    ('kvk_nummer', 'Heb ik niet bij de hand', 'onbekend'),
    ('kvk_nummer', '1234 5678', '12345678'),
    ('contact_email', 'j.jansen@bedrijf.nl', 'j.jansen@bedrijf.nl'),
    ('contact_email', 'Je kunt mailen naar INFO@Jansen-Metaal.NL', 'info@jansen-metaal.nl'),
    ('contact_telefoon', '06 12 34 56 78', '06 12 34 56 78'),
    ('contact_telefoon', 'Bel maar naar 0512-345678', '0512-345678'),
    ('contact_telefoon', 'Liever alleen mail', 'geen'),
    ('contact_naam', 'Jan de Boer', 'Jan de Boer'),
    ('contact_naam', 'Ik heet Fatima El Amrani', 'Fatima El Amrani'),
    ('bedrijfsnaam', 'Jansen Metaal B.V.', 'Jansen Metaal B.V.'),
    ('bedrijfsnaam', 'Ons bedrijf heet De Houtwerf', 'De Houtwerf'),
    ('knelpunten', 'Te weinig tijd en te weinig mensen om het op te pakken', ['capaciteit']),
    ('knelpunten', 'De investeringen zijn te groot en de bank doet moeilijk', ['financiering']),
    ('knelpunten', 'Onze klanten willen alles precies zoals zij het voorschrijven', ['ketenafhankelijkheid']),
    ('knelpunten', 'Ik weet eigenlijk niet welke technologie bij ons past', ['kennis']),
    ('knelpunten', 'Er is geen noodzaak, we hebben werk genoeg', ['urgentie']),
    ('knelpunten', 'Mijn mensen staan er niet voor open', ['acceptatie']),
    ('knelpunten', 'Technisch personeel is niet te krijgen en de marges zijn te laag', ['personeel', 'terugverdientijd']),
    ('knelpunten', 'Eigenlijk nergens last van', ['geen']),
    ('interesse', 'Robots voor het lassen', ['robotisering']),
    ('interesse', 'Een nieuw planningssysteem en digitale werkbonnen', ['digitalisering']),
    ('interesse', "Alles rond kwaliteitscontrole met camera's", ['vision_kwaliteit']),
    ('interesse', 'We willen minder verspilling en een betere flow', ['lean_werkwijzen']),
    ('interesse', 'Zonnepanelen en elektrificatie', ['energie_duurzaamheid']),
    ('interesse', 'Sensoren en dashboards', ['data_sensoren']),
    ('interesse', 'Metaal 3D-printen voor prototypes', ['additive']),
    ('interesse', 'Machines die automatisch doordraaien', ['automatisering']),
    ('wil_contact', 'Ja, heel graag zelfs', 'ja'),
    ('wil_contact', 'Klinkt goed', 'ja'),
    ('wil_contact', 'Nee, we redden het zelf wel', 'nee'),
    ('wil_contact', 'Nu even niet', 'nee'),
    ('toestemming', 'Dat is prima', 'ja'),
    ('toestemming', 'Nee, ik neem zelf wel contact op', 'nee'),
    ('eerder_traject', 'Nee, nooit eerder van gehoord', 'nee'),
    ('eerder_traject', 'Ja, we hebben vorig jaar een traject gehad', 'ja'),
    ('ontvangen_steun', 'Nee, we hebben nooit advies-subsidie gekregen', 'nee'),
    ('ontvangen_steun', 'Dat zou ik moeten nakijken', 'onbekend'),
    ('ontvangen_steun', 'Nee, hooguit een MIT-voucher van 20 duizend', 'nee'),
    ('bereid_plan', 'Ja, zeker weten', 'ja'),
    ('bereid_plan', 'Ja, als het past in de planning', 'ja'),
    ('bereid_plan', 'Misschien, eerst zien wat het inhoudt', 'misschien'),
    ('bereid_plan', 'Nee, dat is niks voor ons', 'nee'),
    ('nieuwe_inzichten', 'Ja, ik heb veel geleerd', 'ja'),
    ('nieuwe_inzichten', 'Een beetje, vooral over financiering', 'een_beetje'),
    ('nieuwe_inzichten', 'Nee, dit wist ik al', 'nee'),
    ('sector', 'Wij maken hekwerken en poorten', 'metaal'),
    ('sector', 'Bakkerij', 'voedingsmiddelen'),
    ('sector', 'We zijn een installatiebedrijf voor warmtepompen', 'geen_maakindustrie'),
    ('sector', 'Kunststof spuitgieten', 'kunststof_rubber'),
    ('sector', 'Wij bouwen bedieningspanelen en besturingskasten', 'elektrotechniek'),
    ('sector', 'We bouwen speciaalmachines', 'machinebouw'),
    ('sector', 'Timmerfabriek', 'hout_meubel'),
    ('sector', 'Drukkerij', 'overige_maakindustrie'),
    ('sector', 'Wij maken glazen flessen', 'overige_maakindustrie'),
    ('tech_automatisering', 'Wij werken nog heel traditioneel, met de hand en met simpele machines', '1'),
    ('tech_automatisering', 'We hebben sinds kort een CNC-freesmachine, verder gaat alles nog met de hand', '2'),
    ('tech_automatisering', 'Het meeste werk doen onze CNC-machines, de mensen laden in en controleren', '3'),
    ('tech_automatisering', 'Alles is geïntegreerd in een doorlopende productielijn die zelfstandig draait', '4'),
    ('tech_automatisering', 'Dat valt tegen, weinig automatisch', '1'),
    ('tech_robotisering', 'Robots hebben we niet en daar zijn we ook niet mee bezig', '1'),
    ('tech_robotisering', 'We zijn aan het rondkijken voor een cobot', '2'),
    ('tech_robotisering', 'Ja, een paar robots die de persen beladen', '3'),
    ('tech_robotisering', 'Robots zitten bij ons in bijna alle productieprocessen', '4'),
    ('tech_digitalisering', 'We schrijven alles op, de planning hangt aan de muur', '1'),
    ('tech_digitalisering', 'We hebben een ERP, maar de koppeling naar de werkvloer ontbreekt', '2'),
    ('tech_digitalisering', 'Het ERP is gekoppeld met de machines en we registreren de stilstand', '3'),
    ('tech_digitalisering', 'Realtime dashboards sturen onze planning en het onderhoud', '4'),
    ('tech_implementatie', 'Nee, we hebben niets nieuws ingevoerd', '1'),
    ('tech_implementatie', 'We hebben geprobeerd te digitaliseren, maar dat liep vast', '2'),
    ('tech_implementatie', 'Vorig jaar een nieuwe cobot, dat werkt goed', '3'),
    ('tech_implementatie', 'We voeren jaarlijks meerdere vernieuwingen door', '4'),
    ('org_bewustzijn', 'Niet zo goed eigenlijk', '1'),
    ('org_bewustzijn', 'Een beetje, via de vakbladen', '2'),
    ('org_bewustzijn', 'We gaan naar beurzen en volgen workshops', '3'),
    ('org_bewustzijn', 'We zijn er actief mee bezig en testen zelf', '4'),
    ('org_cultuur', 'Alles blijft hier bij het oude', '1'),
    ('org_cultuur', 'Alleen als een klant klaagt', '2'),
    ('org_cultuur', 'Medewerkers komen met voorstellen en we doen er iets mee', '3'),
    ('org_cultuur', 'We hebben dagstarts en werken met lean', '4'),
    ('org_capaciteit', 'Geen mensen en geen tijd', '1'),
    ('org_capaciteit', 'Af en toe tussen het werk door', '2'),
    ('org_capaciteit', 'Onze engineer heeft er een deel van zijn tijd voor', '3'),
    ('org_capaciteit', 'Er is een team dat zich alleen met verbetering bezighoudt', '4'),
    ('org_vaardigheden', 'Nee, opleiden doen we niet', '1'),
    ('org_vaardigheden', 'Als het echt nodig is sturen we iemand op cursus', '2'),
    ('org_vaardigheden', 'We investeren in opleidingen', '3'),
    ('org_vaardigheden', 'Opleiden is bij ons structureel geregeld', '4'),
    ('org_samenwerking', 'Nee, we doen alles alleen', '1'),
    ('org_samenwerking', 'Met een paar vaste klanten', '3'),
    ('org_samenwerking', 'We zijn actief in fieldlabs en netwerken', '4'),
    ('org_strategie', 'Nee, we leven bij de dag', '1'),
    ('org_strategie', 'Ik heb wel wat ideeën', '2'),
    ('org_strategie', 'We hebben een plan met een paar stappen', '3'),
    ('org_strategie', 'Ja, een roadmap met doelen en een budget', '4'),
    ('bm_financiering', 'Heel moeilijk', '1'),
    ('bm_financiering', 'Alleen kleine dingen', '2'),
    ('bm_financiering', 'Via de bank, met wat moeite', '3'),
    ('bm_financiering', 'Dat betalen we gewoon zelf', '4'),
    ('bm_innovatiebudget', 'Nee, geen geld voor', '1'),
    ('bm_innovatiebudget', 'Als het nodig is', '2'),
    ('bm_innovatiebudget', 'Ja, een jaarbudget', '3'),
    ('bm_innovatiebudget', 'Een vast percentage van de omzet', '4'),
    ('bm_rendement', 'Verlies', '1'),
    ('bm_rendement', 'De marges staan onder druk', '2'),
    ('bm_rendement', 'We maken gezonde winst', '3'),
    ('bm_rendement', 'Meer dan genoeg ruimte om te investeren', '4'),
    ('bm_ketenpositie', 'We maken voor een paar grote klanten op tekening', '1'),
    ('bm_ketenpositie', 'Heel veel klanten, weinig invloed', '2'),
    ('bm_ketenpositie', 'We hebben eigen producten', '3'),
    ('bm_ketenpositie', 'We zijn marktleider en bepalen zelf', '4'),
    ('bm_businesscase', 'Soms een simpele berekening', '2'),
    ('bm_businesscase', "Ja, met terugverdientijd en risico's", '3'),
    ('bm_businesscase', 'Ja, en achteraf kijken we of het gehaald is', '4'),
]


@pytest.mark.parametrize("qid,text,expected", MORE)
def test_more_phrasings(qid, text, expected):
    assert interpret(qid, text).value == expected, text


# Second round of blind batches (written before measuring; misses fixed with general cues and
# mechanisms): negation and "not yet" inside sentences, wishes, echoed questions ("X? nee"),
# vague short answers (None: re-ask), full-word top levels, and multi answers naming several causes.
BLIND_SCORED = [
    ('tech_automatisering', 'Nee hoor, alles gaat hier nog met de hand', '1'),
    ('tech_automatisering', 'we zijn een kleine smederij, echt allemaal handwerk', '1'),
    ('tech_automatisering', 'Weinig tot niks eigenlijk. Een paar oude draaibanken die je zelf moet bedienen', '1'),
    ('tech_automatisering', 'Niet echt geautomatiseerd nee', '1'),
    ('tech_automatisering', 'Geautomatiseerd? nee, wij zijn een ambachtelijk bedrijf', '1'),
    ('tech_automatisering', 'we hebben eens naar een cnc machine gekeken maar er staat er nog geen, alles handmatig', '1'),
    ('tech_automatisering', 'Bijna alles handmatig, op een kolomboor na', '1'),
    ('tech_automatisering', 'paar cnc banken, rest handwerk', '2'),
    ('tech_automatisering', 'We hebben 1 CNC freesmachine en een lasersnijder, die staan los van elkaar', '2'),
    ('tech_automatisering', 'enkele machines zijn computergestuurd maar alles los van elkaar', '2'),
    ('tech_automatisering', 'Onze zetbank en ponsmachine zijn cnc, verder nog veel met de hand', '2'),
    ('tech_automatisering', 'We hebben geen gekoppelde lijnen, wel een paar losse cnc machines', '2'),
    ('tech_automatisering', 'Een deel van de machines is automatisch, maar niks hangt aan elkaar', '2'),
    ('tech_automatisering', 'Het meeste loopt automatisch, alleen het inpakken niet', '3'),
    ('tech_automatisering', 'grotendeels, maar de machines staan nog los', '3'),
    ('tech_automatisering', "ik denk zo'n 70 procent is geautomatiseerd", '3'),
    ('tech_automatisering', 'Behoorlijk ver, bijna al onze bewerkingen zijn CNC, alleen de montage is handwerk', '3'),
    ('tech_automatisering', 'Vrijwel alles draait automatisch, behalve het afwerken', '3'),
    ('tech_automatisering', 'Volledig, de lijnen zijn gekoppeld en draaien zelfstandig', '4'),
    ('tech_automatisering', "We hebben een volautomatische lijn die 's nachts onbemand doordraait", '4'),
    ('tech_automatisering', 'Alles is aan elkaar gekoppeld, van grondstof tot pallet', '4'),
    ('tech_automatisering', 'Onze extrusielijnen draaien 24/7, de operators houden alleen toezicht', '4'),
    ('tech_automatisering', 'gaat wel', None),
    ('tech_automatisering', 'kan beter', None),
    ('tech_automatisering', 'wisselend', None),
    ('tech_automatisering', 'Valt mee', None),
    ('tech_automatisering', 'Ligt eraan welke afdeling je bedoelt', None),
    ('tech_automatisering', 'soms wel soms niet', None),
    ('tech_robotisering', 'nee', '1'),
    ('tech_robotisering', 'Nee, er staat bij ons geen enkele robot', '1'),
    ('tech_robotisering', 'Robots? nee joh, daar zijn we veel te klein voor', '1'),
    ('tech_robotisering', 'Geen robots, alles is mensenwerk', '1'),
    ('tech_robotisering', 'nog nooit over nagedacht eigenlijk', '1'),
    ('tech_robotisering', 'nee, niet aan de orde bij ons', '1'),
    ('tech_robotisering', 'Helaas nog niet nee', '1'),
    ('tech_robotisering', 'we hebben eens naar een cobot gekeken, maar er staat er nog geen', '2'),
    ('tech_robotisering', 'We zijn aan het kijken naar een cobot voor het lassen', '2'),
    ('tech_robotisering', 'Er komt binnenkort een demo van een robotleverancier', '2'),
    ('tech_robotisering', 'nog geen robot maar we hebben al een paar offertes opgevraagd', '2'),
    ('tech_robotisering', 'we orienteren ons, er is nog niks besloten', '2'),
    ('tech_robotisering', 'Ik ben op de technishow bij de cobots gaan kijken, lijkt me wel wat', '2'),
    ('tech_robotisering', 'We willen volgend jaar een palletiseerrobot aanschaffen', '2'),
    ('tech_robotisering', 'daar lopen gesprekken over met een integrator', '2'),
    ('tech_robotisering', 'ja, 1 lasrobot', '3'),
    ('tech_robotisering', 'We hebben twee cobots staan bij het inpakken', '3'),
    ('tech_robotisering', 'Er draait één robot aan de kantbank sinds vorig jaar', '3'),
    ('tech_robotisering', 'Ja we hebben een robotcel voor het lassen, verder nog niks', '3'),
    ('tech_robotisering', 'een cobot die de cnc belaadt', '3'),
    ('tech_robotisering', 'Sinds 2020 een palletiseerrobot, bevalt prima', '3'),
    ('tech_robotisering', 'We hebben er een stuk of twaalf, verspreid over de fabriek', '4'),
    ('tech_robotisering', 'Ja, in bijna alle afdelingen staan robots', '4'),
    ('tech_robotisering', 'robots doen bij ons het lassen, het palletiseren en het beladen van de persen', '4'),
    ('tech_robotisering', 'Heel veel, meer dan 20 robots', '4'),
    ('tech_robotisering', 'ja', None),
    ('tech_robotisering', 'wisselend', None),
    ('tech_robotisering', 'gaat wel', None),
    ('tech_robotisering', 'kan beter', None),
    ('tech_digitalisering', 'Alles op papier nog', '1'),
    ('tech_digitalisering', 'excel en een whiteboard', '1'),
    ('tech_digitalisering', "de planning doe ik in m'n hoofd en op een blocnote", '1'),
    ('tech_digitalisering', 'We hebben eens naar een ERP gekeken, maar we werken nog steeds met papieren werkbonnen', '1'),
    ('tech_digitalisering', 'Werkorders printen we uit en die gaan mee met het product', '1'),
    ('tech_digitalisering', 'Een erp? nee, excel lijstjes', '1'),
    ('tech_digitalisering', 'geen systeem', '1'),
    ('tech_digitalisering', 'we hebben een ERP maar dat is niet gekoppeld aan de machines', '2'),
    ('tech_digitalisering', 'Exact Globe voor de orders, op de vloer werken ze met printjes', '2'),
    ('tech_digitalisering', 'Er is een planningspakket, maar de uren worden nog overgetikt', '2'),
    ('tech_digitalisering', 'Ja een erp systeem, verder is er niks gekoppeld', '2'),
    ('tech_digitalisering', 'AFAS, maar geen koppelingen met de productie', '2'),
    ('tech_digitalisering', 'ERP gekoppeld aan de machines, en van een paar machines lezen we de draaiuren uit', '3'),
    ('tech_digitalisering', 'Operators melden orders gereed op een tablet, dat gaat zo het ERP in', '3'),
    ('tech_digitalisering', 'we hebben een MES en verzamelen deels machinedata', '3'),
    ('tech_digitalisering', 'Werkbonnen zijn digitaal op schermen bij de machines', '3'),
    ('tech_digitalisering', 'Alles realtime, de machinedata stuurt de planning en het onderhoud', '4'),
    ('tech_digitalisering', 'Voorspellend onderhoud op basis van sensoren, planning past zich automatisch aan', '4'),
    ('tech_digitalisering', 'We zijn volledig papierloos en alle machines zijn online, de data stuurt kwaliteit en planning', '4'),
    ('tech_digitalisering', 'computer', None),
    ('tech_digitalisering', 'gaat wel', None),
    ('tech_digitalisering', 'kan beter', None),
    ('tech_digitalisering', 'Verschilt per afdeling', None),
    ('tech_digitalisering', 'wisselend', None),
    ('tech_implementatie', 'Nee', '1'),
    ('tech_implementatie', 'niks nieuws de laatste jaren', '1'),
    ('tech_implementatie', 'we hebben eens gekeken naar een nieuwe machine maar niets aangeschaft', '1'),
    ('tech_implementatie', 'Niet echt, alles is bij het oude gebleven', '1'),
    ('tech_implementatie', 'Nieuwe technologie? nee, daar is geen geld voor geweest', '1'),
    ('tech_implementatie', 'We hebben het geprobeerd met een nieuw ERP maar dat liep stroef', '2'),
    ('tech_implementatie', 'De cobot die we kochten staat stof te vangen', '2'),
    ('tech_implementatie', 'Begonnen met tablets op de vloer maar de mensen gebruiken ze niet', '2'),
    ('tech_implementatie', 'Een poging gedaan, is mislukt', '2'),
    ('tech_implementatie', 'ging moeizaam', '2'),
    ('tech_implementatie', 'Ja, vorig jaar een nieuwe lasersnijder, dat loopt goed', '3'),
    ('tech_implementatie', 'Een keer, een nieuw planningssysteem, werkt prima', '3'),
    ('tech_implementatie', 'Twee keer: een cobot en een nieuwe kantbank, allebei goed', '3'),
    ('tech_implementatie', '1 keer met succes', '3'),
    ('tech_implementatie', 'Elk jaar wel iets nieuws', '4'),
    ('tech_implementatie', 'Ja regelmatig, we zijn continu aan het vernieuwen', '4'),
    ('tech_implementatie', 'Meerdere dingen: robots, een MES en vision, allemaal succesvol', '4'),
    ('tech_implementatie', 'Structureel, innovatie is bij ons een vast onderdeel', '4'),
    ('tech_implementatie', 'een keer of wat', None),
    ('tech_implementatie', 'soms wel soms niet', None),
    ('tech_implementatie', 'wisselend', None),
    ('tech_implementatie', 'gaat wel', None),
    ('tech_implementatie', 'ja', None),
    ('org_bewustzijn', 'Nauwelijks', '1'),
    ('org_bewustzijn', 'we hebben het te druk om dat bij te houden', '1'),
    ('org_bewustzijn', 'Slecht eigenlijk, ik weet niet wat er allemaal is', '1'),
    ('org_bewustzijn', 'niet, geen tijd', '1'),
    ('org_bewustzijn', 'Daar zijn we niet mee bezig', '1'),
    ('org_bewustzijn', 'Via leveranciers en vakbladen', '2'),
    ('org_bewustzijn', 'Globaal, ik lees wel eens wat op LinkedIn', '2'),
    ('org_bewustzijn', 'De vertegenwoordigers vertellen ons wat er nieuw is', '2'),
    ('org_bewustzijn', 'een beetje, via klanten', '2'),
    ('org_bewustzijn', 'We gaan elk jaar naar de Technishow en de Euroblech', '3'),
    ('org_bewustzijn', "Goed, we bezoeken beurzen en demo's", '3'),
    ('org_bewustzijn', 'Ik ga regelmatig naar open dagen en kennissessies van het fieldlab', '3'),
    ('org_bewustzijn', 'We gaan vaak kijken bij andere bedrijven', '3'),
    ('org_bewustzijn', 'We volgen het actief en testen zelf nieuwe dingen', '4'),
    ('org_bewustzijn', 'We hebben een eigen testopstelling voor nieuwe technieken', '4'),
    ('org_bewustzijn', 'We experimenteren zelf met AI en vision in pilots', '4'),
    ('org_bewustzijn', 'onze R&D afdeling scout continu nieuwe technologie', '4'),
    ('org_bewustzijn', 'gaat wel', None),
    ('org_bewustzijn', 'kan beter', None),
    ('org_bewustzijn', 'wisselend', None),
    ('org_bewustzijn', 'soms wel soms niet', None),
    ('org_cultuur', 'Zoals we het altijd gedaan hebben', '1'),
    ('org_cultuur', 'Niet, daar hebben we geen tijd voor', '1'),
    ('org_cultuur', "Weinig, iedereen doet z'n eigen ding", '1'),
    ('org_cultuur', 'Er verandert eigenlijk niks', '1'),
    ('org_cultuur', 'nee', '1'),
    ('org_cultuur', 'Als er iets fout gaat kijken we wat beter kan', '2'),
    ('org_cultuur', 'Alleen na klachten', '2'),
    ('org_cultuur', 'Af en toe', '2'),
    ('org_cultuur', 'ad hoc', '2'),
    ('org_cultuur', 'Incidenteel eigenlijk', '2'),
    ('org_cultuur', 'De mensen op de vloer komen vaak met ideeën en daar doen we wat mee', '3'),
    ('org_cultuur', 'regelmatig suggesties van medewerkers die we ook uitvoeren', '3'),
    ('org_cultuur', 'We hebben een ideeënbus en die wordt goed gebruikt', '3'),
    ('org_cultuur', 'De jongens denken mee', '3'),
    ('org_cultuur', 'Lean met dagelijkse stand-ups', '4'),
    ('org_cultuur', 'We werken met kaizen en een wekelijks verbeteroverleg', '4'),
    ('org_cultuur', 'Continu verbeteren, vaste ritmes met KPI borden', '4'),
    ('org_cultuur', 'We doen aan 5S en elke week een verbetersessie', '4'),
    ('org_cultuur', 'gaat wel', None),
    ('org_cultuur', 'soms wel soms niet', None),
    ('org_cultuur', 'wisselend', None),
    ('org_cultuur', 'kan beter', None),
    ('org_capaciteit', 'Nee, iedereen staat aan de machine', '1'),
    ('org_capaciteit', 'geen tijd', '1'),
    ('org_capaciteit', 'Niemand heeft daar tijd voor, we zijn onderbezet', '1'),
    ('org_capaciteit', 'nee joh, we zijn veel te druk', '1'),
    ('org_capaciteit', 'Mensen en tijd? nee, alles gaat naar de orders', '1'),
    ('org_capaciteit', 'Af en toe tussendoor', '2'),
    ('org_capaciteit', "ik doe het zelf, 's avonds", '2'),
    ('org_capaciteit', 'soms als het rustig is', '2'),
    ('org_capaciteit', 'beperkt, naast het normale werk', '2'),
    ('org_capaciteit', 'Onze werkvoorbereider heeft er 1 dag per week voor', '3'),
    ('org_capaciteit', 'Eén engineer is voor een deel van zijn tijd vrijgemaakt', '3'),
    ('org_capaciteit', 'Iemand heeft het als vaste taak', '3'),
    ('org_capaciteit', 'De productieleider besteedt er structureel een paar uur per week aan', '3'),
    ('org_capaciteit', 'We hebben een innovatieteam', '4'),
    ('org_capaciteit', 'Er is een afdeling procesverbetering', '4'),
    ('org_capaciteit', 'Een vaste lean coach en twee engineers die er fulltime mee bezig zijn', '4'),
    ('org_capaciteit', 'We hebben een R&D afdeling van vijf mensen', '4'),
    ('org_capaciteit', 'gaat wel', None),
    ('org_capaciteit', 'kan beter', None),
    ('org_capaciteit', 'wisselend', None),
    ('org_capaciteit', 'soms wel soms niet', None),
    ('org_vaardigheden', 'Nee, en opleiden doen we niet', '1'),
    ('org_vaardigheden', 'te weinig kennis en we sturen niemand op cursus', '1'),
    ('org_vaardigheden', 'Slecht, daar is geen tijd voor', '1'),
    ('org_vaardigheden', 'Deels, als het moet gaan ze op cursus', '2'),
    ('org_vaardigheden', 'Alleen de verplichte dingen zoals VCA', '2'),
    ('org_vaardigheden', 'Sommigen wel, de meesten niet', '2'),
    ('org_vaardigheden', 'De leverancier geeft uitleg bij een nieuwe machine, verder leren ze het op de vloer', '2'),
    ('org_vaardigheden', 'Grotendeels, we investeren in opleidingen', '3'),
    ('org_vaardigheden', 'Ja, de meeste mensen volgen jaarlijks trainingen', '3'),
    ('org_vaardigheden', 'Goed, we sturen mensen gericht op cursus', '3'),
    ('org_vaardigheden', 'We hebben een opleidingsbudget en dat gebruiken we ook', '3'),
    ('org_vaardigheden', 'Iedereen heeft een persoonlijk ontwikkelplan', '4'),
    ('org_vaardigheden', 'Structureel geregeld met een eigen academy', '4'),
    ('org_vaardigheden', 'We hebben een skills-matrix en een opleidingsplan per medewerker', '4'),
    ('org_vaardigheden', 'Leren en ontwikkelen is bij ons vast onderdeel van de HR cyclus', '4'),
    ('org_vaardigheden', 'gaat wel', None),
    ('org_vaardigheden', 'kan beter', None),
    ('org_vaardigheden', 'soms wel soms niet', None),
    ('org_samenwerking', 'Nee', '1'),
    ('org_samenwerking', 'We doen alles zelf', '1'),
    ('org_samenwerking', 'niet echt, we houden het in eigen huis', '1'),
    ('org_samenwerking', 'Samenwerken? nee, nooit gedaan', '1'),
    ('org_samenwerking', 'Af en toe met een leverancier', '2'),
    ('org_samenwerking', 'Een keer met een hogeschool', '2'),
    ('org_samenwerking', 'Soms met een klant als er een probleem is', '2'),
    ('org_samenwerking', 'een keer of wat', '2'),
    ('org_samenwerking', 'Regelmatig met een paar vaste partners', '3'),
    ('org_samenwerking', 'We werken vaak samen met onze vaste machineleverancier', '3'),
    ('org_samenwerking', 'Met twee klanten hebben we een vaste samenwerking', '3'),
    ('org_samenwerking', 'Structureel, we zitten in een fieldlab', '4'),
    ('org_samenwerking', 'We doen mee aan gezamenlijke projecten met de TU en andere bedrijven', '4'),
    ('org_samenwerking', 'We zijn lid van een innovatienetwerk in de regio', '4'),
    ('org_samenwerking', 'Met Fontys en een consortium van bedrijven', '4'),
    ('org_samenwerking', 'wisselend', None),
    ('org_samenwerking', 'gaat wel', None),
    ('org_samenwerking', 'kan beter', None),
    ('org_strategie', 'Nee, korte termijn', '1'),
    ('org_strategie', 'We kijken niet verder dan de orders van deze maand', '1'),
    ('org_strategie', 'Nee hoor', '1'),
    ('org_strategie', 'Ideeën genoeg, maar niks op papier', '2'),
    ('org_strategie', 'Het zit in mijn hoofd', '2'),
    ('org_strategie', 'Een plan? nee, wel wat ideeën', '2'),
    ('org_strategie', 'Wel een visie maar niet uitgewerkt', '2'),
    ('org_strategie', 'Een globaal plan met een paar stappen', '3'),
    ('org_strategie', 'We hebben een meerjarenplan, nog vrij grof', '3'),
    ('org_strategie', 'Er ligt een investeringsplan voor de komende 3 jaar', '3'),
    ('org_strategie', 'Ja, op hoofdlijnen: eerst een nieuwe hal en dan een robot', '3'),
    ('org_strategie', 'alles staat in een meerjarenplan met doelen, budget en tijdlijn', '4'),
    ('org_strategie', "We hebben een strategisch plan met KPI's, budget en mijlpalen dat we elk kwartaal bijstellen", '4'),
    ('org_strategie', 'Ja, volledig uitgewerkt met doelstellingen, een investeringsbudget en een tijdpad', '4'),
    ('org_strategie', 'gaat wel', None),
    ('org_strategie', 'kan beter', None),
    ('org_strategie', 'wisselend', None),
    ('bm_financiering', 'Heel lastig', '1'),
    ('bm_financiering', 'De bank wil niet', '1'),
    ('bm_financiering', 'Moeilijk, we hebben geen eigen geld', '1'),
    ('bm_financiering', 'Dat is echt een probleem voor ons', '1'),
    ('bm_financiering', 'Kleine dingen gaan wel, grote investeringen niet', '2'),
    ('bm_financiering', 'Alleen kleine investeringen', '2'),
    ('bm_financiering', 'Tot een paar duizend euro lukt het', '2'),
    ('bm_financiering', 'Met een lening van de bank lukt het wel', '3'),
    ('bm_financiering', 'Via lease', '3'),
    ('bm_financiering', 'Met wat moeite en subsidie', '3'),
    ('bm_financiering', 'We leasen de meeste machines', '3'),
    ('bm_financiering', 'Goed, we betalen alles uit eigen middelen', '4'),
    ('bm_financiering', 'Geen probleem', '4'),
    ('bm_financiering', 'Makkelijk, we hebben genoeg reserves', '4'),
    ('bm_financiering', 'De bank staat altijd klaar', '4'),
    ('bm_financiering', 'gaat wel', None),
    ('bm_financiering', 'kan beter', None),
    ('bm_financiering', 'wisselend', None),
    ('bm_financiering', 'valt mee', None),
    ('bm_innovatiebudget', 'Geen apart budget', '1'),
    ('bm_innovatiebudget', 'een apart budget? nee', '1'),
    ('bm_innovatiebudget', 'Budget? nee, dat hebben we niet', '1'),
    ('bm_innovatiebudget', 'Nee, er wordt niks apart gezet', '1'),
    ('bm_innovatiebudget', 'Alleen als er een concrete aanleiding is', '2'),
    ('bm_innovatiebudget', 'Ad hoc', '2'),
    ('bm_innovatiebudget', 'Per project bekijken we het', '2'),
    ('bm_innovatiebudget', 'Als er een kans langskomt maken we geld vrij', '2'),
    ('bm_innovatiebudget', 'Er zit een post in de begroting', '3'),
    ('bm_innovatiebudget', "Ja, een jaarlijks budget van zo'n 50k", '3'),
    ('bm_innovatiebudget', 'Ja, 3% van de omzet', '4'),
    ('bm_innovatiebudget', 'Een vast percentage van de omzet, gekoppeld aan ons strategisch plan', '4'),
    ('bm_innovatiebudget', 'gaat wel', None),
    ('bm_innovatiebudget', 'soms wel soms niet', None),
    ('bm_innovatiebudget', 'wisselend', None),
    ('bm_innovatiebudget', 'kan beter', None),
    ('bm_rendement', 'We draaien quitte', '1'),
    ('bm_rendement', 'Rode cijfers dit jaar', '1'),
    ('bm_rendement', 'Slecht, we houden het hoofd net boven water', '1'),
    ('bm_rendement', 'Gaat wel, maar er blijft weinig over', '2'),
    ('bm_rendement', 'Prima, we maken netjes winst', '3'),
    ('bm_rendement', 'Goed, niks te klagen', '3'),
    ('bm_rendement', 'stabiel', '3'),
    ('bm_rendement', 'Ruim voldoende om te investeren', '4'),
    ('bm_rendement', 'Uitstekend, recordjaar', '4'),
    ('bm_rendement', 'Hoge marges', '4'),
    ('bm_rendement', 'kan beter', None),
    ('bm_rendement', 'gaat wel', None),
    ('bm_rendement', 'wisselend', None),
    ('bm_ketenpositie', 'We maken op tekening voor 2 grote klanten', '1'),
    ('bm_ketenpositie', 'Toeleverancier voor één grote OEM', '1'),
    ('bm_ketenpositie', 'Private label voor een paar supermarkten', '1'),
    ('bm_ketenpositie', 'Vooral voor één grote klant, die is 60% van de omzet', '1'),
    ('bm_ketenpositie', 'Veel verschillende klanten, die leveren de tekeningen', '2'),
    ('bm_ketenpositie', "Toeleverancier met zo'n 200 klanten, de klant bepaalt wat we maken", '2'),
    ('bm_ketenpositie', 'we werken voor heel veel klanten maar hebben weinig inspraak', '2'),
    ('bm_ketenpositie', 'Loonwerk voor diverse bedrijven', '2'),
    ('bm_ketenpositie', 'Co-engineering met onze klanten', '3'),
    ('bm_ketenpositie', 'Eigen producten en we zijn marktleider', '4'),
    ('bm_ketenpositie', 'We bepalen zelf wat we maken, we hebben een sterk merk', '4'),
    ('bm_ketenpositie', 'Wij zijn de enige in Europa die dit maakt', '4'),
    ('bm_ketenpositie', 'gaat wel', None),
    ('bm_ketenpositie', 'wisselend', None),
    ('bm_ketenpositie', 'kan beter', None),
    ('bm_businesscase', 'Op gevoel', '1'),
    ('bm_businesscase', 'Nee, dat vinden we lastig', '1'),
    ('bm_businesscase', 'Niet echt, ik beslis op mijn buikgevoel', '1'),
    ('bm_businesscase', 'Een businesscase? nee', '1'),
    ('bm_businesscase', 'Soms een grove berekening', '2'),
    ('bm_businesscase', 'Een sommetje op de achterkant van een envelop', '2'),
    ('bm_businesscase', 'Alleen bij grote investeringen rekenen we het even globaal door', '2'),
    ('bm_businesscase', "Ja, we rekenen de ROI en de risico's uit", '3'),
    ('bm_businesscase', 'Altijd een berekening van de terugverdientijd', '3'),
    ('bm_businesscase', 'Ja, en achteraf kijken we of het is uitgekomen', '4'),
    ('bm_businesscase', 'Ja, met een nacalculatie', '4'),
    ('bm_businesscase', 'We evalueren na een jaar of de besparing gehaald is', '4'),
    ('bm_businesscase', 'soms wel soms niet', None),
    ('bm_businesscase', 'gaat wel', None),
    ('bm_businesscase', 'kan beter', None),
    ('bm_businesscase', 'wisselend', None),
    ('tech_automatisering', 'Automatisering? Nee, bij ons is het nog echt vakwerk met de hand', '1'),
    ('tech_automatisering', 'wij hebbe alleen een paar handbediende zaagmachines en boren', '1'),
    ('tech_automatisering', 'Heel beperkt. We hebben geen CNC, alles is conventioneel', '1'),
    ('tech_automatisering', 'Er is over een cnc machine gesproken, maar die is er nooit gekomen. Dus met de hand', '1'),
    ('tech_automatisering', 'vrijwel niks geautomatiseerd', '1'),
    ('tech_automatisering', 'Handwerk voor het grootste deel', '1'),
    ('tech_automatisering', 'Twee cnc-draaibanken en een zaagautomaat, de rest is handwerk', '2'),
    ('tech_automatisering', 'We hebben een paar automatische machines maar die praten niet met elkaar', '2'),
    ('tech_automatisering', 'een lasersnijder, verder niet veel', '2'),
    ('tech_automatisering', 'Een kantbank met cnc sturing en een robotlasser, maar de rest doen we met de hand', '2'),
    ('tech_automatisering', 'Er staan losse cnc machines, niet gekoppeld', '2'),
    ('tech_automatisering', 'sommige stappen automatisch, andere niet, geen koppeling', '2'),
    ('tech_automatisering', 'Het gros is geautomatiseerd, maar nog geen gekoppelde lijn', '3'),
    ('tech_automatisering', 'Meeste machines zijn cnc, we doen alleen de eindmontage nog zelf', '3'),
    ('tech_automatisering', 'driekwart van de productie gaat automatisch', '3'),
    ('tech_automatisering', 'ver, alles behalve het verpakken is geautomatiseerd', '3'),
    ('tech_automatisering', 'Onze lijnen hangen aan elkaar en draaien grotendeels zonder mensen', '4'),
    ('tech_automatisering', 'Alles is volautomatisch gekoppeld, wij bewaken alleen nog', '4'),
    ('tech_automatisering', 'We draaien lights-out in het weekend op gekoppelde cellen', '4'),
    ('tech_automatisering', 'van grondstof tot verpakking in een doorlopende automatische lijn', '4'),
    ('tech_automatisering', 'Redelijk', None),
    ('tech_automatisering', 'valt wel mee', None),
    ('tech_automatisering', 'Niet veel en niet weinig', None),
    ('tech_automatisering', 'hoe bedoel je geautomatiseerd?', None),
    ('tech_robotisering', 'Nee, die hebben we niet en daar denken we ook niet aan', '1'),
    ('tech_robotisering', 'Geen robots. Te duur en ons werk is te divers', '1'),
    ('tech_robotisering', 'robots nee, cobots ook niet', '1'),
    ('tech_robotisering', 'Een robot? Nee joh, wij zijn een klein bedrijfje', '1'),
    ('tech_robotisering', 'nee nog niet naar gekeken', '1'),
    ('tech_robotisering', 'Er is wel eens een verkoper langs geweest met een cobot, maar we hebben er nog geen', '2'),
    ('tech_robotisering', 'We hebben vorige week een demo gehad van een lascobot, nog geen beslissing', '2'),
    ('tech_robotisering', 'We denken erover na, nog geen robot in huis', '2'),
    ('tech_robotisering', 'Binnenkort komt er een cobot op proef', '2'),
    ('tech_robotisering', 'Een robot staat op de wensenlijst, we zijn aan het rekenen of het uit kan', '2'),
    ('tech_robotisering', 'niet in gebruik, wel aan het orienteren', '2'),
    ('tech_robotisering', 'Ja, er staat één cobot bij de verpakkingsmachine', '3'),
    ('tech_robotisering', 'we hebben 2 lasrobots', '3'),
    ('tech_robotisering', 'Een robot voor het ontbramen, verder niks', '3'),
    ('tech_robotisering', 'Drie cobots, alle drie bij de cnc machines voor het in- en uitnemen', '3'),
    ('tech_robotisering', 'Sinds kort een palletiseerrobot en die doet het prima', '3'),
    ('tech_robotisering', 'Overal robots, van spuitgieten tot palletiseren', '4'),
    ('tech_robotisering', 'We hebben meer dan vijftig robots in alle hallen', '4'),
    ('tech_robotisering', 'Robots bij het lassen, bij het slijpen en bij de eindverpakking', '4'),
    ('tech_robotisering', 'Bijna elke machine heeft een robot die hem belaadt', '4'),
    ('tech_robotisering', 'een paar', None),
    ('tech_robotisering', 'Misschien', None),
    ('tech_robotisering', 'Wat bedoel je precies met cobots?', None),
    ('tech_robotisering', 'redelijk', None),
    ('tech_digitalisering', 'Papier en pen, en een groot planbord', '1'),
    ('tech_digitalisering', 'Ik houd alles bij in excel, werkbonnen gaan geprint de werkplaats in', '1'),
    ('tech_digitalisering', 'Een ERP hebben we niet, het gaat met uitgeprinte orders', '1'),
    ('tech_digitalisering', 'nog steeds met papieren bonnen helaas', '1'),
    ('tech_digitalisering', 'Er is geen software, alleen een agenda en wat lijstjes', '1'),
    ('tech_digitalisering', 'Exact voor de boekhouding en orders, planning gaat via een los excelletje', '2'),
    ('tech_digitalisering', 'We hebben Isah, maar de machines zijn er niet aan verbonden', '2'),
    ('tech_digitalisering', 'planningssysteem ja, koppelingen nee', '2'),
    ('tech_digitalisering', 'Ons erp doet orders en voorraad, de productie meldt nog op papier terug', '2'),
    ('tech_digitalisering', 'Een pakket voor de werkvoorbereiding maar alles wordt handmatig ingevoerd', '2'),
    ('tech_digitalisering', 'ERP met koppeling naar de productie, operators scannen hun bonnen', '3'),
    ('tech_digitalisering', 'We lezen van sommige machines de data uit en het erp is gekoppeld', '3'),
    ('tech_digitalisering', 'werkorders komen op de tablet bij de machine en de uren gaan automatisch het systeem in', '3'),
    ('tech_digitalisering', 'We hebben een MES, maar machinedata verzamelen we maar van een paar machines', '3'),
    ('tech_digitalisering', 'Realtime dashboards, het systeem plant onderhoud automatisch op basis van de machinedata', '4'),
    ('tech_digitalisering', 'Alles is digitaal verbonden en de planning wordt live bijgestuurd', '4'),
    ('tech_digitalisering', 'Sensoren op alle machines, kwaliteitsafwijkingen worden automatisch gesignaleerd en bijgestuurd', '4'),
    ('tech_digitalisering', 'redelijk digitaal', None),
    ('tech_digitalisering', 'Beetje van alles', None),
    ('tech_digitalisering', 'hangt ervan af', None),
    ('tech_digitalisering', 'Valt mee', None),
    ('tech_digitalisering', 'We hebben computers', None),
    ('tech_implementatie', 'Nee, niks ingevoerd', '1'),
    ('tech_implementatie', 'De laatste jaren eigenlijk niet, er was te veel werk', '1'),
    ('tech_implementatie', 'we hebben het over een nieuwe machine gehad, maar er is niks gekocht', '1'),
    ('tech_implementatie', 'Nee, alles nog hetzelfde als vijf jaar terug', '1'),
    ('tech_implementatie', 'niet dat ik weet', '1'),
    ('tech_implementatie', 'We hebben een robot gekocht, maar die krijgen we niet goed ingesteld', '2'),
    ('tech_implementatie', 'Geprobeerd met digitale werkbonnen, weer mee gestopt', '2'),
    ('tech_implementatie', 'Ja, maar het ging niet goed, veel problemen met de software', '2'),
    ('tech_implementatie', 'We zijn aan een ERP begonnen maar dat is halverwege vastgelopen', '2'),
    ('tech_implementatie', 'Een keer geprobeerd, viel tegen', '2'),
    ('tech_implementatie', 'Ja, een nieuwe cnc machine, die draait prima', '3'),
    ('tech_implementatie', 'Eén keer, de nieuwe lijn, dat is goed gegaan', '3'),
    ('tech_implementatie', 'We hebben twee jaar geleden een cobot ingevoerd, succesvol', '3'),
    ('tech_implementatie', 'een of twee keer, allebei goed gelukt', '3'),
    ('tech_implementatie', 'Jazeker, we vernieuwen voortdurend', '4'),
    ('tech_implementatie', 'Ieder jaar investeren we in nieuwe technologie en dat lukt goed', '4'),
    ('tech_implementatie', 'Veel: vision, robots, sensoren, een nieuw mes, alles draait', '4'),
    ('tech_implementatie', 'Dat doen we heel vaak', '4'),
    ('tech_implementatie', 'Soms', None),
    ('tech_implementatie', 'beetje', None),
    ('tech_implementatie', 'wat bedoel je met ingevoerd?', None),
    ('tech_implementatie', 'kan beter', None),
    ('org_bewustzijn', 'Niet zo goed eigenlijk, we zijn vooral met de orders bezig', '1'),
    ('org_bewustzijn', 'We lopen achter, ik weet niet wat er te koop is', '1'),
    ('org_bewustzijn', 'nauwelijks, geen tijd om te lezen', '1'),
    ('org_bewustzijn', 'slecht', '1'),
    ('org_bewustzijn', 'Het meeste hoor ik van onze leveranciers', '2'),
    ('org_bewustzijn', 'Ik lees af en toe het vakblad', '2'),
    ('org_bewustzijn', 'Via het netwerk en de nieuwsbrief van de brancheorganisatie', '2'),
    ('org_bewustzijn', 'Een beetje, vooral via internet', '2'),
    ('org_bewustzijn', "Ik ga naar de vakbeurzen en neem regelmatig een kijkje bij collega's", '3'),
    ('org_bewustzijn', 'Goed, we bezoeken fieldlabs en demo-dagen', '3'),
    ('org_bewustzijn', 'We gaan ieder jaar naar de EMO in Hannover', '3'),
    ('org_bewustzijn', 'ik volg webinars en ga naar workshops', '3'),
    ('org_bewustzijn', 'We testen zelf nieuwe technieken, we hebben er een proeftuin voor', '4'),
    ('org_bewustzijn', 'Heel actief, onze engineers doen pilots met nieuwe technologie', '4'),
    ('org_bewustzijn', 'We zoeken actief en proberen dingen zelf uit in een testcel', '4'),
    ('org_bewustzijn', 'redelijk', None),
    ('org_bewustzijn', 'ja hoor', None),
    ('org_bewustzijn', 'valt mee', None),
    ('org_cultuur', 'Eigenlijk niet, we doen het al jaren zo', '1'),
    ('org_cultuur', 'Verbeteren? Nee, het werk moet af', '1'),
    ('org_cultuur', 'Er gebeurt niet veel, iedereen is gewend aan hoe het gaat', '1'),
    ('org_cultuur', 'nauwelijks', '1'),
    ('org_cultuur', 'Alleen als er een klacht komt', '2'),
    ('org_cultuur', 'Pas als er iets kapot gaat kijken we ernaar', '2'),
    ('org_cultuur', 'Vooral reactief, als er problemen zijn', '2'),
    ('org_cultuur', 'zo nu en dan', '2'),
    ('org_cultuur', 'De operators dragen regelmatig verbeterpunten aan en die voeren we door', '3'),
    ('org_cultuur', 'Medewerkers mogen altijd ideeën inbrengen en daar wordt wat mee gedaan', '3'),
    ('org_cultuur', 'We hebben werkoverleg waarin de jongens met voorstellen komen', '3'),
    ('org_cultuur', 'regelmatig', '3'),
    ('org_cultuur', 'Wij werken met lean en elke ochtend een dagstart', '4'),
    ('org_cultuur', 'Continu verbeteren is onderdeel van ons dagritme', '4'),
    ('org_cultuur', 'Verbeterborden op iedere afdeling en wekelijkse kaizen sessies', '4'),
    ('org_cultuur', 'structureel', '4'),
    ('org_cultuur', 'redelijk', None),
    ('org_cultuur', 'Valt wel mee', None),
    ('org_cultuur', 'ja hoor', None),
    ('org_capaciteit', 'Nee, we hebben de handen vol aan de productie', '1'),
    ('org_capaciteit', 'Er is niemand die daar tijd voor heeft', '1'),
    ('org_capaciteit', 'Tijd? Nee, en mensen ook niet', '1'),
    ('org_capaciteit', 'Nee helaas, iedereen draait mee op de vloer', '1'),
    ('org_capaciteit', 'Ik doe het erbij als eigenaar, als er tijd over is', '2'),
    ('org_capaciteit', 'Af en toe, maar niet structureel', '2'),
    ('org_capaciteit', 'Een beetje in de rustige maanden', '2'),
    ('org_capaciteit', 'Mondjesmaat', '2'),
    ('org_capaciteit', 'Onze technisch manager heeft daar vast een deel van zijn week voor', '3'),
    ('org_capaciteit', 'Eén persoon, twee dagen per week', '3'),
    ('org_capaciteit', 'Er is een procesengineer die zich er structureel mee bezighoudt', '3'),
    ('org_capaciteit', 'We hebben een verbeterteam dat er vast mee bezig is', '4'),
    ('org_capaciteit', 'Een aparte engineeringsafdeling voor procesinnovatie', '4'),
    ('org_capaciteit', 'Drie mensen fulltime op innovatie', '4'),
    ('org_capaciteit', 'redelijk', None),
    ('org_capaciteit', 'valt mee', None),
    ('org_capaciteit', 'ja hoor', None),
    ('org_vaardigheden', 'Niet echt, en opleiden schiet er steeds bij in', '1'),
    ('org_vaardigheden', 'Slecht, de meeste mensen kunnen niet met computers', '1'),
    ('org_vaardigheden', 'Onvoldoende kennis, er wordt niet opgeleid', '1'),
    ('org_vaardigheden', 'Nee, en cursussen doen we niet', '1'),
    ('org_vaardigheden', 'Alleen als het moet', '2'),
    ('org_vaardigheden', 'deels, de jongeren wel', '2'),
    ('org_vaardigheden', 'De verplichte certificaten halen we, verder leren we het al doende', '2'),
    ('org_vaardigheden', 'Een deel van de mensen wel, opleiden alleen als de klant erom vraagt', '2'),
    ('org_vaardigheden', 'Ja, we sturen mensen regelmatig op training', '3'),
    ('org_vaardigheden', 'Grotendeels wel, we investeren in cursussen', '3'),
    ('org_vaardigheden', 'De meeste medewerkers zijn goed opgeleid en we betalen gerichte opleidingen', '3'),
    ('org_vaardigheden', 'We hebben een opleidingsplan voor iedereen en een eigen trainingscentrum', '4'),
    ('org_vaardigheden', 'Structureel, elke medewerker heeft jaarlijks een ontwikkelgesprek en opleidingsbudget', '4'),
    ('org_vaardigheden', 'We werken met een competentiematrix en een leerplan per functie', '4'),
    ('org_vaardigheden', 'redelijk', None),
    ('org_vaardigheden', 'valt mee', None),
    ('org_vaardigheden', 'ja hoor', None),
    ('org_samenwerking', 'Nee, wij doen het op eigen houtje', '1'),
    ('org_samenwerking', 'Niet, we werken niet samen', '1'),
    ('org_samenwerking', 'nooit', '1'),
    ('org_samenwerking', 'Samenwerking met anderen is er eigenlijk niet', '1'),
    ('org_samenwerking', 'Zo nu en dan met een klant', '2'),
    ('org_samenwerking', 'We hebben een keer een stagiair van de hogeschool gehad die iets onderzocht', '2'),
    ('org_samenwerking', 'Sporadisch', '2'),
    ('org_samenwerking', 'Af en toe, als een leverancier iets nieuws heeft', '2'),
    ('org_samenwerking', 'Met onze vaste leveranciers, regelmatig', '3'),
    ('org_samenwerking', 'We hebben vaste partners waarmee we vaak dingen ontwikkelen', '3'),
    ('org_samenwerking', 'Ja, geregeld met een paar klanten', '3'),
    ('org_samenwerking', 'We zitten in een consortium met kennisinstellingen', '4'),
    ('org_samenwerking', 'Structureel, in het Brainport netwerk en met de TU', '4'),
    ('org_samenwerking', 'We doen mee aan een fieldlab en EU projecten', '4'),
    ('org_samenwerking', 'redelijk', None),
    ('org_samenwerking', 'valt mee', None),
    ('org_samenwerking', 'ja hoor', None),
    ('org_strategie', 'Nee, we kijken van week tot week', '1'),
    ('org_strategie', 'Een plan voor de lange termijn? Nee', '1'),
    ('org_strategie', 'Niet echt, we zijn vooral bezig met overleven', '1'),
    ('org_strategie', 'nee, dat hebben we niet', '1'),
    ('org_strategie', 'Ik heb er wel ideeën over, maar het staat nergens op papier', '2'),
    ('org_strategie', 'Er zijn wensen maar niks concreets', '2'),
    ('org_strategie', 'We hebben een grof plan voor de komende jaren met een paar investeringen', '3'),
    ('org_strategie', 'Ja, een eenvoudig plan met de belangrijkste stappen', '3'),
    ('org_strategie', 'Een investeringsplan voor twee jaar, verder niet gedetailleerd', '3'),
    ('org_strategie', 'Ja, een roadmap tot 2030 met doelen, budget en planning', '4'),
    ('org_strategie', 'Een uitgewerkt strategisch plan met doelen en budget, dat we ieder jaar herzien', '4'),
    ('org_strategie', 'Alles ligt vast in een meerjarenplan: doelen, budgetten en een planning per kwartaal', '4'),
    ('org_strategie', 'Een compleet plan met mijlpalen en investeringsbudget', '4'),
    ('org_strategie', 'redelijk', None),
    ('org_strategie', 'valt mee', None),
    ('org_strategie', 'ja hoor', None),
    ('bm_financiering', 'Erg moeilijk, de bank doet niet mee', '1'),
    ('bm_financiering', 'Lastig, er is geen ruimte', '1'),
    ('bm_financiering', 'We krijgen nergens financiering', '1'),
    ('bm_financiering', 'Nauwelijks mogelijk', '1'),
    ('bm_financiering', 'Gereedschap en kleine machines lukt, een nieuwe lijn niet', '2'),
    ('bm_financiering', "Tot zo'n 20.000 euro kunnen we het zelf", '2'),
    ('bm_financiering', 'Kleine stappen lukken, grote sprongen niet', '2'),
    ('bm_financiering', 'Met een lening en wat subsidie komen we er wel', '3'),
    ('bm_financiering', 'Lukt meestal, via lease', '3'),
    ('bm_financiering', 'Met enige moeite via de bank', '3'),
    ('bm_financiering', 'Het lukt, maar het kost moeite', '3'),
    ('bm_financiering', 'Goed, we hebben genoeg eigen vermogen', '4'),
    ('bm_financiering', 'Makkelijk, onze bank financiert alles wat we willen', '4'),
    ('bm_financiering', 'We betalen alles cash', '4'),
    ('bm_financiering', 'redelijk', None),
    ('bm_financiering', 'ja hoor', None),
    ('bm_financiering', 'hangt ervan af', None),
    ('bm_innovatiebudget', 'Nee, niet apart', '1'),
    ('bm_innovatiebudget', 'Daar is geen geld voor gereserveerd', '1'),
    ('bm_innovatiebudget', 'Budget voor vernieuwing? Helaas niet', '1'),
    ('bm_innovatiebudget', 'geen potje', '1'),
    ('bm_innovatiebudget', 'Als er iets nodig is, dan kijken we wat er kan', '2'),
    ('bm_innovatiebudget', 'Niet vast, alleen als er een kans is', '2'),
    ('bm_innovatiebudget', 'Per geval', '2'),
    ('bm_innovatiebudget', 'Bij een concrete klantvraag', '2'),
    ('bm_innovatiebudget', 'Ja, we hebben een jaarlijks innovatiebudget', '3'),
    ('bm_innovatiebudget', "Elk jaar zetten we zo'n 30 duizend apart", '3'),
    ('bm_innovatiebudget', 'Ja, dat staat in de begroting', '3'),
    ('bm_innovatiebudget', 'Ja, een vast deel van de omzet dat aan ons strategisch plan gekoppeld is', '4'),
    ('bm_innovatiebudget', 'Twee procent van onze omzet gaat naar innovatie, volgens ons plan', '4'),
    ('bm_innovatiebudget', 'redelijk', None),
    ('bm_innovatiebudget', 'valt mee', None),
    ('bm_innovatiebudget', 'een beetje', None),
    ('bm_rendement', 'We maken verlies', '1'),
    ('bm_rendement', 'Rond de nul', '1'),
    ('bm_rendement', 'Slecht, het was een zwaar jaar', '1'),
    ('bm_rendement', 'Break-even ongeveer', '1'),
    ('bm_rendement', 'Krap, de energiekosten zijn enorm gestegen', '2'),
    ('bm_rendement', 'marges zijn dun', '2'),
    ('bm_rendement', 'Gezonde marges', '3'),
    ('bm_rendement', 'We zitten prima, stabiel winstgevend', '3'),
    ('bm_rendement', 'Geen klagen', '3'),
    ('bm_rendement', 'Heel goed, we kunnen makkelijk investeren', '4'),
    ('bm_rendement', 'Ruim, er is genoeg geld om te investeren', '4'),
    ('bm_rendement', 'Topjaar gehad, mooie marges', '4'),
    ('bm_rendement', 'redelijk', None),
    ('bm_rendement', 'hangt ervan af', None),
    ('bm_rendement', 'ja hoor', None),
    ('bm_ketenpositie', 'We zijn toeleverancier van een paar grote machinebouwers, die bepalen alles', '1'),
    ('bm_ketenpositie', 'Onze grootste klant is 70% van de omzet en levert de tekeningen', '1'),
    ('bm_ketenpositie', 'We maken voor drie vaste opdrachtgevers wat zij voorschrijven', '1'),
    ('bm_ketenpositie', 'Loonwerk voor één klant', '1'),
    ('bm_ketenpositie', 'Toeleverancier, veel verschillende klanten, wij maken wat er op de tekening staat', '2'),
    ('bm_ketenpositie', 'Heel veel kleine klanten, die bepalen wat we maken', '2'),
    ('bm_ketenpositie', "We hebben zo'n 150 opdrachtgevers en maken op hun specificatie", '2'),
    ('bm_ketenpositie', 'Meerdere klanten, weinig invloed op het ontwerp', '2'),
    ('bm_ketenpositie', 'We hebben eigen producten en doen daarnaast maatwerk waarbij we meedenken', '3'),
    ('bm_ketenpositie', 'We ontwerpen samen met onze klanten', '3'),
    ('bm_ketenpositie', 'Eigen ontwerpen', '3'),
    ('bm_ketenpositie', 'Wij zijn marktleider in onze niche en bepalen zelf de specificaties', '4'),
    ('bm_ketenpositie', 'Eigen merk, klanten komen voor ons naar ons toe, wij zetten de standaard', '4'),
    ('bm_ketenpositie', 'We hebben patenten en een sterke positie', '4'),
    ('bm_ketenpositie', 'redelijk', None),
    ('bm_ketenpositie', 'valt mee', None),
    ('bm_ketenpositie', 'ja hoor', None),
    ('bm_businesscase', 'Nee, gewoon op gevoel', '1'),
    ('bm_businesscase', 'Dat doen we niet, lastig', '1'),
    ('bm_businesscase', 'Eerlijk gezegd niet, ik koop wat ik nodig denk te hebben', '1'),
    ('bm_businesscase', 'nooit', '1'),
    ('bm_businesscase', 'Soms, een snelle berekening', '2'),
    ('bm_businesscase', 'Een ruwe schatting, meer niet', '2'),
    ('bm_businesscase', 'Bij grote aankopen rekenen we het grof uit', '2'),
    ('bm_businesscase', 'op hoofdlijnen', '2'),
    ('bm_businesscase', 'Ja, met ROI en terugverdientijd', '3'),
    ('bm_businesscase', "Altijd, inclusief risico's en terugverdientijd", '3'),
    ('bm_businesscase', 'Ja, onze controller maakt een uitgebreide businesscase', '3'),
    ('bm_businesscase', 'Ja, en na een jaar kijken we of het klopt', '4'),
    ('bm_businesscase', 'We toetsen achteraf of de opbrengst is gehaald', '4'),
    ('bm_businesscase', 'Ja, met nacalculatie na afloop van het project', '4'),
    ('bm_businesscase', 'redelijk', None),
    ('bm_businesscase', 'valt mee', None),
    ('bm_businesscase', 'ja hoor', '3'),
    ('tech_automatisering', 'Eerlijk? Bijna niks. We zagen en lassen alles zelf', '1'),
    ('tech_automatisering', 'we hebben geen cnc en ook geen robots, gewoon ouderwets vakwerk', '1'),
    ('tech_automatisering', 'Een cnc? Nee, daar zijn we te klein voor. Handwerk', '1'),
    ('tech_automatisering', 'nog steeds alles met de hand, we hebben wel offertes voor een cnc-frees opgevraagd', '1'),
    ('tech_automatisering', 'We hebben 3 cnc machines, elk staat op zichzelf, operators laden en lossen', '2'),
    ('tech_automatisering', 'sommige machines zijn geautomatiseerd maar niet gekoppeld, de montage is handwerk', '2'),
    ('tech_automatisering', 'Er staat een automatische zaag en een ponsautomaat, verder handwerk', '2'),
    ('tech_automatisering', "zo'n 80% gaat automatisch, de rest is handwerk", '3'),
    ('tech_automatisering', 'Grootste deel draait op cnc en automaten, alleen de afwerking en inpak doen we zelf', '3'),
    ('tech_automatisering', 'Vrijwel alle bewerkingen zijn geautomatiseerd maar de machines hangen niet aan elkaar', '3'),
    ('tech_automatisering', 'De hele productie is gekoppeld, van de zaag tot de palletiseerder', '4'),
    ('tech_automatisering', "Onze lijnen lopen 's nachts onbemand door", '4'),
    ('tech_automatisering', 'Volledig geautomatiseerd met gekoppelde productiestraten', '4'),
    ('tech_automatisering', 'Beetje van alles', None),
    ('tech_automatisering', 'kan altijd beter', None),
    ('tech_automatisering', 'ligt eraan', None),
    ('tech_robotisering', 'Nope, geen robots hier', '1'),
    ('tech_robotisering', 'Nee hoor. Niet over nagedacht ook', '1'),
    ('tech_robotisering', 'Robotisering? Niet voor ons, te veel enkelstuks', '1'),
    ('tech_robotisering', 'We hebben nog nooit een robot gehad en zijn er ook niet mee bezig', '1'),
    ('tech_robotisering', 'Nog geen robot, maar ik heb er wel eentje zien werken op een beurs en dat wil ik ook', '2'),
    ('tech_robotisering', 'we laten een haalbaarheidsstudie doen voor een lasrobot', '2'),
    ('tech_robotisering', 'Er staat een cobot in de offerte, we twijfelen nog', '2'),
    ('tech_robotisering', 'Een leverancier heeft ons een cobot laten zien, we overwegen het', '2'),
    ('tech_robotisering', 'Ja, één robot voor het palletiseren', '3'),
    ('tech_robotisering', 'we hebbe 2 cobots en dat bevalt goed', '3'),
    ('tech_robotisering', 'Er draait een lasrobot, en we denken na over een tweede', '3'),
    ('tech_robotisering', 'Robots in de lasafdeling, bij de persen en in de expeditie', '4'),
    ('tech_robotisering', 'Tientallen, overal in de fabriek', '4'),
    ('tech_robotisering', 'We hebben 15 robots verdeeld over meerdere processen', '4'),
    ('tech_robotisering', 'hangt ervan af wat je een robot noemt', None),
    ('tech_digitalisering', 'Whiteboard en papieren werkbonnen', '1'),
    ('tech_digitalisering', 'Alles in excel, en de jongens krijgen een printje mee', '1'),
    ('tech_digitalisering', 'Een planningssysteem? Nee, ik doe het met een schrift', '1'),
    ('tech_digitalisering', 'Geen ERP, we hebben er wel eens naar gekeken. Nu nog Excel', '1'),
    ('tech_digitalisering', 'We werken met AFAS voor de orders, de planning staat los in Excel', '2'),
    ('tech_digitalisering', 'We hebben een erp pakket maar koppelingen met de machines zijn er niet', '2'),
    ('tech_digitalisering', 'Ridder iQ, maar de uren worden op papier bijgehouden en later ingevoerd', '2'),
    ('tech_digitalisering', 'ERP gekoppeld aan de werkvloer, de nieuwere machines sturen hun data door', '3'),
    ('tech_digitalisering', 'Werkorders staan op tablets en we registreren de stilstand van een paar machines', '3'),
    ('tech_digitalisering', 'We hebben een MES en van een deel van de machines komt data binnen', '3'),
    ('tech_digitalisering', 'Real-time data van alle machines, de planning wordt daar automatisch op aangepast', '4'),
    ('tech_digitalisering', 'Voorspellend onderhoud en automatische kwaliteitsbewaking op basis van sensordata', '4'),
    ('tech_digitalisering', 'Alles is gekoppeld en stuurt zichzelf bij, industrie 4.0', '4'),
    ('tech_digitalisering', 'beetje van alles', None),
    ('tech_digitalisering', 'het kan beter', None),
    ('tech_digitalisering', 'redelijk', None),
    ('tech_implementatie', 'Nee. We zijn wel eens naar een beurs geweest maar hebben niks gekocht', '1'),
    ('tech_implementatie', 'Nee, niet echt', '1'),
    ('tech_implementatie', 'Er is de afgelopen drie jaar niks nieuws bijgekomen', '1'),
    ('tech_implementatie', 'We hebben een 3d printer gekocht maar die gebruiken we bijna niet', '2'),
    ('tech_implementatie', 'Het ERP project is mislukt', '2'),
    ('tech_implementatie', 'geprobeerd, maar de operators wilden er niet mee werken', '2'),
    ('tech_implementatie', 'We hebben een robot gekocht, maar die staat al een jaar stil', '2'),
    ('tech_implementatie', 'Eén keer: een nieuwe kantbank, die loopt als een trein', '3'),
    ('tech_implementatie', 'Ja, een cobot, en die werkt goed', '3'),
    ('tech_implementatie', 'Twee dingen, allebei met succes ingevoerd', '3'),
    ('tech_implementatie', 'Ja, we doen elk jaar wel een paar vernieuwingen en dat gaat goed', '4'),
    ('tech_implementatie', 'Regelmatig, het afgelopen jaar nog een robotcel, een MES en een nieuwe lijn', '4'),
    ('tech_implementatie', 'Continu, we hebben daar een vaste aanpak voor', '4'),
    ('tech_implementatie', 'hangt ervan af', None),
    ('org_bewustzijn', 'Slecht, ik heb geen idee wat er op de markt is', '1'),
    ('org_bewustzijn', 'Nee, daar hebben we geen tijd voor', '1'),
    ('org_bewustzijn', 'We zijn eigenlijk niet op de hoogte', '1'),
    ('org_bewustzijn', 'Ik lees het vakblad en hoor wat van leveranciers', '2'),
    ('org_bewustzijn', 'Globaal, vooral via LinkedIn', '2'),
    ('org_bewustzijn', 'Klanten en leveranciers vertellen ons wat er speelt', '2'),
    ('org_bewustzijn', 'Elk jaar naar de Technishow en een paar demodagen', '3'),
    ('org_bewustzijn', 'We bezoeken regelmatig fieldlabs en kennissessies', '3'),
    ('org_bewustzijn', 'Goed, ik ga vaak naar beurzen en open dagen', '3'),
    ('org_bewustzijn', 'We testen nieuwe technieken zelf in onze eigen proefopstelling', '4'),
    ('org_bewustzijn', 'Actief: we hebben een innovatiemanager die pilots opzet', '4'),
    ('org_bewustzijn', 'We experimenteren zelf, samen met de hogeschool', '4'),
    ('org_bewustzijn', 'zo zo', None),
    ('org_cultuur', 'Zo doen we het al dertig jaar', '1'),
    ('org_cultuur', 'Nee, niemand is daarmee bezig', '1'),
    ('org_cultuur', 'Weinig. Er is veel weerstand tegen nieuwe dingen', '1'),
    ('org_cultuur', 'Pas als er iets misgaat', '2'),
    ('org_cultuur', 'Na een klacht van een klant passen we het aan', '2'),
    ('org_cultuur', 'Af en toe, als er tijd is', '2'),
    ('org_cultuur', 'Mensen komen geregeld met suggesties en daar doen we wat mee', '3'),
    ('org_cultuur', 'Er is een ideeënbox en elke maand bespreken we de ideeën van de vloer', '3'),
    ('org_cultuur', 'De operators denken mee en dragen verbeteringen aan', '3'),
    ('org_cultuur', 'Lean, met dagstarts en een verbeterbord per afdeling', '4'),
    ('org_cultuur', 'We werken volgens PDCA met een vast weekritme', '4'),
    ('org_cultuur', 'Continu verbeteren, dat zit in ons DNA', '4'),
    ('org_cultuur', 'valt mee', None),
    ('org_cultuur', 'ligt eraan', None),
    ('org_cultuur', 'het wisselt', None),
    ('org_capaciteit', 'Nee, iedereen is nodig in de productie', '1'),
    ('org_capaciteit', 'Niemand, we hebben het te druk', '1'),
    ('org_capaciteit', 'Nee. Alle handen zijn aan het werk', '1'),
    ('org_capaciteit', 'Ik pak het zelf op naast mijn gewone werk', '2'),
    ('org_capaciteit', 'Alleen af en toe', '2'),
    ('org_capaciteit', 'Soms, tussen de bedrijven door', '2'),
    ('org_capaciteit', 'Eén medewerker heeft er een vaste dag per week voor', '3'),
    ('org_capaciteit', 'Onze procesengineer besteedt er de helft van zijn tijd aan', '3'),
    ('org_capaciteit', 'Iemand is er structureel voor vrijgemaakt', '3'),
    ('org_capaciteit', 'We hebben een innovatieteam van drie man', '4'),
    ('org_capaciteit', 'Er is een aparte afdeling voor procesverbetering en R&D', '4'),
    ('org_capaciteit', 'Ja, een vaste CI-manager met een team', '4'),
    ('org_capaciteit', 'hangt ervan af', None),
    ('org_vaardigheden', 'Onvoldoende, en er is geen tijd voor scholing', '1'),
    ('org_vaardigheden', 'Nee, de mensen zijn niet opgeleid voor nieuwe technologie', '1'),
    ('org_vaardigheden', 'Slecht, opleiden staat niet op de agenda', '1'),
    ('org_vaardigheden', 'Deels, we leiden alleen op als het verplicht is', '2'),
    ('org_vaardigheden', 'De leverancier leert ze de nieuwe machine bedienen, meer niet', '2'),
    ('org_vaardigheden', 'Alleen de verplichte VCA en heftruckcursus', '2'),
    ('org_vaardigheden', 'Grotendeels, we sturen mensen gericht op cursus', '3'),
    ('org_vaardigheden', 'De meesten wel, en we investeren elk jaar in trainingen', '3'),
    ('org_vaardigheden', 'Goed, we hebben BBL-leerlingen en mensen volgen cursussen', '3'),
    ('org_vaardigheden', 'Structureel, met een opleidingsplan per medewerker', '4'),
    ('org_vaardigheden', 'We hebben een eigen bedrijfsschool en een skills-matrix', '4'),
    ('org_vaardigheden', 'Iedereen heeft een POP en een eigen opleidingsbudget', '4'),
    ('org_samenwerking', 'Nee, nooit', '1'),
    ('org_samenwerking', 'We doen het liever zelf', '1'),
    ('org_samenwerking', 'Samenwerken? Nee, we houden alles in eigen huis', '1'),
    ('org_samenwerking', 'Een keer met een klant een product ontwikkeld', '2'),
    ('org_samenwerking', 'Af en toe een stagiair van het mbo', '2'),
    ('org_samenwerking', 'Regelmatig met een vaste groep leveranciers', '3'),
    ('org_samenwerking', 'Met een paar vaste klanten werken we geregeld samen aan nieuwe producten', '3'),
    ('org_samenwerking', 'We hebben twee vaste partners waarmee we vaak om tafel zitten', '3'),
    ('org_samenwerking', 'We zitten in een fieldlab en werken samen met TNO', '4'),
    ('org_samenwerking', 'Structureel in een regionaal netwerk van maakbedrijven', '4'),
    ('org_samenwerking', 'Gezamenlijke innovatieprojecten met de universiteit en andere bedrijven', '4'),
    ('org_samenwerking', 'hangt ervan af', None),
    ('org_strategie', 'Nee. We kijken naar wat er deze maand binnenkomt', '1'),
    ('org_strategie', 'Niet echt, het is vooral overleven', '1'),
    ('org_strategie', 'Een plan? Nee hoor', '1'),
    ('org_strategie', 'Ik heb er wel ideeën over maar het is nergens uitgewerkt', '2'),
    ('org_strategie', "Alleen in m'n hoofd", '2'),
    ('org_strategie', 'Wat ideeën, niks op papier', '2'),
    ('org_strategie', 'Er is een globaal plan met een paar concrete stappen', '3'),
    ('org_strategie', 'We hebben een investeringsplan voor de komende jaren', '3'),
    ('org_strategie', 'Ja, een grof plan: eerst een nieuwe machine, daarna automatiseren', '3'),
    ('org_strategie', 'Ja, een roadmap met doelen, budget en planning', '4'),
    ('org_strategie', "Een uitgewerkte strategie met kpi's en een budget per jaar", '4'),
    ('org_strategie', 'We hebben een vijfjarenplan met mijlpalen, budget en doelen', '4'),
    ('bm_financiering', 'Heel lastig, de bank wil niks', '1'),
    ('bm_financiering', 'Dat is een groot probleem', '1'),
    ('bm_financiering', 'We kunnen niet investeren, er is geen geld', '1'),
    ('bm_financiering', 'Kleine dingen lukken, een nieuwe machine niet', '2'),
    ('bm_financiering', 'Alleen kleinere aankopen uit eigen kas', '2'),
    ('bm_financiering', 'Met een lening van de bank en wat MIA lukt het', '3'),
    ('bm_financiering', 'We leasen, dat lukt meestal wel', '3'),
    ('bm_financiering', 'Met de nodige moeite lukt het uiteindelijk', '3'),
    ('bm_financiering', 'De holding betaalt', '4'),
    ('bm_innovatiebudget', 'Nee, nooit', '1'),
    ('bm_innovatiebudget', 'Er is geen budget voor innovatie', '1'),
    ('bm_innovatiebudget', 'Gereserveerd? Nee', '1'),
    ('bm_innovatiebudget', 'Alleen als er een kans voorbijkomt', '2'),
    ('bm_innovatiebudget', 'Geen vast budget, per geval bekijken', '2'),
    ('bm_innovatiebudget', 'Als het nodig is maken we geld vrij', '2'),
    ('bm_innovatiebudget', 'Ja, jaarlijks een vast bedrag', '3'),
    ('bm_innovatiebudget', 'We begroten er elk jaar geld voor', '3'),
    ('bm_innovatiebudget', 'Ja, vast 2% van de omzet, gekoppeld aan de strategie', '4'),
    ('bm_rendement', 'Verliesgevend de laatste twee jaar', '1'),
    ('bm_rendement', 'Niet goed, rode cijfers', '1'),
    ('bm_rendement', 'Krap, er blijft weinig over', '2'),
    ('bm_rendement', 'De marges staan onder druk door de lonen', '2'),
    ('bm_rendement', 'Het is elke maand weer de eindjes aan elkaar knopen', '2'),
    ('bm_rendement', 'Gezond, we maken een normale winst', '3'),
    ('bm_rendement', 'We zitten goed, niks bijzonders', '3'),
    ('bm_rendement', 'Prima, stabiele cijfers', '3'),
    ('bm_rendement', 'Ruim, we hebben genoeg geld om te investeren', '4'),
    ('bm_rendement', 'Uitstekend, hoge marges', '4'),
    ('bm_rendement', 'Zeer goed, vorig jaar een recordwinst', '4'),
    ('bm_rendement', 'valt mee', None),
    ('bm_ketenpositie', "We leveren aan twee grote OEM'ers op hun tekening", '1'),
    ('bm_ketenpositie', 'Onderaannemer voor één grote klant die alles voorschrijft', '1'),
    ('bm_ketenpositie', 'Een paar grote klanten bepalen wat we maken', '1'),
    ('bm_ketenpositie', 'Veel verschillende klanten, wij maken wat zij op tekening aanleveren', '2'),
    ('bm_ketenpositie', 'We hebben honderden klanten maar weinig invloed', '2'),
    ('bm_ketenpositie', 'Toeleverancier aan diverse machinebouwers, zij leveren de specs', '2'),
    ('bm_ketenpositie', 'We maken eigen producten', '3'),
    ('bm_ketenpositie', 'We denken mee met de klant over het ontwerp', '3'),
    ('bm_ketenpositie', 'Co-engineering en een eigen productlijn', '3'),
    ('bm_ketenpositie', 'Wij zijn marktleider en bepalen de standaard', '4'),
    ('bm_ketenpositie', 'Eigen merk met een sterke positie, klanten volgen ons', '4'),
    ('bm_ketenpositie', 'We hebben gepatenteerde producten en zijn uniek in de markt', '4'),
    ('bm_ketenpositie', 'hangt ervan af', None),
    ('bm_businesscase', 'Nee, buikgevoel', '1'),
    ('bm_businesscase', 'Nooit eigenlijk', '1'),
    ('bm_businesscase', 'Nee, we kopen gewoon als we het nodig hebben', '1'),
    ('bm_businesscase', 'Soms een kladje met de globale kosten en opbrengsten', '2'),
    ('bm_businesscase', 'Een ruwe berekening op de achterkant van een sigarendoos', '2'),
    ('bm_businesscase', 'Af en toe, niet uitgebreid', '2'),
    ('bm_businesscase', 'Ja, met terugverdientijd en een risicoanalyse', '3'),
    ('bm_businesscase', 'Altijd, we rekenen de ROI door', '3'),
    ('bm_businesscase', 'Ja, de controller maakt een berekening met terugverdientijd', '3'),
    ('bm_businesscase', 'Ja, en na een jaar evalueren we of het is gehaald', '4'),
    ('bm_businesscase', 'We maken een businesscase en toetsen achteraf de resultaten', '4'),
    ('bm_businesscase', 'Ja, inclusief nacalculatie', '4'),
    ('tech_automatisering', 'We hebben het wel over een cnc-machine gehad maar die hebben we nooit gekocht, dus nog steeds handwerk', '1'),
    ('tech_automatisering', 'Gekoppelde lijnen? Nee, we hebben een paar losse cnc-banken', '2'),
    ('tech_automatisering', 'Alles loopt volautomatisch en gekoppeld, de mensen vullen alleen materiaal bij', '4'),
    ('tech_automatisering', 'De meeste bewerkingen gaan automatisch, alleen het eindassembleren is handwerk', '3'),
    ('tech_automatisering', 'mwah', None),
    ('tech_automatisering', 'niet slecht', None),
    ('tech_automatisering', "Zo'n beetje half", None),
    ('tech_automatisering', 'geen automatisering, alles handwerk', '1'),
    ('tech_robotisering', 'We hebben een keer een demo gezien, maar er staat hier nog geen robot', '2'),
    ('tech_robotisering', 'Een cobot? Nee, daar is ons werk te divers voor', '1'),
    ('tech_robotisering', "Er zijn robots bij het lassen, het stapelen en het verpakken, zo'n tien in totaal", '4'),
    ('tech_robotisering', 'We gebruiken één cobot bij de inpaklijn', '3'),
    ('tech_robotisering', 'We hebben er geen, en daar is ook nooit over gesproken', '1'),
    ('tech_robotisering', 'valt mee', None),
    ('tech_robotisering', 'een keer of wat gezien', None),
    ('tech_robotisering', 'Een robot kopen staat voor volgend jaar in de planning', '2'),
    ('tech_digitalisering', 'We wilden een ERP invoeren, maar dat is er nog niet van gekomen; nog alles op papier', '1'),
    ('tech_digitalisering', 'Exact voor de facturen, verder niks gekoppeld', '2'),
    ('tech_digitalisering', 'Een ERP? Ja, en het is aan de productie gekoppeld; van sommige machines halen we data op', '3'),
    ('tech_digitalisering', 'De sensordata van al onze machines stuurt in realtime de planning, het onderhoud en de kwaliteitscontrole', '4'),
    ('tech_digitalisering', 'gaat zo', None),
    ('tech_digitalisering', 'kan veel beter', None),
    ('tech_digitalisering', 'Papier. Excel.', '1'),
    ('tech_digitalisering', 'We hebben geen MES, wel een ERP dat los staat van de vloer', '2'),
    ('tech_implementatie', 'We hebben gekeken naar een nieuwe lasmachine, maar er is nog niks ingevoerd', '1'),
    ('tech_implementatie', 'Nieuwe technologie? We hebben een cobot gekocht maar daar wordt weinig mee gedaan', '2'),
    ('tech_implementatie', 'Eén keer: een nieuw planningssysteem dat prima werkt', '3'),
    ('tech_implementatie', 'We voeren elk jaar meerdere nieuwe technologieën in, dat is hier standaard', '4'),
    ('tech_implementatie', 'soms wel, soms niet', None),
    ('tech_implementatie', 'tja', None),
    ('tech_implementatie', 'nee helaas', '1'),
    ('org_bewustzijn', 'Niet echt op de hoogte, we komen nooit op beurzen', '1'),
    ('org_bewustzijn', 'Via de leveranciers, verder lees ik af en toe iets', '2'),
    ('org_bewustzijn', "We gaan naar beurzen en fieldlabs en kijken bij collega's", '3'),
    ('org_bewustzijn', 'We volgen het heel actief en testen nieuwe dingen zelf uit in onze werkplaats', '4'),
    ('org_bewustzijn', 'niet slecht', None),
    ('org_bewustzijn', 'Geen idee wat er allemaal bestaat eerlijk gezegd', '1'),
    ('org_cultuur', 'We hebben eens een ideeënbus gehad, maar er wordt niks mee gedaan; we doen het zoals altijd', '1'),
    ('org_cultuur', 'Alleen als er een probleem is', '2'),
    ('org_cultuur', 'Het personeel komt zelf met ideeën en die worden ook echt uitgevoerd', '3'),
    ('org_cultuur', 'Continu verbeteren met vaste dag- en weekstarts en verbeterborden', '4'),
    ('org_cultuur', 'normaal', None),
    ('org_cultuur', 'Verbeteren? Nee, daar doen we niet aan', '1'),
    ('org_capaciteit', 'Er is niemand vrijgemaakt, iedereen draait productie', '1'),
    ('org_capaciteit', 'Af en toe ikzelf, naast het werk', '2'),
    ('org_capaciteit', 'Ja, iemand heeft het als vaste taak, twee dagen in de week', '3'),
    ('org_capaciteit', 'We hebben een eigen innovatieteam dat daar fulltime mee bezig is', '4'),
    ('org_capaciteit', 'Tijd en mensen? Nee', '1'),
    ('org_capaciteit', 'Een team? Nee, alleen ik af en toe', '2'),
    ('org_vaardigheden', 'We hebben eens over opleidingen gesproken, maar er gebeurt niks mee', '1'),
    ('org_vaardigheden', 'Alleen als het echt moet', '2'),
    ('org_vaardigheden', 'We investeren gericht in trainingen voor de meeste medewerkers', '3'),
    ('org_vaardigheden', 'Structureel: iedereen heeft een ontwikkelplan en er is een opleidingsbudget per persoon', '4'),
    ('org_vaardigheden', 'Opleiden? Nee, daar is geen tijd voor', '1'),
    ('org_samenwerking', 'Samenwerken? Nee, we doen alles zelf', '1'),
    ('org_samenwerking', 'Heel af en toe met een klant', '2'),
    ('org_samenwerking', 'Met een paar vaste leveranciers werken we regelmatig samen', '3'),
    ('org_samenwerking', 'We zitten structureel in een fieldlab en doen gezamenlijke projecten met de hogeschool', '4'),
    ('org_samenwerking', 'soms wel soms niet', None),
    ('org_samenwerking', 'We hebben eens met een hogeschool gepraat maar er is nooit iets uit gekomen', '1'),
    ('org_strategie', 'Een plan? Nee, we kijken naar de korte termijn', '1'),
    ('org_strategie', 'We hebben wel ideeën maar het staat nergens op papier', '2'),
    ('org_strategie', 'Een grof plan met de eerste stappen', '3'),
    ('org_strategie', 'Ons meerjarenplan bevat concrete doelen, een investeringsbudget en een planning per kwartaal', '4'),
    ('org_strategie', 'Alles is vastgelegd: doelen, budgetten en een tijdlijn tot 2030', '4'),
    ('org_strategie', 'niet slecht', None),
    ('org_strategie', 'zeker', None),
    ('bm_financiering', 'Lastig, de bank zegt steeds nee', '1'),
    ('bm_financiering', 'Kleine investeringen kunnen we zelf, grote niet', '2'),
    ('bm_financiering', 'Met lease en een banklening lukt het meestal', '3'),
    ('bm_financiering', 'Goed, we hebben voldoende eigen vermogen en de bank werkt graag mee', '4'),
    ('bm_financiering', 'Financieren? Nee, dat lukt ons niet', '1'),
    ('bm_financiering', 'niet slecht', None),
    ('bm_innovatiebudget', 'Een apart budget voor vernieuwing? Nee, dat hebben we niet', '1'),
    ('bm_innovatiebudget', 'Alleen als er een aanleiding is', '2'),
    ('bm_innovatiebudget', 'Ja, er is een jaarlijks budget', '3'),
    ('bm_innovatiebudget', 'Ja, vast 4 procent van de omzet, gekoppeld aan ons meerjarenplan', '4'),
    ('bm_innovatiebudget', 'We hebben eens een potje gehad, maar nu is er niks gereserveerd', '1'),
    ('bm_rendement', 'We hebben een paar slechte jaren gehad, nu rond break-even', '1'),
    ('bm_rendement', 'Krap, de marges zijn dun', '2'),
    ('bm_rendement', 'Gezond, elk jaar winst', '3'),
    ('bm_rendement', 'Ruim voldoende, we hebben genoeg armslag om flink te investeren', '4'),
    ('bm_rendement', 'Ruimte om te investeren? Nee, we maken verlies', '1'),
    ('bm_ketenpositie', 'We maken op tekening voor één grote klant', '1'),
    ('bm_ketenpositie', 'Veel klanten, maar die bepalen allemaal zelf de specificaties', '2'),
    ('bm_ketenpositie', 'We hebben eigen producten en ontwikkelen soms samen met klanten', '3'),
    ('bm_ketenpositie', 'Wij bepalen de markt met onze eigen producten, we zijn marktleider', '4'),
    ('bm_ketenpositie', "Eigen producten? Nee, we zijn toeleverancier voor een paar grote OEM'ers", '1'),
    ('bm_businesscase', 'Een businesscase? Nee, dat doen we op gevoel', '1'),
    ('bm_businesscase', 'Soms een snelle rekensom', '2'),
    ('bm_businesscase', "Ja, altijd met terugverdientijd en risico's", '3'),
    ('bm_businesscase', 'Ja, en na afloop controleren we of de opbrengst is gehaald', '4'),
    ('bm_businesscase', 'We hebben eens een berekening gemaakt, maar eigenlijk beslissen we op gevoel', '1'),
    ('org_cultuur', 'We willen met lean aan de slag', None),
    ('org_capaciteit', 'We willen een innovatieteam opzetten', None),
    ('org_vaardigheden', 'We willen een opleidingsplan maken', None),
    ('org_strategie', 'We willen een roadmap maken', None),
    ('bm_innovatiebudget', 'We zouden graag een jaarlijks budget hebben', None),
    ('org_samenwerking', 'We zouden graag met een fieldlab samenwerken', None),
    ('bm_businesscase', 'We willen voortaan de terugverdientijd gaan berekenen', None),
    ('org_bewustzijn', 'Ik zou graag vaker naar beurzen gaan', None),
    ('bm_ketenpositie', 'We willen eigen producten gaan maken', None),
    ('tech_digitalisering', 'We gaan volgend jaar een MES invoeren, nu nog papier', '1'),
    ('tech_automatisering', 'We denken na over een gekoppelde lijn, nu hebben we losse cnc machines', '2'),
    ('org_cultuur', 'We hebben lean geprobeerd maar dat is niks geworden, nu weer zoals altijd', '1'),
    ('org_capaciteit', 'Er zou eigenlijk iemand structureel tijd voor moeten hebben, maar nu niemand', None),
    ('tech_robotisering', 'We hebben twee cobots en denken aan een derde', '3'),
    ('tech_robotisering', 'We hebben een robot gehad maar die is verkocht', None),
    ('org_strategie', 'Er komt binnenkort een meerjarenplan, nu nog niks op papier', '2'),
    ('org_cultuur', 'We hopen volgend jaar een ideeënbus te starten, nu gebeurt er weinig', '1'),
    ('org_capaciteit', 'Binnenkort komt er een procesengineer, nu doe ik het er zelf bij', '2'),
    ('org_vaardigheden', 'We zijn van plan een academy op te zetten; nu leren ze het alleen als het moet', '2'),
    ('org_samenwerking', 'We willen meer samenwerken met de hogeschool, nu doen we alles zelf', '1'),
    ('org_strategie', 'We willen een roadmap met doelen en budget maken, nu zit het in mijn hoofd', '2'),
    ('bm_innovatiebudget', 'We willen een vast percentage van de omzet reserveren, nu alleen als het nodig is', '2'),
    ('bm_businesscase', 'We zouden achteraf moeten toetsen, maar we doen een globale berekening vooraf', '2'),
    ('bm_ketenpositie', 'We willen graag eigen producten, nu maken we op tekening voor twee grote klanten', '1'),
    ('tech_robotisering', 'We willen graag een robot, maar hebben nog geen offerte', '2'),
    ('tech_implementatie', 'We willen een nieuw ERP invoeren, verder is er de laatste jaren niks veranderd', '1'),
    ('tech_digitalisering', 'We zouden graag realtime data hebben, nu hebben we een ERP zonder koppelingen', '2'),
    ('tech_automatisering', 'Het plan is een volautomatische lijn, nu doen we alles nog met de hand', '1'),
    ('org_bewustzijn', 'We willen zelf gaan testen, nu lezen we vooral vakbladen', '2'),
    ('org_cultuur', 'Lean? Dat willen we ooit, nu verbeteren we alleen als er iets misgaat', '2'),
    ('org_capaciteit', 'We hebben een team voor innovatie', '4'),
    ('org_vaardigheden', 'We hebben een opleidingsplan voor iedereen', '4'),
    ('org_samenwerking', 'We zitten in een fieldlab met andere bedrijven', '4'),
    ('org_strategie', 'We hebben een roadmap met doelen en budget', '4'),
    ('bm_innovatiebudget', 'We hebben een jaarlijks innovatiebudget', '3'),
]

BLIND_MULTI = [
    ('knelpunten', 'Geld en de lange terugverdientijd', ['financiering', 'terugverdientijd']),
    ('knelpunten', 'We werken op tekening van de klant en een businesscase maken vinden we lastig', ['businesscase', 'ketenafhankelijkheid']),
    ('knelpunten', 'We kunnen geen goede technici vinden en de mensen die we hebben kunnen we niet vrijmaken uit de productie', ['capaciteit', 'personeel']),
    ('knelpunten', 'Vooral tijd', ['capaciteit']),
    ('knelpunten', 'de marges zijn te dun, een robot verdient zich nooit terug', ['terugverdientijd']),
    ('knelpunten', 'Het ontbreekt ons aan kennis en aan geld', ['financiering', 'kennis']),
    ('knelpunten', 'De oudere jongens willen niet veranderen', ['acceptatie']),
    ('knelpunten', 'Niks, het gaat prima', ['geen']),
    ('knelpunten', 'Geen urgentie, het loopt goed zo', ['urgentie']),
    ('knelpunten', 'personeel', ['personeel']),
    ('knelpunten', 'Financiering en personeel', ['financiering', 'personeel']),
    ('knelpunten', 'we zijn afhankelijk van wat onze opdrachtgevers willen', ['ketenafhankelijkheid']),
    ('knelpunten', 'We weten niet waar we moeten beginnen en hebben er geen tijd voor', ['capaciteit', 'kennis']),
    ('knelpunten', 'Het is lastig om te berekenen of het iets oplevert', ['businesscase']),
    ('knelpunten', 'Te duur', ['financiering']),
    ('knelpunten', 'Weerstand op de werkvloer en gebrek aan kennis', ['acceptatie', 'kennis']),
    ('knelpunten', 'De bank doet moeilijk en de terugverdientijd is te lang', ['financiering', 'terugverdientijd']),
    ('knelpunten', 'krapte op de arbeidsmarkt, we vinden geen lassers', ['personeel']),
    ('knelpunten', 'We hebben het te druk, en de mannen zitten niet op verandering te wachten', ['acceptatie', 'capaciteit']),
    ('knelpunten', 'Mensen kunnen we niet missen op de vloer', ['capaciteit']),
    ('knelpunten', 'de investering is te groot en het duurt jaren voordat je het terugverdient', ['financiering', 'terugverdientijd']),
    ('knelpunten', 'We mogen van onze klant niks aan het proces veranderen', ['ketenafhankelijkheid']),
    ('knelpunten', 'Geen prioriteit', ['urgentie']),
    ('interesse', 'robots en vision', ['robotisering', 'vision_kwaliteit']),
    ('interesse', 'Een cobot voor het inpakken en iets met zonnepanelen', ['energie_duurzaamheid', 'robotisering']),
    ('interesse', 'Een nieuw ERP en machinedata', ['data_sensoren', 'digitalisering']),
    ('interesse', '3d printen', ['additive']),
    ('interesse', 'Vooral slimmer werken, lean', ['lean_werkwijzen']),
    ('interesse', 'automatiseren van het zagen en een betere planning', ['automatisering', 'digitalisering']),
    ('interesse', 'Energiebesparing en minder afval', ['energie_duurzaamheid']),
    ('interesse', 'dashboards met machinedata en voorspellend onderhoud', ['data_sensoren']),
    ('interesse', "kwaliteitscontrole met camera's", ['vision_kwaliteit']),
    ('interesse', 'Papierloos werken', ['digitalisering']),
    ('interesse', 'Robotisering, automatisering en digitalisering', ['automatisering', 'digitalisering', 'robotisering']),
    ('interesse', 'We willen van het gas af en meer automatiseren', ['automatisering', 'energie_duurzaamheid']),
    ('interesse', 'Geen idee', None),
    ('interesse', 'Cobots', ['robotisering']),
    ('interesse', 'Sensoren op de machines zodat we zien wanneer ze stilstaan', ['data_sensoren']),
    ('interesse', 'Minder verspilling en kortere doorlooptijden', ['lean_werkwijzen']),
    ('interesse', 'additive manufacturing en lasrobots', ['additive', 'robotisering']),
    ('interesse', 'Een MES systeem', ['digitalisering']),
    ('interesse', 'Duurzamer produceren en digitale werkbonnen', ['digitalisering', 'energie_duurzaamheid']),
    ('interesse', 'Eigenlijk alles wel', None),
    ('knelpunten', 'Tijd en geld', ['capaciteit', 'financiering']),
    ('knelpunten', 'Goede mensen zijn niet te vinden en de bank is terughoudend', ['financiering', 'personeel']),
    ('knelpunten', 'Onze klant schrijft alles voor, en wat het oplevert is moeilijk te berekenen', ['businesscase', 'ketenafhankelijkheid']),
    ('knelpunten', 'We vinden geen monteurs en we kunnen niemand vrijmaken', ['capaciteit', 'personeel']),
    ('knelpunten', 'Gebrek aan kennis', ['kennis']),
    ('knelpunten', 'Dat het zich niet terugverdient', ['terugverdientijd']),
    ('knelpunten', 'niks eigenlijk', ['geen']),
    ('knelpunten', 'Er is geen noodzaak, het gaat goed', ['urgentie']),
    ('knelpunten', 'Weerstand bij het personeel', ['acceptatie']),
    ('knelpunten', 'Geld, tijd en kennis', ['capaciteit', 'financiering', 'kennis']),
    ('knelpunten', 'De vergrijzing, en de jonge gasten willen geen vak leren', ['personeel']),
    ('knelpunten', 'te lage marges en te weinig geld in kas', ['financiering', 'terugverdientijd']),
    ('knelpunten', 'we weten niet hoe we het moeten aanpakken', ['kennis']),
    ('knelpunten', 'We zijn toeleverancier en volgen de specificaties van de klant', ['ketenafhankelijkheid']),
    ('knelpunten', 'We hebben geen tijd, iedereen staat in de productie', ['capaciteit']),
    ('knelpunten', 'De terugverdientijd is te lang en het is moeilijk om de businesscase rond te krijgen', ['businesscase', 'terugverdientijd']),
    ('knelpunten', 'Mensen zijn bang voor hun baan en we hebben geen geld', ['acceptatie', 'financiering']),
    ('knelpunten', 'Onbekend terrein voor ons, we weten te weinig', ['kennis']),
    ('knelpunten', 'Personeelstekort en de kosten', ['financiering', 'personeel']),
    ('knelpunten', 'Wat is een knelpunt?', None),
    ('interesse', 'Een robot voor het lassen en sensoren op de machines', ['data_sensoren', 'robotisering']),
    ('interesse', 'Planning en ERP', ['digitalisering']),
    ('interesse', 'Minder energie verbruiken', ['energie_duurzaamheid']),
    ('interesse', 'Automatisch inspecteren met een camera', ['vision_kwaliteit']),
    ('interesse', 'Onderdelen 3D printen en lean werken', ['additive', 'lean_werkwijzen']),
    ('interesse', 'Meer automatisering', ['automatisering']),
    ('interesse', 'Digitalisering en duurzaamheid', ['digitalisering', 'energie_duurzaamheid']),
    ('interesse', 'Data verzamelen van onze machines', ['data_sensoren']),
    ('interesse', 'Vision systemen en cobots', ['robotisering', 'vision_kwaliteit']),
    ('interesse', 'Efficiënter werken en minder verspilling', ['lean_werkwijzen']),
    ('interesse', 'Zonnepanelen op het dak en een warmtepomp', ['energie_duurzaamheid']),
    ('interesse', 'Digitale werkbonnen', ['digitalisering']),
    ('interesse', 'Iets met kunstmatige intelligentie voor de kwaliteit', ['data_sensoren', 'vision_kwaliteit']),
    ('interesse', 'Een automatische zaaglijn en robots', ['automatisering', 'robotisering']),
    ('interesse', 'de planning digitaliseren en de machines uitlezen', ['data_sensoren', 'digitalisering']),
    ('interesse', 'weet ik nog niet', None),
    ('interesse', 'Minder papier en minder afkeur', ['digitalisering', 'vision_kwaliteit']),
    ('interesse', 'Marketing', ['anders']),
    ('interesse', 'Slimmer inrichten van de werkplaats', ['lean_werkwijzen']),
    ('knelpunten', 'Geld. En tijd.', ['capaciteit', 'financiering']),
    ('knelpunten', 'We weten niet goed hoe we moeten beginnen en de investering is te hoog', ['financiering', 'kennis']),
    ('knelpunten', 'Goede operators zijn schaars, en de mensen die er zijn kan ik niet van de vloer halen', ['capaciteit', 'personeel']),
    ('knelpunten', 'De klant bepaalt de specificaties en we vinden het lastig om te berekenen wat het oplevert', ['businesscase', 'ketenafhankelijkheid']),
    ('knelpunten', 'Het is duur en het verdient zich pas na tien jaar terug', ['financiering', 'terugverdientijd']),
    ('knelpunten', 'Eigenlijk niets', ['geen']),
    ('knelpunten', 'Er is geen haast bij, het loopt toch goed', ['urgentie']),
    ('knelpunten', 'Onze marges zijn te klein voor grote investeringen', ['terugverdientijd']),
    ('knelpunten', 'tijd, kennis en personeel', ['capaciteit', 'kennis', 'personeel']),
    ('knelpunten', 'We zijn te afhankelijk van onze grote klant', ['ketenafhankelijkheid']),
    ('knelpunten', 'Niemand heeft tijd om het op te pakken', ['capaciteit']),
    ('knelpunten', 'We hebben geen verstand van robots', ['kennis']),
    ('knelpunten', 'De bank, en de jongens willen niet', ['acceptatie', 'financiering']),
    ('knelpunten', 'Vacatures staan maanden open', ['personeel']),
    ('knelpunten', 'Geen geld en geen tijd', ['capaciteit', 'financiering']),
    ('knelpunten', 'Het is lastig om de businesscase rond te krijgen', ['businesscase']),
    ('knelpunten', 'Geen knelpunten eigenlijk, het gaat goed', ['geen']),
    ('knelpunten', 'Prioriteit, de orders gaan altijd voor', ['urgentie']),
    ('knelpunten', 'Mensen zijn bang dat ze hun baan kwijtraken', ['acceptatie']),
    ('knelpunten', 'hoe bedoel je?', None),
    ('interesse', 'cobots en 3d printen', ['additive', 'robotisering']),
    ('interesse', 'Digitaliseren van de planning', ['digitalisering']),
    ('interesse', 'Meer inzicht in machinedata', ['data_sensoren']),
    ('interesse', 'Zonne-energie en minder gasverbruik', ['energie_duurzaamheid']),
    ('interesse', 'Lean, automatisering en robots', ['automatisering', 'lean_werkwijzen', 'robotisering']),
    ('interesse', 'Vision voor de eindcontrole', ['vision_kwaliteit']),
    ('interesse', 'Een nieuwe CNC machine', ['automatisering']),
    ('interesse', 'Een ERP-systeem dat aan de machines gekoppeld is', ['digitalisering']),
    ('interesse', 'Minder afkeur en betere kwaliteit', ['vision_kwaliteit']),
    ('interesse', 'Een cobot', ['robotisering']),
    ('interesse', 'De fabriek anders indelen zodat we minder lopen', ['lean_werkwijzen']),
    ('interesse', 'Automatiseren van het inpakken', ['automatisering']),
    ('interesse', "Robots voor het lassen en camera's voor de controle", ['robotisering', 'vision_kwaliteit']),
    ('interesse', 'Prototypes printen', ['additive']),
    ('interesse', 'Weg van het papier', ['digitalisering']),
    ('interesse', 'alles eigenlijk', None),
    ('interesse', 'Circulair produceren en recyclen van restmateriaal', ['energie_duurzaamheid']),
    ('interesse', 'Minder verspilling', ['lean_werkwijzen']),
    ('knelpunten', 'Geld, en het duurt te lang voordat het zich terugverdient', ['financiering', 'terugverdientijd']),
    ('knelpunten', 'We maken op tekening van de klant, en we weten niet of het zich loont', ['businesscase', 'ketenafhankelijkheid']),
    ('knelpunten', 'Technici zijn niet te vinden en de mensen die er zijn kan ik niet missen', ['capaciteit', 'personeel']),
    ('knelpunten', 'tijd, geld en de businesscase', ['businesscase', 'capaciteit', 'financiering']),
    ('knelpunten', 'Geen kennis en de mannen willen niet', ['acceptatie', 'kennis']),
    ('knelpunten', 'Niks', ['geen']),
    ('knelpunten', 'Geld is het probleem niet, tijd wel', ['capaciteit']),
    ('knelpunten', 'Onze opdrachtgevers bepalen alles', ['ketenafhankelijkheid']),
    ('knelpunten', 'Het personeel is bang voor verandering en we hebben er de kennis niet voor', ['acceptatie', 'kennis']),
    ('knelpunten', 'Geen urgentie, en ook geen geld', ['financiering', 'urgentie']),
    ('knelpunten', 'We vinden geen lassers', ['personeel']),
    ('knelpunten', 'lage marges', ['terugverdientijd']),
    ('knelpunten', 'We hebben het te druk met de orders', ['capaciteit']),
    ('knelpunten', 'We weten niet waar te beginnen', ['kennis']),
    ('knelpunten', 'Een robot is te duur en verdient zich niet terug', ['financiering', 'terugverdientijd']),
    ('knelpunten', 'Eigenlijk geen knelpunten', ['geen']),
    ('knelpunten', 'Niemand om het te trekken en geen idee hoe', ['capaciteit', 'kennis']),
    ('knelpunten', 'De klant wil het niet betalen', ['ketenafhankelijkheid']),
    ('knelpunten', 'Weerstand', ['acceptatie']),
    ('knelpunten', 'Financiering, personeel en tijd', ['capaciteit', 'financiering', 'personeel']),
    ('interesse', 'Robots en data', ['data_sensoren', 'robotisering']),
    ('interesse', 'Minder handwerk door automatisering en betere kwaliteitscontrole', ['automatisering', 'vision_kwaliteit']),
    ('interesse', 'Een nieuw planningssysteem', ['digitalisering']),
    ('interesse', 'Zonnepanelen', ['energie_duurzaamheid']),
    ('interesse', '3D-printen', ['additive']),
    ('interesse', 'Lean', ['lean_werkwijzen']),
    ('interesse', 'Een lasrobot en sensoren', ['data_sensoren', 'robotisering']),
    ('interesse', 'Digitaal werken en minder energie verbruiken', ['digitalisering', 'energie_duurzaamheid']),
    ('interesse', 'Camera-inspectie', ['vision_kwaliteit']),
    ('interesse', 'Efficiënter produceren met minder verspilling', ['lean_werkwijzen']),
    ('interesse', 'Voorspellend onderhoud', ['data_sensoren']),
    ('interesse', 'Automatisering en robotisering', ['automatisering', 'robotisering']),
    ('interesse', 'Een ERP en een MES', ['digitalisering']),
    ('interesse', 'Verduurzamen', ['energie_duurzaamheid']),
    ('interesse', 'Cobots voor het palletiseren en 3D-geprinte grijpers', ['additive', 'robotisering']),
    ('interesse', 'weet niet', None),
    ('interesse', 'Het meten van de stilstand van machines', ['data_sensoren']),
    ('interesse', 'Een automatische zaagstraat', ['automatisering']),
    ('interesse', 'Visionsystemen', ['vision_kwaliteit']),
    ('interesse', 'Slimmer werken', ['lean_werkwijzen']),
]


@pytest.mark.parametrize("qid,text,expected", BLIND_SCORED)
def test_blind_scored(qid, text, expected):
    assert interpret(qid, text).value == expected, text


@pytest.mark.parametrize("qid,text,expected", BLIND_MULTI)
def test_blind_multi(qid, text, expected):
    assert interpret(qid, text).value == expected, text


@pytest.mark.parametrize("question_id, text", [
    ("medewerkers", "<script>alert(1)</script>"),
    ("medewerkers", "<img src=x onerror=alert(3)>"),
    ("jaaromzet", "<script>var omzet = 5000000</script>"),
    ("tech_robotisering", "<style>p{margin:2px}</style>"),
    ("regio", "<script>location='utrecht'</script>"),
])
def test_code_in_markup_is_never_read_as_an_answer(question_id, text):
    assert interpret(question_id, text).value is None


@pytest.mark.parametrize("question_id, text, value", [
    ("medewerkers", "<b>45</b> man", 45),
    ("jaaromzet", "<i>2 miljoen</i>", 2_000_000),
    ("contact_naam", "<b>Ruud</b>", "<b>Ruud</b>"),  # names are kept as typed and escaped where shown
])
def test_text_inside_harmless_tags_still_counts(question_id, text, value):
    assert interpret(question_id, text).value == value


# ---------------------------------------------------------------- how owners decline, deny and hedge
@pytest.mark.parametrize("qid,text,expected", [
    # A scored question declined or not known, with a reason beside it: weet_niet.
    ("org_strategie", "geen flauw idee, daar gaat mijn broer over", "weet_niet"),
    ("tech_digitalisering", "sla die maar even over", "weet_niet"),
    ("bm_innovatiebudget", "dat houden we liever voor ons", "weet_niet"),
    ("org_cultuur", "daar kan ik weinig over zeggen, ik ben net begonnen", "weet_niet"),
    # ... but not when the rest of the message answers after all, or says what is not known.
    ("tech_automatisering", "geen idee hoor, alles gaat met de hand", "1"),
    ("org_bewustzijn", "ik weet niet wat er allemaal op de markt is", "1"),
])
def test_a_declined_question_is_dont_know_unless_the_rest_answers(qid, text, expected):
    assert interpret(qid, text).value == expected, text


@pytest.mark.parametrize("qid,text,expected", [
    ("medewerkers", "3 man meer dan vorig jaar, we zijn nu met 27", 27),      # a change is no head count
    ("medewerkers", "300? Was het maar waar. We zijn met 30", 30),           # a figure echoed to deny it
    ("medewerkers", "bij lange na geen 250, gewoon 61", 61),
    ("medewerkers", "ruim 80, verdeeld over 3 locaties", 83),                # sites are no staff
    ("medewerkers", "mijn zoon en ik, met 4 man erbij", 6),
    ("jaaromzet", "zo'n 7, 8 miljoen", 7_500_000),                           # two figures after a comma: a range
    ("jaaromzet", "2,5 miljoen met 19 mensen", 2_500_000),                   # the head count is no amount
])
def test_numbers_that_are_not_the_value_are_set_aside(qid, text, expected):
    assert interpret(qid, text).value == expected, text


@pytest.mark.parametrize("text,expected", [
    ("Baarle (B)", None),                                     # marked as Belgian
    ("Hasselt bij Zwolle, dus niet in België", "overijssel"),
    ("Dinxperlo, zo goed als Duitsland", "gelderland"),        # a Dutch town beside the border
    ("Sas van Gent", "zeeland"),                               # a Belgian city's name inside a Dutch one
    ("we zitten in Almelo, de eigenaar woont in Duitsland", "overijssel"),
    ("niet in Utrecht, in Amersfoort", "utrecht"),
])
def test_places_near_or_across_the_border(text, expected):
    assert interpret("regio", text).value == expected, text


def test_a_number_said_to_be_foreign_is_not_taken():
    assert interpret("contact_telefoon", "0475 112233, is mijn Belgische gsm").value is None
    assert interpret("contact_telefoon", "0475 112233, niet mijn Belgische").value == "0475 112233"


@pytest.mark.parametrize("text,expected", [
    ("jaarlijks zo'n 90 duizend, al drie jaar achter elkaar", "ja"),   # 270,000 over the three years
    ("elk jaar 30.000, al 3 jaar op rij", "nee"),
    ("ongeveer 200.000 maar precies weet ik het niet", None),          # on the ceiling and unsure: asked again
])
def test_aid_over_the_three_years(text, expected):
    assert interpret("ontvangen_steun", text).value == expected, text


@pytest.mark.parametrize("qid,text,expected", [
    ("contact_naam", "waarom dat nodig is snap ik niet, maar het is Piet Smit", "Piet Smit"),
    ("bedrijfsnaam", "liever niet, maar vooruit: Smit Staal", "Smit Staal"),
    ("bedrijfsnaam", "Smit Staal BV, zo heten we sinds de overname", "Smit Staal BV"),
    ("bedrijfsnaam", "laat maar leeg, de adviseur hoort het wel", None),
])
def test_names_beside_other_words(qid, text, expected):
    assert interpret(qid, text).value == expected, text


@pytest.mark.parametrize("qid,text,expected", [
    ("medewerkers", "zo'n 30 fte, 36 mensen", 36),                                # one staff, counted twice
    ("medewerkers", "in 2001 met z'n tweeën gestart, nu met 44", 44),             # how it began is no count
    ("contact_naam", "Anne de Wit. mailen kan op anne@dewit.nl", "Anne de Wit"),
    ("contact_naam", "mijn naam is niet nodig, bel het kantoor", None),
    ("tech_robotisering", "robot?? wat is het verschil met een cobot", None),      # the question, asked in words
    ("bm_innovatiebudget", "no comment", "weet_niet"),
    ("wil_contact", "bellen mag", "ja"),
    ("regio", "Bunde", None),                                                   # in Limburg and in Germany: asked
])
def test_more_of_how_owners_put_it(qid, text, expected):
    assert interpret(qid, text).value == expected, text


@pytest.mark.parametrize("qid", ["nieuwe_inzichten", "eerder_traject", "wil_contact"])
@pytest.mark.parametrize("text", ["geen zin om daarop te antwoorden", "geen commentaar", "volgende vraag"])
def test_a_refusal_to_answer_a_choice_without_dont_know_is_asked_again(qid, text):
    result = interpret(qid, text)
    assert result.value is None and result.note


@pytest.mark.parametrize("qid", ["wil_contact", "toestemming"])
def test_liever_niet_stays_a_plain_no(qid):
    assert interpret(qid, "liever niet").value == "nee"


@pytest.mark.parametrize("text,expected", [
    ("geen probleem met geld of mensen, het is vooral dat niemand de noodzaak ziet", ["urgentie"]),
    ("geen probleem met geld of mensen", None), ("geen knelpunten eigenlijk", ["geen"]),
])
def test_knelpunten_no_problem_with_a_cause_denies_that_cause(text, expected):
    assert interpret("knelpunten", text).value == expected


@pytest.mark.parametrize("text", ["lommel, vlak bij eindhoven", "gronau, net boven enschede", "hasselt in belgie",
                                  "postcode 2018 antwerpen", "maasmechelen in belgisch limburg",
                                  "emmerich, net na lobith de grens over", "baarle-hertog, dus net belgisch"])
def test_regio_a_place_abroad_typed_in_lowercase_is_abroad(text):
    result = interpret("regio", text)
    assert result.value is None and "Nederland" in result.note


@pytest.mark.parametrize("text,expected", [("Kerkrade, vlakbij Aken", "limburg"), ("enschede, net boven gronau", "overijssel"),
                                           ("we zitten in Boxtel", "noord-brabant")])
def test_regio_a_foreign_landmark_keeps_the_dutch_place(text, expected):
    assert interpret("regio", text).value == expected


def test_no_opinion_on_a_yes_no_question_is_asked_again_but_a_dont_know_option_takes_it():
    assert interpret("nieuwe_inzichten", "geen mening").value is None
    assert interpret("ontvangen_steun", "Geen idee, dat regelt onze accountant").value == "onbekend"


def test_an_echoed_amount_that_is_denied_is_a_no():
    assert interpret("ontvangen_steun", "meer dan 2 ton? nee dat niet, veel minder").value == "nee"
    assert interpret("ontvangen_steun", "meer dan 2 ton? ja, zeker").value == "ja"


def test_an_upper_bound_with_a_negation_is_proposed_not_stored():
    assert interpret("jaaromzet", "geen idee precies maar zeker niet meer dan 2 mln").confirm == "vague"


def test_is_x_hetzelfde_als_y_is_a_question_without_a_question_mark():
    assert interpret("tech_robotisering", "is een cobot hetzelfde als een robot of is dat iets anders").value is None


@pytest.mark.parametrize("qid,text,expected,confirm", [
    ("medewerkers", "een stuk of 12, plus 3 uitzendkrachten", 12, "vague"),
    ("tech_robotisering", "er komt volgende maand een cobot", "2", ""),
    ("tech_robotisering", "geen robots, wel een cobot besteld die volgende maand komt", "2", "unsure"),
    ("tech_robotisering", "we hebben er een paar, in 3 of 4 processen", "4", "unsure"),
    ("bedrijfsnaam", "Bouwman Metaal zonder s", "Bouwman Metaal", ""),
])
def test_readings_from_the_sixth_held_out_set(qid, text, expected, confirm):
    result = interpret(qid, text)
    assert (result.value, result.confirm) == (expected, confirm)


@pytest.mark.parametrize("qid,text,expected", [
    ("org_samenwerking", "elk jaar een stagiair van de hogeschool", {"2", "3"}),
    ("tech_implementatie", "een keer gelukt, een keer mislukt", {"3"}),
])
def test_a_regular_partner_or_one_success_is_never_silently_the_lower_option(qid, text, expected):
    result = interpret(qid, text)
    assert result.value in expected and (result.value == max(expected) or result.confirm)


@pytest.mark.parametrize("qid,text,expected,confirm", [
    ("tech_automatisering", "we hebben een deeglijn en een afvullijn, maar die staan los van elkaar, daartussen gaat "
                            "alles met karretjes en met de hand", "2", ""),
    # the owner meant 2 (training only when a machine forces it): the cues' close call said 3, the reader
    # learned from owner conversations says 2 and is sure, so 2 is the one proposed
    pytest.param("org_vaardigheden", "de instellers krijgen training als er een nieuwe machine komt, verder moet het "
                                     "echt nodig zijn", "2", "unsure", marks=NEEDS_LEARNED_READER),
    ("tech_robotisering", "we hebben een robotcel bij het frezen en twee cobots die lassen", "3", "unsure"),
])
def test_readings_from_the_seventh_held_out_set(qid, text, expected, confirm):
    result = interpret(qid, text)
    assert (result.value, result.confirm) == (expected, confirm)


@pytest.mark.parametrize("qid,text,expected", [
    ("org_capaciteit", "onze procesengineer doet het er een beetje bij, als hij tijd over heeft", "2"),
    ("org_capaciteit", "onze kwaliteitsman pakt het op in de uren die overblijven", "2"),
    ("tech_digitalisering", "ons erp is gekoppeld aan de planning op de vloer en van de nieuwe machines lezen we de "
                            "spindeluren uit, maar die oude machine praat niet met het systeem", "3"),
    ("tech_digitalisering", "erp is te veel gezegd, de orders staan in excel en de planning op het whiteboard", "1"),
    ("org_vaardigheden", "iedereen heeft een opleidingsplan en daar investeren we gericht in, al schiet het er bij "
                         "drukte wel eens bij in", "3"),
    ("org_vaardigheden", "ja, leren is helemaal geregeld", "4"),
    ("org_strategie", "er ligt een plan voor vijf jaar met een paar concrete stappen, budget en planning moeten we "
                      "nog uitwerken", "3"),
    ("bm_rendement", "het is eerlijk gezegd break-even, het ene jaar een beetje plus, het andere een beetje min", "1"),
    ("sector", "wij maken boerenkaas, met 28 man, even buiten heerenveen", "voedingsmiddelen"),
    ("org_capaciteit", "we drukken en stansen verpakkingen", None),
])
def test_readings_from_the_eighth_held_out_set(qid, text, expected):
    assert interpret(qid, text).value == expected


# ---------------------------------------------------------------- how owners describe where they stand
# Phrasings written for the rules behind the misses of whole conversations (persona sets 2–11): a plan
# "op hoofdlijnen", ideas whose paper "staat nergens", own products of any kind, how many customers
# decide what is made, software of any name the machines do not hang on, words typed on a phone.
@pytest.mark.parametrize("qid,text,expected", [
    ("org_strategie", "plan op hoofdlijnen voor de komende jaren, eerst een nieuwe zaag", "3"),
    ("org_strategie", "ideeën genoeg, maar opgeschreven is er niks", "2"),
    ("org_strategie", "die plannen staan nergens", "2"),
    ("org_strategie", "we werken de orders van deze week af, verder kijken we niet", "1"),
    ("org_strategie", "geen plan en ook geen ideeën eigenlijk", "1"),
    ("org_strategie", "op een a4tje staan de stappen voor de komende jaren", "3"),
    ("bm_ketenpositie", "we maken onze eigen sauzen en verkopen ze onder eigen naam", "3"),
    ("bm_ketenpositie", "we leveren aan zo'n veertig tuincentra, die bepalen wat we maken", "2"),
    ("bm_ketenpositie", "we spuiten wat twee grote autofabrikanten ons voorschrijven", "1"),
    ("bm_ketenpositie", "samen met de architect ontwerpen we elke trap", "3"),
    ("bm_ketenpositie", "klanten leveren hun eigen ontwerpen aan, het zijn er honderden", "2"),
    ("bm_ketenpositie", "sinds 1995 toeleverancier van een grote machinebouwer", "1"),
    ("bm_ketenpositie", "we werken voor tientallen bakkers, op hun recept", "2"),
    ("tech_digitalisering", "orders staan in ons administratiepakket, de machines hangen er niet aan", "2"),
    ("tech_digitalisering", "we werken met een MIS, verder niks gekoppeld", "2"),
    ("tech_digitalisering", "de planning draait in een programma, maar de draaibanken zitten er niet aan vast", "2"),
    ("tech_digitalisering", "het pakket is gekoppeld aan de lasermachines, draaiuren lezen we deels uit", "3"),
    ("tech_robotisering", "we zoeken het nog uit", "2"),
    ("tech_robotisering", "daar doen we niks mee", "1"),
    ("tech_robotisering", "nah, niks mee", "1"),
    ("org_capaciteit", "1 engineer heeft er vaste uren voor", "3"),
    ("org_capaciteit", "alleen als t rustig is", "2"),
    ("org_cultuur", "alleen na een fout", "2"),
    ("org_bewustzijn", "wat de lakleverancier vertelt en wat ik in het vakblad lees", "2"),
    ("org_bewustzijn", "volg ik niet echt, druk genoeg", "1"),
    ("bm_rendement", "gewoon goed, niet spectaculair", "3"),
    ("bm_businesscase", "nee, weet niet hoe dat moet", "1"),
    ("wil_contact", "nou vooruit", "ja"),
])
def test_how_owners_describe_where_they_stand(qid, text, expected):
    assert interpret(qid, text).value == expected


@pytest.mark.parametrize("qid,text,expected", [
    ("bm_financiering", "bank doet moeilijk maar uiteindelijk lukt t", "3"),       # proposed: 1 or 3 is close
    ("bm_rendement", "kleine winst, de grondstoffen worden steeds duurder", "2"),
])
def test_close_calls_are_proposed_with_the_meant_option(qid, text, expected):
    reading = interpret(qid, text)
    assert (reading.value, bool(reading.confirm)) == (expected, True)


def test_a_year_is_no_amount_and_words_typed_on_a_phone_are_read_out():
    assert interpret("bm_financiering", "plan tot 2030").value is None
    assert normalize("k weet t nie, ong 6 mln") == "ik weet het niet | ongeveer 6 mln"
    assert normalize("50 k per jaar") == "50 k per jaar"


@pytest.mark.parametrize("qid,text,expected", [
    ("sector", "we bouwen transportsystemen voor slachterijen en zuivelfabrieken", "machinebouw"),
    ("sector", "wij bakken brood voor supermarkten", "voedingsmiddelen"),
    ("tech_digitalisering", "orders staan in exact, de spuitgietmachines sturen hun tellerstanden daar automatisch naartoe", "3"),
    ("tech_digitalisering", "ons erp doet de orders, de vloer meldt op papier terug", "2"),
    ("bm_rendement", "we worden geknepen door de energieprijzen, er blijft wat over maar veel is het niet", "2"),
    ("bm_businesscase", "zo'n berekening maken we eigenlijk nooit, we voelen het aan", "1"),
    ("bm_businesscase", "de terugverdientijd rekenen we uit, maar achteraf kijken we er nooit meer naar", "3"),
    ("bm_innovatiebudget", "elk jaar gaat 3 procent van wat we omzetten naar nieuwe dingen", "4"),
    ("org_samenwerking", "met niemand eigenlijk", "1"),
    ("org_strategie", "ik plan per week, verder vooruit kijken heeft geen zin in deze markt", "1"),
    ("eerder_traject", "ja, 1,5 jaar terug", "ja"),
    ("eerder_traject", "ja, 5 jaar geleden", "nee"),
    ("bm_ketenpositie", "met twee vaste toeleveranciers werken we veel samen", None),
])
def test_more_of_where_owners_stand(qid, text, expected):
    assert interpret(qid, text).value == expected


def test_robots_named_at_three_places_or_more_lean_to_broad_use():
    reading = interpret("tech_robotisering", "twee lasrobots, een robot die de pers bedient en een die palletiseert")
    assert reading.value == "4"
    assert interpret("tech_robotisering", "een robot bij het lassen").value == "3"


def test_a_correction_about_keeping_up_is_not_read_as_not_keeping_up():
    assert interpret("org_bewustzijn", "dat over bijhouden klopt niet, we horen het meeste via klanten").value != "1"
    assert interpret("org_bewustzijn", "bijhouden doen we eigenlijk niet").value == "1"


@pytest.mark.parametrize("qid,text,expected", [
    ("org_cultuur", "vroeger hing er een ideeënbord, nu passen we pas iets aan als er een klacht komt", "2"),
    ("org_cultuur", "als er een pallet terugkomt met een fout kijken we wat er misging", "2"),
    ("org_cultuur", "het gaat al dertig jaar hetzelfde, zoals bij mijn vader", "1"),
    ("org_capaciteit", "de chef duikt erin als het een keer wat rustiger is, bovenop zijn gewone werk", "2"),
    ("org_capaciteit", "niemand. iedereen draait mee", "1"),
    ("org_capaciteit", "niemand fulltime, maar de planner heeft er elke vrijdag tijd voor", "3"),
    ("org_bewustzijn", "eerlijk gezegd amper, het komt er gewoon niet van", "1"),
    ("org_bewustzijn", "wat de houthandel vertelt als ze langskomen", "2"),
    ("org_vaardigheden", "de verplichte cursussen, meer dan wat moet doen we niet", "2"),
    ("tech_robotisering", "er staat er één, bij de pers", "3"),
    ("tech_robotisering", "we hebben er een paar, in 3 of 4 processen", "4"),
    ("tech_robotisering", "nee, nog nooit gezien hier", "1"),
    ("tech_digitalisering", "werkbonnen met de hand, planning op het krijtbord", "1"),
    ("tech_implementatie", "de nieuwe zaag vorig jaar, dat ging prima. verder niks nieuws", "3"),
    ("bm_financiering", "dat is geen probleem, we betalen het uit eigen kas", "4"),
    ("bm_innovatiebudget", "elk jaar vast 200k, los van de omzet", "3"),
    ("bm_ketenpositie", "de verpakkingen ontwerpen we samen met de klant, het blijft wel hun merk", "3"),
    ("sector", "wij maken stalen poorten en hekken voor hoveniers en aannemers", "metaal"),
    ("toestemming", "ja hoor, geef m'n gegevens maar door", "ja"),
    ("bm_rendement", "ruim, er blijft genoeg over om te investeren", "4"),
    ("bm_rendement", "we houden genoeg over", "3"),
])
def test_what_is_and_what_used_to_be(qid, text, expected):
    assert interpret(qid, text).value == expected


# From the misses of the twelfth and thirteenth held-out sets (partly this, partly that; owners who think
# aloud): a clause that ends by denying ("... is het niet"), the larger part against a side line, money
# found when there is a reason, one success beside one failure, a check a year later.
@pytest.mark.parametrize("qid,text,expected", [
    ("bm_innovatiebudget", "elk jaar een bedrag in de begroting. een vast percentage van de omzet is het niet", "3"),
    ("bm_innovatiebudget", "een potje? nee. als er een klant iets nieuws vraagt, maken we er geld voor vrij", "2"),
    ("bm_innovatiebudget", "er wordt niks opzijgezet, als er geld over is gaat het naar de aflossing", "1"),
    ("bm_innovatiebudget", "haha nee, er ligt niks klaar", "1"),
    ("bm_ketenpositie", "het grootste deel is ons eigen merk, dat we zelf ontwikkelen. daarnaast maken we voor een paar "
                        "klanten iets op hun tekening", "3"),
    ("sector", "we spuiten emmers en kratten. een klein deel is karton dat we bedrukken, maar het gros is kunststof",
     "kunststof_rubber"),
    ("sector", "we bouwen machines voor de akkerbouw, aardappelrooiers vooral", "machinebouw"),
    ("sector", "we maken rvs beslag voor jachten en boten", "metaal"),
    ("sector", "wij bouwen zeiljachten", "overige_maakindustrie"),
    ("tech_implementatie", "de nieuwe snijtafel was een succes, de planningssoftware hebben we weer stopgezet", "3"),
    ("tech_implementatie", "de laser en de buigbank, allebei goed gelukt", "3"),
    ("tech_implementatie", "een tekenprogramma gekocht, maar niemand kon ermee overweg. nu ligt het stil", "2"),
    ("bm_businesscase", "we rekenen vooraf de terugverdientijd uit en na een jaar kijkt de boekhouder of het klopte", "4"),
    ("bm_businesscase", "grofweg uitgerekend wat het scheelt", "2"),
    ("bm_financiering", "kleine dingen lukken wel, maar voor een nieuwe hal zegt de bank nee", "2"),
    ("bm_rendement", "we maken nog winst, maar het is dun", "2"),
    ("org_capaciteit", "dat doe ik zelf, een avond hier en daar. er is niemand voor vrijgemaakt", "2"),
    ("org_cultuur", "pas als er een partij terugkomt gaan we kijken. een ideeënbus hebben we ooit gehad, "
                    "daar is nooit iets in gegaan", "2"),
    ("org_samenwerking", "met de grootste leverancier hebben we om de zes weken overleg", "3"),
    ("org_bewustzijn", "beurzen sla ik al jaren over, ik lees alleen de vakbladen", "2"),
    ("org_bewustzijn", "wat de monteur van de machines me vertelt, meer niet", "2"),
    ("tech_robotisering", "voor ons aantal stuks heeft een robot geen zin", "1"),
    ("tech_robotisering", "een robot in een bakkerij als de onze, dat zie ik niet gebeuren", "1"),
    ("tech_automatisering", "twee dingen lopen vanzelf, de rest is handwerk", "2"),
    ("tech_automatisering", "de meeste freesbanken draaien 's nachts onbemand, ze zijn niet aan elkaar gekoppeld", "3"),
    ("tech_automatisering", "onze drie lijnen zijn doorgekoppeld en draaien 24 uur per dag", "4"),
])
def test_partly_this_partly_that(qid, text, expected):
    assert interpret(qid, text).value == expected


@pytest.mark.parametrize("qid,text,expected", [
    ("bm_financiering", "materiaal kopen lukt wel. maar voor een nieuwe hal of een grote pers krijgen we bij de bank "
                        "geen voet aan de grond", "2"),
    ("bm_financiering", "kleine aankopen gaan, voor iets groots krijgen we geen geld", "2"),
    ("org_strategie", "tot in detail uitgeschreven, met geld en een tijdpad erbij", "4"),
    ("org_strategie", "een plan tot 2028: wanneer welke machine komt en wat die mag kosten", "4"),
    ("org_strategie", "geen geld en geen planning, we zien wel", "1"),
])
def test_the_size_of_what_can_be_paid_and_the_parts_of_a_plan(qid, text, expected):
    assert interpret(qid, text).value == expected


@pytest.mark.parametrize("qid,text,expected", [
    ("tech_implementatie", "de stapelaar ging in één keer goed. verder is er de laatste drie jaar niks nieuws bijgekomen", "3"),
    ("tech_implementatie", "een automatische stapelaar gekocht, maar die liep steeds vast. nu stapelen we weer met de hand", "2"),
    ("tech_implementatie", "de dispenser was een succes, het kwaliteitssysteem is mislukt", "3"),
    ("sector", "we lassen en zetten zelf, maar wat we verkopen zijn complete machines", "machinebouw"),
])
def test_success_beside_failure_and_what_is_sold(qid, text, expected):
    assert interpret(qid, text).value == expected


def test_small_things_paid_but_a_second_machine_needs_the_bank_is_not_read_as_with_some_effort():
    text = "een nieuwe schuurmachine kan ik zo betalen, maar voor een tweede cnc moet ik bij de bank aankloppen"
    assert interpret("bm_financiering", text).value != "3"


def test_a_bare_figure_after_an_amount_with_a_unit_takes_that_unit():
    assert interpret("jaaromzet", "iets onder de twee miljoen, 1,9 om precies te zijn").value == 1_900_000
    assert interpret("jaaromzet", "5 miljoen of 6").value == 5_000_000
    assert interpret("jaaromzet", "3 miljoen, met 19 man").value == 3_000_000


# From the first runs of the fourteenth and fifteenth held-out sets (formal writers at the programme's
# edges; jargon and second thoughts).
@pytest.mark.parametrize("qid,text,expected", [
    ("jaaromzet", "De jaaromzet bedroeg in 2025 € 17,9 miljoen.", 17_900_000),
    ("jaaromzet", "afgelopen jaar 2,4 mln, het jaar daarvoor nog 3", 2_400_000),
    ("sector", "Wij extruderen rubber profielen voor de kassenbouw en de scheepsbouw.", "kunststof_rubber"),
    ("sector", "We maken plantaardige burgers en gehaktballetjes", "voedingsmiddelen"),
    ("sector", "mijn accountant zei dat ik dit moest invullen", None),
    ("sector", "We zijn een aannemer", "geen_maakindustrie"),
    ("tech_automatisering", "circa 75 procent van de uren draait machinaal, op cellen die niet gekoppeld zijn", "3"),
    ("tech_automatisering", "een sorteermachine en een afvulmachine die elk afzonderlijk worden bediend", "2"),
    ("tech_robotisering", "cobots bij de assemblage, een robot bij de testers. in vrijwel elk proces zit wel iets", "4"),
    ("tech_digitalisering", "Exact, gekoppeld aan de weegunit en de vuller. van de rest verzamelen we nog niks", "3"),
    ("tech_implementatie", "in drie jaar twee projecten live gezet die goed lopen. dat was het", "3"),
    ("org_strategie", "een soort roadmap-light, budget en planning hangen er nog niet aan", "3"),
    ("org_capaciteit", "alle mensen zijn van 's ochtends vroeg tot 's avonds met de productie bezig", "1"),
    ("org_vaardigheden", "het opleidingsbudget gaat vrijwel geheel op aan verplichte certificeringen", "2"),
    ("org_samenwerking", "met twee leveranciers overleggen we elke paar maanden, aan consortia doen we niet mee", "3"),
    ("bm_innovatiebudget", "een apart potje voor nieuwe dingen? dat hebben we niet", "1"),
    ("bm_ketenpositie", "ons eigen merk, en over recepturen en verpakking beslissen we zelf", "4"),
    ("bm_rendement", "we maken winst, maar de energierekening drukt de marge flink", "2"),
])
def test_formal_figures_jargon_and_second_thoughts(qid, text, expected):
    assert interpret(qid, text).value == expected


def test_fte_beside_a_head_count_across_250_is_the_sme_measure_and_proposed():
    reading = interpret("medewerkers", "240 fte op de loonlijst; omdat veel mensen parttime werken zijn dat 270 personen")
    assert (reading.value, bool(reading.confirm)) == (240, True)
    assert interpret("medewerkers", "12 fte, 15 koppen").value == 15


def test_most_work_done_by_machines_standing_apart_is_most_of_production_and_a_function_is_no_name():
    text = ("het meeste werk doen bijna helemaal de machines: een lasersnijder en cnc-kantbanken. die cellen staan "
            "wel elk apart. alleen de eindmontage is handwerk")
    assert interpret("tech_automatisering", text).value == "3"
    assert interpret("contact_naam", "Bas van den Berg, operations manager").value == "Bas van den Berg"
    assert interpret("org_capaciteit", "de productieleider heeft daar vaste uren voor").value == "3"


# From the first runs of the sixteenth (ordinary owners) and seventeenth (small workshops) held-out sets.
@pytest.mark.parametrize("qid,text,expected", [
    ("org_strategie", "mijn zoon wil een grotere werkplaats, maar opgeschreven hebben we daar nog niks van", "2"),
    ("org_strategie", "ik wil de zaak overdoen aan mijn dochter, maar vastgelegd hebben we dat nog nergens", "2"),
    ("bm_financiering", "bij de bank hoef ik met zo'n klein bedrijfje niet aan te komen", "1"),
    ("bm_financiering", "een schuurmachine van een paar duizend euro gaat prima, iets groters krijg ik bij de bank "
                        "niet rond", "2"),
    ("bm_rendement", "we maken nog wel winst, maar sinds de energieprijzen omhoog gingen is dat flink minder", "2"),
    ("tech_digitalisering", "alle machinedata gaat meteen naar ons mes. dat plant de orders en meldt onderhoud", "4"),
    ("org_vaardigheden", "als er een nieuwe machine komt, krijgt de operator een training van de leverancier. "
                         "verder niet", "2"),
    ("nieuwe_inzichten", "ja, daar heb ik wel wat aan gehad", "ja"),
    ("medewerkers", "mijn broer en ik, plus zeven man personeel", 9),
    ("bm_financiering", "een plasmasnijder van 40 mille lukte nog net uit eigen geld, maar voor meer hoef ik bij de "
                        "bank niet aan te komen", "2"),
])
def test_ordinary_owners_and_small_workshops(qid, text, expected):
    assert interpret(qid, text).value == expected


@pytest.mark.parametrize("qid,text,expected", [
    ("ontvangen_steun", "in 2024 € 62.500, in 2025 € 71.000 en in 2026 € 58.000 subsidie voor advies", "nee"),
    ("ontvangen_steun", "€ 74.000 in 2024, € 69.500 in 2025 en € 69.000 in 2026 aan adviessubsidie", "ja"),
    ("sector", "wij verwerken en verpakken mosselen en oesters", "voedingsmiddelen"),
    ("sector", "wij maken appelstroop, al sinds mijn opa", "voedingsmiddelen"),
    ("org_cultuur", "verbeteringen worden pas doorgevoerd nadat er een klacht is geweest", "2"),
    ("org_cultuur", "wij werken al decennia volgens dezelfde methode", "1"),
    ("org_strategie", "wij plannen van seizoen tot seizoen", "1"),
    ("org_strategie", "ik kijk hooguit een paar maanden vooruit", "1"),
    ("org_samenwerking", "doen we niet, we rommelen gewoon zelf aan", "1"),
    ("tech_robotisering", "nul. het onderwerp is hier nog nooit ter sprake gekomen", "1"),
    ("org_capaciteit", "iedereen staat te spuiten of te hangen, ik ook", "1"),
    ("tech_implementatie", "sensoren op de ovens laten zetten, maar dat heeft nooit goed gewerkt en nu staat het uit", "2"),
    ("bm_businesscase", "even snel rekenen op een kladblok, meer niet", "2"),
    ("bm_rendement", "we houden er nog wat aan over, maar het wordt elk jaar minder", "2"),
])
def test_aid_per_year_and_more_everyday_words(qid, text, expected):
    assert interpret(qid, text).value == expected


@pytest.mark.parametrize("qid,text,expected", [
    ("org_vaardigheden", "we sturen elk jaar een paar jongens op cursus, daar trekken we bewust geld voor uit", "3"),
    ("sector", "groothandel in verpakkingen. zelf maken we niks, we pakken alleen wat om", "geen_maakindustrie"),
    ("sector", "we maken dozen en verpakkingen", "overige_maakindustrie"),
    ("tech_digitalisering", "alles loopt via ons WMS en dat hangt aan het ERP, met scanners in het magazijn", "3"),
])
def test_more_of_the_eighteenth_set(qid, text, expected):
    assert interpret(qid, text).value == expected


# From the first run of the nineteenth held-out set (regional voices, dictated messages).
@pytest.mark.parametrize("qid,text,expected", [
    ("tech_robotisering", "gin robots, nee, en d'r is hier nooit over e-praot", "1"),
    ("org_cultuur", "as d'r get misgeit, dan goan we d'r mit z'n allen aan zitten. angesj blijf alles zoals 't is", "2"),
    ("org_strategie", "ik heb wal plannen, maor dat zit allene in mien heufd. op papier steet niks", "2"),
    ("regio", "Weert, aan de grens mit Brabant", "limburg"),
    ("jaaromzet", "zo'n zeuven en een half miljoen", 7_500_000),
])
def test_regional_and_spoken_forms(qid, text, expected):
    assert interpret(qid, text).value == expected


@pytest.mark.parametrize("qid,text,expected", [
    # "zelden" cancels what it follows or precedes in its clause
    ("bm_businesscase", "Even snel uitgerekend wat het scheelt, meer niet. Uitgebreid doorrekenen doen we zelden.", "2"),
    # idioms whose words say the opposite: no refusal by the bank, no "nooit" about fairs
    ("org_bewustzijn", "De Technishow sla ik nooit over, en de leveranciers nodigen ons uit voor demo's", "3"),
    # one robot at every machine is many robots
    ("tech_robotisering", "Aan elke kantbank staat een robot die de platen aanvoert", "4"),
    ("org_samenwerking", "Samen met drie vaste klanten testen we prototypes, dat gaat al jaren zo", "3"),
    ("bm_innovatiebudget", "Geld opzij zetten voor nieuwe dingen doen we eigenlijk niet", "1"),
    # checking afterwards, but not consistently: the plan before counts, not the check
    ("bm_businesscase", "We rekenen terugverdientijd en risico's door. Achteraf controleren of het klopte doen we "
                        "niet altijd.", "3"),
    ("org_strategie", "Er is een plan voor vijf jaar met de belangrijkste stappen, het budget daarvoor is nog niet "
                      "per stap ingevuld.", "3"),
])
def test_rules_from_the_session_of_2026_12_07(qid, text, expected):
    assert interpret(qid, text).value == expected, interpret(qid, text)


@pytest.mark.parametrize("qid,text,not_expected", [
    ("bm_financiering", "De bank doet nooit moeilijk, we krijgen wat we vragen", "1"),
    ("tech_robotisering", "We hebben met een integrator gesproken over een cobot bij het inpakken", "3"),
    ("tech_robotisering", "Over een palletiseerrobot lopen nog gesprekken", "3"),
])
def test_talk_about_a_thing_and_idioms_do_not_count_as_it(qid, text, not_expected):
    assert interpret(qid, text).value != not_expected, interpret(qid, text)


@pytest.mark.parametrize("qid,text,expected", [
    ("org_capaciteit", "Nee hoor. Ik sta om zes uur in de werkplaats en doe 's avonds de boekhouding.", "1"),
    ("org_vaardigheden", "De VCA-cursus moet van de opdrachtgevers, dus die halen ze. Verder leren ze het van de "
                         "oudere jongens.", "2"),
    ("org_cultuur", "Gaat er iets fout bij een klant, dan zoeken we uit hoe dat kwam. Verder loopt alles zoals het "
                    "altijd liep.", "2"),
    ("tech_automatisering", "Het frezen en draaien gaat automatisch en dat is het merendeel van ons werk; monteren "
                            "doen we met de hand.", "3"),
    ("sector", "We bouwen schakelkasten voor installateurs en machinebouwers", "elektrotechniek"),
    ("bm_rendement", "Krap. De staalprijs is ruim gestegen en dat kunnen we niet allemaal doorberekenen.", "2"),
    ("bm_rendement", "We verdienen netjes, geen klagen", "3"),
    ("bm_ketenpositie", "In de kaasmachinewereld zijn wij een van de bekendste namen, klanten komen naar ons", "4"),
    ("bm_ketenpositie", "We ontwerpen en bouwen alles zelf en verkopen rechtstreeks aan consumenten", "3"),
    ("sector", "Wij ontwerpen verpakkingsmachines, het bouwen laten we uitbesteden", "geen_maakindustrie"),
])
def test_rules_from_the_second_round_of_2026_12_07(qid, text, expected):
    assert interpret(qid, text).value == expected, interpret(qid, text)


@pytest.mark.parametrize("text,expected", [
    ("22, mijn zoon in de werkplaats meegeteld", 22), ("mijn compagnon en ik meegerekend zijn we met 14", 14),
    ("31 man, mijn vrouw op de administratie inbegrepen", 31),
])
def test_people_counted_in_are_inside_the_number(text, expected):
    assert interpret("medewerkers", text).value == expected


@pytest.mark.parametrize("text", ["Een vast potje is er niet. Als er wat speelt, bekijken we of het past.",
                                  "Niks gereserveerd; komt er iets voorbij, dan zien we wat er kan."])
def test_money_found_when_something_comes_up_is_ad_hoc(text):
    assert interpret("bm_innovatiebudget", text).value == "2"


def test_a_reading_torn_between_far_apart_levels_is_proposed_not_stored():
    reading = interpret("bm_financiering", "De kantbank hebben we geleased, dat ging, maar de bank deed niet erg "
                                           "enthousiast.")
    assert reading.value is None or reading.confirm


@pytest.mark.parametrize("qid,text,expected", [
    ("ontvangen_steun", "Geen idee, dat heeft onze vorige directeur toen geregeld.", "onbekend"),
    ("contact_naam", "Marieke Smit, productie manager", "Marieke Smit"),
    ("bm_rendement", "Krap, we draaien net boven break-even.", "2"),
])
def test_rules_from_the_third_round_of_2026_12_07(qid, text, expected):
    assert interpret(qid, text).value == expected, interpret(qid, text)


def test_room_is_not_ample_room():
    assert interpret("bm_rendement", "Gezond, maar de ruimte om te investeren is beperkt").value != "4"


@pytest.mark.parametrize("qid,text,expected", [
    # two years listed in one clause list successes, they do not set then against now
    ("tech_implementatie", "Twee keer gelukt: de zaagstraat in 2023 en de lijmcel in 2025.", "3"),
    ("sector", "We snijden en vriezen groenten in voor de groothandel", "voedingsmiddelen"),
    ("sector", "Winkelinrichting en balies op maat, allemaal plaatmateriaal en massief hout", "hout_meubel"),
    ("tech_robotisering", "Alleen die ene lasrobot", "3"),
    ("tech_robotisering", "Aan de pers hangt een pick-and-place robot", "3"),
    ("org_strategie", "Plannen genoeg, op papier nog niks", "2"),
])
def test_rules_from_the_fourth_round_of_2026_12_07(qid, text, expected):
    assert interpret(qid, text).value == expected, interpret(qid, text)


def test_a_customer_in_construction_is_no_construction_company():
    assert interpret("sector", "We extruderen rubberprofielen voor de bouw").value != "geen_maakindustrie"


@pytest.mark.parametrize("qid,text,expected", [
    ("org_vaardigheden", "Een cursus doen we wanneer het niet anders kan, zoals bij een nieuwe machine.", "2"),
    ("org_vaardigheden", "Toen de nieuwe pers kwam zijn ze een paar dagen getraind door de leverancier. Verder doen we "
                         "er weinig aan.", "2"),
    ("bm_financiering", "Een gebruikte zaag van tienduizend euro lukt wel. Een nieuwe lijn van een miljoen, vergeet het "
                        "maar.", "2"),
    ("tech_implementatie", "Een nieuwe snijmachine gekocht, maar die gaf zoveel storingen dat we nu weer deels met de "
                           "hand snijden.", "2"),
    ("nieuwe_inzichten", "Niet echt. Dat wist ik eigenlijk al zo'n beetje.", "nee"),
    ("tech_digitalisering", "We hebben een ERP, maar koppelingen met de machines zijn er nauwelijks.", "2"),
    ("org_bewustzijn", "Vooral via onze staalleveranciers. Op een beurs ben ik al jaren niet meer geweest.", "2"),
    ("jaaromzet", "Vorig jaar ongeveer 3,4 miljoen, de jaren daarvoor zaten we rond de 3.", 3_400_000),
])
def test_rules_from_the_fifth_round_of_2026_12_07(qid, text, expected):
    assert interpret(qid, text).value == expected, interpret(qid, text)


def test_a_lookaround_with_a_negator_word_does_not_make_its_alternative_keep_its_negation():
    from bot.answers import _holds_negator
    assert not _holds_negator(r"(?<!nauwelijks )automatisch\w*") and _holds_negator(r"geen (?:\w+ )?robots")


def test_something_of_ten_robots_is_no_head_count():
    from bot.numbers import staff_count_in
    assert staff_count_in("Onze concurrent heeft er een stuk of tien staan") is None
    assert staff_count_in("wij zijn met een stuk of 12") is not None


@pytest.mark.parametrize("qid,text,expected", [
    ("sector", "We bouwen sloepen en kleine motorboten op bestelling", "overige_maakindustrie"),
    ("bm_financiering", "Die lasmachine konden we nog net zelf betalen, maar iets groters wordt lastig.", "2"),
    ("org_vaardigheden", "Ze leren het op de vloer. Cursussen doen we niet, tenzij het moet voor de veiligheid.", "2"),
    ("tech_implementatie", "De lasrobot in 2024 en vorig jaar de nieuwe zaagstraat, allebei zonder problemen.", "3"),
    ("tech_digitalisering", "Alle machines hangen aan het MES en de planning schuift mee met wat de machines live "
                            "doorgeven.", "4"),
    ("org_capaciteit", "Drie technologen die niets anders doen dan processen verbeteren.", "4"),
])
def test_rules_from_the_sixth_round_of_2026_12_07(qid, text, expected):
    assert interpret(qid, text).value == expected, interpret(qid, text)


@pytest.mark.parametrize("qid,text", [
    ("org_cultuur", "Er hangt een verbeterbord, maar dat gebruiken we alleen als er een klantklacht is."),
    ("tech_automatisering", "Het meeste is geautomatiseerd, maar echt gekoppelde lijnen hebben we niet."),
])
def test_a_clause_after_maar_or_a_denial_at_the_end_keeps_a_far_level_from_being_stored(qid, text):
    reading = interpret(qid, text)
    assert reading.value != "4" or reading.confirm, reading


def test_a_word_that_is_also_a_town_is_no_typo_target_and_no_place_on_its_own():
    from bot import mentions
    assert not [f for f in mentions.facts("Echt, ik zou het niet weten.", ["regio"], {}) if f.question == "regio"]
    assert interpret("sector", "Wij maken sloepen").value != "voedingsmiddelen"


def test_someone_elses_business_is_not_known_whatever_it_names():
    assert interpret("bm_financiering", "Daar ga ik niet over, dat regelt de directeur met de bank. Geen idee.").value \
        == "weet_niet"


@pytest.mark.parametrize("qid,text,expected", [
    ("sector", "We bouwen sorteermachines voor de akkerbouw, vooral voor uien en aardappelen.", "machinebouw"),
    ("sector", "Schakelkasten voor machinebouwers en een paar installateurs", "elektrotechniek"),
    ("bm_businesscase", "Ik reken het wel een beetje uit: wat het kost en wat het scheelt.", "2"),
    ("bm_businesscase", "Er wordt wel gerekend, maar globaal.", "2"),
    ("bm_rendement", "Prima. Ruimte genoeg om te investeren.", "4"),
    ("bm_rendement", "Het gaat, maar veel blijft er niet over.", "2"),
    ("bm_rendement", "Dat weet ik dus niet, dat is echt de afdeling van mijn broer.", "weet_niet"),
    ("ontvangen_steun", "Dat weet ik eerlijk gezegd niet, dat heeft mijn vader allemaal geregeld.", "onbekend"),
    ("org_cultuur", "Zoals we het altijd gedaan hebben. Het werkt, waarom zou je veranderen.", "1"),
    ("ontvangen_steun", "In 2025 zo'n 150.000 euro voor advies. Meer dan twee ton is het dus niet.", "nee"),
])
def test_rules_from_the_last_round_of_2026_12_07(qid, text, expected):
    assert interpret(qid, text).value == expected, interpret(qid, text)


@pytest.mark.parametrize("text,expected", [
    ("Afgerond in de zomer van 2023, dus ruim drie jaar geleden.", "nee"),
    ("Ja, in maart 2024 begonnen.", "ja"),
    ("Ja, bijna drie jaar geleden.", "ja"),
])
def test_a_year_with_its_month_or_season_falls_on_one_side_of_three_years(text, expected):
    assert interpret("eerder_traject", text, date(2026, 12, 7)).value == expected


@pytest.mark.parametrize("qid,text,expected", [
    # a don't-know with its reason beside it, and no figure, is not known
    ("jaaromzet", "Weet ik echt niet, die cijfers houdt mijn schoonvader bij. Daar kan ik nu niks over zeggen.",
     "onbekend"),
    ("balanstotaal", "Nee, geen idee hoor, dat zou ik bij de accountant moeten navragen en dat lukt nu niet", "onbekend"),
    ("jaaromzet", "Een miljoen of acht.", 8_000_000),
    ("jaaromzet", "een miljoen of 2 miljoen", 1_500_000),
    # "maar" meaning "only" is no contrast
    ("knelpunten", "Een nieuwe lijn verdient zich hier maar heel traag terug", ["terugverdientijd"]),
    ("knelpunten", "Geld, en zo'n robot verdien je met vier man in de werkplaats nooit terug", ["financiering",
                                                                                                "terugverdientijd"]),
    ("knelpunten", "Alles hangt aan twee grote afnemers en monteurs krijgen we gewoon niet binnen",
     ["ketenafhankelijkheid", "personeel"]),
    ("knelpunten", "De oudere jongens zien weinig in al die schermen, en eerlijk: ik zie het nut er niet echt van",
     ["acceptatie", "urgentie"]),
    ("interesse", "Dat de offertes niet meer op papier gaan, en iets aan onze stroomrekening", ["digitalisering",
                                                                                               "energie_duurzaamheid"]),
    ("interesse", "Een lijmmachine die zelf de randen afwerkt", ["automatisering"]),
    ("sector", "Wij weven bekledingsstoffen voor bussen en treinen", "overige_maakindustrie"),
    # a short echo of the question with "nee" after a statement: the statement stays part of the answer
    ("org_strategie", "Plannen wel, maar uitgewerkt? Nee.", "2"),
    ("org_strategie", "We hebben een idee voor een nieuwe hal, alleen een echt plan is er niet", "2"),
    ("org_strategie", "Genoeg ideeën hoor, maar zwart op wit... nee.", "2"),
    ("tech_digitalisering", "Ons MES zet de orders klaar voor de machines en de meetbank slaat alle metingen op",
     "3"),
    ("jaaromzet", "Vorig jaar iets van vier ton vijftig", 450_000),
    ("medewerkers", "Twaalf als je mijn zoon en mij meetelt", 12),
    ("org_cultuur", "Er hangt een verbeterbord, maar daar kijkt niemand naar. Verbeteren doen we na een reclamatie.",
     "2"),
    ("org_cultuur", "Gaat er iets mis, dan lossen we het op. Verder zijn we er niet zo mee bezig", "2"),
    # some machines, and the other steps by hand
    ("tech_automatisering", "pick&place en een soldeeroven, de rest met de hand", "2"),
    ("tech_automatisering", "We hebben drie kantbanken en een lasersnijder, maar lassen en spuiten is handwerk", "2"),
    ("tech_automatisering", "Het meeste loopt over twee automatische lijnen, alleen het inpakken is handwerk", "3"),
    ("tech_robotisering", "Eén palletiseerrobot aan het eind van de lijn. Verder doen we niks met robots.", "3"),
    ("sector", "Wij maken displays en verpakkingen van karton", "overige_maakindustrie"),
    ("sector", "Een garagebedrijf: onderhoud en reparatie van bestelbussen, zelf maken doen we niks", "geen_maakindustrie"),
    ("sector", "Draaien en frezen, we leveren vooral aan de machinebouw", "metaal"),
    ("ontvangen_steun", "Nee hoor, boven de twee ton kwamen we bij lange na niet", "nee"),
    ("wil_contact", "Jao, dat lijkt me wel wat", "ja"),
    ("org_strategie", "We werken van order naar order, verder vooruit kijken we niet", "1"),
    ("org_strategie", "Een nieuwe hal misschien, maar meer dan een gedachte is het nog niet", "2"),
    ("bm_innovatiebudget", "Alleen wanneer er een klant iets nieuws vraagt", "2"),
    ("bm_businesscase", "Voor de nieuwe zaag heb ik grofweg uitgerekend wat hij scheelt", "2"),
    ("bm_rendement", "Het gaat, maar de marges staan behoorlijk onder druk", "2"),
    ("org_vaardigheden", "Als een certificaat verloopt gaan ze op herhaling, anders doen we er weinig aan", "2"),
    ("tech_implementatie", "De laatste nieuwe machine kwam in 2018, sindsdien niets", "1"),
    ("tech_implementatie", "Een vision-systeem in 2025; na een moeizame start draait het nu goed", "3"),
    ("tech_robotisering", "Wij zijn een handelsbedrijf, dus robots hebben we niet: niet van toepassing", "weet_niet"),
    ("tech_automatisering", "De menger en de afvuller lopen op een recept, maar daartussen is het mensenwerk", "2"),
])
def test_rules_of_the_first_round_of_2026_12_07_night(qid, text, expected):
    reading = interpret(qid, text)
    assert reading.value == expected, reading


@pytest.mark.parametrize("qid,text,expected", [
    # what holds innovation back: every cause named, no cause the words do not name
    ("knelpunten", "Ik zou niet weten waar te beginnen, en geld is er eigenlijk ook niet echt", ["financiering", "kennis"]),
    ("knelpunten", "Tijd, en ik heb geen flauw idee hoe je uitrekent wat zo'n lasrobot oplevert",
     ["businesscase", "capaciteit"]),
    ("knelpunten", "Alleen het vinden van technisch personeel", ["personeel"]),
    ("knelpunten", "Iemand vrijmaken voor zo'n project lukt gewoon niet", ["capaciteit"]),
    ("knelpunten", "Goede plaatwerkers vinden is een crime, en de oude garde moet nog erg wennen aan schermen",
     ["acceptatie", "personeel"]),
    ("knelpunten", "Ik ga over een jaar of vier stoppen, dus waarom nog investeren", ["urgentie"]),
    ("knelpunten", "De retailers bepalen de prijs, en een nieuwe oven verdient zich pas na lange tijd terug",
     ["ketenafhankelijkheid", "terugverdientijd"]),
    ("knelpunten", "Geen geldprobleem. Wel: we vinden geen spuiters.", ["personeel"]),
    # what the owner would like to work on
    ("interesse", "Dat de werkbonnen vanzelf naar de zaag gaan, en een robot voor het stapelen",
     ["digitalisering", "robotisering"]),
    ("interesse", "Een lijmautomaat die zelf de randen doet, en de machinedata beter gebruiken",
     ["automatisering", "data_sensoren"]),
    ("interesse", "De webshop aan ons ERP koppelen en zuiniger stoken", ["digitalisering", "energie_duurzaamheid"]),
    ("interesse", "Beeldinspectie van de lasnaden en een pick & place bij de pers", ["robotisering", "vision_kwaliteit"]),
])
def test_list_answers_keep_every_cause_and_only_those(qid, text, expected):
    reading = interpret(qid, text)
    assert reading.value == expected, reading


@pytest.mark.parametrize("qid,text,expected", [
    ("medewerkers", "We zijn met z'n twintigen, de drie uitzendkrachten niet meegerekend.", 20),
    ("contact_naam", "Noteer Anja Mulder maar, zij is de directeur.", "Anja Mulder"),
    ("org_vaardigheden", "Twee mannen zijn op cursus geweest omdat het echt moest, verder leren ze het hier.", "2"),
    ("org_vaardigheden", "Cursussen doen we niet. Een monteur wilde een PLC-training volgen, maar daar is het nooit van "
                         "gekomen.", "1"),
    ("bm_financiering", "Kleine dingen betaal ik contant. Maar voor een nieuwe kantbank zei de bank nee.", "2"),
    ("bm_innovatiebudget", "Nee, geen vast budget. Toen de oude pers kapot ging hebben we er geld voor vrijgemaakt.",
     "2"),
    ("tech_digitalisering", "De orders gaan vanuit het ERP rechtstreeks naar de lasersnijder en die meldt terug wat klaar"
                            " is", "3"),
    ("org_strategie", "Plannen genoeg, daar praten we vaak over, maar een uitgewerkt plan is er nog niet.", "2"),
    ("bm_businesscase", "Altijd een business case vooraf, en een half jaar later kijken we of de besparing er is.", "4"),
    ("bm_ketenpositie", "We frezen wat twee grote klanten ons op tekening sturen; zij bepalen alles.", "1"),
])
def test_rules_of_the_second_round_of_2026_12_07_night(qid, text, expected):
    reading = interpret(qid, text)
    assert reading.value == expected, reading


def test_a_company_kind_that_may_be_wood_or_plastic_is_not_settled_by_one_word():
    reading = interpret("sector", "een kozijnenbedrijf")
    assert reading.value is None or reading.confirm, reading


def test_a_year_followed_by_is_names_no_postcode():
    from bot import places
    assert places._postcode_in("het balanstotaal per eind 2024 is 46 miljoen") is None
    assert places._postcode_in("7511 AB Enschede") == ("7511 AB", "7511")


@pytest.mark.parametrize("qid,text,expected", [
    ("eerder_traject", "Nee, van dat programma hoor ik nu pas.", "nee"),
    ("medewerkers", "Twaalf, en een stagiaire, maar die reken ik niet mee.", 12),
    ("medewerkers", "Veertien, de drie bbl-leerlingen van het ROC niet meegerekend.", 14),
    ("nieuwe_inzichten", "Ja hoor, heel wat eigenlijk.", "ja"),
    ("bm_businesscase", "Ja, en een jaar na de aankoop kijken we met een nacalculatie of het rendement gehaald is.", "4"),
    ("org_strategie", "Graag zou ik de lakstraat vernieuwen, maar dat zijn voornemens; een plan is er niet.", "2"),
    ("org_strategie", "Er ligt een driejarenplan met de stappen; het budget moeten we nog vastleggen.", "3"),
    ("bm_financiering", "Een compressor betalen we zelf. Maar voor een nieuwe lijn vond de bank het te riskant.", "2"),
    ("tech_robotisering", "Twee lasrobots, en we kijken nu ook naar een cobot voor het afbramen.", "3"),
    ("sector", "Wij extruderen buizen van PVC en PE", "kunststof_rubber"),
    ("knelpunten", "Niemand hier heeft verstand van die dingen, en de ouderen moeten niks van tablets hebben",
     ["acceptatie", "kennis"]),
    ("knelpunten", "De enige die het kan trekken zit tot zijn nek in het werk, en lassers vind je nergens",
     ["capaciteit", "personeel"]),
    ("knelpunten", "De bouwers bepalen de maten, en vernieuwing komt altijd achteraan", ["ketenafhankelijkheid",
                                                                                       "urgentie"]),
])
def test_rules_of_the_third_round_of_2026_12_07_night(qid, text, expected):
    reading = interpret(qid, text)
    assert reading.value == expected, reading


def test_not_knowing_whether_is_no_no():
    assert interpret("eerder_traject", "Ik weet niet of wat we toen deden zo'n traject was.").value is None


def test_a_word_that_is_also_a_town_at_the_start_of_a_sentence_names_no_place():
    from bot import mentions
    assert not [f for f in mentions.facts("Houten kozijnen en deuren, voor de nieuwbouw.", ["regio"], {})]


@pytest.mark.parametrize("qid,text,expected", [
    ("org_strategie", "Ik kijk naar wat er volgende week de deur uit moet, verder dan dat kijk ik niet.", "1"),
    ("org_strategie", "Ik weet wel waar ik naartoe wil, maar opgeschreven heb ik het nooit.", "2"),
    ("sector", "Een aluminiumgieterij, we gieten behuizingen voor pompen", "metaal"),
    ("sector", "We bouwen verdeelkasten voor installateurs", "elektrotechniek"),
    ("sector", "Lichtreclames en gevelletters, gemaakt in onze eigen werkplaats", "overige_maakindustrie"),
    ("bm_financiering", "Een heftruck kan ik nog wel betalen, maar een nieuwe perslijn van vier ton, dat gaat niet.", "2"),
    ("bm_rendement", "We houden een paar procent over, meer niet.", "2"),
    ("bm_businesscase", "Rekenen doe ik niet, ik koop wat goed voelt.", "1"),
    ("bm_innovatiebudget", "Er staat nergens geld apart, alles gaat op aan lonen en huur.", "1"),
    ("org_vaardigheden", "Een cursus heeft hier niemand gedaan en dat staat ook niet gepland.", "1"),
    ("tech_implementatie", "De nieuwe zaag van vorig jaar was meteen raak.", "3"),
    ("tech_implementatie", "Twee jaar terug een pilot met een MES, na een half jaar stilgevallen.", "2"),
    ("bm_ketenpositie", "Alles op tekening van de klant, maar het zijn er een stuk of vijftig, we hangen niet aan één klant.",
     "2"),
    ("org_bewustzijn", "Elke twee jaar naar de EMO in Hannover en verder de vakbladen.", "3"),
])
def test_rules_of_the_fourth_round_of_2026_12_07_night(qid, text, expected):
    reading = interpret(qid, text)
    assert reading.value == expected, reading


@pytest.mark.parametrize("qid,text,expected", [
    ("medewerkers", "31, nee sorry, 32 sinds deze week", 32),
    ("medewerkers", "Honderdtwintig vast. In de zomer komen er uitzendkrachten bij, maar het gaat om die 120.", 120),
    ("org_cultuur", "Pas als er uitval is gaan we kijken.", "2"),
    ("org_cultuur", "gaat al 25 jr zo", "1"),
    ("org_capaciteit", "Onze engineer doet het ernaast, als de orders het toelaten.", "2"),
    ("org_capaciteit", "Er is een verbetercoördinator die daar vaste uren voor krijgt", "3"),
    ("org_vaardigheden", "Alleen wat moet, de VCA en zo.", "2"),
    ("bm_ketenpositie", "Twee afnemers zijn samen goed voor negentig procent van ons werk, zij sturen de tekeningen.", "1"),
    ("sector", "Een worstmakerij, rookworst en leverworst voor slagers", "voedingsmiddelen"),
    ("regio", "capelle ad ijssel", "zuid-holland"),
    ("ontvangen_steun", "Dat zou ik niet weten, dat soort dingen regelt onze accountant.", "onbekend"),
])
def test_rules_of_the_fifth_round_of_2026_12_07_night(qid, text, expected):
    reading = interpret(qid, text)
    assert reading.value == expected, reading


@pytest.mark.parametrize("qid,text,expected", [
    ("bm_innovatiebudget", "Niks gereserveerd. Als er een goed idee ligt, zoeken we er het geld voor.", "2"),
    ("org_cultuur", "Zonder zo'n klacht van een klant verandert er hier weinig.", "2"),
    ("tech_digitalisering", "De orders staan in een planningsprogramma, maar van de machines komt niks terug.", "2"),
    ("bm_financiering", "Een nieuwe zaag hebben we gewoon betaald. Maar voor een robot vond de bank het te veel.", "2"),
    ("bm_businesscase", "We rekenen alles door en een jaar later leggen we de echte cijfers ernaast.", "4"),
    ("org_bewustzijn", "We horen het meeste van onze leveranciers; zelf actief zoeken doen we niet.", "2"),
    ("org_strategie", "Er wordt veel over gepraat, maar een plan is er nooit van gemaakt.", "2"),
    ("tech_implementatie", "De robots staan er al sinds 2017. De laatste jaren een MES geprobeerd, dat is gestrand.", "2"),
    ("nieuwe_inzichten", "ja, een paar nieuwe inzichten", "ja"),
    ("sector", "Mijn vader maakte nog zelf kozijnen, nu verkopen en plaatsen we alleen nog die van een fabriek",
     "geen_maakindustrie"),
    ("medewerkers", "met ons drieën erbij 11", 11),
])
def test_rules_of_the_sixth_round_of_2026_12_07_night(qid, text, expected):
    reading = interpret(qid, text)
    assert reading.value == expected, reading


@pytest.mark.parametrize("qid,text,expected", [
    ("bm_rendement", "Er blijft wel wat over, maar door de energieprijzen elk jaar minder.", "2"),
    ("bm_ketenpositie", "We leveren aan een stuk of 25 bedrijven, elk met hun eigen tekening.", "2"),
    ("bm_ketenpositie", "Alles gaat naar twee grote handelaren; die bepalen hoe het verpakt wordt, welk etiket erop komt en "
                        "welke maat.", "1"),
    ("bm_innovatiebudget", "Een potje voor vernieuwing hebben we niet, het geld gaat naar lonen en staal.", "1"),
    ("org_strategie", "Blij als de maand rond is, verder kijk ik niet.", "1"),
    ("org_strategie", "Mijn dochter wil een nieuwe hal, maar dat is nog gepraat aan de keukentafel.", "2"),
    ("org_capaciteit", "Voor iets nieuws is er gewoon geen mens over.", "1"),
    ("org_vaardigheden", "De BHV doet iedereen, want dat eist de verzekeraar. Verder leren de nieuwe jongens het van de "
                         "ouderen.", "2"),
    ("org_bewustzijn", "Wat nieuw is hoor ik van de man die ons staal levert, en soms lees ik iets in het vakblad.", "2"),
    ("org_bewustzijn", "Met nieuwe ontwikkelingen ben ik eerlijk gezegd niet bezig.", "1"),
    ("tech_robotisering", "Een robot heeft hier nog nooit gestaan.", "1"),
    ("tech_digitalisering", "Bestellingen schrijf ik in het orderboek en de dagplanning hangt met een magneet op de kast.",
     "1"),
    ("bm_businesscase", "Gekocht omdat de verkoper zei dat het tijd scheelt; uitgerekend hebben we het niet.", "1"),
    ("tech_implementatie", "Vorig jaar scanners gekocht, na twee maanden lagen ze in de la.", "2"),
    ("org_cultuur", "De mannen komen regelmatig met ideeën; als het werkt voeren we het in.", "3"),
    ("org_cultuur", "We doen het nog net zo als toen mijn vader de zaak had.", "1"),
    ("org_samenwerking", "Eén keer een proef gedaan met een klant, verder werken we niet samen.", "2"),
    ("sector", "Wij bouwen mestwagens en kuilsnijders voor boeren", "machinebouw"),
    ("knelpunten", "Niemand die ik van de vloer kan halen, en zo'n cel heb je er pas na jaren uit",
     ["capaciteit", "terugverdientijd"]),
    ("knelpunten", "Ik ben bang dat zo'n robot zich nooit terugverdient, en tijd is er niet", ["capaciteit",
                                                                                           "terugverdientijd"]),
    ("interesse", "De zaag en de kantbank aan elkaar knopen, en onderdelen meten met een camera",
     ["automatisering", "vision_kwaliteit"]),
])
def test_rules_of_the_seventh_round_of_2026_12_07_night(qid, text, expected):
    reading = interpret(qid, text)
    assert reading.value == expected, reading


@pytest.mark.parametrize("qid,text,expected", [
    ("medewerkers", "27, met de twee mensen in de winkel erbij.", 27),
    ("medewerkers", "Zestig, als ik de drie uitzendkrachten niet meetel.", 60),
    ("wil_contact", "Hoeft niet per se, maar als het gratis is: ja, laat maar horen.", "ja"),
    ("bm_financiering", "Een bestelbus wilden we leasen, maar de bank zag het niet zitten. De nieuwe zaag hebben we toen "
                        "zelf betaald.", "2"),
    ("org_capaciteit", "Hij zocht het 's avonds uit; iemand die daar echt tijd voor krijgt, is er niet.", "2"),
    ("org_bewustzijn", "De vakbeurs hebben we dit jaar overgeslagen, we horen het vooral van onze leveranciers.", "2"),
    ("bm_rendement", "We houden er een fatsoenlijke boterham aan over, maar zo ruim zitten we er ook niet bij.", "3"),
    ("bm_businesscase", "Ik heb uitgerekend hoeveel uur het scheelt; een echte berekening met risico's zat er niet achter.",
     "2"),
    ("org_strategie", "Er is een plan met de grote lijnen; een echte roadmap met budget per jaar en planning is het nog "
                      "niet.", "3"),
    ("tech_robotisering", "Het zijn er nu twaalf, verspreid over de hele fabriek.", "4"),
    ("tech_robotisering", "Een robot hier? Daar heb ik nooit bij stilgestaan.", "1"),
    ("org_vaardigheden", "We leiden op wat wettelijk verplicht is, daarbuiten weinig.", "2"),
    ("tech_digitalisering", "Orders gaan uit het ERP rechtstreeks naar de snijtafel en de uitval wordt automatisch "
                            "bijgehouden; alleen de oven hangt nog nergens aan.", "3"),
])
def test_rules_of_the_eighth_round_of_2026_12_07_night(qid, text, expected):
    reading = interpret(qid, text)
    assert reading.value == expected, reading


@pytest.mark.parametrize("qid,text,expected", [
    ("bm_businesscase", "Terugverdientijd en risico's vooraf, en een jaar na de aanschaf hebben we nagerekend.", "4"),
    ("org_samenwerking", "Eén project met de universiteit, en dat was het. Vaste partners hebben we niet.", "2"),
    ("org_capaciteit", "Nee hoor, in de drukke maanden werken we 's avonds ook door.", "1"),
])
def test_rules_of_the_ninth_round_of_2026_12_07_night(qid, text, expected):
    reading = interpret(qid, text)
    assert reading.value == expected, reading


@pytest.mark.parametrize("qid,text,expected", [
    ("org_bewustzijn", "Ik lees niks en ik ga nergens heen; de folders gaan bij het oud papier.", "1"),
    ("org_capaciteit", "Onze planner is er fulltime mee bezig, een heel team is het niet.", "3"),
    ("bm_businesscase", "Alles gaat met een berekening naar de directie. Achteraf nakijken of het klopte, dat doen we niet.",
     "3"),
    ("bm_innovatiebudget", "Niks apart; toen de nieuwe pers nodig was hebben we het van de lopende rekening betaald.", "2"),
    ("tech_robotisering", "Robots bij het lassen, bij het laden van de persen en bij het stapelen.", "4"),
    ("tech_automatisering", "De lijnen draaien zelf, daar staan per ploeg maar een paar man bij; tussen de lijnen rijden "
                            "heftrucks.", "3"),
    ("tech_digitalisering", "Orders gaan vanuit het ERP rechtstreeks naar de besturing van de snijlijn en die meldt de "
                            "aantallen terug.", "3"),
    ("bm_rendement", "Ruim voldoende, we kunnen investeren wat we willen.", "4"),
    ("sector", "precisieverspaning en plaatwerk", "metaal"),
    ("tech_implementatie", "Twee jaar geleden een nieuwe lasmachine, de beste beslissing ooit. Sindsdien niks nieuws.",
     "3"),
])
def test_rules_of_the_ninth_round_of_2026_12_07_late_night(qid, text, expected):
    reading = interpret(qid, text)
    assert reading.value == expected, reading


def test_a_lower_case_town_as_a_later_item_of_a_list_is_taken():
    from bot import mentions
    facts = mentions.facts("draaierij, 20 man, zwolle", ["regio", "medewerkers"], {})
    assert {f.question: f.value for f in facts} == {"medewerkers": 20, "regio": "overijssel"}


# From the misses of the unseen sets 63-66 (stories, then and now, a webinar, through their people): a person
# named beside a year is no head count, a weight in tons is no turnover, the customers' trade is not the own.
@pytest.mark.parametrize("qid,text,expected", [
    ("medewerkers", "Eenendertig, evenveel als toen mijn moeder in 2012 de zaak overdroeg", 31),
    ("medewerkers", "ikzelf en mijn compagnon op kantoor en 9 in de hal", 11),
    ("jaaromzet", "we verwerken zo'n 40 ton aardappelen per dag", None),
    ("jaaromzet", "vier ton omzet per jaar, ongeveer", 400_000),
    ("sector", "Wij lassen stalen bordessen en trappen voor de petrochemie", "metaal"),
])
def test_rules_from_the_unseen_sets_63_to_66(qid, text, expected):
    assert interpret(qid, text).value == expected, interpret(qid, text)


@pytest.mark.parametrize("text,expected", [
    ("Zet Anouk er maar neer, Anouk de Wit-Verbeek", "Anouk de Wit-Verbeek"),
    ("Gerrit, Gerrit Hofstede", "Gerrit Hofstede"),
    ("Hofstede, Gerrit", "Hofstede, Gerrit"),
])
def test_a_short_name_then_the_whole_name_is_the_whole_name(text, expected):
    assert interpret("contact_naam", text).value == expected


# From the misses of the unseen sets 67-70 (owners who doubt aloud, southern Dutch, formal e-mails): the answer
# the owner settles on after a first thought counts; "wat kost het" inside a sentence without "?" describes;
# "laat maar checken" is a yes; the customers' trade is left out of the sector.
@pytest.mark.parametrize("qid,text,expected", [
    ("nieuwe_inzichten", "In eerste instantie niet. Maar dat deel over opleiden zet me wel aan het denken. Ja, eigenlijk wel.",
     "ja"),
    ("bereid_plan", "Mijn eerste gedachte was nee, te druk. Maar als het na de zomer kan: ja, dat wil ik wel.", "ja"),
    ("sector", "Kunststof. Nou ja, we frezen ook wat aluminium voor klanten, maar bijna alles is spuitgieten. "
               "Kunststof dus.", "kunststof_rubber"),
    pytest.param("bm_businesscase", "Ik zet het globaal op een rij, wat kost het en wat scheelt het ons. Meer niet.", "2",
                 marks=NEEDS_LEARNED_READER),
    ("wil_contact", "Aanvankelijk dacht ik van niet. Maar laat maar kijken wat ze kunnen, je weet maar nooit.", "ja"),
    ("sector", "wij bouwen droogovens voor de keramiek en de glasindustrie", "machinebouw"),
])
def test_rules_from_the_unseen_sets_67_to_70(qid, text, expected):
    assert interpret(qid, text).value == expected, interpret(qid, text)


def test_a_no_to_a_clause_is_no_settled_answer_to_a_scale():
    reading = interpret("org_strategie", "Plannen genoeg in mijn hoofd, maar uitgeschreven... nee, eigenlijk niet.")
    assert reading.value != "1" or reading.confirm


@pytest.mark.parametrize("qid,text,expected", [
    ("jaaromzet", "Twee miljoen... iets minder, 1,8.", 1_800_000),
    ("jaaromzet", "vier miljoen, nee wacht, 4,4", 4_400_000),
    ("wil_contact", "Ik zou het waarderen als iemand van jullie contact met me opneemt", "ja"),
    ("ontvangen_steun", "Subsidie voor advies hebben we evenmin gehad", "nee"),
])
def test_more_rules_from_the_unseen_sets_67_to_70(qid, text, expected):
    assert interpret(qid, text).value == expected, interpret(qid, text)


# From the misses of the unseen sets 71-74 (one day or one order, what a visitor sees, a LinkedIn mix, owners
# comparing themselves): stone is its own trade, "doet wel wat" is an effect, not "a little".
@pytest.mark.parametrize("qid,text,expected", [
    ("sector", "Wij bewerken marmer en hardsteen voor trappen en vensterbanken", "overige_maakindustrie"),
    ("nieuwe_inzichten", "Jazeker, dat overzicht doet me wel wat", "ja"),
])
def test_rules_from_the_unseen_sets_71_to_74(qid, text, expected):
    assert interpret(qid, text).value == expected, interpret(qid, text)


@pytest.mark.parametrize("qid,text,expected,confirm", [
    # a range with "de" on both ends is a range; across € 50 million it is shown back, never stored
    ("jaaromzet", "Weet ik niet precies, ergens tussen de 45 en de 55 miljoen", 50_000_000, "straddles"),
    ("medewerkers", "tussen de 30 en de 40 man", 35, ""),
])
def test_rules_from_the_unseen_sets_75_to_78(qid, text, expected, confirm):
    reading = interpret(qid, text)
    assert (reading.value, reading.confirm) == (expected, confirm), reading
