"""Tests of bot.numbers: Dutch number words, head counts and euro amounts."""
from __future__ import annotations

import pytest

from bot.numbers import format_amount, names_money, parse_amount, parse_count, read_amount, read_count, words_to_digits


@pytest.mark.parametrize("text,expected", [
    ("twee komma vijf miljoen", "2,5 miljoen"),      # text2num alone gives "2,5000000"
    ("anderhalf miljoen", "1,5 miljoen"),            # text2num alone leaves "anderhalf"
    ("tweeënhalf miljoen", "2,5 miljoen"),
    ("zeven en een half miljoen", "7,5 miljoen"),
    ("een half miljoen", "0,5 miljoen"),
    ("zo'n vijfenveertig man", "zo'n 45 man"),
    ("750 duizend", "750 duizend"),
    ("twee man", "2 man"),
    ("één of twee keer", "1 of 2 keer"),
    ("tussen de vijf en zes miljoen", "tussen de 5 tot 6000000"),
])
def test_words_to_digits(text, expected):
    assert words_to_digits(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("zo'n vijfenveertig man", 45),
    ("45 fte", 45),
    ("45 medewerkers", 45),
    ("tussen de 30 en 40 fte", 35),
    ("dertig à veertig", 35),
    ("30-40 man", 35),
    ("we zijn met z'n twaalven", 12),
    ("met ons vieren", 4),
    ("Honderdtwintig", 120),
    ("85 mensen, de ploegendienst meegerekend", 85),
    ("twee", 2),
    ("een stuk of veertig", 40),
    ("45 man waarvan 10 op kantoor", 45),
    ("sinds 1998, nu 30 man", 30),
    ("42,5 fte", 43),
    ("1.200 medewerkers", 1200),
    ("ik alleen", 1),
    ("Wij zijn een bedrijf met 12 werknemers", 12),
])
def test_parse_count(text, expected):
    assert parse_count(text) == expected


@pytest.mark.parametrize("text", [
    "geen idee", "best veel", "10 in Zwolle en 4 verkopers, 2 vestigingen",
])
def test_parse_count_not_confident(text):
    assert parse_count(text) is None


@pytest.mark.parametrize("text,expected", [
    ("6,5 miljoen", 6_500_000),
    ("Vorig jaar ongeveer 6,5 miljoen", 6_500_000),
    ("8,5 mln", 8_500_000),
    ("ruim 12 miljoen", 12_500_000),
    ("€ 3.200.000", 3_200_000),
    ("3,2M", 3_200_000),
    ("€1,4m", 1_400_000),
    ("anderhalf miljoen", 1_500_000),
    ("twee komma vijf miljoen", 2_500_000),
    ("rond de 1,4 miljoen", 1_400_000),
    ("750 duizend", 750_000),
    ("750k", 750_000),
    ("drie ton", 300_000),
    ("anderhalve ton", 150_000),
    ("vierentwintig miljoen", 24_000_000),
    ("twee miljoen vijfhonderdduizend", 2_500_000),
    ("2 miljoen en 500 duizend", 2_500_000),
    ("tussen de 5 en 6 miljoen", 5_500_000),
    ("tussen de vijf en zes miljoen", 5_500_000),
    ("5 à 6 ton", 550_000),
    ("€ 850.000,-", 850_000),
    ("250.000 euro", 250_000),
    ("1,2 miljard", 1_200_000_000),
    ("in 2023 zo'n 4 miljoen", 4_000_000),
    ("we doen 300 m2 productie en 4 miljoen omzet", 4_000_000),
    ("EUR 2.5 million", 2_500_000),
    ("nog geen omzet", 0),
])
def test_parse_amount(text, expected):
    assert parse_amount(text).value == expected


@pytest.mark.parametrize("text", ["24", "€ 24", "ongeveer 6"])
def test_small_bare_amount_is_ambiguous(text):
    amount = parse_amount(text)
    assert amount.value is None
    assert "miljoen" in amount.note and "duizend" in amount.note


def test_two_different_amounts_are_not_guessed():
    amount = parse_amount("vorig jaar 6 miljoen, dit jaar 7 miljoen")
    assert amount.value is None and "meer dan één" in amount.note


def test_no_amount():
    assert parse_amount("weet ik niet").value is None


@pytest.mark.parametrize("text,value,low,high,vague", [
    ("bijna 250", 245, 225, 249, False),
    ("net geen 250 man", 245, 225, 249, False),
    ("ruim veertig man", 42, 41, 48, False),
    ("rond de 50", 50, 45, 55, False),
    ("hooguit 20 mensen", 20, 16, 20, False),
    ("3 in de werkplaats en 2 op kantoor", 5, 5, 5, False),
    ("12 op de vloer, 3 op kantoor en ikzelf", 15, 15, 15, False),
    ("40 vast en 10 flex", 40, 40, 40, True),   # flex workers of an agency are not staff
    ("50 man en 10 uitzendkrachten", 50, 50, 50, True),   # temps work for the agency
    ("249, de 250ste begint volgende maand", 249, 249, 249, False),
    ("tussen 30 en 40", 35, 30, 40, False),
])
def test_read_count_keeps_qualifiers_sums_and_ranges(text, value, low, high, vague):
    q = read_count(text)
    assert (q.value, round(q.low), round(q.high), q.vague) == (value, low, high, vague)


@pytest.mark.parametrize("text,value,qualifier,vague", [
    ("nog geen miljoen", 900_000, "below", True),
    ("bijna 50 miljoen", 49_000_000, "below", False),
    ("iets meer dan 50 miljoen", 52_000_000, "above", False),
    ("ruim 43 miljoen", 44_700_000, "above", False),
    ("een paar miljoen", 2_500_000, "around", True),
    ("een tonnetje of acht", 800_000, "around", True),
    ("rond de 12 miljoen", 12_000_000, "around", False),
    ("400k per maand", 4_800_000, "", False),
])
def test_read_amount_keeps_qualifiers(text, value, qualifier, vague):
    q = read_amount(text)
    assert (q.value, q.qualifier, q.vague) == (value, qualifier, vague)


@pytest.mark.parametrize("text,quantity,value", [
    ("omzet 12 miljoen, winst 800 duizend", "omzet", 12_000_000),
    ("eigen vermogen is 10 miljoen", "balans", None),
    ("het eigen vermogen is 10 miljoen en de balans 30 miljoen", "balans", 30_000_000),
    ("we draaien 8 miljoen omzet en investeren 500k per jaar", "omzet", 8_000_000),
])
def test_read_amount_is_about_the_quantity_asked(text, quantity, value):
    assert read_amount(text, quantity).value == value


def test_a_bound_that_crosses_nothing_is_still_bounded():
    assert read_amount("nog geen miljoen").high < 1_000_000
    assert read_count("bijna 250").high < 250


@pytest.mark.parametrize("euros,expected", [
    (6_500_000, "€ 6,5 miljoen"), (24_000_000, "€ 24 miljoen"), (750_000, "€ 750.000"),
    (1_250_000, "€ 1,25 miljoen"), (2_000_000_000, "€ 2 miljard"),
])
def test_format_amount(euros, expected):
    assert format_amount(euros) == expected


@pytest.mark.parametrize("text,money", [
    ("zo'n anderhalve miljoen dacht ik", True), ("€ 425.000", True), ("rond de 900k", True),
    ("vier ton ongeveer", True), ("2,4 mln", True), ("dertig euro per uur", True),
    ("k heb er 14 lopen", False), ("mn broer en ik plus 6 man", False), ("we zijn met 32 mensen", False),
])
def test_names_money(text, money):
    assert names_money(text) is money
