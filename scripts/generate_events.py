#!/usr/bin/env python3
"""Generates realistic, anonymous conversation events for tests, demos and the benchmark.

Conversations come from several campaigns, sources and sites (the intermediaries of the
example registry and the programme site), spread over weeks, from all provinces and sectors,
with all four levels (campaigns aimed at the target group reach more followers and laggards),
drop-offs at every question (more at sensitive ones), questions asked again, restarts,
eligibility outcomes, consent, hand-offs and conversations still in progress. Events are in
the wire format of POST /api/v1/events; nothing personal is generated.

    python scripts/generate_events.py --conversations 3000 --post http://127.0.0.1:8000
    python scripts/generate_events.py --conversations 500 --out events.jsonl --leads leads.json

Deterministic for a given --seed and --end. Standard library plus bot/ (questionnaire ids).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot import questionnaire  # noqa: E402
from bot.scoring import level_for  # noqa: E402

REGISTRY = ROOT.parent / "shared" / "spec" / "intermediaries.example.json"
PROGRAMME_SITE = "mkb-booster.nl"
PROGRAMME_OFFICE = "programmabureau"
LEVEL_BOUNDS = (("achterblijver", 0), *questionnaire.load().level_bounds.items())  # the bot's own bounds
BASE_LEVEL_WEIGHTS = {"achterblijver": 0.12, "volger": 0.20, "ontwikkelaar": 0.42, "koploper": 0.26}
PROVINCE_WEIGHTS = {
    "noord-brabant": 18, "gelderland": 13, "zuid-holland": 13, "overijssel": 9, "noord-holland": 9,
    "limburg": 7, "utrecht": 6, "friesland": 5, "groningen": 4, "drenthe": 4, "zeeland": 3, "flevoland": 3,
}
SECTOR_WEIGHTS = {
    "metaal": 30, "machinebouw": 18, "kunststof_rubber": 9, "elektrotechniek": 10, "voedingsmiddelen": 12,
    "hout_meubel": 7, "overige_maakindustrie": 10, "geen_maakindustrie": 4,
}
SIZE_WEIGHTS = {"0-9": 30, "10-49": 42, "50-249": 23, "250+": 5}
# Where owners leave more often than the base rate (per time the question is asked).
DROP_RATES = {
    "sector": 0.07, "medewerkers": 0.025, "jaaromzet": 0.06, "balanstotaal": 0.05, "bm_rendement": 0.035,
    "bm_financiering": 0.03, "org_strategie": 0.025, "knelpunten": 0.03, "interesse": 0.02,
    "nieuwe_inzichten": 0.04, "wil_contact": 0.04, "toestemming": 0.03, "contact_email": 0.03,
    "contact_telefoon": 0.03,
}
BASE_DROP = 0.012
REASK = 0.08
LEAD_STATUSES_OLD = {"nieuw": 8, "in_behandeling": 20, "contact_gelegd": 25, "plan_van_aanpak": 20,
                     "afgerond": 12, "afgewezen": 15}
LEAD_STATUSES_NEW = {"nieuw": 70, "in_behandeling": 20, "contact_gelegd": 7, "afgewezen": 3}


@dataclass(frozen=True)
class Campaign:
    name: str | None
    weight: float
    sources: tuple[tuple[str | None, str | None, float], ...]
    target_bias: float   # > 1: reaches more followers and laggards
    drop_factor: float   # > 1: visitors leave more easily
    provinces: tuple[str, ...] = ()  # a regional campaign: mostly these


CAMPAIGNS = (
    Campaign("maakindustrie-wakker", 28, (("linkedin", "social", 5), ("google", "cpc", 3), ("facebook", "social", 1.5)),
             1.6, 1.3),
    Campaign("fieldlab-tour-2025", 12, (("beurs", "qr", 3), ("nieuwsbrief", "email", 2)), 0.6, 0.8),
    Campaign("regio-noord", 9, (("radio", "audio", 2), ("dagblad-vh-noorden", "print", 2), ("linkedin", "social", 1)),
             1.4, 1.1, ("groningen", "friesland", "drenthe")),
    Campaign("fme-nieuwsbrief", 11, (("fme", "email", 1),), 0.9, 0.8),
    Campaign(None, 40, ((None, None, 5), ("google", "organic", 3), ("bing", "organic", 0.5)), 1.0, 1.0),
)


@dataclass
class Conversation:
    conversation_id: str
    events: list[dict] = field(default_factory=list)
    lead_status: str | None = None  # the portal status a handed-over conversation's lead has


def _pick(rng: random.Random, weights: Mapping[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _registry(today: str) -> list[dict]:
    found = json.loads(REGISTRY.read_text(encoding="utf-8"))
    return [i for i in found if i["active"] and i["qualified_until"] >= today]


class _Journey:
    """One conversation played out in time; events after `end` never happen (still in progress)."""

    def __init__(self, rng: random.Random, conversation: Conversation, clock: datetime, end: datetime):
        self.rng, self.conversation, self.clock, self.end = rng, conversation, clock, end
        self.open = True

    def emit(self, kind: str, delay: float = 1.0, **data) -> bool:
        self.clock += timedelta(seconds=delay)
        if not self.open or self.clock > self.end:
            self.open = False
            return False
        self.conversation.events.append({
            "event_id": f"{self.rng.getrandbits(128):032x}", "conversation_id": self.conversation.conversation_id,
            "type": kind, "at": self.clock.isoformat(), "data": data})
        return True

    def ask(self, question_id: str, drop_factor: float) -> bool:
        """Asked (maybe twice) and answered; False when the owner left or time ran out."""
        dimension = questionnaire.load()[question_id].dimension
        if not self.emit("question_asked", self.rng.uniform(1, 4), question_id=question_id, dimension=dimension):
            return False
        if self.rng.random() < DROP_RATES.get(question_id, BASE_DROP) * drop_factor:
            self.open = False
            return False
        first_try = self.rng.random() >= REASK
        if not first_try:
            if not self.emit("question_asked", self.rng.uniform(10, 60), question_id=question_id, dimension=dimension):
                return False
            if self.rng.random() < 0.1 * drop_factor:  # a question not understood twice loses people
                self.open = False
                return False
        return self.emit("question_answered", self.rng.uniform(8, 80), question_id=question_id,
                         dimension=dimension, first_try=first_try)


def _scores(rng: random.Random, level: str) -> dict[str, int]:
    index = [name for name, _ in LEVEL_BOUNDS].index(level)
    low = LEVEL_BOUNDS[index][1]
    high = LEVEL_BOUNDS[index + 1][1] - 1 if index + 1 < len(LEVEL_BOUNDS) else 100
    centre = rng.uniform(low, high)
    dims = {d: max(0, min(100, round(centre + rng.uniform(-15, 15)))) for d in
            ("technologie", "organisatie", "businessmodel")}
    return {**dims, "totaal": round(sum(dims.values()) / 3)}


def _eligibility(rng: random.Random, level: str, sector: str, size_class: str) -> tuple[str, list[str]]:
    reasons: list[tuple[int, str]] = []  # (severity, code): 2 not eligible, 1 check needed
    if size_class == "250+":
        reasons.append((2, "geen_mkb"))
    if sector == "geen_maakindustrie":
        reasons.append((2, "geen_maakindustrie"))
    if rng.random() < 0.08:
        reasons.append((2, "eerder_traject"))
    if rng.random() < 0.10:
        reasons.append((1, "steun_onbekend"))
    commitment = rng.random()
    if commitment < 0.07:
        reasons.append((2, "geen_commitment"))
    elif commitment < 0.22:
        reasons.append((1, "geen_commitment"))
    if level == "koploper":
        reasons.append((2, "koploper"))
    elif level == "ontwikkelaar":
        reasons.append((1, "buiten_kerndoelgroep"))
    worst = max((severity for severity, _ in reasons), default=0)
    return ("eligible", "check_needed", "not_eligible")[worst], [code for _, code in reasons]


def _conversation(rng: random.Random, end: datetime, start: datetime, registry: list[dict]) -> Conversation:
    conversation = Conversation(conversation_id=f"{rng.getrandbits(128):032x}")
    campaign = rng.choices(CAMPAIGNS, weights=[c.weight for c in CAMPAIGNS])[0]
    source, medium, _ = rng.choices(campaign.sources, weights=[s[2] for s in campaign.sources])[0]
    if campaign.provinces and rng.random() < 0.8:
        province = rng.choice(campaign.provinces)
    else:
        province = _pick(rng, PROVINCE_WEIGHTS)
    local = [i["id"] for i in registry if province in i["provinces"]]
    roll = rng.random()
    site = rng.choice(local) if local and roll < 0.55 else (PROGRAMME_SITE if roll < 0.92 else None)
    sector, size_class = _pick(rng, SECTOR_WEIGHTS), _pick(rng, SIZE_WEIGHTS)
    weights = {level: w * (campaign.target_bias if level in ("volger", "achterblijver") else 1)
               for level, w in BASE_LEVEL_WEIGHTS.items()}
    scores = _scores(rng, _pick(rng, weights))
    level = level_for(scores["totaal"])

    journey = _Journey(rng, conversation, start, end)
    campaign_data = {k: v for k, v in (("utm_source", source), ("utm_medium", medium),
                                       ("utm_campaign", campaign.name), ("site", site)) if v}
    journey.emit("started", 0, **campaign_data)
    if rng.random() < 0.03:  # the page was reloaded: a second start, same attribution
        journey.emit("started", rng.uniform(20, 300), **campaign_data)
    q = questionnaire.load()
    profile = ["sector", "medewerkers", "jaaromzet"]
    if size_class == "250+" and rng.random() < 0.5:
        profile.append("balanstotaal")  # turnover above €50M
    order = profile + ["regio"]
    for dimension in ("technologie", "organisatie", "businessmodel"):
        order += rng.sample(q.dimensions[dimension], len(q.dimensions[dimension]))
    order += ["knelpunten", "interesse"]
    drop = campaign.drop_factor
    if not all(journey.ask(question_id, drop) for question_id in order):
        return conversation
    journey.emit("result", 1, level=level, scores=scores, sector=sector, size_class=size_class, province=province)
    if not journey.ask("nieuwe_inzichten", drop):
        return conversation
    insight = {"achterblijver": (55, 35, 10), "volger": (50, 38, 12), "ontwikkelaar": (30, 45, 25),
               "koploper": (12, 40, 48)}[level]
    journey.emit("nieuwe_inzichten", 0.1, value=rng.choices(("ja", "een_beetje", "nee"), weights=insight)[0])
    if not journey.ask("wil_contact", drop):
        return conversation
    wants = rng.random() < {"achterblijver": 0.45, "volger": 0.42, "ontwikkelaar": 0.3, "koploper": 0.15}[level]
    journey.emit("wil_contact", 0.1, value="ja" if wants else "nee")
    if not wants:
        journey.emit("end", 2)
        return conversation
    if not all(journey.ask(question_id, drop) for question_id in ("eerder_traject", "ontvangen_steun", "bereid_plan")):
        return conversation
    status, reasons = _eligibility(rng, level, sector, size_class)
    journey.emit("eligibility", 1, status=status, reasons=reasons)
    if status == "not_eligible":
        journey.emit("end", 2)
        return conversation
    if not journey.ask("toestemming", drop):
        return conversation
    consent = rng.random() < 0.8
    journey.emit("consent", 0.1, value="ja" if consent else "nee")
    if not consent:
        journey.emit("end", 2)
        return conversation
    contact = ("bedrijfsnaam", "kvk_nummer", "contact_naam", "contact_email", "contact_telefoon")
    if not all(journey.ask(question_id, drop) for question_id in contact):
        return conversation
    covering = [i["id"] for i in registry if (province in i["provinces"] or "alle" in i["provinces"])
                and (sector in i["sectors"] or "alle" in i["sectors"])]
    intermediary = site if site in covering else (rng.choice(covering) if covering else PROGRAMME_OFFICE)
    if journey.emit("handover", 2, intermediary_id=intermediary):
        age = end - journey.clock
        conversation.lead_status = _pick(rng, LEAD_STATUSES_OLD if age > timedelta(days=7) else LEAD_STATUSES_NEW)
    journey.emit("end", 2)
    return conversation


def _start_time(rng: random.Random, end: datetime, weeks: int) -> datetime:
    """Mostly on working days during office hours and evenings, more in later weeks (campaigns ramp up)."""
    span = weeks * 7 * 86400
    while True:
        offset = span * (rng.random() ** 1.3)
        moment = end - timedelta(seconds=offset)
        local_hour = (moment.hour + 1) % 24
        weekend = moment.weekday() >= 5
        if 7 <= local_hour <= 22 and rng.random() < (0.35 if weekend else 1.0):
            return moment


def generate(conversations: int, seed: int = 5, end: datetime | None = None, weeks: int = 12) -> Iterator[Conversation]:
    """Yields the conversations one by one (so 100,000 of them fit in memory when streamed)."""
    end = end or datetime.now(timezone.utc)
    end = end.replace(tzinfo=timezone.utc) if end.tzinfo is None else end.astimezone(timezone.utc)
    rng = random.Random(seed)
    registry = _registry(end.date().isoformat())
    for _ in range(conversations):
        yield _conversation(rng, end, _start_time(rng, end, weeks), registry)


def bot_token() -> str | None:
    """The token the web service wants from the bot: BOT_TOKEN, else the one `make run` made."""
    file = Path(__file__).resolve().parent.parent / "var" / "bot_token"
    return os.environ.get("BOT_TOKEN") or (file.read_text().strip() if file.exists() else None)


def post(url: str, events: list[dict], batch: int = 1000) -> int:
    stored = 0
    token = bot_token()
    headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    for start in range(0, len(events), batch):
        body = json.dumps({"events": events[start:start + batch]}).encode()
        request = urllib.request.Request(url.rstrip("/") + "/api/v1/events", data=body, method="POST",
                                         headers=headers)
        with urllib.request.urlopen(request, timeout=60) as response:
            stored += json.loads(response.read())["stored"]
    return stored


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--weeks", type=int, default=12)
    parser.add_argument("--end", type=datetime.fromisoformat, default=None,
                        help="ISO time of the last event (default: now)")
    parser.add_argument("--out", type=Path, help="write the events as JSON lines")
    parser.add_argument("--leads", type=Path, help="write {conversation_id: lead status} of the hand-offs as JSON")
    parser.add_argument("--post", metavar="URL", help="POST the events to this web service")
    args = parser.parse_args(argv)
    generated = list(generate(args.conversations, args.seed, args.end, args.weeks))
    events = [event for conversation in generated for event in conversation.events]
    if args.out:
        args.out.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    if args.leads:
        args.leads.write_text(json.dumps({c.conversation_id: c.lead_status for c in generated if c.lead_status},
                                         indent=1), encoding="utf-8")
    stored = post(args.post, events) if args.post else None
    print(json.dumps({"conversations": len(generated), "events": len(events),
                      "handoffs": sum(1 for c in generated if c.lead_status), "stored": stored}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
