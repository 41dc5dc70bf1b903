"""The word lists the code asks the rule files for, read from the code itself, so that the loader
reports a list no file defines among the other problems ("no word list 'priced_share_nouns'")
instead of the first stage built with it failing on a KeyError; and the one way a builder asks a
loaded table for a list by its file and key (``rule_words``).

The code asks in two ways, both found in its source: it reads the lexicons by a name written out
(``lexicons["priced_share_nouns"]``, ``rules.lexicons.get("event_nouns", {})``, a name of a tuple
written out: ``for name in ("comparison_bases", "first_person")``), also through a parameter of a
function that is handed the lexicons (``locates(span, words)`` reads ``words["compass_words"]``);
or it asks ``rule_words(entities, "entities.yml", "thing_pronouns")`` of a table the run loaded.
No list of the names is kept by hand."""
from __future__ import annotations

import ast
import hashlib
import os
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.errors import E_RULE
from pipeline.rules.built import cached_json
from pipeline.rules.lexicons import LEXICON_FILE

PACKAGE_DIR = Path(__file__).resolve().parents[1]
HOLDERS = frozenset({"lexicons"})
"""The name that holds the lexicons wherever it stands: a variable, a parameter or an attribute."""
ACCESSORS = ("rule_words",)
"""The functions that ask for a list by its file and key, the last two of their arguments."""


def rule_words(table: Mapping[str, Any], file: str, key: str) -> tuple[str, ...]:
    """The list ``key`` of the rule file ``file`` as the run loaded it (``table``: the file's
    mapping, ``rules.tables["entities"]``), for a stage's builder: "she" of ``person_pronouns``. A
    list the table lacks is empty here; naming the file lets the loader report it."""
    words = table.get(key)
    return tuple(map(str, words)) if isinstance(words, list) else ()


def missing_lists(lexicons: dict[str, Any] | None, tables: dict[str, dict]) -> list[str]:
    """One problem per word list the code asks for and no rule file defines, naming the module
    that reads it. A file that could not be read (lexicons None, a table empty) is not checked:
    that is a problem of its own."""
    problems = []
    for file, key, reader in asked_lists():
        found = lexicons if file == LEXICON_FILE else tables.get(Path(file).stem) or None
        if found is not None and key not in found:
            problems.append(f"[{E_RULE}] {file}: no word list '{key}', which {reader} reads")
    return problems


def asked_lists() -> list[tuple[str, str, str]]:
    """(file, key, the first module that asks for it) for every word list the code asks for,
    in file and key order; cached by the package's modules' names, sizes and modification times,
    which any edit of a module changes, so that a rules load reads no module's text unless one
    changed, and scans none twice in a process."""
    while True:
        try:
            return list(_asked_lists(_modules_stamp()))
        except _ChangedWhileRead:
            continue


class _ChangedWhileRead(Exception):
    """A module changed between taking the package's stamp and reading its text, so the scan would
    not be the one of the modules as the stamp finds them: take the stamp again."""


def _modules_stamp(folder: str = "") -> tuple[tuple[str, int, int], ...]:
    """Each module of the package (below ``folder``) as its path, size and modification time in
    nanoseconds, in the order of their paths' parts; read from the folders' listings, a millisecond
    for the package."""
    stamp = []
    with os.scandir(PACKAGE_DIR / folder) as entries:
        for entry in entries:
            name = f"{folder}{entry.name}"
            if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                stamp += _modules_stamp(f"{name}/")
            elif entry.name.endswith(".py") and entry.is_file():
                status = entry.stat()
                stamp.append((name, status.st_size, status.st_mtime_ns))
    return tuple(sorted(stamp, key=lambda module: module[0].split("/")))


@lru_cache(maxsize=1)
def _asked_lists(stamp: tuple[tuple[str, int, int], ...]) -> tuple[tuple[str, str, str], ...]:
    """The lists asked for by the modules as ``stamp`` finds them; where no process has seen them so,
    as another did with the same text (a fresh checkout gives the modules new times), before they
    are scanned (seconds)."""
    def by_text() -> list[list[str]]:
        texts = {f"{PACKAGE_DIR.name}/{name}": (PACKAGE_DIR / name).read_text(encoding="utf-8")
                 for name, _, _ in stamp}
        if _modules_stamp() != stamp:
            raise _ChangedWhileRead
        digest = hashlib.sha1("\0".join(f"{name}\0{text}" for name, text in texts.items()).encode()).hexdigest()
        return cached_json("asked-lists", None, digest, lambda: scan(texts))

    return tuple(tuple(row) for row in cached_json("asked-lists", None, stamp, by_text))


def scan(texts: Mapping[str, str]) -> list[list[str]]:
    """[file, key, module] for each list these modules ask for; ``texts``: each module's source
    by the name it is reported by ("pipeline/claims/speakers.py"). The digest the scan is cached
    under is taken of the same texts, so an edit while a run reads them cannot pair one text's
    scan with another's digest."""
    trees = {name: ast.parse(text) for name, text in texts.items()}
    holders = _holding_parameters(trees)
    asked: dict[tuple[str, str], str] = {}
    for name, tree in trees.items():
        tuples = _tuples(tree.body)
        for function in [tree, *_functions(tree)]:
            names = HOLDERS | holders.get(id(function), frozenset())
            for key in (*_lexicon_keys(function, names, tuples), *_accessor_keys(function)):
                asked.setdefault(key, name)
    return [[file, key, reader] for (file, key), reader in sorted(asked.items())]


def _functions(tree: ast.AST) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]


def _holding_parameters(trees: dict[str, ast.Module]) -> dict[int, frozenset[str]]:
    """The parameters each function is handed the lexicons in, by the function's id: a call that
    passes a holder makes the callee's parameter in that place one (``position_scopes(..., lexicons)``
    hands them to its ``words``), until no call adds one. A callee is known by its name alone (a
    class by its ``__init__``), so a name several functions share hands them to all."""
    callees: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
    calls: list[tuple[ast.AST, str, list[ast.expr]]] = []
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                callees.setdefault(node.name, []).extend(
                    f for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "__init__")
        for function in _functions(tree):
            if not function.name.startswith("__"):
                callees.setdefault(function.name, []).append(function)
            calls += [(function, _called(call), call.args) for call in ast.walk(function) if isinstance(call, ast.Call)]
    holders: dict[int, set[str]] = {}
    changed = True
    while changed:
        changed = False
        for function, called, args in calls:
            names = HOLDERS | holders.get(id(function), set())
            for place in (i for i, arg in enumerate(args) if _holds(arg, names)):
                for callee in callees.get(called, ()):
                    parameters = [a.arg for a in callee.args.args]
                    parameters = parameters[1:] if parameters[:1] in (["self"], ["cls"]) else parameters
                    if place < len(parameters) and parameters[place] not in holders.setdefault(id(callee), set()):
                        holders[id(callee)].add(parameters[place])
                        changed = True
    return {key: frozenset(names) for key, names in holders.items()}


def _called(call: ast.Call) -> str:
    """The name a call calls: ``locates`` of ``locates(span, words)`` and of ``self.locates(...)``."""
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def _holds(node: ast.AST, names: frozenset[str] | set[str]) -> bool:
    """Whether an expression is the lexicons: a holder's name, or an attribute ``.lexicons``."""
    return (isinstance(node, ast.Name) and node.id in names) or (isinstance(node, ast.Attribute) and node.attr in HOLDERS)


def _lexicon_keys(function: ast.AST, names: frozenset[str],
                  tuples: dict[str, tuple[str, ...]]) -> Iterator[tuple[str, str]]:
    """The lexicons a function reads by a written name: ``holder["name"]``, ``holder.get("name")``,
    or a name bound to each string of a tuple written out in the function or its module
    (``tuples``)."""
    nodes = _own_nodes(function)
    bound = _bound_strings(nodes, tuples)
    for node in nodes:
        if isinstance(node, ast.Subscript) and _holds(node.value, names):
            key = node.slice
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
              and _holds(node.func.value, names) and node.args):
            key = node.args[0]
        else:
            continue
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            yield LEXICON_FILE, key.value
        elif isinstance(key, ast.Name):
            yield from ((LEXICON_FILE, word) for word in bound.get(key.id, ()))


def _own_nodes(function: ast.AST) -> list[ast.AST]:
    """A function's nodes; a module's, without those of its functions and classes."""
    if not isinstance(function, ast.Module):
        return list(ast.walk(function))
    return [node for statement in function.body
            if not isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) for node in ast.walk(statement)]


def _bound_strings(nodes: list[ast.AST], tuples: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The names a function binds to tuples of strings (``keys = ("units", "scales")``) and the
    loop names that take each string of one (``for name in ("a", "b")``, also over such a name or
    one of the module's)."""
    tuples = {**tuples, **_tuples(nodes)}
    bound = dict(tuples)
    for node in nodes:
        if isinstance(node, ast.For | ast.comprehension) and isinstance(node.target, ast.Name):
            words = tuples.get(node.iter.id, ()) if isinstance(node.iter, ast.Name) else _strings(node.iter)
            if words:
                bound[node.target.id] = words
    return bound


def _tuples(nodes: list[ast.AST]) -> dict[str, tuple[str, ...]]:
    """The names assigned a tuple of strings among these statements."""
    return {target.id: _strings(node.value) for node in nodes if isinstance(node, ast.Assign)
            for target in node.targets if isinstance(target, ast.Name) and _strings(node.value)}


def _strings(node: ast.AST) -> tuple[str, ...]:
    if isinstance(node, ast.Tuple | ast.List) and node.elts and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
        return tuple(e.value for e in node.elts)
    return ()


def _accessor_keys(function: ast.AST) -> Iterator[tuple[str, str]]:
    """The lists asked for by ``rule_words(table, "file", "key")``."""
    for node in _own_nodes(function):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ACCESSORS
                and len(node.args) >= 2 and all(isinstance(a, ast.Constant) for a in node.args[-2:])):
            yield node.args[-2].value, node.args[-1].value
