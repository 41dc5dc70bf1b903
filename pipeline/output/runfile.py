"""The run record ``claims.jsonl``: one JSON line per finished article, written atomically and
read back line by line, every line that is not a record reported under the reader's error code.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO, TypeVar

from pipeline.errors import E_OUTPUT, PipelineError
from pipeline.figures.numbers import format_number
from pipeline.records import CLAIM_FIELDS, CLAIM_NUMBER_FIELDS, Claim, claim_cells
from pipeline.output.atomic import atomic_write

RUN_FILE = "claims.jsonl"
"""The run record's name in an output folder."""

NOT_A_RECORD = (ValueError, KeyError, TypeError, AttributeError, RecursionError)
"""What reading a line that is not a record raises: bad UTF-8 or JSON (ValueError, or
RecursionError for JSON nested too deep), or a value without what the reader looks up in it."""

Parsed = TypeVar("Parsed")


def record_line(record: dict) -> str:
    """One record as its line of the run record, the form a run's journal keeps it in too: the
    text as written (``"5 €"``, not ``"5 \\u20ac"``), and never a line break inside."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def write_records(path: Path, records: Iterable[dict]) -> None:
    """Write the run record, a line per record, atomically: a report or a merge reading the folder
    meanwhile sees the old file or the new one, never half of it."""
    def write(handle: TextIO) -> None:
        for record in records:
            handle.write(record_line(record))

    atomic_write(path, write)


def skipped_record(error: Exception) -> str:
    """The message for a line that is not a record, naming what was wrong with it, e.g.
    ``not an article record of a run, skipped (KeyError: 'article')``."""
    return f"not an article record of a run, skipped ({type(error).__name__}: {error})"


def json_object(value: Any) -> dict:
    """``value`` if it is a JSON object, as every record is; TypeError for a list, a number, ..."""
    if not isinstance(value, dict):
        raise TypeError(f"a JSON {type(value).__name__}, not an object")
    return value


def read_records(path: Path, code: str, report: Callable[[PipelineError], None], *,
                 parse: Callable[[Any], Parsed] = json_object,
                 message: Callable[[Exception], str] = skipped_record) -> Iterator[tuple[str, Parsed]]:
    """Each record of the run record at ``path`` as ``parse`` makes it, with where it stands
    (``claims.jsonl:3``), in file order, one line in memory at a time. A line that is not UTF-8, not
    JSON, or that ``parse`` rejects (raising one of NOT_A_RECORD) is reported as a ``code`` error at
    ``path:line`` with ``message`` and skipped, and so is a file that cannot be read at ``path``;
    reading goes on, so a damaged line costs its own record only. Blank lines are no records and
    are passed over. A merge, say, reads ``read_records(path, E_SHARD, fail, parse=shard_record)``."""
    for where, line in _numbered_lines(path, code, report):
        if not line.strip():
            continue
        try:
            value = parse(json.loads(line.decode("utf-8")))
        except NOT_A_RECORD as error:
            report(PipelineError(code, where, message(error)))
            continue
        yield where, value


def readable_records(path: Path, parse: Callable[[Any], Parsed] = json_object) -> Iterator[Parsed]:
    """The records ``parse`` accepts, for a reader that can go without the others and has no one to
    tell: an export's article metadata, say, or the earlier records a run carries over. A missing
    file has no records."""
    return (value for _, value in read_records(path, E_OUTPUT, lambda error: None, parse=parse))


def record_claims(record: Any) -> list[Claim]:
    """The claims of an article record as a run writes it (an id and lists of figures, dates and
    claims), rebuilt, so that a merge or a combined table writes them exactly as the run did;
    ValueError or TypeError if ``record`` is not such a record (``{"id": "broken"}``)."""
    if not (isinstance(record, dict) and isinstance(record.get("id"), str)
            and all(isinstance(record.get(key), list) for key in ("figures", "dates", "claims"))):
        raise ValueError("not an article record: an id and lists of figures, dates and claims")
    return [claim_of_record(claim) for claim in record["claims"]]


def claim_record(claim: Claim) -> dict:
    """A claim as JSON gives it (``claims.jsonl``, ``extract``): its numbers as numbers
    (``"checkworthiness": 0.45``, ``"value": 17100000000``) or null when empty, the rest as text."""
    record = dict(zip(CLAIM_FIELDS, claim_cells(claim)))
    for field in CLAIM_NUMBER_FIELDS:
        record[field] = json_number(record[field])
    return record


def json_number(cell: str) -> int | float | str | None:
    """A number cell as a JSON number: "190000000000" -> 190000000000, "2.5" -> 2.5, "" -> None; a
    cell that is not a number (kept as typed) stays text."""
    if cell == "":
        return None
    try:
        number = float(cell)
    except ValueError:
        return cell
    return int(number) if number.is_integer() and abs(number) < 1e18 else number


def claim_of_record(record: dict) -> Claim:
    """A claim rebuilt from its JSON record, its cells written exactly as the run wrote them to the
    CSV. Records of earlier runs, which held every cell as text, are read as they are."""
    cells = {field: cell_of(record[field]) if field in record else None for field in CLAIM_NUMBER_FIELDS}
    return Claim(**{**record, **{field: cell for field, cell in cells.items() if cell is not None}})


def cell_of(value: object) -> str:
    """A JSON number field as its CSV cell: 0.45 -> "0.45", null -> ""; text as it is."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_number(value)
    return str(value)


def _numbered_lines(path: Path, code: str, report: Callable[[PipelineError], None]) -> Iterator[tuple[str, bytes]]:
    """The raw lines of ``path`` with their ``path:line``; a file that cannot be read is reported."""
    try:
        with path.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                yield f"{path}:{number}", line
    except OSError as error:
        report(PipelineError(code, str(path), f"cannot be read ({error.strerror or error})"))
