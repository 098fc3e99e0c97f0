"""Every routing case of the example registry (contract.md), deterministic."""
from datetime import date

import pytest

from bot import routing

REGISTRY = routing.load_registry(routing.DEFAULT_REGISTRY_PATH)
TODAY = date(2026, 11, 22)


def route(regio, sector, interesse=(), status="eligible", consent=True, counts=None, today=TODAY):
    chosen = routing.route(status, consent, regio, sector, list(interesse), REGISTRY, counts or {}, today)
    return chosen.intermediary_id if chosen else None


@pytest.mark.parametrize("regio, sector, interesse, expected", [
    ("noord-brabant", "metaal", ["robotisering"], "brabant-maakt-slimmer"),
    ("limburg", "elektrotechniek", [], "brabant-maakt-slimmer"),
    ("friesland", "voedingsmiddelen", ["vision_kwaliteit"], "technoord-advies"),  # V&V expired
    ("gelderland", "machinebouw", ["additive"], "metaal-innovatie-oost"),
    ("utrecht", "hout_meubel", ["robotisering"], "randstad-productiecoaches"),    # MNI inactive
    ("gelderland", "hout_meubel", [], "programmabureau"),                          # MNI inactive
    ("limburg", "kunststof_rubber", ["additive"], "programmabureau"),              # capacity 0
    ("zeeland", "metaal", [], "programmabureau"),
    ("zeeland", "voedingsmiddelen", [], "delta-maakkracht"),
])
def test_example_registry_cases(regio, sector, interesse, expected):
    assert route(regio, sector, interesse) == expected


def test_expertise_overlap_ranks_first_then_count_then_id():
    # zuid-holland voedingsmiddelen: Randstad (alle sectors) and Delta both cover it.
    assert route("zuid-holland", "voedingsmiddelen", ["energie_duurzaamheid"]) == "delta-maakkracht"
    assert route("zuid-holland", "voedingsmiddelen", ["data_sensoren"]) == "randstad-productiecoaches"
    # no overlap either way: fewest leads this month, then id
    assert route("zuid-holland", "voedingsmiddelen", []) == "delta-maakkracht"
    assert route("zuid-holland", "voedingsmiddelen", [], counts={"delta-maakkracht": 3}) \
        == "randstad-productiecoaches"


def test_full_capacity_is_skipped():
    assert route("noord-brabant", "metaal", counts={"brabant-maakt-slimmer": 20}) == "programmabureau"
    assert route("noord-brabant", "metaal", counts={"brabant-maakt-slimmer": 19}) == "brabant-maakt-slimmer"


def test_qualification_date_is_inclusive():
    assert route("gelderland", "metaal", today=date(2030, 6, 30)) == "metaal-innovatie-oost"
    assert route("gelderland", "metaal", today=date(2030, 7, 1)) == "programmabureau"


@pytest.mark.parametrize("status, consent", [("not_eligible", True), ("eligible", False), ("check_needed", False)])
def test_no_handover_without_status_and_consent(status, consent):
    assert route("noord-brabant", "metaal", status=status, consent=consent) is None


def test_check_needed_is_routed():
    assert route("noord-brabant", "metaal", status="check_needed") == "brabant-maakt-slimmer"


def test_registry_errors_are_clear(tmp_path):
    bad = tmp_path / "registry.json"
    bad.write_text('[{"id": "x", "name": "X", "qualified_until": "morgen"}]')
    with pytest.raises(routing.RegistryError, match="'x'"):
        routing.load_registry(bad)
