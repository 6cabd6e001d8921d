"""Uploading a required document to a case, and reading an uploaded file back — both only
for those who may read the case; uploads by the party the document is asked of."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Path, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from ...cases.documents import CaseDocument, DocumentError
from ...engine.errors import IsupportError
from ..casework import readable_case
from ..context import CallerDep, ForbiddenError, ServicesDep, check_csrf
from ..documents import file_store, receive_upload
from ..errors import status_of
from .cases import _case_page

router = APIRouter(include_in_schema=False)
RowId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.post("/cases/{case_id}/documents")
async def upload_document(
    case_id: RowId,
    request: Request,
    who: CallerDep,
    stores: ServicesDep,
    document_id: Annotated[str, Form(alias="document", max_length=64)],
    file: Annotated[UploadFile, File()],
    csrf_token: Annotated[str | None, Form()] = None,
) -> Response:
    principal = who.require()
    check_csrf(request, who, csrf_token)
    case = readable_case(stores.cases, principal, case_id)
    try:
        await receive_upload(request, stores, principal, case, document_id, file)
    except DocumentError as error:
        return _case_page(request, stores, principal, case, 422, str(error))
    except IsupportError as error:
        return _case_page(request, stores, principal, case, status_of(error), str(error))
    return RedirectResponse(f"/cases/{case_id}#documents", status_code=303)


@router.get("/cases/{case_id}/files/{file_id}")
def download_file(
    case_id: RowId, file_id: RowId, request: Request, who: CallerDep, stores: ServicesDep
) -> Response:
    case = readable_case(stores.cases, who.require(), case_id)
    with stores.cases.sessions() as session:
        entry = session.get(CaseDocument, file_id)
    if entry is None or entry.case_id != case.id:
        raise ForbiddenError(f"file: case {case_id} has no file {file_id}")
    content = file_store(request, stores.cases).get(entry.sha256)
    return Response(
        content,
        media_type=entry.media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{entry.sha256[:12]}-{entry.document}"',
            "X-Content-Type-Options": "nosniff",
        },
    )
