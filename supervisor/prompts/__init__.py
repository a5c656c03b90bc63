"""Prompt detection: is this session waiting for a human, and for what?

The contract the session relies on (the detection behind it deepens over time):

* ``PromptTracker(session_id, family)`` — one per session. ``family`` names the
  agent ("claude", "codex", "gemini", "aider", "generic"), from the command.
* ``tracker.observe(snapshot, now, quiet_for)`` — called with a fresh screen
  snapshot; returns the pending :class:`shared.protocol.Prompt` or None. A prompt
  keeps its ``prompt_id`` while the same question stays on screen; a new or
  changed question gets a new id. Ids look like ``<session_id>:<token>`` so the
  relay can route an answer to the right supervisor.
* ``tracker.pending()`` — the current prompt, if any.
* ``tracker.plan_answer(prompt_id, answer, snapshot)`` — the writes that answer
  that prompt (each element written separately), or :class:`PromptError` with a
  protocol error code (unknown, stale, secret, invalid answer).
* ``tracker.is_gone(prompt_id, snapshot)`` — after answering: has it left the screen?
"""

from supervisor.prompts.tracker import PromptError, PromptTracker, family_of

__all__ = ["PromptError", "PromptTracker", "family_of"]
