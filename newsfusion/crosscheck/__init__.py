"""Cross-check: a story's claims aligned across its articles, counted by independent sources.

material  the story's articles, independent-source groups, entity names and time anchor
sentences sentence spans and their content words
align     sentence-level paraphrase alignment across articles
claims    facts: figure slots (agreed, updated, conflict), shared quotes, key assertions, variants
framing   loaded terms per outlet, in its own voice or quoted
timeline  the story's dated developments in order
events    (extract/events) mentions of one real-world event merged, with reactions
"""
