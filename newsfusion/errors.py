"""The exceptions newsfusion raises. Every message says what is wrong and what to do.

    NewsfusionError               exit code 2 when it reaches the command line
     ├── UsageError               a bad command line or setting
     ├── StoreError               the database cannot be opened, migrated or written
     ├── FetchError               an http(s) input could not be fetched
     └── InputError               one input cannot be read; becomes a stored Rejection
                                  (carries a short `code` such as "binary" or "bad_json")

Readers raise `InputError`; the pipeline turns it into a `Rejection` and goes on with the
rest of the batch. Anything else that reaches the command line is reported in one line.
"""

from __future__ import annotations


class NewsfusionError(Exception):
    """Base class; the message is shown to the user as it is."""

    exit_code = 2


class UsageError(NewsfusionError):
    """The command line or a setting is wrong."""


class StoreError(NewsfusionError):
    """The database cannot be opened, migrated or written."""


class InputError(NewsfusionError):
    """One input cannot be read. `code` names the reason for `newsfusion rejects`."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


class FetchError(InputError):
    """An http(s) input could not be fetched (timeout, refused, HTTP error)."""
