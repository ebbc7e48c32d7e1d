"""Sáng Kiến Desktop: the core of the initiative register for grassroots trade unions."""

__version__ = "0.1.0"
