"""Peer comparison on the report: shown with at least ten comparable scans, never with fewer."""
from __future__ import annotations

import uuid

from api_html import parse
from api_testkit import full_answers, put_assessment, scored_answers

from api.reports import peers
from bot import questionnaire

TOKEN = "peers-token-abcdefghij0123"


def own_scan(client, previous_report_token: str | None = None, **overrides) -> None:
    extra = {"previous_report_token": previous_report_token} if previous_report_token else {}
    put_assessment(client, full_answers(**overrides), token=TOKEN, **extra)


def others(client, count: int, **overrides) -> list[str]:
    """`count` other companies, all answering 3 (scores 67)."""
    return [put_assessment(client, full_answers(**{**scored_answers("3"), **overrides}))[0] for _ in range(count)]


def peer_section(client):
    page = parse(client.get(f"/rapport/{TOKEN}").text)
    found = page.find_all("section", cls="peers")
    return page, (found[0] if found else None)


def test_ten_companies_in_the_same_sector_give_a_comparison(client):
    others(client, peers.MIN_PEERS, sector="metaal", medewerkers=300)
    put_assessment(client, {"sector": "metaal"})  # unfinished: no level, never a peer
    own_scan(client, sector="metaal", medewerkers=45)
    page, section = peer_section(client)
    assert section is not None
    assert section.attrs["data-peer-kind"] == "sector"
    assert section.attrs["data-peer-count"] == str(peers.MIN_PEERS)
    label = questionnaire.load()["sector"].label_for("metaal").lower()
    assert label in section.text()
    rows = {r.attrs["data-dimension"]: r for r in section.find("tbody").find_all("tr")}
    for dimension in questionnaire.SCORED_DIMENSIONS:
        assert rows[dimension].find("td", data_peer="67").text() == "67"
        assert rows[dimension].find_all("td")[-1].text() == "duidelijk lager"
    # The chart marks the average too, in its text alternative and as a line.
    chart = page.find(cls="chart__row", data_dimension="technologie")
    assert chart.find("line", cls="chart__peer").attrs["x1"] == "67"
    assert "vergelijkbare bedrijven 67" in chart.find("svg").attrs["aria-label"]


def test_nine_companies_are_not_enough(client):
    others(client, peers.MIN_PEERS - 1, sector="metaal", medewerkers=300)
    others(client, 3, sector="voedingsmiddelen", medewerkers=300)
    own_scan(client, sector="metaal", medewerkers=45)
    page, section = peer_section(client)
    assert section is None
    assert not page.find_all("line", cls="chart__peer")
    assert "vergelijkbare" not in page.find(cls="chart").text()


def test_same_size_class_when_the_sector_has_too_few(client):
    others(client, 5, sector="metaal", medewerkers=300)
    others(client, peers.MIN_PEERS, sector="kunststof_rubber", medewerkers=12)
    others(client, 4, sector="kunststof_rubber", medewerkers=50)  # the next class up
    own_scan(client, sector="metaal", medewerkers=49)
    _, section = peer_section(client)
    assert section is not None
    assert section.attrs["data-peer-kind"] == "grootte"
    assert section.attrs["data-peer-count"] == str(peers.MIN_PEERS)
    assert "10 tot en met 49 medewerkers" in section.text()


def test_the_companys_own_earlier_scan_is_no_peer(client):
    ids = others(client, peers.MIN_PEERS - 1, sector="metaal")
    earlier_token = uuid.uuid4().hex
    put_assessment(client, full_answers(**scored_answers("3")), token=earlier_token)
    own_scan(client, previous_report_token=earlier_token)
    _, section = peer_section(client)
    assert section is None, f"{len(ids)} others plus the own earlier scan must not make ten"


def test_size_classes():
    assert [peers.size_class(n) for n in (0, 9, 10, 49, 50, 249, 250, 5000)] == [
        (0, 10), (0, 10), (10, 50), (10, 50), (50, 250), (50, 250), (250, None), (250, None)]
    assert peers.size_class(None) is None and peers.size_class(-1) is None and peers.size_class(True) is None
    assert peers.size_text((250, None)) == "250 of meer medewerkers"


def test_level_and_comparison_tell_one_story(client):
    """The issue's report: an achterblijver a little above peers who are achterblijvers themselves."""
    others(client, 1, sector="metaal", **scored_answers("1"))  # 0
    others(client, peers.MIN_PEERS - 1, sector="metaal", **scored_answers("2"))  # 33 each: average 30
    own_scan(client, sector="metaal", **scored_answers("2"))  # 33, achterblijver
    page, section = peer_section(client)
    [story] = [node.text() for node in page.iter() if "data-peer-story" in node.attrs]
    assert story == ("Jullie scoren iets boven vergelijkbare bedrijven (gemiddeld 30 van de 100), die zelf ook nog "
                     "vooral achterblijvers zijn. Er ligt dus voor jullie én voor de hele branche nog veel winst.")
    rows = {r.attrs["data-dimension"]: r for r in section.find("tbody").find_all("tr")}
    assert rows["totaal"].find_all("td")[-1].text() == "iets hoger"


def test_the_story_names_the_levels_when_they_differ():
    q = questionnaire.load()
    group = peers.PeerGroup("sector", "bedrijven uit dezelfde branche (metaal)", 12, {"totaal": 40})
    assert peers.story("achterblijver", 33, group, q) == (
        "Jullie scoren iets onder vergelijkbare bedrijven (gemiddeld 40 van de 100): die zijn gemiddeld al "
        "volgers, jullie nog achterblijver.")
    assert peers.story("ontwikkelaar", 62, group, q).endswith("die zijn gemiddeld nog volgers, jullie al ontwikkelaar.")
    assert peers.story("ontwikkelaar", 62, group, q, subject="Het bedrijf scoort", to_owner=False,
                       who="het bedrijf").endswith("die zijn gemiddeld nog volgers, het bedrijf al ontwikkelaar.")
    assert peers.story("volger", 41, group, q, to_owner=False) == (
        "Jullie scoren ongeveer gelijk met vergelijkbare bedrijven (gemiddeld 40 van de 100), die zelf ook nog "
        "vooral volgers zijn.")
    assert peers.story("volger", 41, None, q) == ""
    assert [peers.relation(score, 40) for score in (30, 31, 37, 38, 42, 43, 50)] == [
        "duidelijk onder", "iets onder", "iets onder", "ongeveer gelijk met", "ongeveer gelijk met", "iets boven",
        "duidelijk boven"]
