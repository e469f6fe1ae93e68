"""newsfusion: turns a stream of news articles from many outlets into verified, cited stories."""

__version__ = "0.1.0"
