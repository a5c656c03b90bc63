"""The relay's own OAuth 2.1 authorization server, on FastMCP's ``OAuthProvider``.

The SDK does the protocol work (metadata, /authorize and /token validation,
PKCE S256, DCR parsing, /revoke, the 401/403 challenges on /mcp); this class adds
what it leaves to the provider, each a security property:

- persistence in SQLite (``store.OAuthStore``): a restart keeps clients working;
- tokens: opaque random strings stored hashed — see ``tokens`` for why not JWTs;
- audience (RFC 8707): codes and tokens are bound to this relay's MCP URL, a
  foreign ``resource`` is refused at /authorize and /token, and every bearer
  token is checked against it on every request;
- single-use codes (atomic), a replayed code revokes everything it issued;
- refresh rotation; reuse of a rotated token revokes the family, except an honest
  retry within ``refresh_grace`` seconds, which gets the same new pair back;
- owner sign-in + consent page (``consent``), RFC 9207 ``iss`` on every
  redirect back to a client, exact redirect URIs (``redirects``), rate limits.

This module is the core: it speaks the SDK's ``OAuthProvider`` contract (clients,
codes, tokens, revocation, scopes, pruning) and knows no HTTP. Facts only a
request carries arrive as arguments; ``routes`` builds the HTTP face around it.

Public API: ``TetherOAuthProvider``, ``OAuthSettings``, ``set_password``.
"""

from __future__ import annotations

import getpass
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from fastmcp.server.auth import OAuthProvider
from fastmcp.server.auth.auth import AccessToken
from mcp.server.auth.provider import (
    AuthorizationCode,
    AuthorizationParams,
    AuthorizeError,
    RefreshToken,
    RegistrationError,
    TokenError,
)
from mcp.server.auth.settings import ClientRegistrationOptions, RevocationOptions
from mcp.shared.auth import InvalidRedirectUriError, OAuthClientInformationFull, OAuthToken
from pydantic import AnyUrl

from server.audit import AuditKind, AuditLog
from server.oauth import scopes as sc
from server.oauth.cimd import CimdResolver
from server.oauth.cimd_fetch import FetchPolicy
from server.oauth.passwords import DEFAULT_COST, check_cost, hash_password
from server.oauth.ratelimit import Limits
from server.oauth.redirects import check_registrable, redirect_matches
from server.oauth.store import NewToken, OAuthStore
from server.oauth.tokens import new_token, seal, unseal

log = logging.getLogger(__name__)

OWNER = "owner"  # the single resource owner of a personal relay


@dataclass
class OAuthSettings:
    """Lifetimes (seconds), limits and policy. Tests shrink them; defaults suit production."""

    access_ttl: int = 3600
    refresh_ttl: int = 30 * 86400
    code_ttl: int = 120
    consent_ttl: int = 600
    refresh_grace: float = 60.0
    extra_redirect_uris: tuple[str, ...] = ()
    never_used_client_ttl: float = 86400.0
    idle_client_ttl: float = 90 * 86400.0
    max_clients: int = 1000
    max_redirect_uris: int = 10
    max_registration_bytes: int = 16 * 1024
    enable_cimd: bool = True  # client_id URLs (server.oauth.cimd), fetched SSRF-safely
    cimd_fetch: FetchPolicy = field(default_factory=FetchPolicy)
    limits: Limits = field(default_factory=Limits)
    clock: Callable[[], float] = time.time
    # scrypt's n for the owner password hash stored at first start (see passwords.py).
    password_cost: int = DEFAULT_COST

    def __post_init__(self) -> None:
        check_cost(self.password_cost)


class TetherClient(OAuthClientInformationFull):
    """A registered client with the relay's scope tolerance and exact redirect matching."""

    def validate_scope(self, requested_scope: str | None) -> list[str] | None:
        # Hosted clients send `scope=` or scopes they invented (fastmcp#1794); refusing
        # would break the connection, and consent shows what is actually granted.
        registered = set((self.scope or "").split())
        wanted = [s for s in (requested_scope or "").split() if s in registered]
        return wanted or None

    def validate_redirect_uri(self, redirect_uri: AnyUrl | None) -> AnyUrl:
        registered = [str(u) for u in self.redirect_uris or []]
        if redirect_uri is None:
            if len(registered) == 1:
                return AnyUrl(registered[0])
            raise InvalidRedirectUriError(
                "redirect_uri is required: this client registered several"
            )
        if redirect_matches(str(redirect_uri), registered):
            return redirect_uri
        raise InvalidRedirectUriError(
            "redirect_uri is not registered for this client: send exactly one of the registered "
            "redirect_uris (compared character for character)"
        )


class TetherRefreshToken(RefreshToken):
    family: str
    rotated: bool = False


class TetherOAuthProvider(OAuthProvider):
    """Authorization server + resource-server token check for the relay's /mcp endpoint."""

    def __init__(
        self,
        base_url: str,
        store: OAuthStore,
        settings: OAuthSettings | None = None,
        audit: AuditLog | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            required_scopes=[sc.READ],
            client_registration_options=ClientRegistrationOptions(
                enabled=True, valid_scopes=list(sc.ALL_SCOPES), default_scopes=list(sc.ALL_SCOPES)
            ),
            revocation_options=RevocationOptions(enabled=True),
        )
        self.store = store
        self.audit = audit
        self.settings = settings or OAuthSettings()
        self.cimd = CimdResolver(self.settings.extra_redirect_uris, policy=self.settings.cimd_fetch)

    def get_challenge_scopes(self, required_scopes: list[str] | None = None) -> list[str]:
        # The MCP SDK client requests exactly the challenge's scopes; ask for read AND write
        # so the owner can choose on the consent page (read is all a request *requires*).
        return [sc.READ, sc.WRITE] if required_scopes is None else required_scopes

    def record(
        self, actor: str, action: str, result: str, client_id: str | None, **detail: object
    ) -> None:
        """One authorization decision into the audit log (when the relay gave one).

        Never pass a credential here; ``AuditLog.record`` redacts credential-named keys anyway.
        """
        if self.audit is not None:
            self.audit.record(
                actor=actor,
                kind=AuditKind.AUTHORIZATION,
                action=action,
                result=result,
                detail={"client_id": client_id, **detail},
            )

    def record_refusal(
        self, source: str, actor: str, action: str, result: str, client_id: str | None
    ) -> None:
        """A refusal anyone can cause (wrong password, CSRF, rate limit): aggregated per
        source, so a flood of them cannot grow the audit log (``server/audit_flood.py``)."""
        if self.audit is not None:
            self.audit.record_unauthenticated(
                source=source,
                actor=actor,
                kind=AuditKind.AUTHORIZATION,
                action=action,
                result=result,
                detail={"client_id": client_id},
            )

    # -- identities --------------------------------------------------------------
    @property
    def issuer(self) -> str:
        """Byte-exact issuer, as published in the metadata and stamped as ``iss``."""
        return str(self.issuer_url)

    @property
    def resource_url(self) -> str | None:
        """This relay's MCP URL, the only token audience; None until routes are built."""
        return None if self._resource_url is None else str(self._resource_url).rstrip("/")

    @property
    def public_base(self) -> str:
        return str(self.base_url).rstrip("/")

    def now(self) -> float:
        return self.settings.clock()

    def same_resource(self, resource: str | None) -> bool:
        return (
            resource is not None
            and self.resource_url is not None
            and resource.rstrip("/") == self.resource_url
        )

    # -- clients -------------------------------------------------------------------
    async def get_client(self, client_id: str) -> TetherClient | None:
        if not client_id or len(client_id) > 200:
            return None
        if self.settings.enable_cimd and self.cimd.applies(client_id):
            doc = await self.cimd.client(client_id)
            return None if doc is None else TetherClient.model_validate(doc)
        info = self.store.client(client_id)
        return None if info is None else TetherClient.model_validate_json(info)

    async def register_client(self, client_info: OAuthClientInformationFull) -> None:
        # The HTTP edge checked the raw strings; re-check the parsed ones in case a caller
        # reaches this method another way.
        for uri in client_info.redirect_uris or []:
            problem = check_registrable(str(uri), self.settings.extra_redirect_uris)
            if problem:
                raise RegistrationError("invalid_redirect_uri", problem)
        now = self.now()
        self.store.prune_expired(now, keep_rotated_for=self.settings.refresh_ttl)
        self.store.prune_clients(
            now,
            self.settings.never_used_client_ttl,
            self.settings.idle_client_ttl,
            self.settings.max_clients - 1,
        )
        client = TetherClient.model_validate(client_info.model_dump())
        self.store.save_client(client.client_id or "", client.model_dump_json(), now)
        self.record(
            "anonymous",
            "client.register",
            "ok",
            client.client_id,
            client_name=(client.client_name or "")[:100],
        )
        log.info(
            "registered OAuth client %s (%r)", client.client_id, (client.client_name or "")[:100]
        )

    # -- authorization ---------------------------------------------------------------
    async def authorize(
        self,
        client: OAuthClientInformationFull,
        params: AuthorizationParams,
        *,
        challenge_method_given: bool = True,
    ) -> str:
        """Park the request for the owner's consent; returns the consent page's URL.

        ``challenge_method_given``: whether the request named ``code_challenge_method``
        (the SDK defaults it to S256; the HTTP edge says whether it was really sent).
        """
        if not challenge_method_given:
            raise AuthorizeError("invalid_request", "code_challenge_method=S256 is required (PKCE)")
        if params.resource is not None and not self.same_resource(params.resource):
            raise AuthorizeError(
                "invalid_target", f"this relay issues tokens only for resource={self.resource_url}"
            )
        granted = sc.normalise(params.scopes or (client.scope or "").split())
        if sc.READ not in granted:
            granted = sc.normalise([*granted, sc.READ])
        parked = params.model_copy(update={"scopes": granted, "resource": self.resource_url})
        txn = new_token()
        self.store.park(
            txn,
            client.client_id or "",
            parked.model_dump_json(),
            new_token(),
            self.now() + self.settings.consent_ttl,
        )
        return f"{self.public_base}/consent?txn={txn}"

    def issue_code(self, client_id: str, params: AuthorizationParams, granted: list[str]) -> str:
        """Mint the authorization code for an approved consent; returns the raw code."""
        code = new_token()
        now = self.now()
        data = AuthorizationCode(
            code="-",
            scopes=granted,
            expires_at=now + self.settings.code_ttl,
            client_id=client_id,
            code_challenge=params.code_challenge,
            redirect_uri=params.redirect_uri,
            redirect_uri_provided_explicitly=params.redirect_uri_provided_explicitly,
            resource=params.resource or self.resource_url,
            subject=OWNER,
        )
        self.store.save_code(
            code,
            client_id,
            data.model_dump_json(exclude={"code"}),
            data.expires_at,
            family=new_token(),
            now=now,
        )
        self.store.record_consent(client_id, granted, now)
        return code

    async def load_authorization_code(
        self, client: OAuthClientInformationFull, authorization_code: str
    ) -> AuthorizationCode | None:
        row = self.store.code(authorization_code)
        if row is None or row.client_id != client.client_id or row.expires_at <= self.now():
            return None
        if row.used_at is not None:
            log.warning(
                "authorization code replayed by client %s: revoking its tokens", client.client_id
            )
            self.store.revoke_family(row.family, self.now())
            self.record(
                f"client:{client.client_id}", "token.code", "refused_replay", client.client_id
            )
            return None
        data = json.loads(row.data)
        return AuthorizationCode.model_validate({**data, "code": authorization_code})

    async def exchange_authorization_code(
        self,
        client: OAuthClientInformationFull,
        authorization_code: AuthorizationCode,
        *,
        requested_resource: str | None = None,
    ) -> OAuthToken:
        """Tokens for a verified code; ``requested_resource`` is the token request's
        ``resource`` (RFC 8707), which must name the code's audience when given."""
        row = self.store.code(authorization_code.code)
        if row is None:
            raise TokenError("invalid_grant", "authorization code does not exist")
        wanted = requested_resource
        if wanted is not None and wanted.rstrip("/") != (authorization_code.resource or "").rstrip(
            "/"
        ):
            raise TokenError(
                "invalid_target", f"the code was issued for resource={authorization_code.resource}"
            )
        if not self.store.consume_code(authorization_code.code, self.now()):
            self.store.revoke_family(row.family, self.now())
            self.record(
                f"client:{client.client_id}", "token.code", "refused_replay", client.client_id
            )
            raise TokenError("invalid_grant", "authorization code was already used: sign in again")
        self.record(
            f"client:{client.client_id}",
            "token.code",
            "ok",
            client.client_id,
            scopes=authorization_code.scopes,
        )
        return self._mint(
            row.family,
            client.client_id or "",
            authorization_code.scopes,
            authorization_code.resource,
            authorization_code.subject,
        )[0]

    # -- tokens ------------------------------------------------------------------------
    def _mint(
        self,
        family: str,
        client_id: str,
        scopes: list[str],
        resource: str | None,
        subject: str | None,
        rotate_from: str | None = None,
    ) -> tuple[OAuthToken, bool]:
        now = self.now()
        access, refresh = new_token(), new_token()
        rows = [
            NewToken(access, "access", scopes, resource, subject, now + self.settings.access_ttl),
            NewToken(
                refresh, "refresh", scopes, resource, subject, now + self.settings.refresh_ttl
            ),
        ]
        token = OAuthToken(
            access_token=access,
            token_type="Bearer",
            expires_in=self.settings.access_ttl,
            refresh_token=refresh,
            scope=" ".join(scopes),
        )
        if rotate_from is None:
            self.store.insert_tokens(family, client_id, rows, now)
            return token, True
        sealed = seal(token.model_dump_json(), rotate_from)
        return token, self.store.rotate_refresh(rotate_from, sealed, family, client_id, rows, now)

    async def load_refresh_token(
        self, client: OAuthClientInformationFull, refresh_token: str
    ) -> TetherRefreshToken | None:
        row = self.store.token(refresh_token)
        if row is None or row.kind != "refresh" or row.client_id != client.client_id or row.revoked:
            return None
        now = self.now()
        if row.expires_at is not None and row.expires_at <= now:
            return None
        rotated = row.rotated_at is not None
        if rotated and not self._in_grace(row.rotated_at):
            log.warning(
                "rotated refresh token reused by client %s: revoking its family", client.client_id
            )
            self.store.revoke_family(row.family, now)
            self.record(
                f"client:{client.client_id}", "token.refresh", "refused_reuse", client.client_id
            )
            return None
        return TetherRefreshToken(
            token=refresh_token,
            client_id=row.client_id,
            scopes=row.scopes,
            expires_at=None if row.expires_at is None else int(row.expires_at),
            resource=row.resource,
            subject=row.subject,
            family=row.family,
            rotated=rotated,
        )

    def _in_grace(self, rotated_at: float | None) -> bool:
        return rotated_at is not None and self.now() - rotated_at <= self.settings.refresh_grace

    def _replay_successor(self, rt: TetherRefreshToken) -> OAuthToken:
        """An honest retry inside the grace window: hand back the pair already minted."""
        row = self.store.token(rt.token)
        plain = (
            unseal(row.successor, rt.token)
            if row and row.successor and self._in_grace(row.rotated_at)
            else None
        )
        successor = OAuthToken.model_validate_json(plain) if plain else None
        nxt = (
            self.store.token(successor.refresh_token)
            if successor and successor.refresh_token
            else None
        )
        if successor is None or nxt is None or nxt.revoked or nxt.rotated_at is not None:
            # The successor already moved on (or is gone): this is reuse, not a retry.
            self.store.revoke_family(rt.family, self.now())
            raise TokenError("invalid_grant", "refresh token was already used: sign in again")
        return successor

    async def exchange_refresh_token(
        self,
        client: OAuthClientInformationFull,
        refresh_token: RefreshToken,
        scopes: list[str],
        *,
        requested_resource: str | None = None,
    ) -> OAuthToken:
        """A rotated pair; ``requested_resource`` as for ``exchange_authorization_code``."""
        rt = refresh_token if isinstance(refresh_token, TetherRefreshToken) else None
        if rt is None:
            raise TokenError("invalid_grant", "refresh token does not exist")
        wanted = requested_resource
        if wanted is not None and wanted.rstrip("/") != (rt.resource or "").rstrip("/"):
            raise TokenError(
                "invalid_target", f"the refresh token was issued for resource={rt.resource}"
            )
        if rt.rotated:
            return self._replay_successor(rt)
        granted = [s for s in sc.normalise(scopes) if s in rt.scopes]
        self.record(
            f"client:{client.client_id}", "token.refresh", "ok", client.client_id, scopes=granted
        )
        token, won = self._mint(
            rt.family,
            client.client_id or "",
            granted,
            rt.resource,
            rt.subject,
            rotate_from=rt.token,
        )
        return token if won else self._replay_successor(rt)

    async def load_access_token(self, token: str) -> AccessToken | None:
        if not token or len(token) > 512:
            return None
        row = self.store.token(token)
        if row is None or row.kind != "access" or row.revoked:
            return None
        if row.expires_at is None or row.expires_at <= self.now():
            return None
        if not self.same_resource(row.resource):  # RFC 8707 audience: fail closed
            return None
        return AccessToken(
            token=token,
            client_id=row.client_id,
            scopes=row.scopes,
            expires_at=int(row.expires_at),
            resource=row.resource,
            subject=row.subject,
            claims={"iss": self.issuer, "sub": row.subject or OWNER},
        )

    async def revoke_token(self, token: AccessToken | RefreshToken) -> None:
        row = self.store.token(token.token)
        if row is not None:
            # RFC 7009 §2.1 SHOULD: revoking either token of a grant revokes the grant.
            self.store.revoke_family(row.family, self.now())
            self.record(f"client:{row.client_id}", "token.revoke", "ok", row.client_id)

    def revoke_by_value(self, token: str, client_id: str) -> None:
        """Revoke the grant behind ``token`` if it belongs to ``client_id``; silent otherwise."""
        row = self.store.token(token) if token and len(token) <= 512 else None
        if row is not None and row.client_id == client_id:
            self.store.revoke_family(row.family, self.now())
            self.record(f"client:{client_id}", "token.revoke", "ok", client_id)


def set_password(data_dir: Path, password: str | None = None) -> None:
    """Set or change the owner password (prompts twice on the terminal when not given).

    Raises ``passwords.WeakPassword`` (a ValueError) when too short, and ValueError
    when the two typed passwords differ.
    """
    if password is None:
        password = getpass.getpass("New relay owner password: ")
        if getpass.getpass("Type it again: ") != password:
            raise ValueError("the two passwords differ; run the command again")
    store = OAuthStore(data_dir)
    try:
        store.set_password_hash(hash_password(password), time.time())
    finally:
        store.close()
