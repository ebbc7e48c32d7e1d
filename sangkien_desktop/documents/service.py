"""What the GUI and the CLI call: read the database, lay out, write the PDF safely.

Every function writes through a temporary file in the output's folder renamed over the
target, so a crash never leaves half a PDF that looks whole. Certificate numbers are taken
in the same transaction that lays the certificates out and are committed only once the PDF
is on disk; a cancelled or failed print leaves neither a file nor a used number. While a
batch is laid out (about two seconds per thousand pages) other writers of the database wait
for it, within SQLite's busy timeout.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from io import BytesIO
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sangkien_desktop.documents.certificate import (
    CertificateData,
    Progress,
    ResearchFacts,
    research_note,
    write_certificates,
)
from sangkien_desktop.documents.eligibility import (
    RECOGNISED_STATES,
    NotEligibleError,
    Refusal,
    refusals,
    require_eligible,
)
from sangkien_desktop.documents.forms import FORM_NAMES, FORMS, FormContext
from sangkien_desktop.documents.furniture import check_output, write_pdf
from sangkien_desktop.documents.numbering import (
    Holder,
    assign_numbers,
    begin_exclusive,
    existing_numbers,
    preview_numbers,
    with_retry,
)
from sangkien_desktop.documents.reward import (
    Award,
    Decision,
    decision_number,
    decision_pdf,
    sorted_awards,
)
from sangkien_desktop.documents.settings import load_settings
from sangkien_desktop.errors import InputError, NotFoundError
from sangkien_desktop.files import commit, write_temp
from sangkien_desktop.program.profile import ProgramProfile
from sangkien_desktop.rules import check
from sangkien_desktop.security.access import authorise
from sangkien_desktop.services.initiatives import get_record
from sangkien_desktop.services.units import unit_details
from sangkien_desktop.storage.convert import to_record
from sangkien_desktop.storage.database import Database
from sangkien_desktop.storage.models import Author as InitiativeAuthor
from sangkien_desktop.storage.models import Certificate, Initiative, Member, Reward
from sangkien_desktop.text import clean, format_date

#: The forms a member fills before recognition: never gated, their findings on a checklist page.
DOSSIER_FORMS = ("application", "description", "receipt")
SALUTATIONS = {"NAM": "ông", "NU": "bà"}


def split_codes(text: str | None) -> list[str]:
    """``"SK-1, SK-2"`` → ``["SK-1", "SK-2"]`` (commas, semicolons or spaces)."""
    parts = re.split(r"[,;\s]+", text or "")
    return [code for code in (clean(p) for p in parts) if code]


def _not_found(codes: Sequence[str]) -> NotFoundError:
    listed = ", ".join(f"“{c}”" for c in codes[:5]) + (" …" if len(codes) > 5 else "")
    return NotFoundError(
        f"Không có sáng kiến nào mã {listed}.", english=f"No initiative {', '.join(codes)}."
    )


def _check_certifiable(row: Initiative) -> None:
    """What a certificate needs beyond the gate: the decision it quotes, a name per page."""
    if not row.decision_no.strip() or row.decided_on is None:
        raise InputError(
            f"Sáng kiến {row.code} chưa có số và ngày quyết định công nhận: hãy nhập mục "
            "“Công nhận” trước khi in giấy chứng nhận.",
            english=f"Initiative {row.code} has no recognition decision number and date.",
        )
    names = [clean(a.full_name) for a in row.authors]
    if not names or not all(names):
        raise InputError(f"Sáng kiến {row.code}: mỗi tác giả phải có họ và tên để in giấy.")
    twice = [name for name, count in Counter(names).items() if count > 1]
    if twice:
        raise InputError(
            f"Sáng kiến {row.code} có hai tác giả cùng tên “{twice[0]}”: mỗi giấy chứng nhận "
            "mang tên một người, hãy phân biệt tên hai tác giả."
        )


def _certifiable(
    session: Session, profile: ProgramProfile, codes: Sequence[str] | None
) -> list[Initiative]:
    """The initiatives ``codes``, once the gate let every one of them through; with
    ``codes=None`` every recognised one with its decision, for the caller to gate."""
    query = (
        select(Initiative)
        .options(selectinload(Initiative.authors), selectinload(Initiative.attachments))
        .order_by(Initiative.code)
    )
    if codes is None:
        rows = list(
            session.scalars(
                query.where(
                    Initiative.status.in_(RECOGNISED_STATES),
                    Initiative.decision_no != "",
                    Initiative.decided_on.is_not(None),
                )
            )
        )
        return rows
    wanted = list(dict.fromkeys(codes))
    if not wanted:
        raise InputError("Chưa chọn sáng kiến nào để in giấy chứng nhận.")
    rows = []
    for start in range(0, len(wanted), 500):
        rows += session.scalars(query.where(Initiative.code.in_(wanted[start : start + 500])))
    missing = sorted(set(wanted) - {r.code for r in rows})
    if missing:
        raise _not_found(missing)
    rows.sort(key=lambda r: r.code)
    require_eligible("certificate", (to_record(row) for row in rows), profile)
    for row in rows:
        _check_certifiable(row)
    return rows


def _salutations(session: Session, rows: Sequence[Initiative]) -> dict[int, str]:
    ids = sorted({a.member_id for r in rows for a in r.authors if a.member_id is not None})
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        query = select(Member.id, Member.gender).where(Member.id.in_(ids[start : start + 500]))
        found.update({i: SALUTATIONS.get(g, "ông (bà)") for i, g in session.execute(query)})
    return found


def _certificates(
    session: Session,
    profile: ProgramProfile,
    codes: Sequence[str] | None,
    issued_on: date,
    refused: list[Refusal],
    expected: Sequence[int] | None = None,
) -> list[CertificateData]:
    """Take the numbers and gather what each page shows (inside the caller's transaction).
    With ``codes=None`` the initiatives the gate refuses are left out and put in ``refused``.
    ``expected``: the new numbers the user confirmed; others refuse the print."""
    rows, pairs = _pairs(session, profile, codes, refused)
    numbers = assign_numbers(session, [holder for _, _, holder in pairs], issued_on)
    if expected is not None and [n.number for n in numbers if n.new] != list(expected):
        raise InputError(
            "Số giấy chứng nhận sẽ cấp đã thay đổi từ lúc bạn xác nhận (có người vừa in giấy "
            "chứng nhận khác): chưa cấp số nào, hãy bấm in lại để xem các số mới.",
            english="The certificate numbers changed since they were confirmed; print again.",
        )
    for (row, _, _), number in zip(pairs, numbers, strict=True):
        if number.new and row.decided_on and issued_on < row.decided_on:
            raise InputError(
                f"Ngày cấp giấy chứng nhận {format_date(issued_on)} ở trước ngày quyết định "
                f"công nhận sáng kiến {row.code} ({format_date(row.decided_on)}).",
                english=f"Issue date before the recognition of {row.code}.",
            )
    salutations = _salutations(session, rows)
    certificates = []
    for (row, author, _), number in zip(pairs, numbers, strict=True):
        kind = profile.kind(row.kind)
        certificates.append(
            CertificateData(
                number=number.number,
                year=number.year,
                issued_on=number.issued_on,
                author_name=clean(author.full_name),
                salutation=salutations.get(author.member_id or -1, "ông (bà)"),
                workplace=clean(author.workplace),
                co_authors=tuple(
                    clean(a.full_name) for a in row.authors if a.full_name != author.full_name
                ),
                code=row.code,
                title=clean(row.title),
                kind_name=kind.name if kind else "",
                decision_no=clean(row.decision_no),
                decided_on=row.decided_on,
                decision_body=clean(row.recognition_body),
                research=_research_facts(row, author, profile),
            )
        )
    return certificates


@dataclass(frozen=True)
class CertificatePlan:
    """What a certificate print would do, worked out without taking a number."""

    pages: int  #: certificates in the PDF (reprints included)
    new_numbers: tuple[int, ...]  #: the numbers it would issue, in order
    year: int
    codes: tuple[str, ...]  #: the initiatives printed
    refused: tuple[Refusal, ...]  #: left out by the gate (``codes=None`` only)


def plan_certificates(
    db: Database,
    profile: ProgramProfile,
    codes: Sequence[str] | None = None,
    issued_on: date | None = None,
) -> CertificatePlan:
    """How many certificates :func:`print_certificates` would print and which numbers it
    would issue, taking none (the confirmation shown before any number is issued). Raises
    what the print would raise (nothing selected, gate refusal, nothing left to certify)."""
    authorise(db, "certificate.print")
    day = issued_on or date.today()
    refused: list[Refusal] = []
    with db.reader() as session:
        rows, pairs = _pairs(session, profile, codes, refused)
        numbers = preview_numbers(session, [holder for _, _, holder in pairs], day)
    return CertificatePlan(
        len(pairs),
        tuple(n.number for n in numbers if n.new),
        day.year,
        tuple(row.code for row in rows),
        tuple(refused),
    )


def _pairs(
    session: Session,
    profile: ProgramProfile,
    codes: Sequence[str] | None,
    refused: list[Refusal],
) -> tuple[list[Initiative], list[tuple[Initiative, InitiativeAuthor, Holder]]]:
    """The initiatives to certify and one (initiative, author, holder) per page."""
    rows = _certifiable(session, profile, codes)
    held = set(existing_numbers(session, [r.id for r in rows])) if codes is None else set()
    pairs = []
    for row in rows:
        for author in row.authors:
            holder = Holder(row.id, row.code, author.full_name)
            if holder.key not in held:
                pairs.append((row, author, holder))
    if codes is None:
        pending = list({id(row): row for row, _, _ in pairs}.values())
        refused[:] = refusals((to_record(row) for row in pending), profile)
        if refused and len(refused) == len(pending):
            raise NotEligibleError("certificate", refused)
        left_out = {r.code for r in refused}
        pairs = [pair for pair in pairs if pair[0].code not in left_out]
        rows = [row for row in pending if row.code not in left_out]
        for row in rows:
            _check_certifiable(row)
    if not pairs:
        raise InputError(
            "Không có sáng kiến đã công nhận nào chưa được cấp giấy chứng nhận.",
            english="Every recognised initiative already has its certificates.",
        )
    return rows, pairs


def _research_facts(
    row: Initiative, author: InitiativeAuthor, profile: ProgramProfile
) -> ResearchFacts | None:
    """What a research project's certificate states besides an initiative's (I.2.3): its
    level, its head (a project of one person is headed by that person), its acceptance and
    the confirmation of its effect."""
    kind = profile.kind(row.kind)
    if not (kind and kind.research):
        return None
    heads = [a for a in row.authors if a.is_lead] or (row.authors if len(row.authors) == 1 else [])
    return ResearchFacts(
        level=profile.research_level_name(row.research_level),
        is_lead=author in heads,
        lead_name=clean(heads[0].full_name) if heads else "",
        accepted_on=row.research_accepted_on,
        applied_since=row.research_applied_since,
        confirmed_by=clean(row.research_confirmed_by),
        confirmation_no=clean(row.research_confirmation_no),
        confirmed_on=row.research_confirmed_on,
    )


def print_certificates(
    db: Database,
    profile: ProgramProfile,
    out_path: Path | str,
    codes: Sequence[str] | None = None,
    progress: Progress | None = None,
    issued_on: date | None = None,
    refused: list[Refusal] | None = None,
    expected: Sequence[int] | None = None,
) -> int:
    """Certificates for the initiatives ``codes`` (every author, reprints keep their number),
    or, with ``codes=None``, for every recognised initiative's authors not yet certified.
    One PDF, ordered by code then author. Returns the number of certificates (pages).
    The eligibility gate refuses the whole print when one of ``codes`` does not qualify;
    with ``codes=None`` it leaves the initiatives that do not qualify out and lists them in
    ``refused`` (refusing only when none is left). ``expected``: the new numbers the user
    confirmed (:func:`plan_certificates`); when they changed meanwhile the print is refused
    and takes none. Needs "certificate.print"."""
    authorise(db, "certificate.print")
    out = check_output(Path(out_path))
    settings = load_settings(db)
    day = issued_on or date.today()

    def attempt() -> tuple[Path, int]:
        temp: Path | None = None
        try:
            with db.session() as session:
                begin_exclusive(session)
                certificates = _certificates(session, profile, codes, day, left_out, expected)
                buffer = BytesIO()
                pages = write_certificates(
                    buffer, certificates, settings, len(certificates), progress
                )
                temp = write_temp(out, buffer.getvalue())
            return temp, pages
        except BaseException:
            if temp is not None:
                temp.unlink(missing_ok=True)
            raise

    left_out: list[Refusal] = []
    temp, pages = with_retry(attempt)
    commit(temp, out)
    if refused is not None:
        refused[:] = left_out
    return pages


@dataclass(frozen=True)
class IssuedCertificate:
    year: int
    number: int
    issued_on: date
    initiative_code: str
    author_name: str


def issued_certificates(db: Database, year: int | None = None) -> list[IssuedCertificate]:
    """The certificate register, by year and number."""
    with db.reader() as session:
        query = select(Certificate).order_by(Certificate.year, Certificate.number)
        if year is not None:
            query = query.where(Certificate.year == year)
        return [
            IssuedCertificate(r.year, r.number, r.issued_on, r.initiative_code, r.author_name)
            for r in session.scalars(query)
        ]


def render_form(
    db: Database, profile: ProgramProfile, kind: str, code: str, today: date | None = None
) -> bytes:
    """The form ``kind`` (application, description, receipt, portal-sheet) as PDF bytes
    ("report.export"). Printable in any state; a dossier form of a record with findings ends
    with a checklist page listing them."""
    authorise(db, "report.export")
    if kind not in FORMS:
        raise InputError(
            f"Không có mẫu “{kind}”; chọn một trong: {', '.join(FORMS)} "
            f"({'; '.join(FORM_NAMES.values())}).",
            english=f"No form '{kind}'.",
        )
    record = get_record(db, clean(code))
    findings = tuple(check(record, profile)) if kind in DOSSIER_FORMS else ()
    context = FormContext(
        load_settings(db), unit_details(db), profile, today or date.today(), findings
    )
    return FORMS[kind](record, context)


def print_form(
    db: Database,
    profile: ProgramProfile,
    kind: str,
    code: str,
    out_path: Path | str,
    today: date | None = None,
) -> Path:
    """Write the form ``kind`` of initiative ``code`` to ``out_path`` ("report.export")."""
    authorise(db, "report.export")
    out = check_output(Path(out_path))
    write_pdf(out, render_form(db, profile, kind, code, today))
    return out


def awards_from_rewards(
    db: Database, number: str, codes: Sequence[str] | None = None
) -> tuple[list[Award], date | None]:
    """The rewards recorded under decision ``number`` (optionally only for ``codes``), and
    the decision's date as recorded."""
    with db.reader() as session:
        query = (
            select(Reward, Initiative.code, Initiative.title)
            .outerjoin(Initiative, Reward.initiative_id == Initiative.id)
            .where(Reward.decision_no == number)
        )
        if codes:
            query = query.where(Initiative.code.in_(list(codes)))
        rows = session.execute(query).all()
    awards = [
        Award(clean(r.recipient_name), r.amount_vnd or 0, code or "", clean(title or ""), r.form)
        for r, code, title in rows
    ]
    dates = Counter(r.decided_on for r, _, _ in rows if r.decided_on)
    return awards, dates.most_common(1)[0][0] if dates else None


def awards_for_initiatives(db: Database, codes: Sequence[str], amount_vnd: int) -> list[Award]:
    """One award of ``amount_vnd`` per initiative, to its author or its group of authors."""
    if amount_vnd < 0:
        raise InputError(f"Số tiền thưởng {amount_vnd} không được âm.")
    with db.reader() as session:
        rows = session.scalars(
            select(Initiative)
            .where(Initiative.code.in_(list(codes)))
            .options(selectinload(Initiative.authors))
        ).all()
        missing = sorted(set(codes) - {r.code for r in rows})
        if missing:
            raise _not_found(missing)
        awards = []
        for row in rows:
            names = [clean(a.full_name) for a in row.authors if clean(a.full_name)]
            if not names:
                raise InputError(f"Sáng kiến {row.code} chưa có tác giả để khen thưởng.")
            awards.append(Award(", ".join(names), amount_vnd, row.code, clean(row.title)))
    return awards


def _gate_awards(db: Database, profile: ProgramProfile, awards: Sequence[Award]) -> None:
    """Refuse a decision naming an initiative the gate does not let through."""
    codes = sorted({award.initiative_code for award in awards if award.initiative_code})
    query = select(Initiative).options(
        selectinload(Initiative.authors), selectinload(Initiative.attachments)
    )
    with db.reader() as session:
        rows: list[Initiative] = []
        for start in range(0, len(codes), 500):
            rows += session.scalars(query.where(Initiative.code.in_(codes[start : start + 500])))
        missing = sorted(set(codes) - {r.code for r in rows})
        if missing:
            raise _not_found(missing)
        rows.sort(key=lambda r: r.code)
        require_eligible("reward-decision", (to_record(row) for row in rows), profile)


def _with_research(db: Database, profile: ProgramProfile, awards: Sequence[Award]) -> list[Award]:
    """The awards, those for a research project marked with its level, its head and its
    acceptance (the decision and its annex word them as research projects)."""
    codes = sorted({a.initiative_code for a in awards if a.initiative_code})
    research: dict[str, tuple[str, str]] = {}
    query = select(Initiative).options(selectinload(Initiative.authors))
    with db.reader() as session:
        for start in range(0, len(codes), 500):
            for row in session.scalars(
                query.where(Initiative.code.in_(codes[start : start + 500]))
            ):
                if row.authors:  # any author will do: only the project-level facts are read
                    facts = _research_facts(row, row.authors[0], profile)
                    if facts is not None:
                        research[row.code] = (facts.level, research_note(facts))
    return [
        replace(
            a,
            research=True,
            research_level=research[a.initiative_code][0],
            research_note=research[a.initiative_code][1],
        )
        if a.initiative_code in research
        else a
        for a in awards
    ]


def print_reward_decision(
    db: Database,
    profile: ProgramProfile,
    out_path: Path | str,
    decision_no: str,
    decided_on: date | None = None,
    awards: Sequence[Award] | None = None,
    codes: Sequence[str] | None = None,
) -> int:
    """A reward decision and its annex. ``awards`` given explicitly, or read from the rewards
    recorded under ``decision_no`` (only those of ``codes`` when given). The date defaults to
    the one recorded with the rewards, else today. Returns the number of annex lines.
    Needs "reward.edit"."""
    authorise(db, "reward.edit")
    out = check_output(Path(out_path))
    settings = load_settings(db)
    if not decision_no.strip():
        raise InputError("Chưa nhập số quyết định khen thưởng.")
    number = decision_number(decision_no, settings)
    recorded: date | None = None
    if awards is None:
        awards, recorded = awards_from_rewards(db, number, codes)
        if not awards:
            raise InputError(
                f"Chưa có khen thưởng nào ghi theo Quyết định {number}: nhập khen thưởng trước, "
                "hoặc chọn sáng kiến và số tiền thưởng.",
                english=f"No reward recorded under decision {number}.",
            )
    for award in awards:
        if not clean(award.recipient):
            raise InputError("Mỗi dòng khen thưởng phải có tên người được khen thưởng.")
        if award.amount_vnd < 0:
            raise InputError(f"Số tiền thưởng của {award.recipient} không được âm.")
    _gate_awards(db, profile, awards)
    awards = _with_research(db, profile, awards)
    decision = Decision(number, decided_on or recorded or date.today(), sorted_awards(awards))
    write_pdf(out, decision_pdf(decision, settings, profile))
    return len(decision.awards)
