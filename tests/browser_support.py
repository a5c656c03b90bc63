"""Headless Chromium (Debian's, no browser download) at a phone's viewport, for browser tests."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
PHONE: Any = {"width": 390, "height": 844}  # playwright's ViewportSize
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


DOCS = Path(__file__).resolve().parent.parent / "docs"


def screenshot_dir(tmp_path: Path) -> Path:
    """``docs/`` when TETHER_SCREENSHOTS=1 (to refresh the README's pictures), else a temp dir."""
    return DOCS if os.environ.get("TETHER_SCREENSHOTS") == "1" else tmp_path


def browser_missing() -> str | None:
    if not os.path.exists(CHROMIUM):
        return f"browser tests need chromium at {CHROMIUM} (apt-get install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "browser tests need playwright-python (pip install playwright)"
    return None


@asynccontextmanager
async def phone_browser() -> AsyncIterator[Any]:
    """A browser context at 390x844 with touch, like a phone; closed afterwards."""
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            context = await browser.new_context(
                viewport=PHONE, device_scale_factor=1, has_touch=True, is_mobile=True
            )
            yield context
        finally:
            await browser.close()


async def tidy_frame(frame: Any, work: Path) -> None:
    """For the docs' screenshots: show the test's temporary folder ``work`` as ``~/api``.

    Padded to the same length, so terminal boxes keep their shape.
    """
    await frame.evaluate(
        """([work]) => {
          const short = "~/api".padEnd(work.length);
          const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            if (n.nodeValue.includes(work)) n.nodeValue = n.nodeValue.replaceAll(work, short);
          }
          for (const i of document.querySelectorAll("input")) {
            i.value = i.value.replaceAll(work, "~/api");
          }
        }""",
        [str(work)],
    )
