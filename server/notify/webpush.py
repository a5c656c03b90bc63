"""Web Push to the installed dashboard: the one module that imports ``pywebpush``.

pywebpush does the payload encryption (RFC 8291, aes128gcm) and the VAPID
signature (RFC 8292). Contracts:

* **Keys.** ``<data dir>/vapid.key`` holds the relay's VAPID P-256 private key
  (PKCS#8 PEM), created at first start with mode 0600 like ``relay.key``. The
  dashboard gets the public key (:attr:`VapidKeys.public_key`, the uncompressed
  point, base64url) for ``PushManager.subscribe``. Replacing the file makes every
  stored subscription useless (the push services refuse the new signature).
* **Endpoints.** Only ``https://`` endpoints are stored, never one naming a
  loopback, private or link-local address literal, so a signed-in owner (or a
  stolen cookie) cannot turn the relay into a tool for reaching its own network.
  ``allow_loopback`` (tests only) admits ``http://127.0.0.1``.
* **Subscriptions** live in the relay's SQLite (table ``push_subscriptions``),
  one row per endpoint; the push service answering 404 or 410 removes the row.
* **Payload** is JSON ``{"title", "body", "url"}``: the same title, body and
  answer link as the Apprise message; ``sw.js`` shows it and opens ``url``.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import ipaddress
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid  # noqa: TID251 - this module owns Web Push
from pywebpush import WebPushException, webpush  # noqa: TID251 - this module owns Web Push

from server.config import ConfigError
from server.db import Database
from server.key_file import load_or_create_key
from server.notify.channels import Message
from shared.errors import TetherError

log = logging.getLogger(__name__)

VAPID_FILE = "vapid.key"
MAX_ENDPOINT = 2000
PUSH_TIMEOUT = 10.0
PUSH_TTL = 3600  # seconds the push service keeps a message for an offline phone
GONE = (404, 410)

_MIGRATIONS = [
    "CREATE TABLE push_subscriptions (endpoint TEXT PRIMARY KEY, p256dh TEXT NOT NULL, "
    "auth TEXT NOT NULL, created_at REAL NOT NULL);"
]


class PushError(TetherError):
    """A subscription cannot be stored; the message says why in words for the page."""


class VapidKeyError(ConfigError):
    """The VAPID key file cannot be used; the message says what to do."""


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class VapidKeys:
    vapid: Vapid
    public_key: str  # base64url of the uncompressed P-256 point: the applicationServerKey

    def __repr__(self) -> str:
        return f"VapidKeys(public_key={self.public_key!r})"


def load_or_create_vapid(data_dir: Path) -> VapidKeys:
    """The relay's VAPID key pair in ``data_dir``, created (0600) on first start."""
    path = data_dir / VAPID_FILE
    key = load_or_create_key(
        path,
        lambda: ec.generate_private_key(ec.SECP256R1()),
        what="The Web Push key",
        error=VapidKeyError,
    )
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != "secp256r1":
        raise VapidKeyError(
            f"The Web Push key {path} is not a P-256 private key. Remove it and start the "
            "relay again (a new key is made), then tap 'Notify this phone' again on each phone."
        )
    point = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return VapidKeys(Vapid.from_pem(path.read_bytes()), _b64url(point))


def check_endpoint(endpoint: str, allow_loopback: bool = False) -> None:
    """Raise :class:`PushError` unless ``endpoint`` is a push service URL the relay may POST to."""
    if not isinstance(endpoint, str) or not endpoint or len(endpoint) > MAX_ENDPOINT:
        raise PushError("The subscription's endpoint is missing or too long.")
    parts = urlsplit(endpoint)
    host = parts.hostname or ""
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if allow_loopback and parts.scheme == "http" and literal is not None and literal.is_loopback:
        return
    if parts.scheme != "https" or not host or parts.username or parts.password:
        raise PushError(
            "The subscription's endpoint must be an https:// address of a push service; "
            "subscribe again from the dashboard in a browser that supports Web Push."
        )
    if (
        host == "localhost"
        or host.endswith(".localhost")
        or (literal is not None and not literal.is_global)
    ):
        raise PushError(
            "The subscription's endpoint names a local or private address, which the relay "
            "never contacts; subscribe again from the dashboard on your phone."
        )


@dataclass(frozen=True)
class Subscription:
    endpoint: str
    p256dh: str
    auth: str

    def info(self) -> dict[str, object]:
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


def parse_subscription(body: object, allow_loopback: bool = False) -> Subscription:
    """A browser's ``PushSubscription.toJSON()``, checked; :class:`PushError` otherwise."""
    if not isinstance(body, dict):
        raise PushError("Send the subscription as a JSON object (PushSubscription.toJSON()).")
    endpoint = body.get("endpoint")
    keys = body.get("keys")
    if not isinstance(keys, dict):
        raise PushError("The subscription has no keys; subscribe again from the dashboard.")
    p256dh, auth = keys.get("p256dh"), keys.get("auth")
    check_endpoint(endpoint if isinstance(endpoint, str) else "", allow_loopback)
    try:
        point = _b64url_decode(p256dh) if isinstance(p256dh, str) else b""
        secret = _b64url_decode(auth) if isinstance(auth, str) else b""
    except (binascii.Error, ValueError):
        point, secret = b"", b""
    if len(point) != 65 or point[0] != 4 or len(secret) != 16:
        raise PushError(
            "The subscription's keys are not a P-256 public key and a 16-byte auth secret; "
            "subscribe again from the dashboard."
        )
    assert isinstance(endpoint, str) and isinstance(p256dh, str) and isinstance(auth, str)
    return Subscription(endpoint, p256dh, auth)


class PushSubscriptions:
    """Stored subscriptions, one per endpoint (the relay's SQLite)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        db.migrate("push_subscriptions", _MIGRATIONS)

    def add(self, sub: Subscription, now: float) -> None:
        self._db.execute(
            "INSERT INTO push_subscriptions (endpoint, p256dh, auth, created_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (endpoint) DO UPDATE SET "
            "p256dh = excluded.p256dh, auth = excluded.auth",
            (sub.endpoint, sub.p256dh, sub.auth, now),
        )

    def remove(self, endpoint: str) -> bool:
        return (
            self._db.execute("DELETE FROM push_subscriptions WHERE endpoint = ?", (endpoint,)) > 0
        )

    def all(self) -> list[Subscription]:
        rows = self._db.query("SELECT endpoint, p256dh, auth FROM push_subscriptions")
        return [Subscription(str(r[0]), str(r[1]), str(r[2])) for r in rows]


def vapid_subject(base_url: str) -> str:
    """The VAPID ``sub`` claim: the relay's https origin, or a mailto push services accept."""
    parts = urlsplit(base_url)
    if parts.scheme == "https" and parts.hostname and "." in parts.hostname:
        return f"https://{parts.hostname}"
    return "mailto:owner@tether.invalid"


class WebPush:
    """Sends a :class:`Message` to every stored subscription."""

    def __init__(
        self,
        subscriptions: PushSubscriptions,
        keys: VapidKeys,
        base_url: str,
        allow_loopback: bool = False,
    ) -> None:
        self.subscriptions = subscriptions
        self.keys = keys
        self.subject = vapid_subject(base_url)
        self.allow_loopback = allow_loopback

    async def send(self, message: Message) -> int:
        """Push to every subscription; the number delivered. Gone ones (404/410) are removed."""
        payload = json.dumps({"title": message.title, "body": message.body, "url": message.link})
        delivered = 0
        for sub in self.subscriptions.all():
            try:
                check_endpoint(sub.endpoint, self.allow_loopback)
                await asyncio.to_thread(self._post, sub, payload)
                delivered += 1
            except PushError:
                self.subscriptions.remove(sub.endpoint)
            except WebPushException as exc:
                status = getattr(exc.response, "status_code", None)
                if status in GONE:
                    self.subscriptions.remove(sub.endpoint)
                    log.info("push subscription gone (%s); removed", status)
                else:
                    log.warning("push to %s failed: %s", urlsplit(sub.endpoint).hostname, status)
            except OSError as exc:
                log.warning("push to %s failed: %s", urlsplit(sub.endpoint).hostname, exc)
        return delivered

    def _post(self, sub: Subscription, payload: str) -> None:
        webpush(
            sub.info(),
            data=payload,
            vapid_private_key=self.keys.vapid,
            vapid_claims={"sub": self.subject},
            timeout=PUSH_TIMEOUT,
            ttl=PUSH_TTL,
        )
