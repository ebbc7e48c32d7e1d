"""Printed documents (reportlab, no Qt): recognition certificates, the dossier forms and the
reward decision, laid out as Decree 30/2020/NĐ-CP asks (A4, Times New Roman when the PC has
it, else the shipped Liberation Serif with the same metrics; national heading and motto,
``Hà Nội, ngày 05 tháng 01 năm 2023``), every string NFC-normalised and long text wrapped.

The API the GUI and the CLI call (``documents.service``)::

    print_certificates(db, profile, out_path, codes=None, progress=None, issued_on=None) -> int
        Certificates of the initiatives ``codes`` — one page per author, naming the
        co-authors — or, with ``codes=None``, of every recognised initiative's authors not yet
        certified. Ordered by code, then author. ``progress(done, total) -> bool`` returning
        False cancels: ``furniture.PrintCancelled`` (an InputError) is raised, no file is
        written and no number is taken. Numbers ("Số: 12/GCN-CĐCS") run per year of
        ``issued_on`` (default today), are never reused, and a reprint keeps the number and
        date first issued. Only recognised initiatives with a decision number and date (not
        after ``issued_on``) can be certified.
    print_form(db, profile, kind, code, out_path, today=None) -> Path
        ``kind``: "application" (Đơn yêu cầu công nhận sáng kiến), "description" (Mô tả sáng
        kiến), "receipt" (Giấy biên nhận đơn; answer-by = received + the promised days) or
        "portal-sheet" (Phiếu thông tin sáng kiến); their Vietnamese names are
        ``forms.FORM_NAMES``. ``render_form(db, profile, kind, code, today=None) -> bytes``
        gives the PDF without writing it (for a preview).
    print_reward_decision(db, profile, out_path, decision_no, decided_on=None, awards=None,
                          codes=None) -> int
        Quyết định khen thưởng with its annex. Awards from the rewards recorded under
        ``decision_no`` (filtered by ``codes``), or explicit ``reward.Award`` lines
        (``awards_for_initiatives(db, codes, amount)`` builds one per initiative).
    issued_certificates(db, year=None) -> list[IssuedCertificate]
        The certificate register.

Output files are written to a temporary file beside the target and renamed over it.
The unit's document settings (issuing body, recognising organisation, reward regulation,
symbols, place, signatory, logo) are ``documents.settings.load_settings(db)`` /
``save_settings(db, settings)``; ``documents.fonts.font_in_use()`` names the font printed in.
Errors the user can cause are InputError / NotFoundError with a Vietnamese message.
"""
