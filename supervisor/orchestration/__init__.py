"""Orchestration on the supervisor: temporary sessions, projects and teams, specs, coordination.

Everything here runs where the files, git and sessions are, under the same
policy as ``start_session``: every folder is resolved and checked against the
policy's roots (:mod:`supervisor.orchestration.paths`), every session is started
through :meth:`SessionManager.create`. State that must outlive a supervisor
restart (projects, coordinations) is kept as small JSON files in the
supervisor's state directory (:mod:`supervisor.orchestration.store`).
"""
