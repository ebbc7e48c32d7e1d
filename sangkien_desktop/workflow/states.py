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


def state_name(state: str) -> str:
    return STATES[State(state)].name


def next_steps(source: str) -> str:
    """A Vietnamese sentence naming where an initiative in ``source`` may go."""
    targets = TRANSITIONS.get(State(source), ())
    if not targets:
        return f"“{state_name(source)}” là bước cuối, không chuyển đi đâu nữa."
    names = ", ".join(f"“{state_name(t)}”" for t in targets)
    return f"Từ “{state_name(source)}” chỉ chuyển được sang {names}."
