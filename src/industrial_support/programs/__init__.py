"""Every encoded program. Importing this package imports each country's modules, which
registers their programs and facts. A module whose name starts with "_" is not imported
(work in progress, or a private helper imported by its siblings)."""

from __future__ import annotations

import importlib
import pkgutil


def _import_all(package: str, path: list[str]) -> None:
    for module in pkgutil.walk_packages(path, prefix=f"{package}."):
        if not module.name.rsplit(".", 1)[-1].startswith("_"):
            importlib.import_module(module.name)


_import_all(__name__, __path__)
