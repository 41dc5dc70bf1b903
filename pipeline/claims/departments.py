"""Names a national government department with its country, as the claims table writes it: "the
Labor Department", "the Department of Labor" and "the U.S. Labor Department" are all the "United
States Department of Labor", and "the Treasury" the "United States Department of the Treasury".

The country is the one the name carries ("the U.S. Treasury"), else the country the article names
most; only countries whose departments rules/entities.yml lists (``national_departments``) are
named so, and only the departments it lists: "the Fire Department" or "the Ohio Department of
Transportation" keep their own names, and so does the Treasury of a story about Britain.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

FORMS = re.compile(r"^(?:(?P<before>[A-Z][\w&' ]*?)\s+Department|Department\s+of\s+(?:the\s+)?(?P<after>[A-Z][\w&' ]*)"
                   r"|(?P<bare>[A-Z][\w&' ]*))$")
"""The ways a department is written: "<X> Department", "Department of <X>", or its own word
("Treasury"), after a country of one or two words if any ("U.S.", "United States")."""


class Departments:
    """The ``national_departments`` of rules/entities.yml, read once."""

    def __init__(self, table: dict, country_of: Callable[[str], str | None]) -> None:
        spec = table.get("national_departments", {})
        self.countries = set(spec.get("countries", ()))
        self.country_of = country_of
        self.names: dict[str, str] = {}
        self.bare: set[str] = set()
        for name, own_words in spec.get("departments", {}).items():
            self.names[name.lower().removeprefix("the ")] = name
            for word in own_words:
                self.names[word.lower()] = name
                self.bare.add(word.lower())

    def named(self, entities: list[dict]) -> list[dict]:
        """The article's entities with its country's departments named in full."""
        if not self.countries:
            return entities
        places = Counter(e["canonical"] for e in entities if e["label"] == "GPE")
        in_view = places.most_common(1)[0][0] if places else ""
        out = []
        for entity in entities:
            name = self._full_name(entity, in_view) if entity["label"] == "ORG" else None
            out.append({**entity, "canonical": name} if name else entity)
        return out

    def _full_name(self, entity: dict, in_view: str) -> str | None:
        """"United States Department of Labor" for "the US Labor Department", or None."""
        words = entity["canonical"].removeprefix("the ").split()
        for cut in range(3):
            found = FORMS.match(" ".join(words[cut:]))
            named = found and (found["before"] or found["after"] or found["bare"])
            department = self.names.get(named.lower()) if named and (
                not found["bare"] or named.lower() in self.bare) else None
            if department is not None:
                country = self.country_of(" ".join(words[:cut])) if cut else in_view
                return f"{country} Department of {department}" if country in self.countries else None
        return None
