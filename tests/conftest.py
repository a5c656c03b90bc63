import os

# Tests must never inherit a nested-agent marker from the shell that runs them.
os.environ.pop("CLAUDECODE", None)

# Parallel runs start the tests that took longest last time first (see tests/slow_first.py).
from tests.slow_first import (  # noqa: E402
    pytest_collection_modifyitems,
    pytest_configure,
    pytest_configure_node,
    pytest_sessionfinish,
)

__all__ = [
    "pytest_collection_modifyitems",
    "pytest_configure",
    "pytest_configure_node",
    "pytest_sessionfinish",
]
