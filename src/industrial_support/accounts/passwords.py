"""Password hashing with a bounded number of hashes at once.

Each Argon2id hash takes the library's recommended 64 MiB; without a bound, 40 sign-ins at
once held 40 hashes (about 2.5 GiB) and starved every other request. A process-wide
semaphore keeps at most ``HASH_SLOTS`` hashes running; the rest wait their turn."""

from __future__ import annotations

import os
import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 10
# One hash per core by default; ISUPPORT_HASH_SLOTS tunes it for a bigger machine.
HASH_SLOTS = max(1, int(os.environ.get("ISUPPORT_HASH_SLOTS") or os.cpu_count() or 2))
_SLOTS = threading.BoundedSemaphore(HASH_SLOTS)
_HASHER = PasswordHasher()  # Argon2id with the library's current recommended parameters
# Compared against when the username is unknown, so both cases take the same time.
_DUMMY_HASH = _HASHER.hash("not-a-password")


def hash_password(password: str) -> str:
    with _SLOTS:
        return _HASHER.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches; an unknown account (None) costs the same time."""
    with _SLOTS:
        try:
            return _HASHER.verify(stored_hash or _DUMMY_HASH, password) and bool(stored_hash)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False


def password_problem(password: str, field: str = "password") -> str | None:
    """Why ``password`` cannot be used, or None."""
    if len(password) < MIN_LENGTH:
        return f"{field}: expected at least {MIN_LENGTH} characters"
    if len(password) > 200:
        return f"{field}: expected at most 200 characters"
    return None
