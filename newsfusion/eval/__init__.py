"""Scorers and data-set loaders behind `newsfusion eval TASK`."""
