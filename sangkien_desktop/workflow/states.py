"""Workflow states and the moves allowed between them (data, not branching)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    IDEA = "IDEA"
    DRAFTING = "DRAFTING"
    SUBMITTED = "SUBMITTED"
    RECOGNISED = "RECOGNISED"
    REJECTED = "REJECTED"
    READY = "READY"
    EXPORTED = "EXPORTED"
    UPLOADED = "UPLOADED"


@dataclass(frozen=True)
class StateInfo:
    state: State
    name: str
    name_en: str
    #: What the move into this state must carry: "submitted_on", "reason", "uploaded_on".
    needs: str | None = None

    def label(self, lang: str = "vi") -> str:
        """The name in ``lang`` ("vi" or "en"); Vietnamese for anything else."""
        return self.name_en if lang == "en" else self.name


STATES: dict[State, StateInfo] = {
    info.state: info
    for info in (
        StateInfo(State.IDEA, "Ý tưởng đăng ký", "Registered idea"),
        StateInfo(State.DRAFTING, "Đang hoàn thiện hồ sơ", "Completing the dossier"),
        StateInfo(State.SUBMITTED, "Đã nộp Hội đồng", "Submitted to the council", "submitted_on"),
        StateInfo(State.RECOGNISED, "Đã được công nhận", "Recognised"),
        StateInfo(State.REJECTED, "Không được công nhận", "Not recognised", "reason"),
        StateInfo(State.READY, "Sẵn sàng gửi", "Ready to send"),
        StateInfo(State.EXPORTED, "Đã xuất gói", "Exported in a bundle"),
        StateInfo(State.UPLOADED, "Đã lên Cổng", "On the national portal", "uploaded_on"),
    )
}

#: Allowed moves. Going back is allowed where a dossier must be corrected.
TRANSITIONS: dict[State, tuple[State, ...]] = {
    State.IDEA: (State.DRAFTING,),
    State.DRAFTING: (State.IDEA, State.SUBMITTED),
    State.SUBMITTED: (State.DRAFTING, State.RECOGNISED, State.REJECTED),
    State.RECOGNISED: (State.SUBMITTED, State.READY),
    State.REJECTED: (State.DRAFTING,),
    State.READY: (State.RECOGNISED, State.EXPORTED),
    State.EXPORTED: (State.READY, State.UPLOADED),
    State.UPLOADED: (),
}

#: States whose initiatives the support team still works on (the board's "open" columns).
OPEN_STATES = (State.IDEA, State.DRAFTING, State.SUBMITTED, State.RECOGNISED)


def allowed(source: str, target: str) -> bool:
    return State(target) in TRANSITIONS.get(State(source), ())


def state_name(state: str, lang: str = "vi") -> str:
    """The state's name: Vietnamese by default (documents, the CLI), English for ``lang="en"``."""
    return STATES[State(state)].label(lang)


def next_steps(source: str, lang: str = "vi") -> str:
    """A sentence naming where an initiative in ``source`` may go (Vietnamese by default)."""
    targets = TRANSITIONS.get(State(source), ())
    here = state_name(source, lang)
    names = ", ".join(f"“{state_name(t, lang)}”" for t in targets)
    if lang == "en":
        if not targets:
            return f"“{here}” is the last step; it cannot move any further."
        return f"From “{here}” it can only go to {names}."
    if not targets:
        return f"“{here}” là bước cuối, không chuyển đi đâu nữa."
    return f"Từ “{here}” chỉ chuyển được sang {names}."
