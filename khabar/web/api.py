"""The JSON API: jobs, and dossiers in the shape of dossier.json, part by part."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response

from khabar.web.data import MESSAGES
from khabar.web.jobs import FINISHED, Job
from khabar.web.schemas import (
    ArticleModel,
    ClaimModel,
    ContradictionModel,
    DossierModel,
    DossierSummaryModel,
    EntityModel,
    ErrorModel,
    EventModel,
    FailureModel,
    FolderRequest,
    JobModel,
    StoryModel,
)
from khabar.web.state import WebState, web_state
from khabar.web.submit import start_folder_job, start_upload_job
from khabar.web.uploads import UploadError

router = APIRouter(prefix="/api")

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorModel}}

DEFAULT_PAGE_ITEMS = 100
"""Items a list endpoint returns when the request names no ``limit``."""

MAX_PAGE_ITEMS = 1000
"""Most items one list request may ask for: a response of a few megabytes at most, however
many jobs or articles there are."""

TOTAL_HEADER = "X-Total-Count"
"""Response header of every list endpoint: how many items there are in all."""

Limit = Annotated[
    int, Query(ge=1, le=MAX_PAGE_ITEMS, description="most items returned (the page size)")
]
Offset = Annotated[int, Query(ge=0, description="items skipped before the first returned")]


def paged(items: list[Any], limit: int, offset: int, response: Response) -> list[Any]:
    """One page of ``items``; the total goes in the X-Total-Count header."""
    response.headers[TOTAL_HEADER] = str(len(items))
    return items[offset : offset + limit]


UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["files"],
                    "properties": {
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "pages: text dumps, HTML, WARC, JSON Lines, or zip",
                        },
                        "label": {"type": "string", "description": "a name for the dossier"},
                    },
                }
            }
        },
    }
}


def job_links(job_id: str) -> dict[str, str]:
    """Where a job's status and (once done) its dossier can be read."""
    return {
        "status": f"/api/jobs/{job_id}",
        "page": f"/jobs/{job_id}",
        "dossier": f"/api/dossiers/{job_id}",
        "html": f"/dossiers/{job_id}",
        "json": f"/dossiers/{job_id}/dossier.json",
    }


def job_model(job: Job) -> JobModel:
    """The API view of a job."""
    data = job.to_dict()
    return JobModel(
        **{k: v for k, v in data.items() if k in JobModel.model_fields},
        dossier=job.id if job.status == "done" else None,
        links=job_links(job.id),
    )


def _dossier(state: WebState, dossier_id: str) -> dict[str, Any]:
    data = state.store.load_dossier(dossier_id)
    if data is None:
        raise HTTPException(404, f"no dossier {dossier_id!r}")
    return data


def _one(items: list[dict[str, Any]], item_id: str, what: str, dossier_id: str) -> dict[str, Any]:
    for item in items:
        if item.get("id") == item_id:
            return item
    raise HTTPException(404, f"no {what} {item_id!r} in dossier {dossier_id!r}")


@router.get("/dossiers", response_model=list[DossierSummaryModel], tags=["dossiers"])
def list_dossiers(
    request: Request,
    response: Response,
    limit: Limit = DEFAULT_PAGE_ITEMS,
    offset: Offset = 0,
) -> list[DossierSummaryModel]:
    """Finished dossiers, newest first, a page at a time (X-Total-Count: how many in all)."""
    state = web_state(request)
    jobs, total = state.store.page(offset, limit, status="done")
    response.headers[TOTAL_HEADER] = str(total)
    out = []
    for job in jobs:
        links = job_links(job.id)
        out.append(
            DossierSummaryModel(
                id=job.id,
                title=job.title,
                name=job.name,
                label=job.label,
                created=job.created,
                finished=job.finished,
                counts=dict(job.counts),
                links={k: links[k] for k in ("dossier", "html", "json")},
            )
        )
    return out


@router.get(
    "/dossiers/{dossier_id}", response_model=DossierModel, responses=NOT_FOUND, tags=["dossiers"]
)
def get_dossier(dossier_id: str, request: Request) -> dict[str, Any]:
    """A whole dossier, exactly as dossier.json."""
    return _dossier(web_state(request), dossier_id)


@router.delete("/dossiers/{dossier_id}", status_code=204, responses=NOT_FOUND, tags=["dossiers"])
def delete_dossier(dossier_id: str, request: Request) -> Response:
    """Delete a finished dossier (or a failed or cancelled job) and its files."""
    if not web_state(request).store.delete(dossier_id):
        raise HTTPException(404, f"no finished dossier {dossier_id!r}")
    return Response(status_code=204)


@router.get(
    "/dossiers/{dossier_id}/articles",
    response_model=list[ArticleModel],
    responses=NOT_FOUND,
    tags=["dossiers"],
)
def list_articles(
    dossier_id: str,
    request: Request,
    response: Response,
    limit: Limit = DEFAULT_PAGE_ITEMS,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    """The clean articles of a dossier."""
    items = _dossier(web_state(request), dossier_id).get("articles", [])
    return paged(list(items), limit, offset, response)


@router.get(
    "/dossiers/{dossier_id}/articles/{article_id}",
    response_model=ArticleModel,
    responses=NOT_FOUND,
    tags=["dossiers"],
)
def get_article(dossier_id: str, article_id: str, request: Request) -> dict[str, Any]:
    """One article: metadata, clean text, entities, times, statements, flags."""
    data = _dossier(web_state(request), dossier_id)
    return _one(data.get("articles", []), article_id, "article", dossier_id)


@router.get(
    "/dossiers/{dossier_id}/events",
    response_model=list[EventModel],
    responses=NOT_FOUND,
    tags=["dossiers"],
)
def list_events(
    dossier_id: str,
    request: Request,
    response: Response,
    limit: Limit = DEFAULT_PAGE_ITEMS,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    """The events of a dossier, with dates, evidence and cited summaries."""
    items = _dossier(web_state(request), dossier_id).get("events", [])
    return paged(list(items), limit, offset, response)


@router.get(
    "/dossiers/{dossier_id}/events/{event_id}",
    response_model=EventModel,
    responses=NOT_FOUND,
    tags=["dossiers"],
)
def get_event(dossier_id: str, event_id: str, request: Request) -> dict[str, Any]:
    """One event."""
    data = _dossier(web_state(request), dossier_id)
    return _one(data.get("events", []), event_id, "event", dossier_id)


@router.get(
    "/dossiers/{dossier_id}/stories",
    response_model=list[StoryModel],
    responses=NOT_FOUND,
    tags=["dossiers"],
)
def list_stories(
    dossier_id: str,
    request: Request,
    response: Response,
    limit: Limit = DEFAULT_PAGE_ITEMS,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    """The stories of a dossier (events in time order)."""
    items = _dossier(web_state(request), dossier_id).get("stories", [])
    return paged(list(items), limit, offset, response)


@router.get(
    "/dossiers/{dossier_id}/entities",
    response_model=list[EntityModel],
    responses=NOT_FOUND,
    tags=["dossiers"],
)
def list_entities(
    dossier_id: str,
    request: Request,
    response: Response,
    limit: Limit = DEFAULT_PAGE_ITEMS,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    """The entities of a dossier, each with its spelling variants."""
    items = _dossier(web_state(request), dossier_id).get("entities", [])
    return paged(list(items), limit, offset, response)


@router.get(
    "/dossiers/{dossier_id}/entities/{entity_id}",
    response_model=EntityModel,
    responses=NOT_FOUND,
    tags=["dossiers"],
)
def get_entity(dossier_id: str, entity_id: str, request: Request) -> dict[str, Any]:
    """One entity."""
    data = _dossier(web_state(request), dossier_id)
    return _one(data.get("entities", []), entity_id, "entity", dossier_id)


@router.get(
    "/dossiers/{dossier_id}/claims",
    response_model=list[ClaimModel],
    responses=NOT_FOUND,
    tags=["dossiers"],
)
def list_claims(
    dossier_id: str,
    request: Request,
    response: Response,
    limit: Limit = DEFAULT_PAGE_ITEMS,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    """The claims of a dossier, each with every source's stance."""
    items = _dossier(web_state(request), dossier_id).get("claims", [])
    return paged(list(items), limit, offset, response)


@router.get(
    "/dossiers/{dossier_id}/claims/{claim_id}",
    response_model=ClaimModel,
    responses=NOT_FOUND,
    tags=["dossiers"],
)
def get_claim(dossier_id: str, claim_id: str, request: Request) -> dict[str, Any]:
    """One claim."""
    data = _dossier(web_state(request), dossier_id)
    return _one(data.get("claims", []), claim_id, "claim", dossier_id)


@router.get(
    "/dossiers/{dossier_id}/contradictions",
    response_model=list[ContradictionModel],
    responses=NOT_FOUND,
    tags=["dossiers"],
)
def list_contradictions(
    dossier_id: str,
    request: Request,
    response: Response,
    limit: Limit = DEFAULT_PAGE_ITEMS,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    """Reports in a dossier that cannot all hold, citing every side."""
    items = _dossier(web_state(request), dossier_id).get("contradictions", [])
    return paged(list(items), limit, offset, response)


@router.get(
    "/dossiers/{dossier_id}/errors",
    response_model=list[FailureModel],
    responses=NOT_FOUND,
    tags=["dossiers"],
)
def list_errors(
    dossier_id: str,
    request: Request,
    response: Response,
    limit: Limit = DEFAULT_PAGE_ITEMS,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    """Inputs of a dossier that could not be analysed, and why."""
    items = _dossier(web_state(request), dossier_id).get("errors", [])
    return paged(list(items), limit, offset, response)


@router.post(
    "/jobs",
    status_code=202,
    response_model=JobModel,
    responses={400: {"model": ErrorModel}, 413: {"model": ErrorModel}, 415: {"model": ErrorModel}},
    openapi_extra=UPLOAD_BODY,
    tags=["jobs"],
)
async def upload_job(request: Request) -> JobModel:
    """Upload pages (multipart field ``files``, several allowed, zip allowed) and analyse them."""
    state = web_state(request)
    try:
        job = await start_upload_job(
            state.runner,
            request.headers.get("content-type"),
            request.headers.get("content-length"),
            request.stream(),
        )
    except UploadError as exc:
        raise HTTPException(exc.status, exc.message) from exc
    return job_model(job)


@router.post(
    "/jobs/folder",
    status_code=202,
    response_model=JobModel,
    responses={400: {"model": ErrorModel}, 403: {"model": ErrorModel}, 404: {"model": ErrorModel}},
    tags=["jobs"],
)
def folder_job(body: FolderRequest, request: Request) -> JobModel:
    """Analyse a folder (or a file) on the server's own disk, under one of its folder roots
    (``[web] folder_roots``; with none, the default, this is refused with 403)."""
    state = web_state(request)
    try:
        job = start_folder_job(state.runner, body.path)
    except UploadError as exc:
        raise HTTPException(exc.status, exc.message) from exc
    return job_model(job)


@router.get("/jobs", response_model=list[JobModel], tags=["jobs"])
def list_jobs(
    request: Request,
    response: Response,
    limit: Limit = DEFAULT_PAGE_ITEMS,
    offset: Offset = 0,
) -> list[JobModel]:
    """Jobs, newest first, a page at a time (X-Total-Count: how many in all)."""
    jobs, total = web_state(request).store.page(offset, limit)
    response.headers[TOTAL_HEADER] = str(total)
    return [job_model(j) for j in jobs]


@router.get("/jobs/{job_id}", response_model=JobModel, responses=NOT_FOUND, tags=["jobs"])
def get_job(job_id: str, request: Request) -> JobModel:
    """A job's status: stage, done and total of the stage, the reason if it failed."""
    job = web_state(request).store.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return job_model(job)


@router.post(
    "/jobs/{job_id}/cancel",
    response_model=JobModel,
    responses={404: {"model": ErrorModel}, 409: {"model": ErrorModel}},
    tags=["jobs"],
)
def cancel_job(job_id: str, request: Request) -> JobModel:
    """Cancel a queued or running job: its process is stopped; the job stays, as cancelled."""
    job = web_state(request).runner.cancel(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id!r}")
    if job.status in ("done", "failed"):
        raise HTTPException(409, MESSAGES["not_cancellable"])
    return job_model(job)


@router.delete(
    "/jobs/{job_id}",
    status_code=204,
    responses={404: {"model": ErrorModel}, 409: {"model": ErrorModel}},
    tags=["jobs"],
)
def delete_job(job_id: str, request: Request) -> Response:
    """Cancel a job if it is still queued or running, then delete it and its files."""
    state = web_state(request)
    job = state.runner.cancel(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id!r}")
    if job.status not in FINISHED or not state.store.delete(job_id):
        raise HTTPException(409, f"job {job_id!r} is still stopping; try again")
    return Response(status_code=204)
