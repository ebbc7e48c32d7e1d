"""The fuzz tests' signed bundle, shared with the hostile-input corpus, and a way to change it."""

from __future__ import annotations

from pathlib import Path

from tests.exchange.conftest import resign, write_zip
from tests.fuzz.conftest import BundleSeed, bundle_seed

__all__ = ["bundle_seed", "signed_again"]


def signed_again(seed: BundleSeed, members: dict[str, bytes], folder: Path) -> Path:
    """``members`` (the seed's, changed) as a bundle signed again by the sender's key, alone in
    a new folder ``inbox`` under ``folder``."""
    inbox = folder / "inbox"
    inbox.mkdir()
    return write_zip(inbox / seed.path.name, seed.base, resign(members, seed.key))
