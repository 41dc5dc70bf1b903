"""The rows of a review page's claims table: each claim with its sentence (its own clause marked),
its value as a reader writes it (``$17.1 billion``, ``18 months``), its period and parties (marked
when they were inferred from elsewhere in the article), and a detail panel with the columns a
reviewer needs only now and then, plus the desk's editor of the reviewer cells.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from functools import cache

import inflect
from babel.numbers import get_currency_symbol

from pipeline.output.reviewer import REVIEW_STATUSES
from pipeline.output.write import split_flags
from pipeline.review.report import Row, needs_a_look, review_status

KIND_COLOURS = {
    "money": "#b6e3b6", "percent": "#ffd59e", "quantity": "#aed9f5", "count": "#d7c4f2",
    "date": "#f9c6d3", "time": "#f3e1ea", "entity": "#e4e4e4", "quote": "#fbf3c0", "statement": "#f1f6d8",
}
"""Background of each kind of highlight; a kind not listed is shown grey."""

TABLE_COLUMNS = ("#", "claim", "period", "about · said by", "check-worthiness", "reference", "review", "flags")

QUALIFIER_WORDS = {"approx": "about", "more_than": "more than", "less_than": "less than",
                   "at_least": "at least", "at_most": "at most"}

SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))
"""Scale words a reader writes large sums with, largest first."""

INFERRED_SOURCES = {"context": "carried from an earlier sentence", "headline": "taken from the body figure it restates",
                    "event": "the date of an event named earlier"}
"""Time sources that are not the claim's own sentence, so a reviewer checks them first."""

CLAUSE = re.compile(r"⟦(.*?)⟧", re.DOTALL)

DETAIL_FIELDS = (("subject", "subject"), ("role", "role"), ("direction", "direction"), ("qualifier", "qualifier"),
                 ("time_text", "period as written"), ("time_source", "period from"), ("speaker", "said by"),
                 ("value_si", "SI value"), ("unit_si", "SI unit"), ("link", "link"), ("linked_to", "linked to"),
                 ("checkworthiness_features", "check-worthiness"), ("reference_value", "reference value"),
                 ("reference_source", "reference source"), ("reference_diff", "reference difference"),
                 ("flags", "flags"), ("rules", "rules"), ("published", "published"), ("claim_id", "claim id"))
"""The columns shown only in a row's detail panel, with their labels."""

EDITOR_FIELDS = (("review_note", "note", "textarea"), ("evidence_url", "evidence URL", "url"), ("reviewer", "reviewer", "text"))


def _escape(value: object) -> str:
    return html.escape(str(value), quote=True)


@cache
def _inflect() -> inflect.engine:
    return inflect.engine()


def decimal(cell: str) -> Decimal | None:
    """A number cell as an exact decimal; None for an empty or non-numeric cell."""
    try:
        number = Decimal(cell)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def scaled(number: Decimal) -> str:
    """A number as a reader writes it: ``17.1 billion``, ``2,003``, ``2.5``."""
    for size, word in SCALES:
        if abs(number) >= size:
            short = (number / size).normalize()
            if short.as_tuple().exponent >= -3:
                return f"{short:,f} {word}"
    return f"{number.normalize():,f}"


def amount(number: Decimal, unit: str) -> str:
    """One number with its unit: ``$17.1 billion``, ``12%``, ``3 times``, ``18 months``,
    ``$80 per barrel``, ``CHF 5 million``."""
    text = scaled(number)
    measure, _, per = unit.partition("/")
    if re.fullmatch(r"[A-Z]{3}", measure):
        symbol = get_currency_symbol(measure, locale="en")
        text = symbol + text if len(symbol) == 1 else f"{symbol} {text}"
    elif unit == "percent":
        return text + "%"
    elif unit == "times":  # a multiplier ("tripled"), already plural
        return f"{text} times"
    elif unit:
        words = unit.replace("_", " ")
        text = f"{text} {words if number == 1 else _inflect().plural_noun(words)}"
    return f"{text} per {per}" if per else text


def display_value(row: Row) -> str:
    """The normalized value as a reader writes it: ``about $190 billion``, ``5–6.5%``, ``2,615
    miles``; a date row's EDTF value as is."""
    if row.get("kind") == "date":
        return row.get("time_value", "")
    unit = row.get("unit", "")
    low, high, value = (decimal(row.get(name, "")) for name in ("value_low", "value_high", "value"))
    if low is not None and high is not None:
        number = f"{amount(low, unit)}–{amount(high, unit)}"
    elif value is not None:
        number = amount(value, unit)
    else:
        return row.get("value", "")
    return " ".join(word for word in (QUALIFIER_WORDS.get(row.get("qualifier", ""), ""), number) if word)


def flag_name(flag: str) -> str:
    """A flag without its details: ``consistency:sum-of-parts:ok(129e9+111e9=240e9,tol 2%)`` is
    ``consistency:sum-of-parts:ok``."""
    return flag.split("(", 1)[0].strip().replace(" ", "_")


def flag_chips(flags: str) -> str:
    """Red chips for the flags that need a look; the checks that held as one green count."""
    items = split_flags(flags)
    chips = [f'<span class="chip warn" title="{_escape(flag)}">{_escape(flag_name(flag))}</span>'
             for flag in items if needs_a_look(flag)]
    held = [flag for flag in items if ":ok" in flag]
    if held:
        chips.append(f'<span class="chip ok" title="{_escape("; ".join(held))}">{len(held)} ok</span>')
    return "".join(chips)


def marked_sentence(row: Row) -> str:
    """The claim's sentence with its own clause marked (``claim_text``), else the sentence."""
    text = row.get("claim_text", "") or row.get("sentence", "")
    return CLAUSE.sub(lambda m: f'<mark class="clause">{m.group(1)}</mark>', _escape(text))


def inferred_parties(text: str, rows: Iterable[Row], entities: Iterable[dict]) -> set[str]:
    """The figure and date claims whose entities are not named in their own sentence, so were
    carried from an earlier sentence or the headline: ids of rows none of whose entities is a name
    found in it. (A quote's or statement's entities are those inside it.)"""
    mentions = list(entities)
    carried = set()
    for row in rows:
        names = [name for name in row.get("entities", "").split("; ") if name]
        start, sentence = row.get("start", ""), row.get("sentence", "")
        if not names or not start.isdigit() or not sentence or row.get("kind") in ("quote", "statement"):
            continue
        begin = text.find(sentence, max(0, int(start) - len(sentence)))
        end = begin + len(sentence) if begin >= 0 else -1
        named = {m.get("canonical") for m in mentions if begin <= m["start"] and m["end"] <= end}
        if not named & set(names):
            carried.add(row.get("claim_id", ""))
    return carried


def _inferred(why: str) -> str:
    return f'<span class="inferred" title="{_escape(why)}">inferred</span>'


def verdict_cell(row: Row, editable: bool) -> str:
    """The review status: a one-key choice on the desk (``unreviewed`` is the empty cell), text on
    a static page. A status not allowed (typed by hand) stays a choice until someone changes it."""
    status = review_status(row)
    if not editable:
        return _escape(status)
    raw = row.get("review_status", "")
    options = [("", "unreviewed"), *((s, s) for s in REVIEW_STATUSES if s != "unreviewed")]
    if raw and raw not in dict(options):
        options.append((raw, raw))
    chosen = "" if raw == "unreviewed" else raw
    return (f'<select class="verdict" data-field="review_status" data-base="{_escape(raw)}" aria-label="review status">'
            + "".join(f'<option value="{_escape(value)}"{" selected" if value == chosen else ""}>{_escape(label)}</option>'
                      for value, label in options) + "</select>")


def group_label(main: Row | None, restated_as: Sequence[Row]) -> str:
    """What links the rows of one figure: "restates $17.1 billion" on a headline row, "also as
    $17bn" on the body row it restates."""
    if main is not None:
        return (f'<span class="group" title="{_escape("the same figure as claim " + main.get("claim_id", ""))}">'
                f'↳ restates {_escape(main.get("text", ""))}</span>')
    if restated_as:
        return ('<span class="group" title="restated in the headline or lead">also as '
                + ", ".join(_escape(other.get("text", "")) for other in restated_as) + "</span>")
    return ""


def claim_row(row: Row, position: int, party_inferred: bool = False, editable: bool = False,
              main: Row | None = None, restated_as: Sequence[Row] = ()) -> str:
    """One ``<tr>`` of the claims table; its data attributes are what the filters read. ``main``
    is the row a headline or lead row restates, ``restated_as`` the rows that restate this one."""
    kind = row.get("kind", "")
    flags = split_flags(row.get("flags", ""))
    period_inferred = row.get("time_source", "") in INFERRED_SOURCES
    data = {"claim": row.get("claim_id", ""), "kind": kind, "cw": row.get("checkworthiness", "") or "0",
            "review": review_status(row), "reference": row.get("reference_status", ""),
            "flags": " ".join(sorted({flag_name(flag) for flag in flags})),
            "inferred": "yes" if period_inferred or party_inferred else ""}
    if main is not None:
        data |= {"group": main.get("claim_id", ""), "restates": main.get("claim_id", "")}
    elif restated_as:
        data["group"] = row.get("claim_id", "")
    attributes = " ".join(f'data-{name}="{_escape(value)}"' for name, value in data.items())
    value = display_value(row)
    time_value, time_text = row.get("time_value", ""), row.get("time_text", "")
    entities, speaker = row.get("entities", ""), row.get("speaker", "")
    cells = [
        f'<td class="num" data-sort="{_escape(row.get("start", ""))}">{position}</td>',
        f'<td class="claim" data-sort="{_escape(row.get("text", ""))}"><span class="kind" style="--hl: '
        f'{KIND_COLOURS.get(kind, "#e4e4e4")}">{_escape(kind)}</span> <strong>{_escape(row.get("text", ""))}</strong>'
        + (f' <span class="value">= {_escape(value)}</span>' if value and value != row.get("text", "")
           and kind not in ("quote", "statement") else "")
        + group_label(main, restated_as)
        + f'<div class="sentence">{marked_sentence(row)}</div></td>',
        f'<td>{_escape(time_value)}'
        + (f"<small>{_escape(time_text)}</small>" if time_text and time_text != time_value else "")
        + (_inferred(INFERRED_SOURCES[row["time_source"]]) if period_inferred else "") + "</td>",
        f'<td>{_escape(entities)}' + (_inferred("not named in this sentence") if party_inferred else "")
        + (f"<small>{_escape(speaker)}</small>" if speaker and speaker != "author" else "") + "</td>",
        f'<td class="num">{_escape(row.get("checkworthiness", ""))}</td>',
        f'<td class="status-{_escape(row.get("reference_status", ""))}">{_escape(row.get("reference_status", ""))}</td>',
        f'<td class="review">{verdict_cell(row, editable)}</td>',
        f"<td>{flag_chips(row.get('flags', ''))}</td>",
    ]
    restating = ' class="restating"' if main is not None else ""
    return f'<tr id="claim-{_escape(row.get("claim_id", ""))}"{restating} {attributes}>' + "".join(cells) + "</tr>"


def detail_panel(row: Row, editable: bool) -> str:
    """The rarely used columns of one row, and on the desk the editor of its note, evidence link
    and reviewer; shown below the table while its row is selected."""
    items = "".join(f"<dt>{_escape(label)}</dt><dd>{_escape(row[name])}</dd>"
                    for name, label in DETAIL_FIELDS if row.get(name, ""))
    reviewed = "".join(f"<dt>{_escape(name.replace('_', ' '))}</dt><dd>{_escape(row[name])}</dd>"
                       for name in ("reviewer", "review_note", "evidence_url", "reviewed_at") if row.get(name, ""))
    editor = ""
    if editable:
        editor = '<div class="editor">' + "".join(
            f'<label>{_escape(label)} ' + (
                f'<textarea data-field="{name}" data-base="{_escape(row.get(name, ""))}" rows="2">{_escape(row.get(name, ""))}</textarea>'
                if kind == "textarea" else
                f'<input type="{kind}" data-field="{name}" data-base="{_escape(row.get(name, ""))}" value="{_escape(row.get(name, ""))}">')
            + "</label>" for name, label, kind in EDITOR_FIELDS) + "</div>"
    return (f'<div class="detail" data-claim="{_escape(row.get("claim_id", ""))}" hidden>'
            f'<dl>{items}{"" if editable else reviewed}</dl>{editor}</div>')
