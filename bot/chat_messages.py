"""Builds the bot's chat messages (text, buttons, `custom` payloads of contract.md) as plain dicts.

Each message is a dict with any of `text`, `buttons`, `custom`: the actions hand them to
the dispatcher unchanged. No Rasa import, so the texts are easy to test.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from bot import conversation, dialogue
from bot.eligibility import Eligibility
from bot.questionnaire import WEET_NIET, Question, Questionnaire, load
from bot.scoring import Result

Message = dict[str, Any]
# A multiple-choice question whose text already says that several answers may be given.
MENTIONS_SEVERAL = re.compile(r"\b(?:één|een) of meer\b|\bmeerdere\b", re.IGNORECASE)

STATUS_TEXT = {
    "eligible": "Je voldoet aan de basisvoorwaarden van het Mkb-Booster-programma. De adviseur bevestigt dit in het "
                "eerste gesprek.",
    "check_needed": "Je voldoet mogelijk aan de basisvoorwaarden. Een paar punten moet de adviseur nog met je nagaan:",
    "not_eligible": "Je komt op dit moment helaas niet in aanmerking voor het Mkb-Booster-programma:",
}


def _options(question: Question, questionnaire: Questionnaire) -> list[dict[str, Any]]:
    options = [{"value": o.value, "label": o.label} for o in question.options]
    if question.weet_niet:
        options.append({"value": WEET_NIET, "label": questionnaire.weet_niet_label})
    return options


def question_messages(question_id: str, answers: Mapping[str, object],
                      context: Mapping[str, str] | None = None,
                      questionnaire: Questionnaire | None = None,
                      proposal: dialogue.Proposal | None = None) -> list[Message]:
    """The question text with its buttons, then the machine-readable question payload. With a
    proposal the question is a "klopt dat?": a yes button first, the payload says what is proposed."""
    q = questionnaire or load()
    question = q[question_id]
    options = _options(question, q)
    asked = question.text.format(**(context or {})) if context else question.text
    text = asked
    if question.multiple and not MENTIONS_SEVERAL.search(text):
        text += " Je kunt er meerdere noemen."
    payload = {
        "type": "question", "question_id": question.id, "dimension": question.dimension,
        "options": options, "multiple": question.multiple, "free_text": True,
        "progress": conversation.progress(answers, question_id).to_dict(),
    }
    buttons = [{"title": o["label"], "payload": o["value"]} for o in options]
    if proposal is not None:
        text = f"{asked}\n{dialogue.confirmation_text(proposal)}"
        payload.update({"confirm": True, "proposed": proposal.value})
        buttons = [{"title": "Ja, dat klopt", "payload": "ja"}] + [b for b in buttons if b["payload"] != "ja"]
    first = {"text": text, "buttons": buttons} if buttons else {"text": text}
    return [first, {"custom": payload}]


def echo_message(echo: str, remarks: Sequence[str] = ()) -> Message:
    """What was taken from a typed answer ("Genoteerd: metaal, 25 medewerkers, Overijssel (Deventer)."),
    and the remarks kept beside it, so the owner sees they were not lost ("Ook genoteerd: ‘liefst na 4 uur’.")."""
    echo = echo.strip()
    text = f"Genoteerd: {echo}" + ("" if echo.endswith((".", "!", "?")) else ".")
    said = [r.strip().rstrip(".!") for r in remarks if r.strip()]
    if said:
        text += " Ook genoteerd: " + ", ".join(f"‘{r}’" for r in said) + "."
    return {"text": text}


def not_understood_message(question_id: str, note: str = "", questionnaire: Questionnaire | None = None) -> Message:
    """Said before the question is asked again: what was unclear, or how to answer."""
    q = questionnaire or load()
    if note:
        return {"text": f"Hm, {note[0].lower()}{note[1:]}"}
    if q[question_id].options:
        return {"text": "Hm, dat begreep ik niet helemaal. Kies een van de knoppen, of zeg het in andere woorden."}
    return {"text": "Hm, dat begreep ik niet helemaal. Kun je het nog eens anders zeggen?"}


def result_messages(result: Result, steps: list[str], report_url: str, assessment_id: str,
                    stored: bool = True, questionnaire: Questionnaire | None = None) -> list[Message]:
    q = questionnaire or load()
    scores = result.scores
    if result.level is None:   # every scored question answered "weet ik niet": no level, and no result payload
        return [{"text": "Ik kan helaas geen uitkomst berekenen: bij alle vragen over technologie, organisatie en "
                         "businessmodel koos je 'weet ik niet'. Wil je de scan toch doen, met een inschatting per "
                         "vraag? Zeg dan 'opnieuw'. Ik ga nu verder met de laatste vragen.\n\n"
                         f"Je rapport met je antwoorden: {report_url}"}]
    level = q.levels[result.level]
    lines = [
        f"Klaar! Jullie uitkomst: {level['label']} (totaal {scores['totaal']} van de 100).",
        level["meaning"],
        "",
        *(f"- {q.dimension_labels[d]}: {scores[d]}" if scores[d] is not None
          else f"- {q.dimension_labels[d]}: onvoldoende antwoorden" for d in q.dimensions),
    ]
    if result.weakest:
        weakest = q.dimension_labels[result.weakest].lower()
        lines += ["", f"De meeste winst is te halen bij {weakest}. Concrete volgende stappen:"]
        lines += [f"{n}. {s}" for n, s in enumerate(steps, 1)]
    if result.uncertain:
        names = ", ".join(q.dimension_labels[d].lower() for d in result.uncertain)
        lines += ["", f"Let op: bij {names} heb je veel vragen met 'weet ik niet' beantwoord; die score is onzeker."]
    lines += ["", f"Je rapport om te bewaren: {report_url}"]
    if not stored:
        lines.append("(Het opslaan van je rapport lukt even niet; je antwoorden zijn bewaard en het rapport verschijnt "
                     "zodra de verbinding terug is.)")
    payload = {"type": "result", "assessment_id": assessment_id, "level": result.level,
               "scores": dict(scores), "report_url": report_url}
    return [{"text": "\n".join(lines)}, {"custom": payload}]


def eligibility_messages(outcome: Eligibility) -> list[Message]:
    lines = [STATUS_TEXT[outcome.status]]
    lines += [f"- {r.text}" for r in outcome.reasons]
    payload = {"type": "eligibility", "status": outcome.status,
               "reasons": [{"code": r.code, "text": r.text} for r in outcome.reasons]}
    return [{"text": "\n".join(lines)}, {"custom": payload}]


def handover_summary(intermediary_name: str, answers: Mapping[str, object],
                     questionnaire: Questionnaire | None = None) -> Message:
    """What will be passed on, and the privacy text, shown before the consent question."""
    q = questionnaire or load()
    text = (f"De organisatie die het programma bij jou in de buurt uitvoert is {intermediary_name}. "
            f"{q.consent_text.format(intermediary_name=intermediary_name)}")
    return {"text": text}


def end_message() -> Message:
    return {"custom": {"type": "end"}}
