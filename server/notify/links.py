"""Answer links: single use, bound to one prompt, short-lived. Pure, time passed in.

A link is a random token in the notification's URL; the relay keeps only its
SHA-256 with the prompt it opens. It does not authorize anything by itself:
the answer page asks for a fresh owner sign-in before it shows the options.
A link is spent when an answer is submitted through it (accepted or refused
as stale), and is forgotten when it expires. Links live in memory: a relay
restart invalidates them (the next notification brings a new one).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field

from shared.protocol import Prompt

LINK_TTL = 900.0
MAX_LINKS = 1024


@dataclass
class AnswerLink:
    prompt: Prompt
    host: str
    session_name: str
    expires_at: float
    spent: bool = False
    failures: int = 0  # wrong passwords through this link, over every visit


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass
class AnswerLinks:
    ttl: float = LINK_TTL
    _links: dict[str, AnswerLink] = field(default_factory=dict)

    def issue(self, prompt: Prompt, host: str, session_name: str, now: float) -> str:
        self._prune(now)
        token = secrets.token_urlsafe(24)
        self._links[_digest(token)] = AnswerLink(prompt, host, session_name, now + self.ttl)
        return token

    def get(self, token: str, now: float) -> AnswerLink | None:
        """The link, if it exists, is unspent and has not expired."""
        link = self._links.get(_digest(token))
        if link is None or link.spent or link.expires_at <= now:
            return None
        return link

    def spend(self, token: str) -> None:
        link = self._links.get(_digest(token))
        if link is not None:
            link.spent = True

    def spend_prompt(self, prompt_id: str) -> None:
        """Spend every link to ``prompt_id`` (escalation may have sent several)."""
        for link in self._links.values():
            if link.prompt.prompt_id == prompt_id:
                link.spent = True

    def _prune(self, now: float) -> None:
        for key in [k for k, v in self._links.items() if v.expires_at <= now]:
            del self._links[key]
        while len(self._links) >= MAX_LINKS:
            del self._links[next(iter(self._links))]
