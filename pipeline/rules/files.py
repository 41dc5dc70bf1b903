"""Where the rule files are, and reading one of them as YAML."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import E_RULE, PipelineError

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, but a key given twice in one mapping is an error: plain YAML keeps the
    last silently, so a second ``level_nouns:`` list would replace the first unseen."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str | int | float | bool) and key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def read_yaml(path: Path) -> Any:
    """A rule file's content. A file that cannot be read or parsed is one coded error naming it
    (``[E010] rules/dates.yml: invalid YAML: ...``), which the loaders report among the problems
    of the other files rather than stopping at it; so is a key given twice in one mapping."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except (OSError, UnicodeDecodeError) as err:
        raise PipelineError(E_RULE, str(path), f"cannot read: {err}") from err
    except yaml.YAMLError as err:
        raise PipelineError(E_RULE, str(path), f"invalid YAML: {' '.join(str(err).split())}") from err
