"""Client ID Metadata Documents (CIMD, SEP-991): a client_id that is an https URL.

Contract: ``CimdResolver.client(url)`` fetches the JSON document at ``url`` with
the relay's SSRF-safe fetcher (``cimd_fetch``: https only, resolve then connect
to the checked public address, no redirects, 5 KiB cap, time cap, caching) and
returns a public client (``token_endpoint_auth_method=none``) or None. The
document's redirect URIs must pass the same allowlist as dynamic registration,
so a self-hosted document cannot send codes anywhere DCR could not, and
``/authorize`` accepts only a ``redirect_uri`` the document lists (exactly).

On by default (``OAuthSettings.enable_cimd``): the AS metadata says
``client_id_metadata_document_supported: true``, and Claude and ChatGPT then prefer
CIMD over registration.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from fastmcp.server.auth.cimd import CIMDDocument, CIMDFetchError, CIMDValidationError

from server.oauth import scopes as sc
from server.oauth.cimd_fetch import CimdFetcher, FetchPolicy
from server.oauth.redirects import check_registrable

log = logging.getLogger(__name__)


class Fetcher(Protocol):
    def is_cimd_client_id(self, client_id: str) -> bool: ...

    async def fetch(self, client_id_url: str) -> CIMDDocument: ...


class CimdResolver:
    def __init__(
        self,
        extra_redirects: Sequence[str] = (),
        fetcher: Fetcher | None = None,
        policy: FetchPolicy | None = None,
    ) -> None:
        self.extra_redirects = tuple(extra_redirects)
        self.fetcher: Fetcher = fetcher or CimdFetcher(policy)

    def applies(self, client_id: str) -> bool:
        return self.fetcher.is_cimd_client_id(client_id)

    async def client(self, client_id: str) -> dict[str, object] | None:
        """Client metadata for ``TetherClient.model_validate``, or None (reason logged)."""
        try:
            doc = await self.fetcher.fetch(client_id)
        except (CIMDValidationError, CIMDFetchError) as e:
            log.warning("CIMD client %s refused: %s", client_id[:200], e)
            return None
        if doc.token_endpoint_auth_method != "none":
            log.warning(
                "CIMD client %s refused: only public clients are supported", client_id[:200]
            )
            return None
        for uri in doc.redirect_uris:
            problem = check_registrable(uri, self.extra_redirects)
            if problem:
                log.warning("CIMD client %s refused: %s", client_id[:200], problem)
                return None
        return {
            "client_id": client_id,
            "client_name": (doc.client_name or "")[:100] or None,
            "redirect_uris": doc.redirect_uris,
            "token_endpoint_auth_method": "none",
            "grant_types": ["authorization_code", "refresh_token"],
            "response_types": ["code"],
            "scope": " ".join(sc.ALL_SCOPES),
        }
