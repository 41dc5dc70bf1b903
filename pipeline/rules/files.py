"""Where the rule files are, and reading one of them as YAML."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import E_RULE, PipelineError

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"


class _UniqueKeys:
    """A key given twice in one mapping is an error: plain YAML keeps the last silently, so a
    second ``level_nouns:`` list would replace the first unseen."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str | int | float | bool) and key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return yaml.constructor.SafeConstructor.construct_mapping(self, node, deep=deep)


class UniqueKeyLoader(_UniqueKeys, yaml.SafeLoader):
    """YAML's safe loader with unique keys; its messages quote the line a problem is on."""


class FastUniqueKeyLoader(_UniqueKeys, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same reading by libyaml's parser where PyYAML has it: about a fifth of the processor
    time, which every process loading the rules pays (over a second for the rule files)."""


def read_yaml(path: Path) -> Any:
    """A rule file's content. A file that cannot be read or parsed is one coded error naming it
    (``[E010] rules/dates.yml: invalid YAML: ...``), which the loaders report among the problems
    of the other files rather than stopping at it; so is a key given twice in one mapping. A file
    libyaml cannot read is read again by the pure-Python parser, whose message quotes the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise PipelineError(E_RULE, str(path), f"cannot read: {err}") from err
    try:
        return yaml.load(text, Loader=FastUniqueKeyLoader)
    except yaml.YAMLError:
        pass
    try:
        return yaml.load(text, Loader=UniqueKeyLoader)
    except yaml.YAMLError as err:
        raise PipelineError(E_RULE, str(path), f"invalid YAML: {' '.join(str(err).split())}") from err
