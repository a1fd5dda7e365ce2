"""Links between articles: copies of one text, one real-world event in many reports, stories.

Pure functions over records and texts (no store, no I/O): the store and the CLI call them.
``dedup`` finds exact and near-duplicate copies, ``events`` joins event mentions from different
reports into one event, ``stories`` groups articles about one developing story.
"""
