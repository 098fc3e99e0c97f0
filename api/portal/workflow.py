"""The status workflow of a lead: plain data and rules, no database.

nieuw -> in_behandeling -> contact_gelegd -> plan_van_aanpak -> afgerond (forward only; a step
may be skipped), or afgewezen with a reason from any open status. `ingetrokken` is set only by
the owner's erasure. Closed statuses are final.
"""
from __future__ import annotations

NEW = "nieuw"
IN_PROGRESS = "in_behandeling"
CONTACTED = "contact_gelegd"
PLAN = "plan_van_aanpak"
DONE = "afgerond"
REJECTED = "afgewezen"
WITHDRAWN = "ingetrokken"

FLOW = (NEW, IN_PROGRESS, CONTACTED, PLAN, DONE)
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
ALL = FLOW + (REJECTED, WITHDRAWN)
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
