"""The fuzz tests' signed bundle, shared with the hostile-input corpus."""

from tests.fuzz.conftest import bundle_seed

__all__ = ["bundle_seed"]
