"""The MCP server for the agents inside Tether's sessions: tools, shared state, wiring."""
