"""The status workflow of a lead: plain data and rules, no database.

nieuw -> in_behandeling -> contact_gelegd -> plan_van_aanpak -> afgerond (forward only; a step
may be skipped), or afgewezen with a reason from any open status. `ingetrokken` is set only by
the owner's erasure. Closed statuses are final, except that the adviser may undo their latest
step (a misclick): the undo is a change of its own back to where it came from, so the history
keeps both, and an undo is not itself undone.
"""
from __future__ import annotations

from bot import contract

NEW = contract.LEAD_NEW
IN_PROGRESS = contract.LEAD_IN_PROGRESS
CONTACTED = contract.LEAD_CONTACTED
PLAN = contract.LEAD_PLAN
DONE = contract.LEAD_DONE
REJECTED = contract.LEAD_REJECTED
WITHDRAWN = contract.LEAD_WITHDRAWN

FLOW = contract.LEAD_FLOW
CLOSED = frozenset({DONE, REJECTED, WITHDRAWN})
LABELS = {
    NEW: "Nieuw",
    IN_PROGRESS: "In behandeling",
    CONTACTED: "Contact gelegd",
    PLAN: "Plan van aanpak",
    DONE: "Afgerond",
    REJECTED: "Afgewezen",
    WITHDRAWN: "Ingetrokken",
}
ALL = contract.LEAD_STATUSES
MAX_REASON = 1000


class WorkflowError(ValueError):
    """A change the workflow does not allow; the message is Dutch, for the user."""


def label(status: str) -> str:
    return LABELS.get(status, status)


def next_statuses(current: str) -> list[str]:
    """The statuses a user may choose from `current`, in workflow order."""
    if current in CLOSED or current not in FLOW:
        return []
    return list(FLOW[FLOW.index(current) + 1:]) + [REJECTED]


def check(current: str, new: str, reason: str | None) -> str | None:
    """The reason to store (only for afgewezen), or WorkflowError when the change is not allowed."""
    reason = (reason or "").strip()
    if new not in ALL:
        raise WorkflowError("Deze status bestaat niet.")
    if current in CLOSED:
        raise WorkflowError(f"Deze lead is {label(current).lower()}: de status kan niet meer veranderen.")
    if new not in next_statuses(current):
        raise WorkflowError(f"Van '{label(current)}' kan de status niet naar '{label(new)}'.")
    if new == REJECTED:
        if not reason:
            raise WorkflowError("Geef een reden als je een lead afwijst.")
        if len(reason) > MAX_REASON:
            raise WorkflowError(f"De reden is te lang (hoogstens {MAX_REASON} tekens).")
        return reason
    return None


UNDO_REASON = "Ongedaan gemaakt"


def is_step(from_status: str, to_status: str) -> bool:
    """A change the adviser made with the status form: forward in the flow, or a rejection."""
    if from_status not in FLOW or from_status in CLOSED:
        return False
    if to_status == REJECTED:
        return True
    return to_status in FLOW and FLOW.index(to_status) > FLOW.index(from_status)


def undo_target(current: str, last_from: str | None, last_to: str | None) -> str | None:
    """The status an undo goes back to, or None when the latest change cannot be undone."""
    if last_from is None or last_to != current or current == WITHDRAWN:
        return None
    return last_from if is_step(last_from, last_to) else None
