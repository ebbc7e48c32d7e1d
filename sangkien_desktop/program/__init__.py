"""The program profile: kinds, phases, windows and targets, loaded from ``resources/programs``."""

from sangkien_desktop.program.profile import Kind, Phase, ProgramProfile, load_profile

__all__ = ["Kind", "Phase", "ProgramProfile", "load_profile"]
