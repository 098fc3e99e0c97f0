"""The lead status workflow as plain rules (api/leads/workflow.py)."""
from __future__ import annotations

import pytest

from api.leads import workflow


def test_open_statuses_move_forward_or_to_rejected():
    assert workflow.next_statuses("nieuw") == ["in_behandeling", "contact_gelegd", "plan_van_aanpak",
                                               "afgerond", "afgewezen"]
    assert workflow.next_statuses("plan_van_aanpak") == ["afgerond", "afgewezen"]


@pytest.mark.parametrize("closed", ["afgerond", "afgewezen", "ingetrokken"])
def test_closed_statuses_are_final(closed):
    assert workflow.next_statuses(closed) == []
    with pytest.raises(workflow.WorkflowError, match="kan niet meer"):
        workflow.check(closed, "in_behandeling", None)


@pytest.mark.parametrize("current, new", [("contact_gelegd", "in_behandeling"), ("nieuw", "nieuw"),
                                          ("nieuw", "ingetrokken")])
def test_backwards_or_reserved_changes_are_refused(current, new):
    with pytest.raises(workflow.WorkflowError):
        workflow.check(current, new, None)


def test_rejecting_needs_a_reason_and_keeps_it():
    with pytest.raises(workflow.WorkflowError, match="reden"):
        workflow.check("nieuw", "afgewezen", "   ")
    assert workflow.check("nieuw", "afgewezen", "  Buiten onze regio ") == "Buiten onze regio"
    assert workflow.check("nieuw", "in_behandeling", "genegeerd") is None


def test_unknown_status_is_refused():
    with pytest.raises(workflow.WorkflowError, match="bestaat niet"):
        workflow.check("nieuw", "gewonnen", None)


@pytest.mark.parametrize("current, last_from, last_to, expected", [
    ("afgerond", "contact_gelegd", "afgerond", "contact_gelegd"),   # a forward step
    ("afgewezen", "nieuw", "afgewezen", "nieuw"),                     # a rejection
    ("contact_gelegd", "afgerond", "contact_gelegd", None),           # an undo is not undone again
    ("nieuw", "plan_van_aanpak", "nieuw", None),                      # the office's reassignment
    ("ingetrokken", "in_behandeling", "ingetrokken", None),           # the owner's withdrawal
    ("plan_van_aanpak", "nieuw", "in_behandeling", None),             # not the latest change any more
    ("nieuw", None, None, None),                                      # nothing changed yet
])
def test_only_the_advisers_latest_step_can_be_undone(current, last_from, last_to, expected):
    assert workflow.undo_target(current, last_from, last_to) == expected
