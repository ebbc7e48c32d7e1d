"""Errors a user can cause. Each carries a Vietnamese message that names what is wrong."""

from __future__ import annotations


class SangKienError(Exception):
    """Base of every error the application reports to a person instead of a traceback."""

    def __init__(self, message: str, *, english: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.english = english or message

    def __str__(self) -> str:
        return self.message


class InputError(SangKienError):
    """A file, argument or form value that cannot be accepted (CLI exit code 2)."""


class ProfileError(SangKienError):
    """The program profile file is missing or inconsistent."""


class StorageError(SangKienError):
    """The database cannot be opened, migrated or written."""


class WorkflowError(SangKienError):
    """A state move the workflow does not allow."""


class NotFoundError(SangKienError):
    """A code or id that names nothing in the database."""
