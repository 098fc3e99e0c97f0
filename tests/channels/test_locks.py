"""channels/locks.py: the conversation lock across processes, on a real Redis (Debian's redis-server on a
free loopback port; set-up installs it for the scaled-profile tests, as root).

Each store has its own connection and runs in its own thread and event loop, as two Rasa processes
would: one conversation is handled by one of them at a time, as with Rasa's RedisLockStore, also
when they ask at the same moment; a lock that expired is never released by its former holder; a
lock not had within its lifetime is a LockError.
"""
from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("rasa")

import redis
from rasa.core.lock_store import LockError, RedisLockStore

from channels.locks import AtomicRedisLockStore

PASSWORD = "wachtwoord-van-de-test"


@pytest.fixture(scope="module")
def redis_port():
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not Path(binary).exists():
        pytest.skip("redis-server is missing (apt-get install redis-server; `make test` installs it as root)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--requirepass", PASSWORD,
                               "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    client = redis.Redis(port=port, password=PASSWORD)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.RedisError:
            time.sleep(0.05)
    else:
        server.kill()
        pytest.fail("redis-server did not start")
    yield port
    server.terminate()
    server.wait(timeout=10)


def store(kind, port: int, prefix: str):
    return kind(host="127.0.0.1", port=port, password=PASSWORD, db=1, key_prefix=prefix)


def in_threads(*jobs) -> None:
    """Runs each coroutine function in a thread of its own with its own event loop, all at once."""
    errors: list[BaseException] = []

    def run(job) -> None:
        try:
            asyncio.run(job())
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


@pytest.mark.parametrize("kind", [RedisLockStore, AtomicRedisLockStore])
def test_a_second_process_waits_until_the_first_is_done_as_with_rasas_store(redis_port, kind):
    prefix = f"wait{kind.__name__}"
    first, second = store(kind, redis_port, prefix), store(kind, redis_port, prefix)
    seen: list[str] = []

    async def holds() -> None:
        async with first.lock("gesprek"):
            seen.append("first in")
            await asyncio.sleep(0.5)
            seen.append("first out")

    async def comes_later() -> None:
        await asyncio.sleep(0.1)
        async with second.lock("gesprek"):
            seen.append("second in")

    in_threads(holds, comes_later)
    assert seen == ["first in", "first out", "second in"]


def test_at_the_same_moment_each_turn_is_alone(redis_port):
    client = redis.Redis(port=redis_port, password=PASSWORD, db=1)
    client.delete("teller")
    inside, most = [0], [0]
    guard = threading.Lock()

    def worker():
        mine = store(AtomicRedisLockStore, redis_port, "moment")

        async def turns() -> None:
            for _ in range(20):
                async with mine.lock("gesprek"):
                    with guard:
                        inside[0] += 1
                        most[0] = max(most[0], inside[0])
                    value = int(client.get("teller") or 0)  # read, then write: lost if two interleave
                    await asyncio.sleep(0.001)
                    client.set("teller", value + 1)
                    with guard:
                        inside[0] -= 1
        return turns

    in_threads(*(worker() for _ in range(4)))
    assert int(client.get("teller")) == 80 and most[0] == 1


def test_an_expired_lock_is_left_to_its_new_holder(redis_port):
    late, next_one = (store(AtomicRedisLockStore, redis_port, "expiry") for _ in range(2))
    key = late._mutex_key("gesprek")
    found: dict[str, object] = {}

    async def too_slow() -> None:
        async with late.lock("gesprek", lock_lifetime=0.3):
            await asyncio.sleep(0.8)  # the lock expires meanwhile and the next one takes it
        found["after the slow one left"] = late.red.get(key)

    async def takes_over() -> None:
        await asyncio.sleep(0.1)
        async with next_one.lock("gesprek", lock_lifetime=5):
            found["taken"] = next_one.red.get(key)
            await asyncio.sleep(1.0)
        found["after it left"] = next_one.red.get(key)

    in_threads(too_slow, takes_over)
    assert found["taken"] is not None and found["after the slow one left"] == found["taken"]
    assert found["after it left"] is None


def test_a_lock_not_had_within_its_lifetime_is_a_lock_error(redis_port):
    """Rasa's store would wait for the holder's ticket to expire and then go ahead; this one gives up
    (the channel then tries the turn again for a few seconds, and tells the owner)."""
    holder, waiter = store(AtomicRedisLockStore, redis_port, "busy"), store(AtomicRedisLockStore, redis_port, "busy")

    async def blocked() -> None:
        async with holder.lock("gesprek", lock_lifetime=5):
            with pytest.raises(LockError):
                async with waiter.lock("gesprek", lock_lifetime=0.3):
                    pass

    asyncio.run(blocked())
