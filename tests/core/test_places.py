"""Tests of bot.places: province from place names, regions and postcodes."""
from __future__ import annotations

import csv
from collections import Counter

import pytest

from bot.places import DATA_DIR, PROVINCE_LABELS, province_for_postcode, province_from_text


@pytest.mark.parametrize("text,expected", [
    ("Eindhoven", "noord-brabant"), ("Brabant", "noord-brabant"), ("Den Bosch", "noord-brabant"),
    ("'s-Hertogenbosch", "noord-brabant"), ("Bergen op Zoom", "noord-brabant"),
    ("Fryslân", "friesland"), ("Friesland", "friesland"), ("Leeuwarden", "friesland"),
    ("Noord Holland", "noord-holland"), ("noord-holland", "noord-holland"),
    ("West-Friesland", "noord-holland"), ("Amsterdam", "noord-holland"),
    ("Zuid Holland", "zuid-holland"), ("Den Haag", "zuid-holland"),
    ("Capelle a/d IJssel", "zuid-holland"), ("Alphen aan den Rijn", "zuid-holland"),
    ("Utrecht", "utrecht"), ("Utrecht, op Lage Weide", "utrecht"), ("Veenendaal", "utrecht"),
    ("Groningen", "groningen"), ("Apeldoorn", "gelderland"), ("Achterhoek", "gelderland"),
    ("Zwolle", "overijssel"), ("Twente", "overijssel"), ("Almere", "flevoland"),
    ("Emmen", "drenthe"), ("Middelburg", "zeeland"), ("Zeeuws-Vlaanderen", "zeeland"),
    ("Roermond", "limburg"), ("Zuid-Limburg", "limburg"), ("Sittard-Geleen", "limburg"),
    ("We zitten op een industrieterrein in Venlo, vlakbij de Duitse grens", "limburg"),
    ("Bakkerij De Vries in Leeuwarden", "friesland"),
    ("We zitten in Best", "noord-brabant"),
    ("Limburg, vlakbij Eindhoven", "limburg"),     # a province beats a city
])
def test_place_names(text, expected):
    assert province_from_text(text).province == expected


@pytest.mark.parametrize("text,expected", [
    ("Eindhovn", "noord-brabant"), ("Gelderand", "gelderland"), ("Apeldorn", "gelderland"),
    ("Maastrcht", "limburg"), ("Rotterdm", "zuid-holland"),
])
def test_typos(text, expected):
    assert province_from_text(text).province == expected


@pytest.mark.parametrize("text", [
    "Het gaat best goed",            # 'Best' only as a place when it clearly is one
    "De omzet is aan het dalen",     # 'Dalen' (Drenthe)
    "in het oosten van het land",
    "Randstad",
])
def test_common_words_are_not_places(text):
    assert province_from_text(text).province is None


def test_name_in_two_provinces_is_not_guessed():
    match = province_from_text("Bergen")
    assert match.province is None and match.places


def test_conflicting_places():
    match = province_from_text("Vestigingen in Venlo en Eindhoven")
    assert match.province is None
    assert set(match.conflict) == {"limburg", "noord-brabant"}


@pytest.mark.parametrize("text,expected", [
    ("6041 AB", "limburg"), ("5612AZ Eindhoven", "noord-brabant"), ("postcode 5612", "noord-brabant"),
    ("1012 JS", "noord-holland"), ("3511", "utrecht"), ("9711 AA", "groningen"),
    ("8911", "friesland"), ("7511 JD", "overijssel"), ("1315", "flevoland"),
    ("4331", "zeeland"), ("2511", "zuid-holland"), ("6811", "gelderland"), ("9401", "drenthe"),
])
def test_postcodes(text, expected):
    assert province_from_text(text).province == expected


def test_postcode_wins_and_echo():
    assert province_from_text("6041 AB").echo == "Limburg (6041 AB)"
    assert province_from_text("Eindhoven").echo == "Noord-Brabant (Eindhoven)"
    assert province_from_text("Utrecht").echo == "Utrecht"


@pytest.mark.parametrize("code,expected", [
    (1000, "noord-holland"), (1300, "flevoland"), (2165, "noord-holland"), (2161, "zuid-holland"),
    (3925, "gelderland"), (4141, "utrecht"), (4691, "zeeland"), (5301, "gelderland"),
    (5801, "limburg"), (6021, "noord-brabant"), (6585, "limburg"), (7741, "drenthe"),
    (7951, "overijssel"), (8051, "gelderland"), (8251, "flevoland"), (8321, "flevoland"),
    (8391, "friesland"), (9351, "groningen"), (9761, "drenthe"), (9999, "groningen"),
    ("0123", None), ("12", None),
])
def test_province_for_postcode(code, expected):
    assert province_for_postcode(code) == expected


def test_data_covers_all_municipalities_and_postcodes():
    with open(DATA_DIR / "places_nl.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    municipalities = [r for r in rows if r["soort"] == "gemeente"]
    assert len(municipalities) == 342
    per_province = Counter(r["provincie"] for r in municipalities)
    assert set(per_province) == set(PROVINCE_LABELS)
    assert per_province["noord-brabant"] == 56 and per_province["flevoland"] == 6
    assert len(rows) > 1500
    with open(DATA_DIR / "postcodes_nl.csv", encoding="utf-8") as fh:
        ranges = [(int(r["van"]), int(r["tot"]), r["provincie"]) for r in csv.DictReader(fh)]
    expected_start = 1000
    for low, high, province in ranges:
        assert low == expected_start and high >= low and province in PROVINCE_LABELS
        expected_start = high + 1
    assert expected_start == 10000
