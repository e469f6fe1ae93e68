"""The extract stage: entities, quotes, figures, dates, places and events, each traced to its text."""
