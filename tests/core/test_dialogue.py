"""The turn logic of bot.dialogue: confirmations, corrections, questions, facts said in passing,
and what is never taken in passing. Plain data in, plain data out."""
from __future__ import annotations

from datetime import date

import pytest

from bot import answer_classifier, dialogue
from bot.dialogue import Context, Proposal

# readings that hang on the learned reader: the conversation side's (.venv/bot), not the web service's
NEEDS_LEARNED_READER = pytest.mark.skipif(not answer_classifier.available(),
                                          reason="the learned reader lives in .venv/bot")

TODAY = date(2026, 12, 7)
PROFILE = {"sector": "metaal", "medewerkers": 40, "jaaromzet": 6_000_000, "regio": "overijssel"}


def read(text, asked, answers=None, **kw):
    return dialogue.read(text, Context(asked=asked, answers=answers or {}, today=TODAY, **kw))


def test_the_opening_may_tell_the_company_profile():
    turn = read("Hoi, wij zijn een metaalbedrijfje met een man of 25 in de buurt van Deventer", None)
    assert turn.store == {"sector": "metaal", "medewerkers": 25, "regio": "overijssel"}
    assert turn.echo == ["metaal en metaalbewerking", "25 medewerkers", "Overijssel (Deventer)"]


def test_the_opening_never_proposes_scored_answers_from_a_greeting():
    assert not read("goedemiddag, via de nieuwsbrief van de brancheclub hier terechtgekomen", None).propose


def test_an_answer_with_facts_stores_them_and_says_what_it_took():
    turn = read("Wij zijn een koffiebranderij in de stad Groningen, met 22 mensen, en we draaien ongeveer "
                "5,4 miljoen omzet per jaar.", "sector")
    assert turn.store == {"sector": "voedingsmiddelen", "medewerkers": 22, "jaaromzet": 5_400_000,
                          "regio": "groningen"}
    assert turn.taken[0] == "sector"


def test_a_scored_topic_said_in_passing_is_proposed_not_stored():
    turn = read("We werken met een dagstart en een verbeterbord. En Sanne heeft twee dagen per week om "
                "processen te verbeteren.", "org_cultuur", {**PROFILE})
    assert turn.store == {"org_cultuur": "4"}
    assert turn.propose["org_capaciteit"].value == "3" and turn.propose["org_capaciteit"].reason == "mentioned"


@pytest.mark.parametrize("text,value", [("249, de 250ste begint volgende maand", 249), ("bijna 250", 245)])
def test_a_count_near_the_staff_threshold_is_proposed(text, value):
    turn = read(text, "medewerkers", {"sector": "metaal"})
    assert not turn.store and turn.propose["medewerkers"].value == value


def test_yes_to_a_proposal_stores_it_and_no_asks_again():
    proposal = Proposal("medewerkers", 249, "249 man", "near")
    ctx = {"answers": {"sector": "metaal"}, "proposals": {"medewerkers": proposal}}
    assert read("ja, dat klopt", "medewerkers", **ctx).store == {"medewerkers": 249}
    no = read("nee", "medewerkers", **ctx)
    assert no.kind == "reask" and no.drop == ["medewerkers"] and not no.store
    other = read("nee, 246", "medewerkers", **ctx)
    assert other.store == {"medewerkers": 246}   # a number given after "no" is final


def test_a_correction_that_states_the_new_value_is_applied_to_the_last_answer():
    answers = {"sector": "machinebouw", "medewerkers": 130}
    turn = read("Correctie: dat moet 30 zijn, ik tikte er per ongeluk een 1 voor.", "jaaromzet", answers,
                last=("medewerkers",))
    assert turn.kind == "correction" and turn.store == {"medewerkers": 30}
    assert "jaaromzet" not in turn.store


def test_a_correction_that_only_says_it_was_wrong_asks_that_question_again():
    answers = {**PROFILE, "org_vaardigheden": "4"}
    turn = read("Dat vorige antwoord klopt niet, daar was ik te snel. Mag ik die opnieuw geven?",
                "org_samenwerking", answers, last=("org_vaardigheden",))
    assert turn.clear == ["org_vaardigheden"] and not turn.store
    assert "Ja; leren en ontwikkelen is structureel geregeld" in turn.say[0]


def test_a_correction_when_nothing_was_taken_keeps_the_open_question():
    turn = read("nee dat vorige klopt niet, die wil ik overdoen", "org_cultuur", PROFILE, last=())
    assert turn.kind == "reask" and not turn.clear and not turn.store


def test_a_question_is_never_an_answer_even_with_an_option_word():
    turn = read("ERP, is dat hetzelfde als ons boekhoudpakket?", "tech_digitalisering", PROFILE)
    assert turn.kind == "side" and not turn.store


def test_consent_is_never_taken_in_passing():
    answers = {**PROFILE, "bereid_plan": "nee"}
    turn = read("sorry, bij die plan-vraag bedoel ik gewoon ja, dat willen we", "toestemming", answers,
                last=("bereid_plan",))
    assert turn.store == {"bereid_plan": "ja"} and "toestemming" not in turn.store


def test_a_list_read_from_a_sentence_is_shown_back_and_yes_with_more_adds():
    turn = read("kennis is geen probleem, geld wel, en tijd", "knelpunten", PROFILE)
    assert turn.propose["knelpunten"].value == ["capaciteit", "financiering"]
    more = read("ja, en ook personeel", "knelpunten", PROFILE, proposals={"knelpunten": turn.propose["knelpunten"]})
    assert more.store == {"knelpunten": ["capaciteit", "financiering", "personeel"]}


def test_every_turn_says_which_rule_decided():
    for text, asked in [("nee wacht, het zijn er 35", "jaaromzet"),
                        ("wat bedoel je met ketenpositie", "bm_ketenpositie"), ("zo'n 45 man", "medewerkers")]:
        turn = read(text, asked, {"sector": "metaal", "medewerkers": 53}, last=("medewerkers",))
        assert turn.rule and turn.trace, (text, turn)


def test_the_confirmation_texts_quote_the_owner():
    text = dialogue.confirmation_text(Proposal("org_capaciteit", "3", "Sanne heeft twee dagen per week", "mentioned"))
    assert text.startswith('Je vertelde al: "Sanne heeft twee dagen per week."') and "Klopt dat?" in text


def test_the_interpreter_can_say_which_signal_decided_and_why_it_was_not_sure():
    from bot.answers import explain
    sure = explain("tech_robotisering", "we hebben geen robots, daar hebben we nooit naar gekeken")
    assert any(line.startswith("cue 1") for line in sure) and sure[-1] == "read: '1'"
    cancelled = explain("tech_robotisering", "we hebben geen robots")
    assert any("cancelled" in line for line in cancelled)
    unsure = explain("org_strategie", "geen uitgewerkte roadmap, wel een globaal plan met een paar stappen")
    assert any(line.startswith("scores:") for line in unsure)
    amount = explain("jaaromzet", "bijna 50 miljoen")
    assert any("qualified below by 'bijna'" in line for line in amount) and "confirm first" in amount[-1]


def test_a_refused_turnover_is_asked_once_more_then_taken_as_unknown():
    first = read("omzetcijfers geef ik liever niet", "jaaromzet", {"sector": "metaal", "medewerkers": 40})
    assert first.kind == "reask" and not first.store and "schatting" in first.say[0]
    second = read("nee, liever niet", "jaaromzet", {"sector": "metaal", "medewerkers": 40}, repeated=("jaaromzet",))
    assert second.store == {"jaaromzet": "onbekend"}


def test_a_number_for_the_answer_before_is_proposed_as_its_correction():
    turn = read("Ik draaide de cijfers om, het zijn er 85.", "jaaromzet", {"sector": "metaal", "medewerkers": 58},
                last=("medewerkers",))
    taken = {**turn.store, **{q: p.value for q, p in turn.propose.items()}}
    assert taken == {"medewerkers": 85} and "jaaromzet" not in turn.store


@pytest.mark.parametrize("asked,last,before,text,after", [
    # Only the part after the @ said anew.
    ("contact_telefoon", "contact_email", {"contact_email": "p.smit@smitstaal.nl"},
     "typfout, het moet smit-staal.nl zijn", {"contact_email": "p.smit@smit-staal.nl"}),
    # Taking something out says more than "a slip" beside it.
    ("nieuwe_inzichten", "interesse", {"interesse": ["robotisering", "vision_kwaliteit"]},
     "vision mag er weer uit, vergissing", {"interesse": ["robotisering"]}),
    # The clause that says what was overdone names the old value, not the new one.
    ("bm_ketenpositie", "bm_rendement", {"bm_rendement": "4"},
     "ruim was overdreven, eerder gezond", {"bm_rendement": "3"}),
    # "Dus nee" after the correction restates it; it does not answer the open question.
    ("ontvangen_steun", "eerder_traject", {"eerder_traject": "ja"},
     "wacht, dat was een cursus van de branchevereniging, geen adviestraject. Dus nee", {"eerder_traject": "nee"}),
    # "moet ... zijn" without a subject, a unit said again.
    ("regio", "jaaromzet", {"jaaromzet": 1_200_000}, "oeps moet 12 miljoen zijn", {"jaaromzet": 12_000_000}),
    ("contact_email", "contact_naam", {"contact_naam": "Piet"}, "voluit is het Pieter Smit",
     {"contact_naam": "Pieter Smit"}),
])
def test_corrections_take_only_what_they_say(asked, last, before, text, after):
    turn = read(text, asked, before, last=(last,))
    assert turn.kind == "correction", turn
    assert turn.store == after, turn


@pytest.mark.parametrize("text", ["nee liever niet, mail me maar op jan@bedrijf.nl",
                                  "eerst overleggen met mijn compagnon, bel me op 0612345678",
                                  "wie krijgt dat dan te zien? mijn mail is jan@bedrijf.nl",
                                  "misschien, ik ben Jan de Boer"])
def test_no_contact_detail_is_taken_at_the_consent_question(text):
    """Nothing personal is stored before the owner said yes, not even beside a no, a doubt or a question."""
    turn = read(text, "toestemming")
    personal = {"kvk_nummer", "contact_email", "contact_telefoon", "contact_naam", "bedrijfsnaam"}
    assert not set(turn.store) & personal, turn
    assert not set(turn.propose) & {"kvk_nummer", "contact_email", "contact_telefoon"}, turn


def test_a_yes_with_a_wish_not_to_be_phoned_answers_the_phone_question_too():
    turn = read("Ja, prima. Alleen liever niet bellen, mail werkt beter", "toestemming")
    assert turn.store == {"toestemming": "ja", "contact_telefoon": "geen"}, turn
    assert read("ja, bel me maar", "toestemming").store == {"toestemming": "ja"}


def test_a_proposed_list_corrected_in_a_sentence_is_shown_back_again():
    proposal = Proposal("knelpunten", ["financiering", "kennis"], "Geld en kennis, denk ik.", "list")
    turn = read("Wacht, kennis klopt niet, die hebben we wel. Het is geld, en dat de mensen niet mee willen "
                "veranderen.",
                "knelpunten", proposals={"knelpunten": proposal})
    assert not turn.store, turn
    assert turn.propose["knelpunten"].value == ["acceptatie", "financiering"], turn
    assert read("ja", "knelpunten", proposals={"knelpunten": turn.propose["knelpunten"]}).store == {
        "knelpunten": ["acceptatie", "financiering"]}


@pytest.mark.parametrize("asked,last,before,text,after", [
    ("wil_contact", "nieuwe_inzichten", {"nieuwe_inzichten": "nee"},
     "ik zei nee, maar een beetje heb ik er wel aan gehad. bellen mag",
     {"nieuwe_inzichten": "een_beetje", "wil_contact": "ja"}),
    ("ontvangen_steun", "eerder_traject", {"eerder_traject": "ja"},
     "oh, ik heb het verward met een cursus. Een Mkb-Booster traject nooit gehad", {"eerder_traject": "nee"}),
    ("bereid_plan", "ontvangen_steun", {"ontvangen_steun": "ja"},
     "wacht, het was 60.000, geen 3 ton. dus moet nee zijn", {"ontvangen_steun": "nee"}),
])
def test_what_follows_a_correction_stays_with_it_unless_it_answers_the_open_question(asked, last, before, text, after):
    turn = read(text, asked, before, last=(last,))
    assert turn.kind == "correction", turn
    assert turn.store == after, turn


@pytest.mark.parametrize("asked,text,stored", [
    ("jaaromzet", "Bedoel je de omzet of de winst? De omzet is zo'n 4 miljoen", {"jaaromzet": 4_000_000}),
    ("tech_robotisering", "Wat is een cobot precies? Wij hebben er geen", {"tech_robotisering": "1"}),
])
def test_a_question_beside_an_answer_is_answered_and_the_answer_taken(asked, text, stored):
    turn = read(text, asked)
    assert turn.store == stored and turn.side, turn


@pytest.mark.parametrize("asked,text", [
    # the answer hangs on the question:
    ("tech_robotisering", "telt een lasmal met een motor als robot? die hebben we er twee"),
    ("toestemming", "welk bureau is dat precies? ach, geef maar door"),   # consent: asked on its own
])
def test_an_answer_that_depends_on_the_question_waits_for_it(asked, text):
    turn = read(text, asked)
    assert turn.kind == "side" and not turn.store, turn


def test_an_echoed_topic_then_no_answers_the_open_question_not_the_one_before():
    turn = read("Cobots? Nee hoor", "tech_robotisering", {"tech_automatisering": "2"}, last=("tech_automatisering",))
    assert turn.store == {"tech_robotisering": "1"}, turn


def test_a_change_in_staff_is_no_head_count_and_we_zijn_met_n_is_one():
    turn = read("Rond de 3 miljoen, met 2 man minder dan vorig jaar, we zijn nu met 19", "jaaromzet",
                {"sector": "metaal"})
    assert turn.store == {"jaaromzet": 3_000_000, "medewerkers": 19}
    assert "medewerkers" not in read("rond de 3 miljoen, we zijn met 19 jaar actief", "jaaromzet").store


def test_a_cause_added_in_the_owners_words_keeps_the_ones_before():
    turn = read("wacht, bij de vorige moet financiering er ook bij", "interesse", {"knelpunten": ["kennis"]},
                last=("knelpunten",))
    assert turn.kind == "correction" and sorted(turn.store["knelpunten"]) == ["financiering", "kennis"]


def test_shifts_are_no_staff():
    assert read("we draaien 3 ploegen met 24 man, rubber profielen extruderen", "sector").store == {
        "sector": "kunststof_rubber", "medewerkers": 24}


def test_die_vorige_corrects_the_answer_before():
    turn = read("hm die vorige weet ik eigenlijk niet, dat moet ik aan de bedrijfsleider vragen", "org_vaardigheden",
                {"org_capaciteit": "2"}, last=("org_capaciteit",))
    assert turn.kind == "correction" and turn.store == {"org_capaciteit": "weet_niet"}


def test_a_correction_that_is_a_close_call_is_proposed_and_the_open_question_still_taken():
    turn = read("Nee wacht, het ERP is sinds vorig jaar wel aan de machines gekoppeld, was ik vergeten. dat invoeren "
                "ging trouwens prima", "tech_implementatie", {"tech_digitalisering": "2"},
                last=("tech_digitalisering",))
    assert turn.propose["tech_digitalisering"].value == "3" and "tech_digitalisering" not in turn.store
    assert "tech_implementatie" in turn.store


@pytest.mark.parametrize("text", ["sorry, 4,8 mln moest dat zijn, komma vergeten", "oeps, 4,8 miljoen"])
def test_a_slip_corrected_in_reply_to_klopt_dat_is_proposed_back(text):
    proposals = {"jaaromzet": Proposal("jaaromzet", 48_000_000, "48 mln", "near")}
    turn = read(text, "jaaromzet", {"sector": "metaal"}, proposals=proposals)
    assert turn.propose["jaaromzet"].value == 4_800_000 and not turn.store
    assert dialogue.confirmation_text(turn.propose["jaaromzet"]) == "Dan noteer ik € 4,8 miljoen. Klopt dat?"
    assert read("nee, 4,8 miljoen", "jaaromzet", {"sector": "metaal"}, proposals=proposals).store == {
        "jaaromzet": 4_800_000}


@pytest.mark.parametrize("text,last,answers,expected", [
    ("nee sorry, samenwerken doen we maar af en toe", "org_samenwerking", {"org_samenwerking": "3"},
     {"org_samenwerking": "2"}),
    ("die steunvraag: ik weet het eigenlijk niet zeker, moet ik navragen", "ontvangen_steun",
     {"ontvangen_steun": "nee", "eerder_traject": "nee"}, {"ontvangen_steun": "onbekend"}),
    ("niet alleen robots trouwens, energie ook graag", "interesse", {"interesse": ["robotisering"]},
     {"interesse": ["energie_duurzaamheid", "robotisering"]}),
    ("sorry, mail liever naar r.debruin@debruinbv.example, die info box leest niemand", "contact_email",
     {"contact_email": "info@debruinbv.example"}, {"contact_email": "r.debruin@debruinbv.example"}),
])
def test_a_correction_named_by_its_topic_in_the_owners_words(text, last, answers, expected):
    asked = {"org_samenwerking": "org_strategie", "ontvangen_steun": "bereid_plan", "interesse": "nieuwe_inzichten",
             "contact_email": "contact_telefoon"}[last]
    turn = read(text, asked, answers, last=(last,))
    assert turn.kind == "correction" and {q: sorted(v) if isinstance(v, list) else v
                                          for q, v in turn.store.items()} == expected


def test_niet_alleen_ook_in_an_answer_is_no_correction():
    turn = read("niet alleen vooraf, we kijken ook achteraf of het is terugverdiend", "bm_businesscase")
    assert turn.kind != "correction"


def test_how_the_count_was_made_is_no_new_count():
    turn = read("o wacht, dat aantal klopt niet, ik telde de 3 uitzendkrachten mee. 12 zijn er echt in dienst",
                "jaaromzet", {"medewerkers": 15, "sector": "hout_meubel"}, last=("medewerkers",))
    assert turn.store == {"medewerkers": 12}


def test_bij_die_knelpunten_nog_adds_to_the_list():
    turn = read("oh en bij die knelpunten nog: niet alleen geld, ook dat we geen personeel kunnen vinden", "interesse",
                {"knelpunten": ["financiering"]}, last=("knelpunten",))
    assert sorted(turn.store["knelpunten"]) == ["financiering", "personeel"]


def test_a_correction_of_an_earlier_answer_during_klopt_dat_goes_to_that_answer():
    proposals = {"org_capaciteit": Proposal("org_capaciteit", "1", "x", "mentioned")}
    turn = read("nee wacht, dat van de werkvloer was te negatief. de mensen komen regelmatig met ideeen en die voeren "
                "we vaak door", "org_capaciteit", {"org_cultuur": "1"}, proposals=proposals, last=("org_cultuur",))
    assert turn.store == {"org_cultuur": "3"} and "org_capaciteit" not in turn.propose


def test_printing_is_not_being_busy():
    assert "org_capaciteit" not in read("we drukken en stansen verpakkingen en displays van karton", "sector").propose


def test_a_proposal_taken_back_in_the_owners_words_is_proposed_back_with_the_new_answer():
    proposals = {"bm_ketenpositie": Proposal("bm_ketenpositie", "1", "x", "unsure")}
    turn = read("dat van die keukenfabriek was vroeger, dat klopt niet meer. nu maken we vooral onze eigen ontwerpen "
                "op maat, voor particulieren en winkels", "bm_ketenpositie", {"sector": "hout_meubel"},
                proposals=proposals)
    assert not turn.store and turn.propose["bm_ketenpositie"].value == "3"
    assert read("nee, eigen producten", "bm_ketenpositie", {"sector": "hout_meubel"},
                proposals=proposals).store == {"bm_ketenpositie": "3"}


def test_a_place_just_outside_a_town_is_taken_in_passing():
    assert read("wij maken boerenkaas, met 28 man, even buiten heerenveen", "sector").store["regio"] == "friesland"


def test_terugnemen_corrects_the_answer_before():
    turn = read("dat van de winst moet ik terugnemen, het is eerlijk gezegd break-even, het ene jaar een beetje plus, "
                "het andere een beetje min", "bm_businesscase", {"bm_rendement": "4"}, last=("bm_rendement",))
    assert turn.kind == "correction" and turn.store == {"bm_rendement": "1"}


def test_what_the_company_earns_said_at_the_financing_question_is_proposed_for_profitability():
    turn = read("we verdienen gezond en de bank werkt goed mee, al moet je wel een heel dossier aanleveren",
                "bm_financiering", {"sector": "elektrotechniek"})
    assert turn.store == {"bm_financiering": "3"} and turn.propose["bm_rendement"].value == "3"


def test_a_question_with_terug_in_it_asks_about_the_question_and_does_not_go_back():
    answers = {**PROFILE, "wil_contact": "ja"}
    turn = read("hoe ver terug moet ik dan kijken?", "eerder_traject", answers, last=("wil_contact",),
                intent="terug", confidence=0.9)
    assert turn.kind != "navigate"
    asked_back = read("kan ik terug naar de vorige vraag?", "eerder_traject", answers, last=("wil_contact",),
                      intent="terug", confidence=0.9)
    assert asked_back.kind == "navigate"


def test_asking_to_set_the_last_answer_right_is_a_correction_even_as_a_question():
    answers = {**PROFILE, "medewerkers": 27}
    turn = read("ho wacht, dat aantal van net klopt niet. kan ik dat nog even goed zetten?", "jaaromzet", answers,
                last=("medewerkers",))
    assert turn.kind == "correction" and "medewerkers" in turn.clear


def test_a_trajectory_a_year_and_a_half_ago_lies_inside_the_three_years():
    turn = read("dan wel, ja. anderhalf jaar geleden hebben we zo'n traject gehad", "eerder_traject", PROFILE)
    assert turn.store.get("eerder_traject") == "ja" or turn.propose["eerder_traject"].value == "ja"


def test_eigenlijk_meer_at_the_next_question_corrects_the_answer_before():
    answers = {**PROFILE, "tech_automatisering": "3", "tech_robotisering": "3"}
    turn = read("idd eigenlijk meer, ze staan bij bijna elke machine", "tech_digitalisering", answers,
                last=("tech_robotisering",))
    assert turn.kind == "correction" and turn.store == {"tech_robotisering": "4"}


def test_a_statement_the_nlu_calls_out_of_scope_is_asked_again_not_refused():
    turn = read("wat de granulaatleverancier vertelt en wat ik zo lees", "org_bewustzijn", PROFILE,
                intent="buiten_bereik", confidence=0.9)
    assert turn.kind != "side"
    asked = read("wat vind jij van het weer?", "org_bewustzijn", PROFILE, intent="buiten_bereik", confidence=0.9)
    assert (asked.kind, asked.side) == ("side", "buiten_bereik")


def test_voor_de_at_the_start_of_an_answer_is_no_correction_of_a_topic_it_names():
    answers = {**PROFILE, "tech_robotisering": "4", "org_capaciteit": "3"}
    turn = read("voor de robotoperators hebben we een opleidingsplan en we sturen ze gericht op cursus",
                "org_vaardigheden", answers, last=("org_capaciteit",))
    assert turn.kind == "answer" and turn.store == {"org_vaardigheden": "3"}


def test_checking_an_investment_afterwards_is_no_correction():
    answers = {**PROFILE, "bm_ketenpositie": "2"}
    turn = read("we rekenen het vooraf uit en na een jaar hebben we nagekeken of de besparing er was",
                "bm_businesscase", answers, last=("bm_ketenpositie",))
    assert turn.kind == "answer" and turn.store.get("bm_businesscase") == "4"


def test_a_no_to_a_proposal_followed_by_the_same_reading_is_asked_again():
    proposals = {"org_strategie": Proposal("org_strategie", "3", "een plan", "unsure")}
    turn = read("nee, een plan met een paar concrete stappen op papier", "org_strategie", PROFILE, proposals=proposals)
    assert turn.kind == "reask" and "org_strategie" not in turn.store


def test_an_amount_to_the_turnover_question_is_no_correction_of_the_head_count():
    answers = {**PROFILE}
    answers.pop("jaaromzet")
    turn = read("volgens de accountant iets onder de twee miljoen, 1,9 om precies te zijn", "jaaromzet", answers,
                last=("medewerkers",))
    assert turn.kind == "answer" and turn.store.get("jaaromzet") == 1_900_000


def test_an_opening_about_the_accountant_takes_no_sector_and_outside_manufacturing_in_passing_is_proposed():
    turn = read("Hoi. Mijn accountant zei dat ik dit eens moest invullen.", None)
    assert "sector" not in turn.store and "sector" not in turn.propose
    told = read("we zijn een groothandel in bouwmaterialen, 20 man in Zwolle", None)
    assert "sector" not in told.store and told.propose["sector"].value == "geen_maakindustrie"


def test_the_turnover_said_beside_the_staff_with_a_year_in_between_is_taken():
    turn = read("148 fte. Voor de volledigheid: de omzet over 2025 was € 31,5 miljoen.", "medewerkers", {})
    assert turn.store.get("jaaromzet") == 31_500_000


def test_a_team_busy_with_it_full_time_said_at_the_culture_question_is_proposed_for_capacity():
    turn = read("wekelijks een kaizen-sessie. daarnaast hebben we een verbeterteam van vier man dat daar fulltime "
                "mee bezig is", "org_cultuur", PROFILE)
    assert turn.propose["org_capaciteit"].value == "4"


def test_interests_named_at_the_bottleneck_question_as_belangstelling_are_proposed():
    turn = read("Onze knelpunten zijn een gebrek aan kennis. Onze belangstelling gaat vooral uit naar robotisering.",
                "knelpunten", PROFILE)
    assert turn.propose["interesse"].value == ["robotisering"]


def test_the_owner_working_beside_people_named_in_passing_is_counted():
    turn = read("Ik heb een smederij in Winterswijk. Ik sta er met mijn zoon en twee gasten.", "sector", {})
    assert turn.store.get("medewerkers") == 4
    said = read("We zijn een drukkerij, mijn broer en ik met zeven man personeel.", "sector", {})
    assert said.store.get("medewerkers") == 9


def test_a_pause_is_no_correction_and_a_place_typed_from_habit_is_not_the_place():
    answers = {**PROFILE, "org_samenwerking": "2"}
    turn = read("Momentje, er komt een vrachtwagen binnen... zo, ben er weer.", "org_strategie", answers,
                last=("org_samenwerking",))
    assert turn.kind == "reask" and not turn.clear
    moved = read("Sorry, we zijn verhuisd en ik typ nog steeds Deventer uit gewoonte. Het is Doetinchem.",
                 "tech_automatisering", {**PROFILE, "regio": "overijssel"}, last=("regio",))
    assert moved.propose["regio"].value == "gelderland"


def test_an_introduction_that_went_well_said_at_the_robot_question_is_proposed_for_implementation():
    turn = read("bij de pers staat een robotarm, die hebben we twee jaar geleden laten plaatsen en dat is prima "
                "gegaan", "tech_robotisering", PROFILE)
    assert turn.propose["tech_implementatie"].value == "3"


def test_two_questions_in_dialect_are_a_question_not_an_answer():
    turn = read("Effen tussendoor: wie krig dit allemaole te zien? Geet dit ok naor de bank?", "bm_financiering",
                PROFILE)
    assert turn.kind == "side" and "bm_financiering" not in turn.store


def test_a_correction_that_reads_as_the_answer_stored_asks_that_question_again():
    answers = {**PROFILE, "tech_robotisering": "1"}
    turn = read("dat vorige klopt niet, mijn telefoon maakte van drie robots geen robots", "tech_digitalisering",
                answers, last=("tech_robotisering",))
    assert turn.kind == "correction" and turn.clear == ["tech_robotisering"] and not turn.store
    assert "Je antwoordde eerst" in turn.say[0]


def test_a_correction_that_answers_the_question_asked_again_is_its_answer():
    turn = read("Wacht, dat was niet goed. We zijn met 27 man, niet 72.", "medewerkers", {"sector": "metaal"},
                repeated=("medewerkers",))
    assert turn.store.get("medewerkers") == 27


def test_an_answer_opening_with_bij_de_and_a_topic_is_no_correction_of_that_topic():
    answers = {**PROFILE, "tech_robotisering": "3", "bm_ketenpositie": "2"}
    turn = read("Bij de lasrobot heb ik even grof uitgerekend wat hij bespaart, meer niet.", "bm_businesscase",
                answers, last=("bm_ketenpositie",))
    assert turn.kind == "answer" and turn.store == {"bm_businesscase": "2"}


def test_taking_back_part_of_a_proposed_list_proposes_the_rest():
    proposal = Proposal("knelpunten", ["capaciteit", "financiering"], "", "unsure")
    turn = read("Dat van dat geld trek ik in, de bank werkt prima mee. Het is echt vooral tijd.", "knelpunten",
                PROFILE, proposals={"knelpunten": proposal})
    assert turn.propose["knelpunten"].value == ["capaciteit"]
    assert "bm_financiering" not in turn.store


@pytest.mark.parametrize("asked,last,stored,text,expected", [
    ("org_capaciteit", "org_cultuur", "3", "Laat ik het anders zeggen: pas als er klachten komen, gaan we iets "
                                           "verbeteren.", "2"),
    ("org_strategie", "org_samenwerking", "3", "Nee, ik had het over twee jaar geleden. Nu werken we met niemand "
                                               "samen.", "1"),
])
def test_saying_the_answer_before_again_in_other_words_corrects_it(asked, last, stored, text, expected):
    turn = read(text, asked, {**PROFILE, last: stored}, last=(last,))
    assert turn.kind == "correction" and turn.store == {last: expected}


def test_a_sentence_about_the_words_of_the_question_beside_a_question_is_no_answer():
    turn = read("Bij de antwoorden staat de term fieldlab. Wat is dat precies?", "org_samenwerking", PROFILE)
    assert turn.kind == "side" and not turn.store


@pytest.mark.parametrize("text,shown", [
    ("Een banketbakkerij met een winkel aan de voorkant; we bakken alles zelf achterin.", "voedingsmiddelen"),
    ("Groothandel in sanitair, zelf maken we niets.", "geen_maakindustrie"),
])
def test_not_manufacturing_from_a_sentence_is_never_stored_without_asking(text, shown):
    turn = read(text, "sector", {})
    assert turn.store.get("sector") != "geen_maakindustrie"
    assert shown in (turn.store.get("sector"), turn.propose.get("sector") and turn.propose["sector"].value)
    assert "bm_financiering" not in turn.propose   # a "banketbakkerij" says nothing about the bank


def test_what_follows_a_colon_without_a_question_mark_is_part_of_the_answer():
    turn = read("Ik reken het grof uit: wat kost het en wat levert het op. Meer doen we niet.", "bm_businesscase",
                PROFILE)
    assert turn.kind == "answer" and turn.store == {"bm_businesscase": "2"}


@pytest.mark.parametrize("asked,text,other,value", [
    ("org_cultuur", "We werken met een verbeterbord en weekstarts. Daarnaast is er een vast team van twee technici "
                    "dat niets anders doet dan processen verbeteren.", "org_capaciteit", "4"),
    ("tech_automatisering", "Vrijwel alles draait onbemand, en bij elke lasmachine staat een robot.",
     "tech_robotisering", "4"),
    ("org_strategie", "Een plan? Ik kijk wat er deze week binnenkomt. Geld apart zetten voor nieuwe dingen doe ik "
                      "ook niet.", "bm_innovatiebudget", "1"),
])
def test_a_scored_answer_said_in_passing_is_proposed(asked, text, other, value):
    turn = read(text, asked, PROFILE)
    assert turn.propose[other].value == value and other not in turn.store


def test_must_i_answer_this_is_answered_and_the_question_asked_again():
    turn = read("Moet ik dit echt invullen? Die cijfers geef ik liever niet zomaar.", "bm_rendement", PROFILE)
    assert turn.kind == "side" and not turn.store
    from bot.side_answers import side_answer
    assert "geen vraag is verplicht" in side_answer("stoppen", "Moet ik dit echt invullen?", "bm_rendement")


def test_taking_back_a_figure_as_a_guess_stores_that_it_is_not_known():
    answers = {**PROFILE, "jaaromzet": 12_000_000}
    turn = read("Ik moet die omzet terugnemen, die 12 miljoen was een gok. Het echte cijfer weet ik niet.", "regio",
                answers, last=("jaaromzet",))
    assert turn.kind == "correction" and turn.store.get("jaaromzet") == "onbekend"


def test_a_town_of_several_words_said_in_passing_is_taken():
    turn = read("Meubelmakerij in Bergen op Zoom, met 12 man", "sector", {})
    assert turn.store.get("regio") == "noord-brabant" and turn.store.get("medewerkers") == 12


def test_adding_to_a_proposed_list_proposes_both():
    proposal = Proposal("knelpunten", ["personeel"], "", "unsure")
    turn = read("o ja, bij die vorige vergat ik het geld, de bank wil niet", "knelpunten", PROFILE,
                proposals={"knelpunten": proposal})
    assert turn.propose["knelpunten"].value == ["financiering", "personeel"] and not turn.store


def test_dat_vorige_klopt_niet_at_a_proposal_corrects_the_answer_before_not_the_proposal():
    proposal = Proposal("org_capaciteit", "1", "", "mentioned")
    turn = read("Nee, dat vorige klopt niet, dat was te mooi. We doen het hier zoals we het altijd gedaan hebben.",
                "org_capaciteit", {**PROFILE, "org_cultuur": "3"}, last=("org_cultuur",),
                proposals={"org_capaciteit": proposal})
    assert turn.store == {"org_cultuur": "1"} and "org_capaciteit" not in turn.propose


def test_a_correction_that_names_the_old_figure_as_the_past_takes_the_new_one():
    turn = read("Excuus, ik moet mijn vorige antwoord herstellen: het zijn er 31. Met 52 waren we vroeger.",
                "jaaromzet", {"sector": "metaal", "medewerkers": 52}, last=("medewerkers",))
    assert turn.store == {"medewerkers": 31}


def test_an_earlier_booster_trajectory_named_in_a_scored_answer_is_proposed_for_later():
    turn = read("Na ons Mkb-Booster-traject van vorig jaar hebben we een globaal plan met een paar stappen.",
                "org_strategie", PROFILE)
    assert turn.propose["eerder_traject"].value == "ja"


def test_a_question_about_the_organisation_at_consent_is_answered_never_taken_as_a_no():
    turn = read("Wat voor bedrijf is dat eigenlijk? Ik wil niet dat ik straks door verkopers word gebeld.",
                "toestemming", {**PROFILE, "wil_contact": "ja"})
    assert turn.kind == "side" and "toestemming" not in turn.store


def test_a_question_echoed_with_nooit_van_gehoord_is_a_question():
    turn = read("Wat is TechNoord voor club? Nooit van gehoord.", "toestemming", {**PROFILE, "wil_contact": "ja"})
    assert turn.kind == "side" and not turn.store


@pytest.mark.parametrize("text,answers,last,expected", [
    ("Dat omzetbedrag van net moet je niet gebruiken, ik gokte maar wat.", {"jaaromzet": 1_500_000},
     "jaaromzet", {"jaaromzet": "onbekend"}),
    ("Even terug naar het aantal mensen: die 40 is alleen de werkplaats. Met kantoor erbij zijn we met 52.",
     {"medewerkers": 40}, "medewerkers", {"medewerkers": 52}),
])
def test_more_corrections_in_the_owners_words(text, answers, last, expected):
    turn = read(text, "regio", {"sector": "metaal", **answers}, last=(last,))
    assert turn.kind == "correction" and turn.store == expected


def test_after_a_no_a_close_call_is_shown_back_again():
    proposal = Proposal("bm_ketenpositie", "1", "", "mentioned")
    turn = read("nee, altijd op tekening van de klant. Meedenken mag, maar beslissen doen zij.", "bm_ketenpositie",
                PROFILE, proposals={"bm_ketenpositie": proposal})
    assert "bm_ketenpositie" not in turn.store and "bm_ketenpositie" in turn.propose


@NEEDS_LEARNED_READER
def test_after_a_no_a_close_call_both_readers_are_sure_of_is_taken():
    proposal = Proposal("bm_ketenpositie", "1", "", "mentioned")
    turn = read("nee, altijd op tekening van de klant, dat zijn er een stuk of veertig. Meedenken mag, maar "
                "beslissen doen zij.", "bm_ketenpositie", PROFILE, proposals={"bm_ketenpositie": proposal})
    assert turn.store.get("bm_ketenpositie") == "2" and "bm_ketenpositie" not in turn.propose, turn.trace


def test_er_bij_staan_is_no_addition_to_an_earlier_answer():
    turn = read("Een snijplotter en een CNC-freesje, elk staat op zich en je moet er steeds bij staan.",
                "tech_automatisering", {**PROFILE, "regio": "utrecht"}, last=("regio",))
    assert turn.kind == "answer" and "regio" not in turn.clear and turn.store.get("tech_automatisering") == "2"


def test_a_figure_said_to_be_unknown_in_passing_is_proposed_as_not_known():
    turn = read("Een man of veertig. De omzet weet ik niet, die houdt de eigenaar voor zich.", "medewerkers",
                {"sector": "metaal"})
    assert turn.store.get("medewerkers") == 40 and turn.propose["jaaromzet"].value == "onbekend"


def test_a_correction_of_an_answer_before_keeps_the_proposal_that_waits():
    proposal = Proposal("org_samenwerking", "4", "", "mentioned")
    turn = read("Daar moet ik op terugkomen, op dat opleiden. Te mooi gezegd: we investeren er gericht in, maar een "
                "plan voor iedereen is er nog niet.", "org_samenwerking", {**PROFILE, "org_vaardigheden": "4"},
                last=("org_vaardigheden",), proposals={"org_samenwerking": proposal})
    assert "org_samenwerking" not in turn.drop and "org_vaardigheden" in turn.propose


def test_a_dont_know_said_twice_in_a_correction_is_no_answer_to_the_open_question():
    answers = {**PROFILE, "jaaromzet": 3_000_000}
    turn = read("Even rechtzetten over de omzet: die drie miljoen heb ik gegokt. Ik weet het echt niet, dat "
                "doet de accountant.", "tech_robotisering", answers, last=("jaaromzet",))
    assert turn.kind == "correction" and turn.store == {"jaaromzet": "onbekend"}


def test_details_given_with_a_clear_yes_are_given_with_consent():
    turn = read("Ja hoor, prima. Ik ben Marijke van der Laan van Van der Laan Kozijnen, mailen kan naar "
                "marijke@vdlaan.example", "toestemming")
    assert turn.store == {"toestemming": "ja", "contact_naam": "Marijke van der Laan",
                          "contact_email": "marijke@vdlaan.example"}, turn


@pytest.mark.parametrize("text,turnover", [
    ("Met 40 man, en vorig jaar hebben we zo'n 7 miljoen omgezet", 7_000_000),
    ("Zo'n 40. De omzet, mocht je dat willen weten, zit rond de 7 miljoen.", 7_000_000),
])
def test_a_turnover_said_beside_the_staff_is_taken(text, turnover):
    assert read(text, "medewerkers").store == {"medewerkers": 40, "jaaromzet": turnover}


@pytest.mark.parametrize("text", ["Komen die cijfers van mij dan bij de bank terecht? Dat wil ik niet hebben.",
                                  "Ziet de adviseur ook wat we verdienen? Ik heb liever niet dat dat rondgaat."])
def test_a_question_that_opens_with_its_verb_at_the_consent_question_is_no_refusal(text):
    turn = read(text, "toestemming")
    assert "toestemming" not in turn.store and not turn.propose, turn


def test_excuus_opens_a_correction():
    answers = {**PROFILE, "jaaromzet": 12_000_000}
    turn = read("Excuus, dat omzetcijfer was van vorig jaar. Dit jaar zitten we op 14 miljoen.", "balanstotaal",
                answers, last=("jaaromzet",))
    assert turn.kind == "correction" and turn.store == {"jaaromzet": 14_000_000}


def test_a_correction_about_an_idea_box_goes_to_the_culture_answer_not_to_the_open_question():
    answers = {**PROFILE, "org_cultuur": "3"}
    turn = read("Over die ideeënbus van net: die hangt er, maar er zit nooit iets in. We doen het zoals altijd.",
                "org_capaciteit", answers, last=("org_cultuur",))
    assert turn.kind == "correction" and "org_capaciteit" not in turn.store and "org_capaciteit" not in turn.propose


def test_dat_x_is_eigenlijk_corrects_the_answer_that_named_x():
    answers = {**PROFILE, "tech_digitalisering": "2"}
    turn = read("Dat planningspakket is eigenlijk gewoon een whiteboard. Zet maar op papier.", "tech_implementatie",
                answers, last=("tech_digitalisering",))
    taken = turn.store.get("tech_digitalisering") or turn.propose["tech_digitalisering"].value
    assert turn.kind == "correction" and taken == "1", turn


def test_a_turnover_per_year_said_with_the_profile_is_taken():
    turn = read("Fijnmechanica, we zijn met 22 man in Eindhoven en doen zo'n 4 miljoen per jaar.", "sector")
    assert turn.store.get("jaaromzet") == 4_000_000 and "bm_innovatiebudget" not in turn.propose


def test_was_fout_with_the_topic_named_corrects_that_answer():
    answers = {**PROFILE, "tech_robotisering": "3"}
    turn = read("Dat van die robot was fout: het is een stapelaar, geen robot.", "tech_digitalisering", answers,
                last=("tech_robotisering",))
    assert turn.kind == "correction" and "tech_digitalisering" not in turn.store


@pytest.mark.parametrize("text,asked,stored", [
    # a product word before "hier in" does not hide the own place
    ("We maken worst en ham, hier in Boxtel, al sinds 1961", "sector", {"regio": "noord-brabant"}),
    # a turnover in number words is not the village of Acht
    ("Acht miljoen euro", "jaaromzet", {"jaaromzet": 8_000_000}),
])
def test_places_in_passing_from_the_unseen_sets_63_to_66(text, asked, stored):
    turn = read(text, asked, {"sector": "metaal", "medewerkers": 30} if asked != "sector" else {})
    assert {q: turn.store.get(q) for q in stored} == stored and "regio" not in turn.propose, turn.trace
    if asked == "jaaromzet":
        assert "regio" not in turn.store, turn.trace


def test_the_seat_named_after_a_family_member_is_the_own_place():
    turn = read("We maken hekwerk. Mijn opa is ermee begonnen en we zijn gevestigd aan de rand van Meppel.", "sector",
                {})
    assert turn.store.get("regio") == "drenthe", turn.trace


def test_a_turnover_said_with_om_far_from_zetten_is_taken_in_passing():
    turn = read("We zijn met 31 man en we zetten per jaar zo ongeveer 4,2 miljoen euro om.", "medewerkers",
                {"sector": "metaal"})
    assert turn.store.get("medewerkers") == 31 and turn.store.get("jaaromzet") == 4_200_000, turn.trace


@pytest.mark.parametrize("text,asked,not_stored", [
    # a count of things is no turnover, and "koekjes te draaien" no "we draaien 3 miljoen"
    ("Voor die klant pakten we 15.000 dozen in, met z'n allen koekjes te draaien", "sector", "jaaromzet"),
    # a verb that is also a village ("zetten") names no place in a list of what the shop does
    ("300 panelen: knippen, zetten en lassen, dat is ons werk", "sector", "regio"),
])
def test_nothing_taken_in_passing_from_the_unseen_sets_71_to_74(text, asked, not_stored):
    turn = read(text, asked, {})
    assert not_stored not in turn.store and not_stored not in turn.propose, turn.trace


def test_nuanceren_corrects_the_answer_before():
    turn = read("Dat van die robots moet ik nuanceren: we hebben één lasrobot, verder doen we alles zonder robots.",
                "tech_digitalisering", {**PROFILE, "tech_robotisering": "4"}, last=("tech_robotisering",))
    assert turn.kind == "correction" and "tech_robotisering" in {**turn.store, **turn.propose}, turn.trace


def test_a_fixed_day_a_week_for_improvements_is_told_in_passing():
    turn = read("Ideeën komen veel van de vloer. Onze werkvoorbereider heeft elke week een vaste middag om ze uit "
                "te werken.", "org_cultuur", PROFILE)
    assert "org_capaciteit" in turn.propose, turn.trace


@pytest.mark.parametrize("text,stored,proposed", [
    ("drukkerij zwolle 23 man 3 mil", {"medewerkers": 23, "regio": "overijssel"}, {"jaaromzet": 3_000_000}),
    ("kunststof, hengelo", {"regio": "overijssel"}, {}),
    ("timmerfabriek, 14 man, best", {"medewerkers": 14, "regio": "noord-brabant"}, {}),
])
def test_a_line_of_facts_typed_on_a_phone(text, stored, proposed):
    turn = read(text, "sector", {})
    assert {q: turn.store.get(q) for q in stored} == stored, turn.trace
    assert {q: turn.propose[q].value for q in proposed if q in turn.propose} == proposed, turn.trace


def test_die_vorige_at_a_proposal_of_the_owners_own_words_points_at_that_proposal():
    # the owner's last answer was shown back ("klopt dat?"); "die vorige" is that answer, not the one before it,
    # even when the words name the topic of the one before ("machines")
    answers = {**{k: v for k, v in PROFILE.items() if k != "tech_digitalisering"}, "tech_automatisering": "3"}
    shown = Proposal("tech_digitalisering", "3", "Alles draait op ons ERP, de machines hangen eraan", "unsure")
    turn = read("Wacht even, die vorige was te mooi: we hebben een ERP, maar de machines hangen er niet aan",
                "tech_digitalisering", answers, last=("tech_automatisering",),
                proposals={"tech_digitalisering": shown})
    assert "tech_automatisering" not in {*turn.store, *turn.propose, *turn.drop}, turn.trace
    assert "tech_digitalisering" in turn.propose or turn.kind == "reask", turn.trace


def test_zetten_om_in_a_sentence_is_no_village():
    turn = read("We zijn met zeventig man en zetten zo'n 32 miljoen om.", "medewerkers", {"sector": "metaal"})
    assert "regio" not in turn.store and turn.store.get("jaaromzet") == 32_000_000, turn.trace
