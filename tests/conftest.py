import os

# Tests must never inherit a nested-agent marker from the shell that runs them.
os.environ.pop("CLAUDECODE", None)
