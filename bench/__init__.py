"""Tether's benchmark: every figure a ratio against a baseline measured in the same run.

Run it with ``scripts/bench`` (``--quick``, ``--lanes a,b``). The shared machines
this runs on swing +-45% in absolute speed between runs, so each lane alternates
its baseline and its subject in small blocks inside one run and reports the
ratio; the report gives the median and min/max of the per-run values.

Layout: pure code in :mod:`bench.stats` and :mod:`bench.report`; process and
``/proc`` access in :mod:`bench.procs`; lanes in ``*_lanes`` modules; helper
processes (:mod:`bench.relay_server`, :mod:`bench.ws_echo`, :mod:`bench.idle_sessions`)
run with ``python -m``.
"""
