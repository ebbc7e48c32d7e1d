"""One of the two writers of the two-writer test (tests/storage/test_postgres.py): opens the
database URL of argv[1] and saves, ROUNDS times, a new title for each initiative code of
argv[4:], as the person argv[2]; prints how many saves it made."""

from __future__ import annotations

import sys

from sangkien_desktop.program import load_profile
from sangkien_desktop.services.initiatives import get_record, save_record
from sangkien_desktop.storage import open_database


def main() -> None:
    url, who, rounds, codes = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    profile = load_profile()
    db = open_database(url)
    saves = 0
    try:
        for i in range(rounds):
            for code in codes:
                record = get_record(db, code)
                record.title = f"Sáng kiến của {who}, lần {i}"
                save_record(db, record, profile, who)
                saves += 1
    finally:
        db.close()
    print(saves)


if __name__ == "__main__":
    main()
