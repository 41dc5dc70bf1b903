"""Caches vocabularies built from a library's data (pint's units, babel's currencies) as JSON, so
that a process reads in milliseconds what takes seconds to build."""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

CACHE_ENV = "CLAIMS_CACHE_DIR"
"""Where built vocabularies are cached, when set; else ``$XDG_CACHE_HOME/claims-pipeline`` or
``~/.cache/claims-pipeline``."""


def cached_json(name: str, package: str | None, settings: Any, build: Callable[[], Any]) -> Any:
    """What ``build()`` returns, read from the cache when it was built from the same ``settings``
    with the same version of ``package`` (the library whose data it reads; None for data of the
    project's own that ``settings`` names, as a digest of its sources) by the same code (the
    text of the module that defines ``build``, so that a changed builder never reads a table the
    old one wrote); else built and written there. A cache that cannot be read is built again; one that cannot be written only
    costs the next process the same build."""
    version = importlib.metadata.version(package) if package else ""
    key = hashlib.sha1(json.dumps([version, settings, _builder_text(build)], sort_keys=True).encode()).hexdigest()[:16]
    path = cache_dir() / f"{name}-{key}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    built = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(built, sort_keys=True, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)  # whole or not at all, for processes building at once
    except OSError:
        pass
    return built


def _builder_text(build: Callable[[], Any]) -> str:
    """A digest of the source file that defines ``build`` ("" where it cannot be read)."""
    try:
        return hashlib.sha1(Path(build.__code__.co_filename).read_bytes()).hexdigest()
    except (AttributeError, OSError):
        return ""


def cache_dir() -> Path:
    """The directory of the cached vocabularies (see ``CACHE_ENV``)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claims-pipeline"
