"""The spaCy side: the model, its faster attribute ruler and lemmatizer, per-word caches, parsing."""
