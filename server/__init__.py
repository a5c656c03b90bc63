"""The relay: a public FastMCP server, its own OAuth 2.1 server, and the /supervisor socket.

Its exception tree hangs under ``shared.errors.TetherError`` (a message, a hint
and a code), and each is translated where it leaves the relay: the MCP tools'
``as_tool_error``, the CLI's exit message, the link's close frame.

    TetherError (shared.errors; HostOffline, SessionUnknown, ... raised by the hub)
    ├── ConfigError          the relay cannot start with this configuration (server.config)
    ├── DatabaseError        a database operation failed (server.db)
    ├── StoreError           the store refused a write (server.session_store; a RuntimeError)
    ├── SupervisorRefused    a supervisor is not let in; carries its close code (server.supervisors)
    ├── PairCodeError        no pairing code can be made now (server.supervisors)
    ├── WeakPassword         the owner password is too short (server.oauth.passwords; a ValueError)
    ├── NotifyConfigError    TETHER_NOTIFY / notify.toml is wrong (server.notify.config)
    ├── ChannelError         a notification URL Apprise cannot use (server.notify.channels)
    └── PasskeyError         a passkey ceremony failed on the answer page (server.passkeys)

``server.link``'s ``_Refused``, ``_Gone`` and ``_Silent`` are control flow that
never leaves the link; OAuth errors are the MCP SDK's own, which it turns into
RFC 6749 responses.
"""
