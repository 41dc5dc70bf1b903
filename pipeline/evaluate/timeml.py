"""TimeML corpora (TimeBank, AQUAINT, TempEval-3): each ``.tml`` file as an article and its gold time expressions.

A ``.tml`` file is XML. The article is the content of ``<TEXT>`` with every tag removed, and the
offsets of the gold are offsets into that text. Every ``<TIMEX3>`` inside ``<TEXT>`` is a gold time
expression with its ``type`` (DATE, TIME, DURATION, SET), its ``value`` in TIMEX3 notation
("1998-W33", "PRESENT_REF") and its ``mod``. The publication date, which anchors relative
expressions, is the TIMEX3 with ``functionInDocument="CREATION_TIME"`` (in ``<DCT>``).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pipeline.errors import E_GOLD, PipelineError
from pipeline.records import Article

SUFFIX = ".tml"
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class Timex:
    """One gold ``<TIMEX3>``: its span in the article text, its type, value and modifier."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""


@dataclass(frozen=True)
class TimeMLDocument:
    """An article read from a ``.tml`` file and the gold time expressions of its text."""

    article: Article
    timexes: tuple[Timex, ...]


def read_timeml(path: Path) -> TimeMLDocument:
    """Read one ``.tml`` file; anything that keeps it from being scored is a coded E020 error,
    such as a file that is not well-formed XML ("undefined entity") or has no ``<TEXT>``."""
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as exc:
        raise PipelineError(E_GOLD, str(path), f"not a readable TimeML file: {exc}") from exc
    except OSError as exc:
        raise PipelineError(E_GOLD, str(path), f"cannot read: {exc.strerror}") from exc
    body = root.find(".//TEXT")
    if body is None:
        raise PipelineError(E_GOLD, str(path), "no <TEXT> element")
    parts: list[str] = []
    spans: list[tuple[int, int, ElementTree.Element]] = []
    _flatten(body, parts, spans, length=0)
    text = "".join(parts)
    timexes = [Timex(start=start, end=end, text=text[start:end], type=element.get("type", ""),
                     value=element.get("value", ""), mod=element.get("mod", ""))
               for start, end, element in spans]
    article = Article(id=path.stem, text=text, published=_creation_date(root), path=str(path))
    return TimeMLDocument(article=article, timexes=tuple(timexes))


def read_timeml_corpus(folder: Path, report: Callable[[str], None]) -> list[TimeMLDocument]:
    """Every ``.tml`` file under ``folder`` (sub-folders included, in path order); a file that
    cannot be read is reported in one line and the others are still read."""
    documents = []
    for path in sorted(folder.rglob(f"*{SUFFIX}")):
        try:
            documents.append(read_timeml(path))
        except PipelineError as err:
            report(str(err))
    return documents


def _flatten(element: ElementTree.Element, parts: list[str], spans: list[tuple[int, int, ElementTree.Element]],
             length: int) -> int:
    """Append the text of ``element``'s content to ``parts`` and each TIMEX3 inside it to
    ``spans`` with its offsets; returns the length of the text so far."""
    if element.text:
        parts.append(element.text)
        length += len(element.text)
    for child in element:
        start = length
        length = _flatten(child, parts, spans, length)
        if child.tag == "TIMEX3":
            spans.append((start, length, child))
        if child.tail:
            parts.append(child.tail)
            length += len(child.tail)
    return length


def _creation_date(root: ElementTree.Element) -> date | None:
    """The day of the CREATION_TIME timex ("1998-01-08"), None if there is none or it names no day."""
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            day = _DAY.match(timex.get("value", ""))
            if day:
                try:
                    return date.fromisoformat(day.group(1))
                except ValueError:
                    return None
    return None
