"""The file store and checklists as the web sees them: one content-addressed folder per
case store (beside a SQLite file, or ``ISUPPORT_FILES``), and a case's checklist read in
one short session."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import Request, UploadFile

from ..accounts.service import Principal
from ..cases.documents import (
    CaseDocument,
    ChecklistItem,
    DocumentError,
    checklist,
    document,
    max_bytes,
    upload,
)
from ..cases.filestore import FileStore, LocalFileStore
from ..cases.procedure import get_procedure
from ..cases.store import CaseStore, CaseView
from .context import ForbiddenError, Services

FILES_ENV = "ISUPPORT_FILES"


def files_root(store: CaseStore) -> Path:
    if configured := os.environ.get(FILES_ENV):
        return Path(configured)
    url = store.engine.url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).with_suffix(".files")
    return Path("var") / "files"


def file_store(request: Request, store: CaseStore) -> FileStore:
    found: FileStore | None = getattr(request.app.state, "files", None)
    if found is None:
        found = LocalFileStore(files_root(store))
        request.app.state.files = found
    return found


def case_checklist(store: CaseStore, case: CaseView) -> list[ChecklistItem]:
    with store.sessions() as session:
        return checklist(session, case.id, case.procedure)


async def receive_upload(
    request: Request,
    stores: Services,
    principal: Principal,
    case: CaseView,
    document_id: str,
    file: UploadFile,
) -> CaseDocument:
    """Check that the account may give this document for the case, then check and store
    the file (DocumentError or ForbiddenError otherwise; nothing is written then)."""
    spec = document(case.procedure, document_id)
    party = "applicant" if principal.role == "applicant" else "official"
    if spec.party != party or not principal.may_act(case.enterprise_id, case.procedure, party):
        raise ForbiddenError(f"document: {spec.id} is given by the {spec.party}")
    if case.state in get_procedure(case.procedure).final:
        raise DocumentError(f"document: case {case.id} is closed ({case.state})")
    content = await file.read(max_bytes() + 1)  # one byte over is enough to refuse
    with stores.cases.sessions.begin() as session:
        return upload(
            session,
            file_store(request, stores.cases),
            case_id=case.id,
            procedure=case.procedure,
            document_id=spec.id,
            filename=file.filename or "upload",
            content=content,
            actor=principal.username,
        )
