"""Prompt detection: is this session waiting for a human, and for what?

The contract the session relies on (the detection behind it deepens over time):

* ``PromptTracker(session_id, family)`` — one per session. ``family`` names the
  agent ("claude", "codex", "gemini", "aider", "generic"), from the command.
* ``tracker.observe(snapshot, now, quiet_for, signals=Signals(...))`` — called
  with a fresh screen snapshot, the seconds since the last output and, where the
  OS can tell, ``Signals(echo_off=..., blocked_on_read=...)``; returns the pending
  :class:`shared.protocol.Prompt` or None. A prompt keeps its ``prompt_id``
  while the same question stays on screen; a new or changed question gets a new
  id. Ids look like ``<session_id>:<token>`` so the relay can route an answer to
  the right supervisor.
* ``tracker.pending()`` — the current prompt, if any.
* ``tracker.plan_answer(prompt_id, answer, snapshot)`` — the writes that answer
  that prompt (each element written separately), or :class:`PromptError` with a
  protocol error code (unknown, stale, secret, invalid answer).
* ``tracker.is_gone(prompt_id, snapshot)`` — after answering: has it left the screen?

Layers: :mod:`.detect` (pure detection), :mod:`.rules` (TOML rules in
``rules/*.toml``, overridable from ``$TETHER_HOME/rules``), :mod:`.answer`
(answers to keystrokes), :mod:`.tracker` (identity and staleness).
"""

from supervisor.prompts.tracker import PromptError, PromptTracker, Signals, family_of

__all__ = ["PromptError", "PromptTracker", "Signals", "family_of"]
