"""The order of the conversation (questionnaire.md): which questions are asked, given the answers so far.

One pure function decides the path, so the bot's form, the progress bar and "terug" agree.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot import contract, eligibility, scoring
from bot.questionnaire import Question, Questionnaire, load

SCAN_DIMENSIONS = contract.SCAN_PARTS
FOLLOW_UP = contract.FOLLOW_UP
ELIGIBILITY = contract.ELIGIBILITY_QUESTIONS
CONSENT = contract.CONSENT
CONTACT = contract.CONTACT
# A re-scan at an adviser's invitation: the answers then hold RESCAN (true; not a question, set
# from the conversation's invitation by actions/state.py), and the only question after the
# result is whether to share the new result with that adviser.
RESCAN = contract.RESCAN
RESCAN_CONSENT = contract.RESCAN_CONSENT
SECONDS_PER_QUESTION = 25


def _applies(question: Question, answers: Mapping[str, object]) -> bool:
    above: Any = question.only_when.get("jaaromzet_above")  # a number in questionnaire.yml
    if above is None:
        return True
    turnover = answers.get("jaaromzet")
    return isinstance(turnover, (int, float)) and turnover > above


def scan_questions(answers: Mapping[str, object], questionnaire: Questionnaire | None = None) -> list[str]:
    """Profile, the three dimensions, knelpunten and interesse: the part that gives the result."""
    q = questionnaire or load()
    return [i for i, question in q.questions.items()
            if question.dimension in SCAN_DIMENSIONS and _applies(question, answers)]


def eligibility_status(answers: Mapping[str, object]) -> str | None:
    """The eligibility status once the three eligibility questions are answered, else None."""
    if any(answers.get(i) is None for i in ELIGIBILITY):
        return None
    level = scoring.score(answers).level
    return eligibility.check(answers, level).status


def required_questions(answers: Mapping[str, object]) -> list[str]:
    """Every question of this owner's path so far, in order; the form asks the first empty one."""
    if answers.get(RESCAN):
        return scan_questions(answers) + [RESCAN_CONSENT]
    ids = scan_questions(answers) + list(FOLLOW_UP)
    if answers.get("wil_contact") != "ja":
        return ids
    ids += ELIGIBILITY
    status = eligibility_status(answers)
    if status is None or status == eligibility.NOT_ELIGIBLE:
        return ids
    ids.append(CONSENT)
    if answers.get(CONSENT) == "ja":
        ids += CONTACT
    return ids


def next_question(answers: Mapping[str, object]) -> str | None:
    """The first unanswered question on the owner's path, or None when the path is done."""
    return next((i for i in required_questions(answers) if answers.get(i) is None), None)


def previous_question(answers: Mapping[str, object], current: str | None) -> str | None:
    """The question answered just before `current` ("terug"), or None at the start."""
    ids = required_questions(answers)
    if current in ids:
        ids = ids[: ids.index(current)]
    answered = [i for i in ids if answers.get(i) is not None]
    return answered[-1] if answered else None


@dataclass(frozen=True)
class Progress:
    current: int
    total: int

    @property
    def remaining(self) -> int:
        return self.total - self.current + 1

    def to_dict(self) -> dict[str, Any]:
        return {"current": self.current, "total": self.total}


def progress(answers: Mapping[str, object], question_id: str) -> Progress:
    """One measure for the whole conversation: questions answered so far plus this one, of the
    owner's path as far as it is known (it grows when the owner asks for an adviser)."""
    path = required_questions(answers)
    answered = sum(1 for i in path if i != question_id and answers.get(i) is not None)
    return Progress(current=answered + 1, total=max(len(path), answered + 1))


def minutes_left(p: Progress) -> int:
    return max(1, round(p.remaining * SECONDS_PER_QUESTION / 60))
