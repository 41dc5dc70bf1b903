"""The spaCy side: the model, its faster attribute ruler and lemmatizer, per-word caches, parsing, and
the parsed document's structure (sentences, paragraphs, datelines, clauses)."""
