"""Every relay -> supervisor command, one module per concept; see ``shared.frames``.

Importing this package imports every module in it, so a command module added
here is registered without any other edit (README, Layout: "Adding a command").
"""

from __future__ import annotations

import importlib
import pkgutil

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    importlib.import_module(f"{__name__}.{_module}")
