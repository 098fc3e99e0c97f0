"""The words every part of the product shares: the bot, the actions, the web service, the portal,
the dashboard and the widget. One place: a value here is spelled the same everywhere, and
tests/core/test_contract.py checks domain/, data/, the questionnaire and widget.js against it.

Question ids and option values come from ../shared/spec/questionnaire.md (and so from
bot/questionnaire.yml); the payload types from ../shared/spec/contract.md.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Final

# ---------------------------------------------------------------- results
LEVELS: Final = ("achterblijver", "volger", "ontwikkelaar", "koploper")
TARGET_GROUP: Final = ("achterblijver", "volger")          # the programme's target group (domain.md)
SCORED_DIMENSIONS: Final = ("technologie", "organisatie", "businessmodel")

ELIGIBLE: Final = "eligible"
CHECK_NEEDED: Final = "check_needed"
NOT_ELIGIBLE: Final = "not_eligible"
ELIGIBILITY_STATUSES: Final = (ELIGIBLE, CHECK_NEEDED, NOT_ELIGIBLE)
ROUTABLE: Final = frozenset({ELIGIBLE, CHECK_NEEDED})          # only these are handed over, with consent
PROGRAMME_OFFICE: Final = "programmabureau"                   # the queue when no intermediary can take a lead
UNKNOWN: Final = "onbekend"

# ---------------------------------------------------------------- questions, by part of the conversation
PROFILE: Final = ("sector", "medewerkers", "jaaromzet", "balanstotaal", "regio")
SCAN_PARTS: Final = ("profiel", "technologie", "organisatie", "businessmodel", "knelpunten", "interesse")
FOLLOW_UP: Final = ("nieuwe_inzichten", "wil_contact")
ELIGIBILITY_QUESTIONS: Final = ("eerder_traject", "ontvangen_steun", "bereid_plan")
# What the eligibility rules read: the profile facts and the three eligibility answers.
ELIGIBILITY_FACTS: Final = ("medewerkers", "jaaromzet", "balanstotaal", "sector") + ELIGIBILITY_QUESTIONS
CONSENT: Final = "toestemming"
RESCAN: Final = "herscan"                     # set (not asked) when the owner redoes the scan on an invitation
RESCAN_CONSENT: Final = "herscan_delen"
CONTACT: Final = ("bedrijfsnaam", "kvk_nummer", "contact_naam", "contact_email", "contact_telefoon")
PERSONAL: Final = frozenset(CONTACT)          # never stored before consent, never in analytics

# ---------------------------------------------------------------- leads
LEAD_NEW: Final = "nieuw"
LEAD_IN_PROGRESS: Final = "in_behandeling"
LEAD_CONTACTED: Final = "contact_gelegd"
LEAD_PLAN: Final = "plan_van_aanpak"
LEAD_DONE: Final = "afgerond"
LEAD_REJECTED: Final = "afgewezen"
LEAD_WITHDRAWN: Final = "ingetrokken"
LEAD_FLOW: Final = (LEAD_NEW, LEAD_IN_PROGRESS, LEAD_CONTACTED, LEAD_PLAN, LEAD_DONE)
LEAD_STATUSES: Final = LEAD_FLOW + (LEAD_REJECTED, LEAD_WITHDRAWN)

# ---------------------------------------------------------------- campaigns and analytics
CAMPAIGN_KEYS: Final = ("utm_source", "utm_medium", "utm_campaign", "site")   # first-message metadata
EVENT_TYPES: Final = ("started", "question_asked", "question_answered", "result", "nieuwe_inzichten",
                      "wil_contact", "eligibility", "consent", "handover", "end")
# Head-count bands shown in analytics and peer comparisons: (from, below, label); None = no upper bound.
SIZE_CLASSES: Final = ((0, 10, "0-9"), (10, 50, "10-49"), (50, 250, "50-249"), (250, None, "250+"))


def size_class(staff: object) -> str | None:
    """The band label of a head count ("10-49"), or None when it is no number."""
    if isinstance(staff, bool) or not isinstance(staff, (int, float)):
        return None
    return next(label for low, high, label in SIZE_CLASSES if staff >= low and (high is None or staff < high))


# ---------------------------------------------------------------- the conversation
NAVIGATION_INTENTS: Final = ("terug", "opnieuw")
SIDE_INTENTS: Final = ("vraag_waarom", "vraag_uitleg", "vraag_kosten", "vraag_duur", "vraag_privacy",
                       "vraag_mens", "vraag_programma", "buiten_bereik", "stoppen", "begroeting", "afscheid")
ANSWER_INTENT: Final = "antwoord"
INTENTS: Final = (ANSWER_INTENT,) + SIDE_INTENTS + NAVIGATION_INTENTS
PAYLOAD_TYPES: Final = ("question", "result", "eligibility", "handover", "end")   # contract.md `custom`


def glossary_id(term: str) -> str:
    """The one spelling of a glossary term, as the NLU's synonyms and the questionnaire's glossary
    use it: "Plan van aanpak", "plan-van-aanpak", "plan_van_aanpak" -> "plan_van_aanpak"."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", term.lower()) if not unicodedata.combining(c))
    return re.sub(r"[\s_-]+", "_", folded.strip(" .?!,'\""))
