"""The approval card: an MCP Apps (SEP-1865) view of the prompt a session waits on.

Hosts that render MCP Apps (ChatGPT, Claude) show :data:`CARD_URI` inside the
chat, in a sandboxed frame, after ``check_prompts``, ``get_session_status`` or
``send_message`` (the tools carry :data:`CARD_APP` as ``_meta.ui``). The card
(``shared/mcp/prompt_card.html``, built by ``scripts/build-web`` from ``web/src/card.*``
and the ``@modelcontextprotocol/ext-apps`` App class) renders the tool's
structured result and answers with ``respond_to_prompt`` through the host
bridge. Clients without MCP Apps ignore the metadata: the tools' structured
results are the same either way.

Contracts:

* The card loads nothing from any origin: its CSP (declared in ``_meta.ui.csp``
  with no domains, and again in the document) allows only its own inline
  script, by hash. Every call goes through the host.
* A dangerous prompt (``confirm_dangerous``) gets no approve button: its
  approving options link to ``<relay>/approve/<prompt_id>``, opened through
  the host (``ui/open-link``); the relay redirects it to a fresh answer link
  for that prompt (``server/approve_link.py``), where the owner signs in and
  approves with a passkey. Where
  there is no relay (local stdio mode) the card says to approve on the computer.
* Refusing stays one tap: the refusal options of a dangerous prompt remain
  buttons.
"""

from __future__ import annotations

import json
from importlib import resources

from fastmcp import FastMCP
from fastmcp.apps.config import AppConfig, ResourceCSP

from shared.errors import TetherError

CARD_URI = "ui://tether/prompt-card.html"
CARD_APP = AppConfig(resource_uri=CARD_URI)
CARD_FILE = "prompt_card.html"
_CONFIG_SLOT = '<script type="application/json" id="tether-config">{"approve_base": ""}</script>'


class CardMissing(TetherError, RuntimeError):
    """The built card is not in the package; the message says how to build it."""


def card_html(approve_base: str | None) -> str:
    """The card document, told where the relay's approval page is (None: no relay)."""
    try:
        html = resources.files("shared.mcp").joinpath(CARD_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CardMissing(
            f"shared/mcp/{CARD_FILE} is missing.", "Run scripts/build-web to build it."
        ) from None
    if _CONFIG_SLOT not in html:
        raise CardMissing(
            f"shared/mcp/{CARD_FILE} has no config slot: rebuild it with scripts/build-web."
        )
    # "<" escaped so no value can close the script element early.
    config = json.dumps({"approve_base": (approve_base or "").rstrip("/")}).replace("<", "\\u003c")
    return html.replace(
        _CONFIG_SLOT, f'<script type="application/json" id="tether-config">{config}</script>'
    )


def register_prompt_card(mcp: FastMCP, approve_base: str | None) -> None:
    """Serve the card as :data:`CARD_URI` (``text/html;profile=mcp-app``) on ``mcp``."""
    html = card_html(approve_base)

    @mcp.resource(
        CARD_URI,
        name="prompt_card",
        title="Tether prompt",
        description="The prompt a session waits on, with its options as buttons.",
        app=AppConfig(
            csp=ResourceCSP(connect_domains=[], resource_domains=[]), prefers_border=True
        ),
    )
    def prompt_card() -> str:
        return html
