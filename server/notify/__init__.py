"""Notifications that reach the owner, and the page that answers them.

events.py (what to send, pure), escalation.py (repeat, next channel, safe
action, pure), links.py (answer links, pure), config.py (TETHER_NOTIFY and the
config file), channels.py (the one module that imports Apprise), runner.py
(the asyncio runner fed by the hub). The answer page is ``server/answer_page.py``.
"""
