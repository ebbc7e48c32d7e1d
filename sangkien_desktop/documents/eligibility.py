"""The eligibility gate: which initiatives a document that states recognition or reward may name.

A certificate, a reward decision and the portal sheet say that an initiative "was recognised in
the programme". They are issued only for initiatives that are recognised (a recognised workflow
state), have no error finding (PROGRAM.md §2–3 and the record's own sanity) and fall inside the
programme (an eligibility date in one of the profile's phases). Everything else is a ``Refusal``
naming the initiative and the findings that block it. The dossier forms a member fills before
recognition (application, description, receipt) are not gated.

The findings are computed here from the record, not read from the counts stored on each row, so
a rule corrected since the row was last saved already counts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sangkien_desktop.errors import InputError
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.records.model import InitiativeRecord
from sangkien_desktop.rules import Finding, Severity, check, derive
from sangkien_desktop.text import clean, format_date
from sangkien_desktop.workflow.states import State, state_name

#: Workflow states of an initiative that has been recognised.
RECOGNISED_STATES = (State.RECOGNISED, State.READY, State.EXPORTED, State.UPLOADED)

#: The documents the gate guards: (Vietnamese, English) names used in the refusal message.
DOCUMENTS = {
    "certificate": ("giấy chứng nhận sáng kiến", "recognition certificates"),
    "reward-decision": ("quyết định khen thưởng", "the reward decision"),
    "portal-sheet": ("phiếu thông tin gửi Cổng trực tuyến", "the portal sheet"),
}

#: How many refused initiatives a message lists before it only counts the rest.
LISTED = 20


@dataclass(frozen=True)
class Refusal:
    """One initiative a gated document may not name, and why."""

    code: str
    title: str
    findings: tuple[Finding, ...]

    @property
    def rules(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.rule for f in self.findings))

    def line(self, lang: str = "vi") -> str:
        """``SK-2021-0033 “Title”: message (C4_CREDITED_AUTHOR); …`` on one line."""
        reasons = "; ".join(
            f"{(f.message_en if lang == 'en' else f.message).rstrip('.')} ({f.rule})"
            for f in self.findings
        )
        return f"{self.code} “{self.title}”: {reasons}."


def _status_finding(record: InitiativeRecord) -> Finding:
    name = state_name(record.status)
    return Finding(
        "E2_NOT_RECOGNISED",
        Severity.ERROR,
        "status",
        f"Sáng kiến đang ở trạng thái “{name}”, chưa được công nhận.",
        f"The initiative is in state '{state_name(record.status, 'en')}', not recognised.",
    )


def _outside_finding(record: InitiativeRecord, profile: ProgramProfile) -> Finding:
    eligible = derive(record, profile).eligibility_date
    if eligible is None:
        message = "Chưa xác định được ngày sáng kiến đủ điều kiện tham gia Chương trình."
        english = "The initiative's eligibility date is not known."
    else:
        message = (
            f"Ngày đủ điều kiện {format_date(eligible)} không thuộc giai đoạn nào của Chương trình."
        )
        english = f"Eligible on {eligible.isoformat()}, in no phase of the programme."
    return Finding("R5_NO_PHASE", Severity.ERROR, None, message, english)


def blocking_findings(
    record: InitiativeRecord, profile: ProgramProfile, today: date | None = None
) -> list[Finding]:
    """What keeps ``record`` out of a gated document: not recognised, an error finding, or
    outside the programme's phases. Empty when it may be named."""
    findings = check(record, profile, today)
    blocking = [f for f in findings if f.severity == Severity.ERROR]
    recognised = record.status in RECOGNISED_STATES
    if not recognised and not any(f.field == "status" for f in blocking):
        blocking.insert(0, _status_finding(record))
    if recognised and not blocking and derive(record, profile).phase is None:
        # R5 is a warning while the record is worked on; a document that states the
        # initiative takes part in the programme cannot be issued for it.
        blocking.append(_outside_finding(record, profile))
    return blocking


def refusals(
    records: Iterable[InitiativeRecord], profile: ProgramProfile, today: date | None = None
) -> list[Refusal]:
    """The refused initiatives among ``records``, in the order given."""
    refused = []
    for record in records:
        blocking = blocking_findings(record, profile, today)
        if blocking:
            refused.append(Refusal(record.label(), clean(record.title), tuple(blocking)))
    return refused


def _listing(refused: Sequence[Refusal], lang: str) -> list[str]:
    shown = refused[:LISTED]
    lines = [f"- {r.line(lang)}" for r in shown]
    more = len(refused) - len(shown)
    if more:
        lines.append(
            f"… and {more} more (see 'sangkien validate')."
            if lang == "en"
            else f"… và {more} sáng kiến khác (xem “sangkien validate”)."
        )
    return lines


def left_out_text(document: str, refused: Sequence[Refusal], lang: str = "vi") -> str:
    """What a batch printed without the initiatives the gate refused says about them."""
    name, name_en = DOCUMENTS[document]
    if lang == "en":
        head = f"Not printed ({name_en}): {len(refused)} initiative(s) that do not qualify:"
    else:
        head = f"Không in {name} cho {len(refused)} sáng kiến chưa đủ điều kiện:"
    return "\n".join([head, *_listing(refused, lang)])


class NotEligibleError(InputError):
    """A gated document asked for initiatives that do not qualify; nothing was printed."""

    def __init__(self, document: str, refused: Sequence[Refusal]) -> None:
        name, name_en = DOCUMENTS[document]
        self.document = document
        self.refusals = tuple(refused)
        count = len(self.refusals)
        super().__init__(
            "\n".join(
                [
                    f"Không in {name}: {count} sáng kiến chưa đủ điều kiện (chỉ in cho sáng kiến "
                    "đã được công nhận, không còn lỗi và thuộc Chương trình). Chưa cấp số, chưa "
                    "ghi tệp nào. Sửa các lỗi dưới đây rồi in lại, hoặc bỏ các sáng kiến này "
                    "khỏi danh sách in.",
                    *_listing(self.refusals, "vi"),
                ]
            ),
            english="\n".join(
                [
                    f"Not printing {name_en}: {count} initiative(s) do not qualify (recognised, "
                    "no error, inside the programme). No number was issued, no file written. "
                    "Correct the errors below and print again, or leave these initiatives out.",
                    *_listing(self.refusals, "en"),
                ]
            ),
        )


def one_line(exc: NotEligibleError) -> InputError:
    """The refusal as the one line the command line prints for bad input."""
    head, *items = exc.message.split("\n")
    head_en, *items_en = exc.english.split("\n")
    listed = " ".join(item.removeprefix("- ") for item in items)
    listed_en = " ".join(item.removeprefix("- ") for item in items_en)
    return InputError(f"{head} {listed}", english=f"{head_en} {listed_en}")


def require_eligible(
    document: str,
    records: Iterable[InitiativeRecord],
    profile: ProgramProfile,
    today: date | None = None,
) -> None:
    """Raise ``NotEligibleError`` naming every refused initiative among ``records``."""
    refused = refusals(records, profile, today)
    if refused:
        raise NotEligibleError(document, refused)
