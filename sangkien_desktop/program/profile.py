"""Load and check a program profile (TOML).

The 46/HD-TLĐ round is ``resources/programs/46-HD-TLD.toml``; a later round of the program is a
new file there. Everything the rules need about dates, windows and codes comes from here.
"""

from __future__ import annotations

import itertools
import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from sangkien_desktop.errors import ProfileError
from sangkien_desktop.paths import resources_dir

DEFAULT_PROFILE = "46-HD-TLD"

# Names come in Vietnamese (the default: documents, spreadsheets, bundles and the command line
# are official and stay Vietnamese) and in English, for an interface running in English: every
# ``label(lang)`` and ``*_name(..., lang)`` below answers English for "en", Vietnamese otherwise.


@dataclass(frozen=True)
class Coded:
    code: str
    name: str
    name_en: str

    def label(self, lang: str = "vi") -> str:
        return self.name_en if lang == "en" else self.name


@dataclass(frozen=True)
class Kind(Coded):
    research: bool
    subkinds: tuple[Coded, ...]

    def subkind(self, code: str) -> Coded | None:
        return next((s for s in self.subkinds if s.code == code), None)


@dataclass(frozen=True)
class Phase:
    number: int
    name: str
    eligible_from: date
    eligible_to: date
    updates_from: datetime
    updates_before: datetime
    national_target: int
    name_en: str = ""  # "Phase N" when the profile gives none

    def contains(self, day: date) -> bool:
        return self.eligible_from <= day <= self.eligible_to

    def label(self, lang: str = "vi") -> str:
        if lang == "en":
            return self.name_en or f"Phase {self.number}"
        return self.name


@dataclass(frozen=True)
class ProgramProfile:
    id: str
    name: str
    name_en: str
    guidance: str
    participation_target_pct: float
    window_start: date
    window_end: date
    research_applied_since: date
    decision_deadline_months: int
    phases: tuple[Phase, ...]
    kinds: tuple[Kind, ...]
    research_levels: tuple[Coded, ...]
    social_benefits: tuple[Coded, ...]
    #: The day the guidance was issued (the legal grounds of a decision quote it).
    guidance_issued_on: date | None = None

    @cached_property
    def _kinds_by_code(self) -> dict[str, Kind]:
        return {k.code: k for k in self.kinds}

    def kind(self, code: str | None) -> Kind | None:
        return self._kinds_by_code.get(code) if code else None

    def label(self, lang: str = "vi") -> str:
        """The program's name."""
        return self.name_en if lang == "en" else self.name

    def kind_name(self, code: str | None, lang: str = "vi") -> str:
        """The kind's name; a code the profile does not know is shown as it is."""
        kind = self.kind(code)
        return kind.label(lang) if kind else (code or "")

    def subkind_name(self, kind: str | None, code: str | None, lang: str = "vi") -> str:
        found = self.kind(kind)
        sub = found.subkind(code) if found and code else None
        return sub.label(lang) if sub else (code or "")

    def phase(self, number: int | None) -> Phase | None:
        return next((p for p in self.phases if p.number == number), None)

    def phase_name(self, number: int | None, lang: str = "vi") -> str:
        """The phase's name; "" for no phase, the bare number for one the profile lacks."""
        phase = self.phase(number)
        return phase.label(lang) if phase else ("" if number is None else str(number))

    def benefit_name(self, code: str | None, lang: str = "vi") -> str:
        return _coded_name(self.social_benefits, code, lang)

    def research_level_name(self, code: str | None, lang: str = "vi") -> str:
        return _coded_name(self.research_levels, code, lang)

    def phase_of(self, day: date | None) -> Phase | None:
        if day is None:
            return None
        return next((p for p in self.phases if p.contains(day)), None)

    def in_window(self, day: date) -> bool:
        return self.window_start <= day <= self.window_end

    @property
    def years(self) -> tuple[int, ...]:
        """The calendar years the program's window spans, oldest first."""
        return tuple(range(self.window_start.year, self.window_end.year + 1))

    @property
    def kind_codes(self) -> tuple[str, ...]:
        return tuple(k.code for k in self.kinds)

    @property
    def social_codes(self) -> tuple[str, ...]:
        return tuple(s.code for s in self.social_benefits)

    @property
    def research_level_codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.research_levels)


def _coded_name(items: tuple[Coded, ...], code: str | None, lang: str) -> str:
    found = next((c for c in items if c.code == code), None) if code else None
    return found.label(lang) if found else (code or "")


def profiles_dir() -> Path:
    return resources_dir() / "programs"


def available_profiles() -> list[str]:
    return sorted(p.stem for p in profiles_dir().glob("*.toml"))


def _need(table: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in table:
        raise ProfileError(f"Hồ sơ chương trình thiếu khóa “{key}” trong {where}.")
    value = table[key]
    # TOML's date-times are datetime, a subclass of date: a day field must hold a bare date.
    if not isinstance(value, kind) or (kind is date and isinstance(value, datetime)):
        raise ProfileError(f"Hồ sơ chương trình: “{key}” trong {where} có kiểu không đúng.")
    return value


def _coded(table: dict[str, Any], where: str) -> Coded:
    return Coded(
        code=_need(table, "code", str, where),
        name=_need(table, "name", str, where),
        name_en=str(table.get("name_en", table["name"])),
    )


def parse_profile(data: dict[str, Any], source: str = "profile") -> ProgramProfile:
    """Build and check a profile from parsed TOML; ProfileError names the first problem."""
    program = _need(data, "program", dict, source)
    window = _need(program, "application_window", dict, "[program]")
    phases = tuple(
        Phase(
            number=_need(p, "number", int, "[[phases]]"),
            name=_need(p, "name", str, "[[phases]]"),
            eligible_from=_need(p, "eligible_from", date, "[[phases]]"),
            eligible_to=_need(p, "eligible_to", date, "[[phases]]"),
            updates_from=_need(p, "updates_from", datetime, "[[phases]]"),
            updates_before=_need(p, "updates_before", datetime, "[[phases]]"),
            national_target=_need(p, "national_target", int, "[[phases]]"),
            name_en=str(p.get("name_en", "")),
        )
        for p in _need(data, "phases", list, source)
    )
    kinds = tuple(
        Kind(
            **_coded(k, "[[kinds]]").__dict__,
            research=bool(k.get("research", False)),
            subkinds=tuple(
                _coded(s, f"subkinds of {k.get('code')}") for s in k.get("subkinds", [])
            ),
        )
        for k in _need(data, "kinds", list, source)
    )
    profile = ProgramProfile(
        id=_need(program, "id", str, "[program]"),
        name=_need(program, "name", str, "[program]"),
        name_en=str(program.get("name_en", program["name"])),
        guidance=str(program.get("guidance", "")),
        participation_target_pct=float(
            _need(program, "participation_target_pct", (int, float), "[program]")
        ),
        window_start=_need(window, "start", date, "application_window"),
        window_end=_need(window, "end", date, "application_window"),
        research_applied_since=_need(program, "research_applied_since", date, "[program]"),
        decision_deadline_months=int(program.get("decision_deadline_months", 3)),
        phases=phases,
        kinds=kinds,
        research_levels=tuple(
            _coded(r, "[[research_levels]]") for r in data.get("research_levels", [])
        ),
        social_benefits=tuple(
            _coded(s, "[[social_benefits]]") for s in data.get("social_benefits", [])
        ),
        guidance_issued_on=(
            _need(program, "issued_on", date, "[program]") if "issued_on" in program else None
        ),
    )
    _check(profile)
    return profile


def _check(profile: ProgramProfile) -> None:
    if profile.window_start > profile.window_end:
        raise ProfileError("Hồ sơ chương trình: thời gian áp dụng bắt đầu sau ngày kết thúc.")
    if not profile.phases or not profile.kinds:
        raise ProfileError(
            "Hồ sơ chương trình phải có ít nhất một giai đoạn và một loại sáng kiến."
        )
    ordered = sorted(profile.phases, key=lambda p: p.eligible_from)
    for phase in ordered:
        if phase.eligible_from > phase.eligible_to:
            raise ProfileError(f"Hồ sơ chương trình: {phase.name} bắt đầu sau ngày kết thúc.")
    for before, after in itertools.pairwise(ordered):
        if after.eligible_from <= before.eligible_to:
            raise ProfileError(f"Hồ sơ chương trình: {before.name} và {after.name} chồng lên nhau.")
    for codes, what in (
        ([k.code for k in profile.kinds], "loại sáng kiến"),
        ([s.code for s in profile.social_benefits], "lợi ích xã hội"),
        ([p.number for p in profile.phases], "giai đoạn"),
    ):
        if len(set(codes)) != len(codes):
            raise ProfileError(f"Hồ sơ chương trình: mã {what} bị trùng.")
    if sum(k.research for k in profile.kinds) > 1:
        raise ProfileError("Hồ sơ chương trình: chỉ một loại được là đề tài nghiên cứu khoa học.")


def load_profile_file(path: Path) -> ProgramProfile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ProfileError(f"Không tìm thấy hồ sơ chương trình {path}.") from exc
    except UnicodeDecodeError as exc:
        raise ProfileError(f"Hồ sơ chương trình {path.name} không phải văn bản UTF-8.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"Hồ sơ chương trình {path.name} sai cú pháp: {exc}") from exc
    return parse_profile(data, path.name)


@cache
def load_profile(profile_id: str = DEFAULT_PROFILE) -> ProgramProfile:
    """The shipped profile ``profile_id`` (cached: profiles do not change while running)."""
    return load_profile_file(profiles_dir() / f"{profile_id}.toml")
