"""The program's rules as pure functions: a record and a profile in, findings out."""

# Importing the rule modules registers their rules, in the order PROGRAM.md lists them.
from sangkien_desktop.rules import conditions, exclusions, sanity  # noqa: F401
from sangkien_desktop.rules.engine import (
    RULES,
    Derived,
    Finding,
    Severity,
    check,
    credited_author,
    derive,
    eligibility_date,
    has_errors,
)

__all__ = [
    "RULES",
    "Derived",
    "Finding",
    "Severity",
    "check",
    "credited_author",
    "derive",
    "eligibility_date",
    "has_errors",
]
