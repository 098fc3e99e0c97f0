"""An independent count of every dashboard figure, straight from the generator's events.

Written apart from api/analytics (it imports nothing from it): plain Python over the event
dicts, following the definitions the dashboard documents:
- a conversation is one conversation_id; "started events" counts `started` events;
- attribution from its earliest `started` event; week (ISO, Europe/Amsterdam) of its first event;
- profile done: sector, medewerkers, jaaromzet and regio answered; completed: a `result` event;
- level, sector, province, follow-up answers and eligibility: from the latest such event;
- abandoned: no `end` and the last event older than the abandon window; else still in progress;
- a question answered counts as asked; first try: from a question's first `question_answered`;
- drop-off point: the question asked last;
- accepted: a lead status of in_behandeling, contact_gelegd, plan_van_aanpak or afgerond;
- counts below 5 become "< 5", percentages too when their numerator or denominator is below 5.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PROFILE = {"sector", "medewerkers", "jaaromzet", "regio"}
ACCEPTED = {"in_behandeling", "contact_gelegd", "plan_van_aanpak", "afgerond"}
LEVELS = ["achterblijver", "volger", "ontwikkelaar", "koploper"]
HIDDEN = "< 5"


@dataclass
class Conv:
    id: str
    first: datetime
    last: datetime
    starts: int = 0
    campaign: str | None = None
    source: str | None = None
    site: str | None = None
    profile: bool = False
    completed: bool = False
    level: str | None = None
    sector: str | None = None
    province: str | None = None
    inzicht: str | None = None
    contact: str | None = None
    eligibility: str | None = None
    consent: str | None = None
    handover_at: datetime | None = None
    ended: bool = False
    last_question: str | None = None
    asked: set = field(default_factory=set)
    answered: set = field(default_factory=set)
    first_try: set = field(default_factory=set)
    accepted: bool = False

    @property
    def week(self) -> str:
        year, week, _ = self.first.astimezone(AMSTERDAM).isocalendar()
        return f"{year}-W{week:02d}"


def parse(moment: str) -> datetime:
    return datetime.fromisoformat(moment)


def conversations(events: list[dict], lead_status: dict[str, str]) -> list[Conv]:
    by_id: dict[str, list[tuple[datetime, int, dict]]] = defaultdict(list)
    for n, event in enumerate(events):
        by_id[event["conversation_id"]].append((parse(event["at"]), n, event))
    found = []
    for conversation_id, items in by_id.items():
        items.sort(key=lambda item: (item[0], item[1]))
        conv = Conv(conversation_id, items[0][0], items[-1][0])
        answered_before = set()
        for at, _, event in items:
            kind, data = event["type"], event["data"]
            if kind == "started":
                if conv.starts == 0:
                    conv.campaign, conv.source, conv.site = (data.get("utm_campaign"), data.get("utm_source"),
                                                             data.get("site"))
                conv.starts += 1
            if kind == "question_asked":
                conv.asked.add(data["question_id"])
                conv.last_question = data["question_id"]
            if kind == "question_answered" and data["question_id"] not in answered_before:
                answered_before.add(data["question_id"])
                conv.answered.add(data["question_id"])
                if data["first_try"]:
                    conv.first_try.add(data["question_id"])
            if kind == "result":
                conv.completed = True
                conv.level, conv.sector, conv.province = data.get("level"), data.get("sector"), data.get("province")
            if kind == "nieuwe_inzichten":
                conv.inzicht = data["value"]
            if kind == "wil_contact":
                conv.contact = data["value"]
            if kind == "eligibility":
                conv.eligibility = data["status"]
            if kind == "consent":
                conv.consent = data["value"]
            if kind == "handover" and conv.handover_at is None:
                conv.handover_at = at
            if kind == "end":
                conv.ended = True
        conv.asked |= conv.answered  # a question that was answered was asked
        conv.profile = conv.answered >= PROFILE
        conv.accepted = lead_status.get(conversation_id) in ACCEPTED
        found.append(conv)
    return found


def keep(conv: Conv, filters: dict[str, str]) -> bool:
    for name, value in filters.items():
        if name == "date_from":
            if conv.first.astimezone(AMSTERDAM).date() < date.fromisoformat(value):
                return False
            continue
        if name == "date_to":
            if conv.first.astimezone(AMSTERDAM).date() > date.fromisoformat(value):
                return False
            continue
        actual = group_of(conv, name)
        if (actual is None and value != "_geen") or (actual is not None and actual != value):
            return False
    return True


def group_of(conv: Conv, dimension: str) -> str | None:
    return {"campaign": conv.campaign, "source": conv.source, "site": conv.site, "province": conv.province,
            "sector": conv.sector, "week": conv.week}[dimension]


def shown(n: int):
    return n if n >= 5 else HIDDEN


def pct(part: int, whole: int):
    if part < 5 or whole < 5:
        return HIDDEN
    return round(100 * part / whole, 1)


def counts(convs: list[Conv], now: datetime, abandon_minutes: int) -> dict[str, int]:
    """Raw numbers of one group of conversations."""
    cutoff = now - timedelta(minutes=abandon_minutes)
    year = now.astimezone(AMSTERDAM).year
    done = [c for c in convs if c.completed]
    raw = {
        "conversations": len(convs),
        "started_events": sum(c.starts for c in convs),
        "started": len([c for c in convs if c.starts]),
        "profile": len([c for c in convs if c.profile]),
        "completed": len(done),
        "abandoned": len([c for c in convs if not c.ended and c.last < cutoff]),
        "in_progress": len([c for c in convs if not c.ended and c.last >= cutoff]),
        "with_level": len([c for c in done if c.level]),
        "target_group": len([c for c in done if c.level in ("volger", "achterblijver")]),
        "aware_answered": len([c for c in convs if c.inzicht]),
        "aware_ja": len([c for c in convs if c.inzicht == "ja"]),
        "aware_een_beetje": len([c for c in convs if c.inzicht == "een_beetje"]),
        "aware_nee": len([c for c in convs if c.inzicht == "nee"]),
        "wil_contact": len([c for c in convs if c.contact == "ja"]),
        "eligible": len([c for c in convs if c.eligibility in ("eligible", "check_needed")]),
        "consent": len([c for c in convs if c.consent == "ja"]),
        "handoffs": len([c for c in convs if c.handover_at]),
        "handoffs_this_year": len([c for c in convs
                                   if c.handover_at and c.handover_at.astimezone(AMSTERDAM).year == year]),
        "accepted": len([c for c in convs if c.accepted]),
    }
    for level in LEVELS:
        raw[f"level_{level}"] = len([c for c in done if c.level == level])
    return raw


def flat(raw: dict[str, int]) -> dict:
    """The figures of one group as the JSON's totals and break-down rows have them."""
    share = pct(raw["target_group"], raw["with_level"])
    figures = {key: shown(value) for key, value in raw.items() if key != "with_level"}
    figures["completion_rate"] = pct(raw["completed"], raw["started"])
    figures["target_group_share"] = share
    figures["target_group_difference"] = HIDDEN if share == HIDDEN else round(share - 30.0, 1)
    figures["awareness_share"] = pct(raw["aware_ja"] + raw["aware_een_beetje"], raw["aware_answered"])
    return figures


def summary(events: list[dict], lead_status: dict[str, str], now: datetime, abandon_minutes: int,
            filters: dict[str, str] | None = None) -> dict:
    """Every figure of GET /api/v1/analytics/summary for these filters."""
    return summary_of(conversations(events, lead_status), now, abandon_minutes, filters)


def summary_of(every: list[Conv], now: datetime, abandon_minutes: int, filters: dict[str, str] | None = None) -> dict:
    filters = filters or {}
    convs = [c for c in every if keep(c, filters)]
    raw = counts(convs, now, abandon_minutes)
    funnel_keys = ["started", "profile", "completed", "wil_contact", "eligible", "consent", "handoffs", "accepted"]
    funnel = {}
    for n, key in enumerate(funnel_keys):
        funnel[key] = {"conversations": shown(raw[key]), "share_of_started": pct(raw[key], raw["started"]),
                       "share_of_previous": pct(raw[key], raw[funnel_keys[n - 1]]) if n else None}
    cutoff = now - timedelta(minutes=abandon_minutes)
    questions = {}
    for qid in sorted({q for c in convs for q in c.asked | c.answered}):
        asked = len([c for c in convs if qid in c.asked])
        answered = len([c for c in convs if qid in c.answered])
        first = len([c for c in convs if qid in c.first_try])
        dropped = len([c for c in convs if not c.ended and c.last < cutoff and c.last_question == qid])
        questions[qid] = {"asked": shown(asked), "answered": shown(answered), "first_try_rate": pct(first, answered),
                          "dropped": shown(dropped), "drop_rate": pct(dropped, asked)}
    breakdowns = {}
    for dimension in ("campaign", "source", "site", "province", "sector", "week"):
        groups = defaultdict(list)
        for conv in convs:
            groups[group_of(conv, dimension)].append(conv)
        breakdowns[dimension] = {value: flat(counts(members, now, abandon_minutes))
                                 for value, members in groups.items()}
    share = pct(raw["target_group"], raw["with_level"])
    today = now.astimezone(AMSTERDAM).date()
    days_in_year = 366 if (today.year % 4 == 0 and today.year % 100 != 0) or today.year % 400 == 0 else 365
    return {
        "raw": raw,
        "totals": flat(raw),
        "reach": {key: flat(raw)[key] for key in ("started_events", "started", "completed",
                                                  "completion_rate", "abandoned", "in_progress")},
        "funnel": funnel,
        "levels": {level: {"conversations": shown(raw[f"level_{level}"]),
                           "share": pct(raw[f"level_{level}"], raw["with_level"])} for level in LEVELS},
        "target_group": {"completed": shown(raw["with_level"]), "conversations": shown(raw["target_group"]),
                         "share": share, "baseline": 30.0,
                         "difference": HIDDEN if share == HIDDEN else round(share - 30.0, 1)},
        "awareness": {"answered": shown(raw["aware_answered"]), "ja": shown(raw["aware_ja"]),
                      "een_beetje": shown(raw["aware_een_beetje"]), "nee": shown(raw["aware_nee"]),
                      "share": pct(raw["aware_ja"] + raw["aware_een_beetje"], raw["aware_answered"])},
        "handoffs": {"total": shown(raw["handoffs"]), "this_year": shown(raw["handoffs_this_year"]),
                     "year": today.year, "target_per_year": 1000,
                     "target_to_date": round(1000 * ((today - date(today.year, 1, 1)).days + 1) / days_in_year),
                     "share_of_year_target": pct(raw["handoffs_this_year"], 1000),
                     "accepted": shown(raw["accepted"]), "accepted_share": pct(raw["accepted"], raw["handoffs"])},
        "questions": questions,
        "breakdowns": breakdowns,
    }
