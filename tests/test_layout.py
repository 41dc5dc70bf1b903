"""The shape of the code: one package per stage, imports that only run downward, small modules that
say what they are for, and a map of them in docs/architecture.md.

These hold the layout in place as the rules and stages grow: a time-scope fix that needs something
from claims/ has to move that thing down (to nlp/structure.py, say) instead of reaching up.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "pipeline"

LAYERS = (
    ("records", "errors"),
    ("rules",),
    ("ingest", "nlp"),
    ("matching",),
    ("figures",),
    ("time",),
    ("claims",),
    ("checks",),
    ("output",),
    ("resources",),
    ("extract",),
    ("review", "evaluate"),
    ("jobs",),
    ("cli",),
    ("__main__",),
)
"""Lowest first. A module may import from its own room and from rooms of lower layers only."""

LEVEL = {room: level for level, rooms in enumerate(LAYERS) for room in rooms}
MAX_LINES = 420


def modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if path.name != "__init__.py" or path.parent != PACKAGE)


def room(dotted: str) -> str:
    """``pipeline.time.scoping`` -> ``time``; ``pipeline.rules.units`` -> ``rules``; ``pipeline.cli`` -> ``cli``."""
    return dotted.split(".")[1]


def dotted_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def pipeline_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline."):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("pipeline."))
    return found


def test_every_room_has_a_layer():
    rooms = {room(dotted_name(path)) for path in modules()}
    assert rooms <= set(LEVEL), f"rooms without a layer: {sorted(rooms - set(LEVEL))}"


def test_imports_never_run_upward():
    upward = []
    for path in modules():
        here = room(dotted_name(path))
        for imported in pipeline_imports(path):
            there = room(imported)
            if there != here and LEVEL[there] >= LEVEL[here]:
                upward.append(f"{path.relative_to(REPO)} imports {imported}")
    assert not upward, "\n".join(upward)


@pytest.mark.parametrize("path", modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_module_says_what_it_is_for_and_stays_small(path):
    source = path.read_text(encoding="utf-8")
    if path.name == "__main__.py":
        return
    docstring = ast.get_docstring(ast.parse(source))
    assert docstring and docstring.strip(), "no module docstring"
    assert len(source.splitlines()) <= MAX_LINES, f"{len(source.splitlines())} lines"


def test_architecture_doc_names_every_module():
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [str(path.relative_to(REPO)) for path in modules()
               if path.name not in ("__init__.py", "__main__.py") and str(path.relative_to(REPO)) not in text]
    assert not missing, f"not in docs/architecture.md: {missing}"
