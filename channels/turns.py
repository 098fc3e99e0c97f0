"""One user message through the Rasa agent, so that no failure goes unnoticed.

What stock Rasa 3.6 does, and what happens here instead:
- action server down: stock answers [] and saves the turn without the actions' events.
  Here the action server is asked first (a success is trusted for a second) and waited
  for a few seconds, so a restart goes unnoticed; while it is down the message is not
  processed at all. When an action still fails during a turn, the turn is not saved.
  Either way the conversation stays exactly as it was, and the owner is told kindly and
  gets the open question again.
- lock store (Redis) down: stock drops the message with an empty answer. Here it is tried
  again for a few seconds, then the owner is told; nothing was processed.
- tracker store down: stock's FailSafeTrackerStore starts a new, empty conversation and
  saves it in memory, where it is lost. Here the store's errors are raised instead, the
  turn is tried again for a few seconds, then the owner is told; nothing was saved.
- the same message twice (same `message_id`): stock answers it twice, so an answer also
  fills the next question. Here, under the conversation's lock, the second one gets the
  answer of the first, which the tracker holds.

A failed action is known from Rasa's own code path: `install()` (made by `channels.install()`
at start-up) has the processor report the exception an action raised to the turn running it,
and refuse to save that turn.
"""
from __future__ import annotations

import asyncio
import logging
import time
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import aiohttp
from rasa.core.actions.action import ActionExecutionRejection
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import LockError
from rasa.core.processor import MessageProcessor
from rasa.core.tracker_store import FailSafeTrackerStore
from redis.exceptions import RedisError

from channels import replies
from channels.settings import get_settings
from channels.text import Incoming

logger = logging.getLogger(__name__)

STORE_WAIT_S = get_settings().chat_store_wait_s
ACTIONS_WAIT_S = get_settings().chat_actions_wait_s
RETRY_S = 0.5
HEALTH_CACHE_S = 1.0

OK, DUPLICATE = "ok", "duplicate"


class StoreUnavailable(RuntimeError):
    """The lock store or the tracker store could not be used; `store` says which."""

    def __init__(self, store: str, error: BaseException):
        super().__init__(f"{store} store unavailable: {error}")
        self.store = store


@dataclass
class Turn:
    messages: list[dict]
    status: str  # ok, duplicate, too_long, unavailable, failed
    detail: str = ""


class TurnAborted(RuntimeError):
    """An action failed during the turn; the turn was not saved."""


# The failures of actions in the channel's current turn (None outside one, where Rasa's own
# behaviour is unchanged). Rasa's processor catches an action's exception, logs it and goes on
# without the action's events; `install` makes the processor report it here first.
_action_failures: ContextVar[list[BaseException] | None] = ContextVar("action_failures", default=None)
_run_action_original = MessageProcessor._run_action
_save_tracker_original = MessageProcessor.save_tracker


class _Reporting:
    """Stands for an action in the processor's `_run_action`: an exception of its `run` (other
    than Rasa's rejection of a form's input, which is no failure) is noted for the turn, then
    raised to Rasa as before."""

    def __init__(self, action: Any, failures: list[BaseException]) -> None:
        self.action, self.failures = action, failures

    def name(self) -> str:
        return self.action.name()

    def event_for_successful_execution(self, prediction: Any) -> Any:
        return self.action.event_for_successful_execution(prediction)

    async def run(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return await self.action.run(*args, **kwargs)
        except ActionExecutionRejection:
            raise
        except Exception as error:
            self.failures.append(error)
            raise

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.action, attribute)


async def _run_action(self: MessageProcessor, action: Any, tracker: Any, output_channel: Any, nlg: Any,
                      prediction: Any) -> bool:
    """Rasa's `_run_action`, with the action's failures reported to the channel's turn."""
    failures = _action_failures.get()
    if failures is not None:
        action = _Reporting(action, failures)
    return await _run_action_original(self, action, tracker, output_channel, nlg, prediction)


async def _save_tracker(self: MessageProcessor, tracker: Any) -> None:
    """Rasa's `save_tracker`, except for a turn of the channel in which an action failed."""
    failures = _action_failures.get()
    if failures:
        raise TurnAborted(f"{len(failures)} action(s) failed: {failures[0]!r}")
    await _save_tracker_original(self, tracker)


def _refuse(self: FailSafeTrackerStore, error: Exception) -> None:
    raise StoreUnavailable("tracker", error) from error


def install() -> None:
    """Changes Rasa's processor and fail-safe tracker store for the channel's turns: an action that
    fails makes the turn fail unsaved (TurnAborted), and an error of the tracker store is raised
    (StoreUnavailable) instead of going on with an empty conversation kept in memory. Idempotent;
    made by `channels.install()`."""
    MessageProcessor._run_action = _run_action
    MessageProcessor.save_tracker = _save_tracker
    FailSafeTrackerStore.on_tracker_store_error = _refuse
    FailSafeTrackerStore.on_tracker_store_retrieve_error = _refuse


def installed() -> bool:
    return MessageProcessor._run_action is _run_action


class ActionServerProbe:
    """Whether the action server answers its health check (a success is trusted for a second)."""

    def __init__(self) -> None:
        self._ok_until = 0.0
        self._session: aiohttp.ClientSession | None = None

    async def _answers(self, url: str) -> bool:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2))
        try:
            async with self._session.get(url) as response:
                return response.status == 200
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError):
            return False

    async def ready(self, endpoint: Any, wait_s: float = ACTIONS_WAIT_S, fresh: bool = False) -> bool:
        url = getattr(endpoint, "url", None)
        if not url or (not fresh and time.monotonic() < self._ok_until):
            return True
        health = url.rstrip("/").removesuffix("/webhook") + "/health"
        self._ok_until = 0.0
        deadline = time.monotonic() + wait_s
        while True:
            if await self._answers(health):
                self._ok_until = time.monotonic() + HEALTH_CACHE_S
                return True
            if time.monotonic() >= deadline:
                return False
            await asyncio.sleep(RETRY_S)


async def recent_events(agent: Any, sender: str, message_id: str | None = None) -> list[dict]:
    """The conversation's latest events as dicts (with `message_id`: the store may return only
    that message's turn): from the store's rows when it can (a compacted tracker no longer
    holds earlier messages), else from the tracker."""
    store = agent.tracker_store
    while store is not None and not hasattr(store, "recent_events"):
        store = getattr(store, "_tracker_store", None)
    if store is not None:
        try:
            return store.recent_events(sender, message_id=message_id)
        except Exception as error:
            raise StoreUnavailable("tracker", error) from error
    tracker = await agent.tracker_store.retrieve(sender)
    return [e.as_dict() for e in tracker.events] if tracker else []


async def open_question(agent: Any, sender: str) -> list[dict]:
    """The question the owner was last asked, or [] (also when the tracker cannot be read)."""
    try:
        events = await recent_events(agent, sender)
    except Exception as error:
        logger.warning("open question of %s not readable: %s", sender, error)
        return []
    return replies.open_question(events, sender)


async def _locked_turn(agent: Any, message: UserMessage, client_id: bool) -> tuple[list[dict], bool]:
    """(messages, duplicate) for a message handled under its conversation's lock.

    client_id: the message id came from the client (Rasa makes one up otherwise), so an
    earlier message with the same id is looked for."""
    result = None
    try:
        async with agent.lock_store.lock(message.sender_id):
            if client_id:
                earlier = replies.replies_to(await recent_events(agent, message.sender_id, message.message_id),
                                             message.message_id, message.sender_id)
                if earlier is not None:
                    result = (earlier, True)
                    return result
            await agent.processor.handle_message(message)
            result = (message.output_channel.messages, False)
            return result
    except (LockError, RedisError, ConnectionError) as error:
        if result is not None:  # releasing the lock failed after the turn was saved
            logger.warning("lock store failed after the turn of %s: %s", message.sender_id, error)
            return result
        raise StoreUnavailable("lock", error) from error


class TurnRunner:
    """Runs checked messages through the agent; one per channel instance (per process)."""

    def __init__(self) -> None:
        if not installed():
            raise RuntimeError("Rasa's processor does not report failed actions: start Rasa with "
                               "`python -m channels.server run ...`, which calls channels.install()")
        self.actions = ActionServerProbe()

    async def _notice(self, agent: Any, reason: str, sender: str, detail: str = "",
                      question: bool = True) -> Turn:
        messages = [replies.notice(reason, sender)]
        if question and agent is not None:
            messages += await open_question(agent, sender)
        if reason != replies.TOO_LONG:
            logger.warning("message of %s not processed (%s): %s", sender, reason, detail)
        return Turn(messages, reason, detail)

    async def run(self, agent: Any, incoming: Incoming, input_channel: str) -> Turn:
        sender = incoming.sender
        if agent is None or not agent.is_ready():
            return await self._notice(None, replies.UNAVAILABLE, sender, "no model loaded", question=False)
        if incoming.too_long:
            return await self._notice(agent, replies.TOO_LONG, sender, f"{incoming.length} characters")
        if not await self.actions.ready(getattr(agent, "action_endpoint", None)):
            return await self._notice(agent, replies.UNAVAILABLE, sender, "action server does not answer")
        deadline = time.monotonic() + STORE_WAIT_S
        while True:
            message = UserMessage(incoming.text, CollectingOutputChannel(), sender, input_channel=input_channel,
                                  message_id=incoming.message_id, metadata=incoming.metadata or None)
            failures = _action_failures.set([])
            try:
                messages, duplicate = await _locked_turn(agent, message, incoming.message_id is not None)
                break
            except TurnAborted as error:
                up = await self.actions.ready(getattr(agent, "action_endpoint", None), wait_s=0, fresh=True)
                return await self._notice(agent, replies.FAILED if up else replies.UNAVAILABLE, sender, str(error))
            except StoreUnavailable as error:
                if time.monotonic() >= deadline:
                    return await self._notice(agent, replies.UNAVAILABLE, sender, str(error),
                                              question=error.store != "tracker")
                await asyncio.sleep(RETRY_S)
            except Exception as error:
                logger.exception("message of %s failed", sender)
                return await self._notice(agent, replies.FAILED, sender, repr(error))
            finally:
                _action_failures.reset(failures)
        if duplicate:
            return Turn(messages, DUPLICATE)
        if not messages:
            return await self._notice(agent, replies.FAILED, sender, "the assistant produced no reply")
        return Turn(messages, OK)
