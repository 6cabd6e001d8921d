"""Where uploaded files live: content-addressed (the SHA-256 of the bytes names the file),
so one file uploaded twice is stored once and a stored file cannot change unnoticed. The
interface is two calls, so an object store can take the place of the folder later."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Protocol


class FileStore(Protocol):
    def put(self, content: bytes) -> str:
        """Store ``content``; returns its SHA-256 (hex)."""
        ...

    def get(self, digest: str) -> bytes: ...


class LocalFileStore:
    """Files at ``root/ab/cd/<sha256>``; written to a temporary name, then renamed, so a
    crash never leaves half a file under a digest."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, digest: str) -> Path:
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise ValueError(f"digest: expected 64 lowercase hex digits, got {digest!r}")
        return self.root / digest[:2] / digest[2:4] / digest

    def put(self, content: bytes) -> str:
        digest = hashlib.sha256(content).hexdigest()
        target = self.path(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(content)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return digest

    def get(self, digest: str) -> bytes:
        content = self.path(digest).read_bytes()
        if hashlib.sha256(content).hexdigest() != digest:
            raise OSError(f"file {digest}: its content no longer matches its digest")
        return content
