"""The supervisor: runs sessions in PTYs on the owner's computer and answers the relay.

Its exception tree hangs under ``shared.errors.TetherError`` (a message, a hint
and an ``ErrorCode``); ``supervisor.command_runner.CommandRunner`` is the one place any of them
becomes a ``RequestFailed`` reply, with the error's own code.

    TetherError (shared.errors)
    ├── CommandFailed (shared.errors)   the command is refused, with the ErrorInfo's code
    │   ├── PolicyRefused               outside the owner's policy (supervisor.policy)
    │   └── PolicyFileError             the policy file is unusable (supervisor.policy)
    ├── PromptError                     an answer that cannot be sent (supervisor.prompts.answer)
    ├── CursorError                     a text cursor not handed out here (supervisor.screen)
    ├── IdentityError                   the key file cannot be used (supervisor.identity)
    ├── LinkRefused                     the relay refused us for good (supervisor.connection)
    ├── RuleError                       a malformed prompt rule file (supervisor.prompts.rules)
    ├── HookPayloadError                a body that is not a hook event (supervisor.hook_events)
    ├── StateDatabaseError              the state file cannot be used (supervisor.state_store)
    ├── JournalError                    a request could not be recorded before acting
    │                                   (supervisor.request_journal)
    └── ApprovalError                   an approver or approval refused (supervisor.approvers;
                                        code approval_required)

``supervisor.pty_process.PtySpawnError`` stays an ``OSError`` (it keeps the
errno) and becomes ``CommandFailed`` (spawn_failed) in ``SessionManager.create``.
``supervisor.connection``'s ``_Dead``/``_Opened`` and ``supervisor.hooks``'s
``_Refused`` are control flow; the mock agent is its own program with its own.
"""
