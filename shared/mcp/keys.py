"""One id per user action: the optional ``client_key`` every write tool takes.

The caller picks the key and keeps it, so it survives anything between it and
the computer: a relay killed mid-call, a lost answer, a transport error with no
request id at all. Two rules make a repeat safe:

* The key fixes the ``request_id`` sent to the supervisor (a hash of tool and
  key), so a repeat reaches the supervisor's ledger under the same id and is
  answered from it instead of running again.
* Where the backend keeps outcomes (the relay: ``server/outcomes.py``, durable
  in its database), the first successful result is stored under the key and a
  repeat returns it without contacting the computer at all. The key is claimed
  before the command is sent, so even a relay that died mid-call recognises
  the repeat. A key reused for a different action is refused.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, Field

from shared.backend import Backend, OutcomeStore, new_request_id

CLIENT_KEY_PATTERN = r"^[A-Za-z0-9_.:-]{8,64}$"

ClientKeyArg = Annotated[
    str | None,
    Field(
        pattern=CLIENT_KEY_PATTERN,
        description="Optional id that makes a retry safe.",
    ),
]

M = TypeVar("M", bound=BaseModel)


def request_id_for(tool: str, client_key: str | None) -> str:
    """The request id: fixed by the client key, else fresh."""
    if client_key is None:
        return new_request_id()
    return "ck-" + hashlib.sha256(f"{tool}\0{client_key}".encode()).hexdigest()[:40]


def fingerprint(arguments: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(arguments, sort_keys=True, default=str).encode()).hexdigest()


async def keyed(
    backend: Backend,
    tool: str,
    client_key: str | None,
    arguments: dict[str, Any],
    result_type: type[M],
    run: Callable[[str], Awaitable[M]],
) -> M:
    """Run ``run(request_id)`` once per ``client_key``; a repeat gets the first result."""
    request_id = request_id_for(tool, client_key)
    store: OutcomeStore | None = getattr(backend, "client_outcomes", None)
    if client_key is None or store is None:
        return await run(request_id)
    stored = store.claim(client_key, tool, fingerprint(arguments), request_id)
    if stored is not None:
        return result_type.model_validate_json(stored)
    result = await run(request_id)
    store.settle(client_key, result.model_dump_json())
    return result
