"""Indonesian NLP: the spaCy pipeline warta ships and its own registered stages."""
