"""The date parser the time tests share, built once, and a short way to call it."""
from datetime import date

from pipeline.rules import load_rules
from pipeline.time.parser import DateParser

PARSER = DateParser(load_rules().lexicons)
PUB = date(2024, 4, 9)


def resolve(words, kind, published=PUB, narrative=None):
    return PARSER.resolve(words.split(), kind, published, narrative, "ctx")
