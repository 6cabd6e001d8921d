"""The documents the law requires of each procedure, and the files uploaded for them.

Each document names its citation, the party that gives it, and the step it must be on file
before (the application documents of 003 §8 before the admission of §9(b)-(c), those of
§11 before the subsidy is granted, the §17 reports with the quarterly report, the video of
production of 000 Art.51-1(4) before inclusion in the register). A step whose documents
are incomplete is refused with the missing ones named; the official may instead refuse
with a ground that cites the missing item (003 §9(d), §13(a)).

Files are checked by their content (puremagic), limited in size, and kept in the
content-addressed file store under their SHA-256."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

import puremagic
from sqlalchemy import BigInteger, DateTime, ForeignKey, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..engine.citations import cite
from ..engine.errors import IsupportError
from .filestore import FileStore
from .models import Base

MAX_BYTES_ENV = "ISUPPORT_UPLOAD_MAX_BYTES"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
PAPER_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg"})
VIDEO_TYPES = frozenset({"video/mp4", "video/quicktime", "video/webm"})


class DocumentError(IsupportError):
    """An upload the checklist refuses (unknown document, wrong type, too large, empty)."""


@dataclass(frozen=True)
class Document:
    id: str
    label: Mapping[str, str]
    basis: str
    party: str  # who gives it: "applicant" or "official"
    before: str  # the step it must be on file before
    required: bool = True
    types: frozenset[str] = field(default=PAPER_TYPES)

    def __post_init__(self) -> None:
        cite(self.basis)  # a document whose basis names no source fails here


def _d(id: str, en: str, ja: str, basis: str, before: str, **extra: object) -> Document:
    return Document(id, {"en": en, "ja": ja}, basis, before=before, **extra)  # type: ignore[arg-type]


REQUIREMENTS: dict[str, tuple[Document, ...]] = {
    "ru.pp1176": (
        # 003 §8: the application's attachments
        _d(
            "business_plan",
            "Business plan of the project, certified by the head",
            "代表者が証明した事業計画書の写し",
            "003 §8(a)",
            "admit",
            party="applicant",
        ),
        _d(
            "fund_minutes",
            "Extract of the Industrial Development Fund expert council's minutes on the financing",
            "産業開発基金専門家評議会の議事録抜粋",
            "003 §8(b)",
            "admit",
            party="applicant",
        ),
        _d(
            "loan_agreement",
            "Loan agreement (where there is one)",
            "借入契約の写し（ある場合）",
            "003 §8(c)",
            "admit",
            party="applicant",
            required=False,
        ),
        # the ministry requests the tax certificate itself when it is not given (§8(d))
        _d(
            "tax_certificate",
            "Tax authority's certificate on §7(a)",
            "第7項a号に関する税務機関の証明書",
            "003 §8(d)",
            "admit",
            party="applicant",
            required=False,
        ),
        _d(
            "compliance_certificate",
            "Certificate of meeting §7(b)-(f), signed by the head",
            "第7項b号～f号への適合に関する証明書",
            "003 §8(e)",
            "admit",
            party="applicant",
        ),
        _d(
            "publication_consent",
            "Consent to publishing the enterprise's information",
            "企業情報の公開に関する同意書",
            "003 §8(f)",
            "admit",
            party="applicant",
        ),
        # 003 §9(c), §10: the agreement, signed
        _d(
            "signed_agreement",
            "The agreement, signed",
            "署名済みの協定書",
            "003 §10",
            "sign",
            party="applicant",
        ),
        # 003 §11: with the request for the subsidy
        _d(
            "subsidy_request",
            "Request for the subsidy",
            "補助金提供申請書",
            "003 §11",
            "request_subsidy",
            party="applicant",
        ),
        _d(
            "tax_document",
            "Tax authority's document on §7(a)",
            "第7項a号に関する税務機関の文書",
            "003 §11(a)",
            "request_subsidy",
            party="applicant",
            required=False,
        ),
        _d(
            "compliance_document",
            "Document on meeting §7(b)-(f), signed by the head",
            "第7項b号～f号への適合に関する文書",
            "003 §11(b)",
            "request_subsidy",
            party="applicant",
        ),
        # 003 §17: each quarter's reports
        _d(
            "cost_report",
            "Report on the costs paid from the subsidy",
            "補助金を財源とする費用に関する報告書",
            "003 §17(a)",
            "report_quarterly",
            party="applicant",
        ),
        _d(
            "results_report",
            "Report on the results and indicators achieved",
            "成果及び指標の達成に関する報告書",
            "003 §17(b)",
            "report_quarterly",
            party="applicant",
        ),
    ),
    "kz.producers_register": (
        _d(
            "production_video",
            "Video of the production process of the declared goods",
            "申告製品の生産工程の動画",
            "000 Art.51-1(4)",
            "include",
            party="applicant",
            types=VIDEO_TYPES,
        ),
        _d(
            "site_visit_report",
            "Production assessment report of the site visit",
            "現地訪問による生産評価報告書",
            "000 Art.51-1(5)",
            "include",
            party="official",
            required=False,
        ),
    ),
}


class CaseDocument(Base):
    """One uploaded file for one required document of a case. Never updated: a newer
    upload for the same document stands beside the older one."""

    __tablename__ = "case_documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    document: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_by: Mapped[str] = mapped_column(String(120))
    uploaded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


@dataclass(frozen=True)
class ChecklistItem:
    document: Document
    files: list[CaseDocument]

    @property
    def required(self) -> bool:
        return self.document.required

    @property
    def missing(self) -> bool:
        return self.document.required and not self.files


def documents_of(procedure: str) -> tuple[Document, ...]:
    return REQUIREMENTS.get(procedure, ())


def document(procedure: str, document_id: str) -> Document:
    for found in documents_of(procedure):
        if found.id == document_id:
            return found
    known = ", ".join(d.id for d in documents_of(procedure)) or "none"
    raise DocumentError(
        f"document: {document_id!r} is not a document of {procedure}; known: {known}"
    )


def max_bytes() -> int:
    return int(os.environ.get(MAX_BYTES_ENV) or DEFAULT_MAX_BYTES)


def media_type_of(content: bytes) -> str | None:
    """The type the bytes are, from their content (not their name); None when unknown."""
    try:
        return str(puremagic.from_string(content, mime=True)) or None
    except puremagic.PureError:
        return None


def check_upload(spec: Document, filename: str, content: bytes) -> str:
    """The file's media type, or DocumentError naming every problem at once."""
    problems = []
    if not content:
        problems.append("file: is empty")
    elif len(content) > max_bytes():
        problems.append(f"file: {len(content):,} bytes is over the limit of {max_bytes():,} bytes")
    found = media_type_of(content) if content else None
    if content and found not in spec.types:
        expected = ", ".join(sorted(spec.types))
        problems.append(
            f"file: {filename!r} is {found or 'of an unknown type'}; expected {expected}"
        )
    if problems:
        raise DocumentError("; ".join(problems))
    assert found is not None
    return found


def upload(
    session: Session,
    files: FileStore,
    *,
    case_id: int,
    procedure: str,
    document_id: str,
    filename: str,
    content: bytes,
    actor: str,
) -> CaseDocument:
    """Check, store and record one file (the caller's transaction commits the record)."""
    spec = document(procedure, document_id)
    media_type = check_upload(spec, filename, content)
    digest = files.put(content)  # stored before the record: a record never names no file
    entry = CaseDocument(
        case_id=case_id,
        document=spec.id,
        filename=os.path.basename(filename)[:200] or "upload",
        media_type=media_type,
        size=len(content),
        sha256=digest,
        uploaded_by=actor,
        uploaded_at=dt.datetime.now(dt.UTC),
    )
    session.add(entry)
    session.flush()
    return entry


def uploaded(session: Session, case_id: int) -> list[CaseDocument]:
    return list(
        session.scalars(
            select(CaseDocument).where(CaseDocument.case_id == case_id).order_by(CaseDocument.id)
        )
    )


def checklist(session: Session, case_id: int, procedure: str) -> list[ChecklistItem]:
    files = uploaded(session, case_id)
    return [
        ChecklistItem(spec, [f for f in files if f.document == spec.id])
        for spec in documents_of(procedure)
    ]


def missing_before(session: Session, case_id: int, procedure: str, action: str) -> list[Document]:
    """The required documents not yet on file that ``action`` needs."""
    return [
        item.document
        for item in checklist(session, case_id, procedure)
        if item.document.before == action and item.missing
    ]


def completeness_problem(session: Session, case_id: int, procedure: str, action: str) -> str | None:
    """Why ``action`` cannot be taken yet for want of documents, or None."""
    missing = missing_before(session, case_id, procedure, action)
    if not missing:
        return None
    names = "; ".join(f"{d.label['en']} ({d.basis})" for d in missing)
    return (
        f"documents: missing {names}; upload them first, or refuse with a ground citing the"
        " missing item"
    )
