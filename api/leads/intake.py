"""The pre-filled intake of one lead: what the adviser works from (page, PDF, JSON, e-mail and webhook).

Built from the stored lead and assessment with the texts of bot.questionnaire, plus what the
owner consented to pass on beyond the option labels (the place as named, their own words per
answer, remarks), the peer comparison their report shows, and the trajectory of re-scans. A
withdrawn lead yields only its id, dates and status; a lead whose personal data the retention
job removed keeps the anonymous figures without company name, KvK number, contact or own words.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from api.assessments.models import Assessment
from api.dutch import DUTCH_TIME, dutch_date
from api.leads import workflow
from api.leads.models import Lead, LeadDetails
from api.reports import peers as peer_groups
from api.reports.view import answer_text, short_question, signed
from api.rescans.service import Point
from bot import contract
from bot.questionnaire import SCORED_DIMENSIONS, Questionnaire

ELIGIBILITY_LABELS = {
    contract.ELIGIBLE: "Voldoet aan de basisvoorwaarden",
    contract.CHECK_NEEDED: "Controle nodig",
    contract.NOT_ELIGIBLE: "Voldoet niet aan de voorwaarden",
}
# Short, plain reasons for the adviser (the owner's own texts address the owner).
REASON_LABELS = {
    "geen_mkb": "geen mkb-bedrijf volgens de Europese definitie",
    "omzet_onbekend": "omzet (of balanstotaal) nog onbekend: mkb-definitie nagaan",
    "geen_maakindustrie": "geen maakindustrie",
    "eerder_traject": "had al een Mkb-Booster-traject in de afgelopen drie jaar",
    "steunplafond": "al meer dan € 200.000 steun voor innovatieadvies in drie jaar",
    "steun_onbekend": "weet niet hoeveel steun voor innovatieadvies er eerder was",
    "geen_commitment": "twijfelt over een plan van aanpak binnen drie maanden en kwartaalevaluaties",
    "koploper": "koploper: buiten de doelgroep",
    "buiten_kerndoelgroep": "ontwikkelaar: aan de rand van de doelgroep",
}


@dataclass(frozen=True)
class Answer:
    question_id: str
    question: str
    value: Any
    answer: str
    weet_niet: bool = False
    own_words: str | None = None  # what the owner typed, when they did not press a button


@dataclass(frozen=True)
class Dimension:
    dimension: str
    label: str
    score: int | None
    uncertain: bool
    weakest: bool
    answers: list[Answer]


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Reason:
    code: str
    outcome: str
    text: str
    label: str = ""  # short, for the adviser


@dataclass(frozen=True)
class Peers:
    """The peer comparison of the owner's report, as it was shown to them."""

    description: str
    count: int
    total: int | None
    averages: dict[str, int | None]
    relation: str
    story: str


@dataclass(frozen=True)
class Scan:
    """One point of the trajectory (T0 is the scan that made the lead), with the change since T0."""

    label: str
    date: str
    at: datetime
    short_date: str  # 7-12-2026, for narrow table heads
    level: str | None
    level_label: str | None
    scores: dict[str, int | None]
    changes: dict[str, int | None]
    change_texts: dict[str, str]


@dataclass(frozen=True)
class Intake:
    lead_id: str
    title: str
    status: str
    status_label: str
    intermediary_id: str
    intermediary_name: str
    received_at: datetime
    withdrawn: bool = False
    personal_data_removed: bool = False
    personal_data_removed_at: datetime | None = None
    company: dict[str, str] | None = None
    contact: dict[str, str] | None = None
    place: str | None = None       # the town as the owner named it
    location: str | None = None    # "Deventer (Overijssel)", or the province alone
    profile: list[Answer] = field(default_factory=list)
    level: str | None = None
    level_label: str | None = None
    total: int | None = None
    weakest: str | None = None
    weakest_label: str | None = None
    dimensions: list[Dimension] = field(default_factory=list)
    weet_niet: list[Answer] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)
    knelpunten: list[Choice] = field(default_factory=list)
    interesse: list[Choice] = field(default_factory=list)
    answer_texts: dict[str, str] = field(default_factory=dict)  # question id -> the owner's own words
    remarks: list[str] = field(default_factory=list)  # what the owner said that was not an answer
    report_url: str | None = None  # the owner's report as the adviser may open it (portal log-in)
    peers: Peers | None = None
    trajectory: list[Scan] = field(default_factory=list)
    eligibility_status: str | None = None
    eligibility_label: str | None = None
    eligibility_reasons: list[Reason] = field(default_factory=list)
    rules_version: str | None = None
    eligibility_answers: list[Answer] = field(default_factory=list)
    consent: dict[str, Any] = field(default_factory=dict)
    campaign: dict[str, str] = field(default_factory=dict)
    summary: str = ""
    questionnaire_version: str | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (API and webhook). Datetimes as ISO 8601 strings."""
        data = _jsonable(asdict(self))
        if self.withdrawn:
            keep = ("lead_id", "title", "status", "status_label", "intermediary_id", "intermediary_name",
                    "received_at", "withdrawn", "personal_data_removed", "personal_data_removed_at")
            return {key: data[key] for key in keep}
        return data


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value


def _answer(questionnaire: Questionnaire, question_id: str, value: Any, words: dict[str, str]) -> Answer:
    question = questionnaire[question_id]
    text, unknown = answer_text(question, value)
    return Answer(question_id, short_question(question.text), value, text, unknown, words.get(question_id))


def _choices(questionnaire: Questionnaire, question_id: str, values: Any) -> list[Choice]:
    question = questionnaire[question_id]
    return [Choice(v, question.label_for(v)) for v in (values or [])]


def _peers(group: peer_groups.PeerGroup | None, assessment: Assessment, questionnaire: Questionnaire) -> Peers | None:
    total, average = assessment.scores.get("totaal"), group.averages.get("totaal") if group else None
    if group is None or total is None or average is None:
        return None
    return Peers(group.description, group.count, total, dict(group.averages), peer_groups.relation(total, average),
                 peer_groups.story(assessment.level, total, group, questionnaire, subject="Het bedrijf scoort",
                                   to_owner=False, who="het bedrijf"))


def _trajectory(points: list[Point], questionnaire: Questionnaire) -> list[Scan]:
    return [Scan(p.label, dutch_date(p.at), p.at, f"{p.at.astimezone(DUTCH_TIME):%-d-%-m-%Y}", p.level,
                 questionnaire.levels.get(p.level or "", {}).get("label"),
                 dict(p.scores), dict(p.changes), {k: signed(v) for k, v in p.changes.items()}) for p in points]


def title_of(lead: Lead, withdrawn: bool, has_contact: bool) -> str:
    """The company's name when it is known; never the lead's technical id alone."""
    if withdrawn:
        return "Ingetrokken lead"
    name = (lead.contact or {}).get("bedrijfsnaam") if has_contact else None
    return name or "Lead zonder bedrijfsnaam"


def build(lead: Lead, assessment: Assessment, questionnaire: Questionnaire,
          erased_at: datetime | None = None, *, details: LeadDetails | None = None,
          peers: peer_groups.PeerGroup | None = None, trajectory: list[Point] | None = None,
          report_url: str | None = None) -> Intake:
    withdrawn = lead.status == workflow.WITHDRAWN
    contact = lead.contact or {}
    has_contact = erased_at is None and bool(contact)
    head = Intake(lead_id=lead.id, title=title_of(lead, withdrawn, has_contact), status=lead.status,
                  status_label=workflow.label(lead.status),
                  intermediary_id=lead.intermediary_id, intermediary_name=lead.intermediary_name,
                  received_at=lead.created_at, personal_data_removed=erased_at is not None,
                  personal_data_removed_at=erased_at)
    if withdrawn:
        return replace(head, withdrawn=True)

    answers = assessment.answers
    # Own words, remarks and the place are personal: gone with the contact data.
    words = dict(details.answer_texts or {}) if details is not None and erased_at is None else {}
    remarks = list(details.remarks or []) if details is not None and erased_at is None else []
    place = details.place if details is not None and erased_at is None else None
    labels = questionnaire.dimension_labels
    level_info = questionnaire.levels.get(assessment.level or "", {})
    uncertain = set(assessment.uncertain or ())
    dimensions = []
    for dimension in SCORED_DIMENSIONS:
        rows = [_answer(questionnaire, qid, answers[qid], words)
                for qid in questionnaire.dimensions[dimension] if qid in answers]
        dimensions.append(Dimension(dimension, labels[dimension], assessment.scores.get(dimension),
                                    dimension in uncertain, dimension == assessment.weakest, rows))
    eligibility = assessment.eligibility or {}
    province = questionnaire["regio"].label_for(answers["regio"]) if answers.get("regio") else None
    location = f"{place} ({province})" if place and province and place.casefold() != province.casefold() \
        else (place or province)
    intake = replace(
        head,
        company={"bedrijfsnaam": contact.get("bedrijfsnaam", ""), "kvk_nummer": contact.get("kvk_nummer", "")}
        if has_contact else None,
        contact={"naam": contact.get("contact_naam", ""), "email": contact.get("contact_email", ""),
                 "telefoon": contact.get("contact_telefoon", "")} if has_contact else None,
        place=place, location=location,
        profile=[_answer(questionnaire, qid, answers[qid], words) for qid in contract.PROFILE if qid in answers],
        level=assessment.level, level_label=level_info.get("label"),
        total=assessment.scores.get("totaal"),
        weakest=assessment.weakest, weakest_label=labels.get(assessment.weakest) if assessment.weakest else None,
        dimensions=dimensions,
        weet_niet=[row for d in dimensions for row in d.answers if row.weet_niet],
        next_steps=list(assessment.next_steps or ()),
        knelpunten=_choices(questionnaire, "knelpunten", answers.get("knelpunten")),
        interesse=_choices(questionnaire, "interesse", answers.get("interesse")),
        answer_texts=words, remarks=remarks, report_url=report_url,
        peers=_peers(peers, assessment, questionnaire),
        trajectory=_trajectory(trajectory or [], questionnaire),
        eligibility_status=eligibility.get("status"),
        eligibility_label=ELIGIBILITY_LABELS.get(eligibility.get("status", "")),
        eligibility_reasons=[Reason(r.get("code", ""), r.get("outcome", ""), r.get("text", ""),
                                    REASON_LABELS.get(r.get("code", ""), r.get("text", "")))
                             for r in eligibility.get("reasons", [])],
        rules_version=eligibility.get("rules_version"),
        eligibility_answers=[_answer(questionnaire, qid, answers[qid], words)
                             for qid in contract.ELIGIBILITY_QUESTIONS if qid in answers],
        consent={k: lead.consent.get(k) for k in ("given", "text_version", "at")} if lead.consent else {},
        campaign={k: assessment.campaign[k] for k in contract.CAMPAIGN_KEYS if assessment.campaign.get(k)},
        questionnaire_version=assessment.questionnaire_version,
        started_at=assessment.started_at or assessment.created_at,
        finished_at=assessment.updated_at,
    )
    return _with_summary(intake, answers, questionnaire)


def _with_summary(intake: Intake, answers: dict[str, Any], questionnaire: Questionnaire) -> Intake:
    return replace(intake, summary=summary(intake, answers, questionnaire))


def _join(items: list[str]) -> str:
    items = [i[0].lower() + i[1:] if i else i for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def summary(intake: Intake, answers: dict[str, Any], questionnaire: Questionnaire) -> str:
    """A few plain Dutch sentences an adviser reads before the first call."""
    profile = {row.question_id: row for row in intake.profile}
    parts = []
    who = "Een bedrijf"
    if "sector" in profile:
        who += f" in de sector {profile['sector'].answer.lower()}"
    if isinstance(answers.get("medewerkers"), int):
        who += f" met {answers['medewerkers']} medewerkers"
    if intake.location:
        who += f" in {intake.location}"
    parts.append(who + ".")
    if intake.level_label:
        parts.append(f"Uitkomst van de scan: {intake.level_label.lower()} (totaalscore {intake.total} van 100)"
                     + (f"; de meeste winst zit in {intake.weakest_label.lower()}." if intake.weakest_label else "."))
    if intake.peers is not None:
        parts.append(intake.peers.story)
    if len(intake.trajectory) > 1:
        first, last = intake.trajectory[0], intake.trajectory[-1]
        parts.append(f"Herscan {last.label} ({last.date}): totaalscore {first.scores.get('totaal')} → "
                     f"{last.scores.get('totaal')} ({last.change_texts.get('totaal') or 'niet te vergelijken'}).")
    if intake.weet_niet:
        count = len(intake.weet_niet)
        parts.append(f"{count} {'vraag' if count == 1 else 'vragen'} beantwoord met 'weet ik niet'.")
    bottlenecks = [c.label for c in intake.knelpunten if c.value != "geen"]
    if bottlenecks:
        parts.append(f"Knelpunten: {_join(bottlenecks)}.")
    if intake.interesse:
        parts.append(f"Interesse in: {_join([c.label for c in intake.interesse])}.")
    if intake.eligibility_label:
        reasons = [r.label for r in intake.eligibility_reasons]
        because = f" ({'; '.join(reasons)})." if reasons else "."
        parts.append(f"Voorwaarden: {intake.eligibility_label.lower()}{because}")
    plan = answers.get("bereid_plan")
    if plan:
        parts.append(f"Bereid om binnen drie maanden een plan van aanpak te maken: "
                     f"{questionnaire['bereid_plan'].label_for(plan).lower()}.")
    insight = answers.get("nieuwe_inzichten")
    if insight:
        parts.append(f"Nieuwe inzichten door de scan: {questionnaire['nieuwe_inzichten'].label_for(insight).lower()}.")
    if intake.remarks:
        parts.append("De ondernemer merkte op: " + "; ".join(f"„{r}”" for r in intake.remarks) + ".")
    return " ".join(parts)
