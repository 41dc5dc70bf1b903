"""Text clean-up applied to every article before extraction, whatever its format.

The cleaned text is the article text: every offset in the output indexes it, and ``extract``
reports it, so nothing has to be mapped back. What changes and why:

- line ends become ``\\n`` (also U+2028/U+2029, form feeds): offsets do not depend on the platform;
- Unicode NFC: "é" typed as e + combining accent matches the lexicons and the gold;
- soft hyphens, zero-width spaces, word joiners and stray BOMs are removed: they split words and
  numbers invisibly ("mil\\u00adlion");
- a no-break, figure, thin or narrow no-break space between digit groups is removed
  ("4\\u202f209 km" -> "4209 km") so the number parser sees one number; any other such space
  becomes a plain space ("1,5\\u00a0%" -> "1,5 %");
- the minus sign U+2212 before a digit becomes "-", which the number rules read;
- runs of four or more dots (leaders, truncation marks "........") become "...";
- other control characters become spaces;
- copyright lines ("© Publisher", "Copyright 2024 ...") are dropped: they are never claims.

Curly quotes, apostrophes and dashes are kept as they are: they are what the article printed,
the tokenizer and rules read them, and a dash between numbers marks a range ("2022–23").
"""
from __future__ import annotations

import re
import unicodedata

from pipeline.errors import E_EMPTY, PipelineError

NUMBER_SPACES = "\u00a0\u2007\u2009\u202f"
"""No-break, figure, thin and narrow no-break space: the spaces typeset inside numbers."""

_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\f\v]")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_GROUPED_NUMBER = re.compile(f"(?<![\\d.,])\\d{{1,3}}(?:[{NUMBER_SPACES}]\\d{{3}})+(?!\\d)")
_OTHER_SPACE = re.compile(f"[{NUMBER_SPACES}]")
_MINUS = re.compile("\u2212(?=\\d)")
_DOT_RUN = re.compile(r"\.(?: ?\.){3,}")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_COPYRIGHT_LINE = re.compile(
    r"^[ \t]*(?:©|\(c\)[ \t]*\d{4}|copyright[ \t]*(?:©|\(c\)|\d{4}))[^\n]{0,200}(?:\n|$)",
    re.IGNORECASE | re.MULTILINE,
)


def normalize_newlines(text: str) -> str:
    """Every line break as ``\n``, so that offsets and line-based formats (front matter) do not
    depend on the platform the file was written on."""
    return _LINE_BREAKS.sub("\n", text)


def normalize_spaces(text: str) -> str:
    """Digit groups joined ("4\u202f209" -> "4209"), other no-break and thin spaces made plain.
    Also applied to web pages before extraction, which would otherwise make them plain spaces
    inside numbers too."""
    joined = _GROUPED_NUMBER.sub(lambda match: _OTHER_SPACE.sub("", match.group()), text)
    return _OTHER_SPACE.sub(" ", joined)


def clean_text(text: str) -> str:
    """The article text as the pipeline reads it and reports it (see the module docstring)."""
    text = normalize_newlines(text)
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = normalize_spaces(text)
    text = _MINUS.sub("-", text)
    text = _DOT_RUN.sub("...", text)
    text = _CONTROL.sub(" ", text)
    return _COPYRIGHT_LINE.sub("", text).rstrip() + ("\n" if text.endswith("\n") else "")


def cleaned(text: str, where: str) -> str:
    """The text after ``clean_text``; an error if nothing is left, since a file of blank lines or
    a JSONL line whose text is a lone "© Reuters" is no article."""
    text = clean_text(text)
    if not text.strip():
        raise PipelineError(E_EMPTY, where, "the file is empty or holds only whitespace")
    return text
