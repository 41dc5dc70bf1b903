"""Where the rule files are, and reading one of them as YAML."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import E_RULE, PipelineError

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"


def read_yaml(path: Path) -> Any:
    """A rule file's content. A file that cannot be read or parsed is one coded error naming it
    (``[E010] rules/dates.yml: invalid YAML: ...``), which the loaders report among the problems
    of the other files rather than stopping at it."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise PipelineError(E_RULE, str(path), f"cannot read: {err}") from err
    except yaml.YAMLError as err:
        raise PipelineError(E_RULE, str(path), f"invalid YAML: {' '.join(str(err).split())}") from err
