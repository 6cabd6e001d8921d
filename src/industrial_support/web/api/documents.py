"""A case's document checklist and uploads (the documents the law requires, cited)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Path, Request, UploadFile
from fastapi.responses import JSONResponse

from ..casework import readable_case
from ..context import CallerDep, ServicesDep
from ..documents import case_checklist, receive_upload

router = APIRouter(tags=["cases"])
RowId = Annotated[int, Path(ge=1, le=2**31 - 1, examples=[1])]


def _file(entry: Any) -> dict[str, Any]:
    return {
        "id": entry.id,
        "document": entry.document,
        "filename": entry.filename,
        "media_type": entry.media_type,
        "size": entry.size,
        "sha256": entry.sha256,
        "uploaded_by": entry.uploaded_by,
        "uploaded_at": entry.uploaded_at.isoformat(),
        "url": f"/cases/{entry.case_id}/files/{entry.id}",
    }


@router.get("/cases/{case_id}/documents", summary="The case's document checklist")
def checklist(case_id: RowId, who: CallerDep, stores: ServicesDep) -> list[dict[str, Any]]:
    """Every document the procedure requires, its citation, who gives it, the step it must
    be on file before, whether it is required, and the files uploaded for it."""
    case = readable_case(stores.cases, who.require(), case_id)
    return [
        {
            "document": item.document.id,
            "label": dict(item.document.label),
            "basis": item.document.basis,
            "party": item.document.party,
            "before": item.document.before,
            "required": item.document.required,
            "accepted_types": sorted(item.document.types),
            "missing": item.missing,
            "files": [_file(entry) for entry in item.files],
        }
        for item in case_checklist(stores.cases, case)
    ]


@router.post(
    "/cases/{case_id}/documents",
    status_code=201,
    summary="Upload a file for one required document",
)
async def upload_document(
    case_id: RowId,
    request: Request,
    who: CallerDep,
    stores: ServicesDep,
    document: Annotated[str, Form(max_length=64, description="the document's id")],
    file: Annotated[UploadFile, File(description="PDF, PNG or JPEG (video for footage)")],
) -> JSONResponse:
    """The type is read from the file's content, not its name; the size is limited
    (ISUPPORT_UPLOAD_MAX_BYTES, 10 MiB by default); the SHA-256 is kept."""
    principal = who.require()
    case = readable_case(stores.cases, principal, case_id)
    entry = await receive_upload(request, stores, principal, case, document, file)
    return JSONResponse(_file(entry), status_code=201)
