"""Typed errors of the core; each carries a Chinese message and where it happened."""

from __future__ import annotations


class DeskError(Exception):
    """Base of every error the user should see as a plain message."""

    def __init__(self, message: str, where: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}：{self.message}" if self.where else self.message


class DatabaseError(DeskError):
    """The database file cannot be opened or used (wrong kind, damaged, locked)."""


class SchemaTooNew(DatabaseError):
    """The file was written by a newer version of the app."""


class ValidationError(DeskError):
    """A value the clerk typed or a file supplied is not acceptable."""


class ImportRejected(DeskError):
    """A whole incoming file is refused (broken, hostile, wrong kind)."""


class NotFound(DeskError):
    """A campaign, unit, notice … named by the user does not exist."""
