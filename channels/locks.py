"""A Redis lock store whose conversation lock holds across processes, also at the same moment.

Rasa 3.6's RedisLockStore issues tickets by reading the lock, adding a ticket and writing
it back: two processes that receive a message of one conversation at the same moment
both read "no lock" and both go ahead (seen in tests/faults: one message processed twice,
events of both turns mixed). Here the lock is one atomic Redis `SET key token NX PX`,
released only by its owner (compare-and-delete in Lua), and waited for in short steps
(stock waits a whole second between tries). It expires after the lock lifetime, so a
crashed process cannot block a conversation for longer. Name it in the endpoints file:

    lock_store:
      type: channels.locks.AtomicRedisLockStore
      url: ${REDIS_HOST}
      port: ${REDIS_PORT}
      ...
"""
from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

POLL_S = 0.02
_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"


class AtomicRedisLockStore(RedisLockStore):
    """RedisLockStore with an atomic mutex per conversation (same settings as type: redis)."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs, **kwargs}
        kwargs.setdefault("socket_timeout", 2)  # calls block the event loop: fail fast when Redis hangs
        super().__init__(**kwargs)

    def _mutex_key(self, conversation_id: str) -> str:
        return f"{self.key_prefix}{conversation_id}:mutex"

    @asynccontextmanager
    async def lock(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = POLL_S) -> AsyncGenerator[TicketLock, None]:
        key, token = self._mutex_key(conversation_id), uuid.uuid4().hex
        deadline = time.monotonic() + lock_lifetime
        while not self.red.set(key, token, nx=True, px=int(lock_lifetime * 1000)):
            if time.monotonic() > deadline:
                raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
            await asyncio.sleep(min(wait_time_in_seconds, POLL_S))
        try:
            yield TicketLock(conversation_id)
        finally:
            self.red.eval(_RELEASE, 1, key, token)
