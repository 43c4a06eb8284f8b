"""The JSON API: jobs, and dossiers in the shape of dossier.json, part by part."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import BaseModel

from khabar.web.data import MESSAGES
from khabar.web.filters import PARTS, DayRange, ItemQuery, parse_day, parse_days, select
from khabar.web.jobs import FINISHED, Job
from khabar.web.refusals import Refusal
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
from khabar.web.submit import start_folder_job, start_upload_request

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
        raise Refusal(404, MESSAGES["no_dossier"], f"no dossier {dossier_id!r}")
    return data


def _one(items: list[dict[str, Any]], item_id: str, what: str, dossier_id: str) -> dict[str, Any]:
    for item in items:
        if item.get("id") == item_id:
            return item
    raise Refusal(404, MESSAGES["no_item"], f"no {what} {item_id!r} in dossier {dossier_id!r}")


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
        raise Refusal(404, MESSAGES["no_dossier"], f"no finished dossier {dossier_id!r}")
    return Response(status_code=204)


@dataclass(frozen=True)
class PartRoutes:
    """A list of a dossier served by the API: ``GET /api/dossiers/{id}/<part>`` (filtered and
    paged) and, when its items have ids, ``GET /api/dossiers/{id}/<part>/{item_id}``."""

    part: str
    """The list's name in dossier.json (``articles``, ``events``, …)."""
    model: type[BaseModel]
    """The model of one item."""
    listed: str
    """What the list holds (the list endpoint's description)."""
    item: str | None = None
    """The name of one item (``article``), when the list has a one-item endpoint."""
    one: str = ""
    """What one item holds (the one-item endpoint's description)."""


DOSSIER_PARTS: tuple[PartRoutes, ...] = (
    PartRoutes(
        "articles",
        ArticleModel,
        "The clean articles of a dossier.",
        "article",
        "One article: metadata, clean text, entities, times, statements, flags.",
    ),
    PartRoutes(
        "events",
        EventModel,
        "The events of a dossier, with dates, evidence and cited summaries.",
        "event",
        "One event.",
    ),
    PartRoutes(
        "stories",
        StoryModel,
        "The stories of a dossier (events in time order).",
        "story",
        "One story.",
    ),
    PartRoutes(
        "entities",
        EntityModel,
        "The entities of a dossier, each with its spelling variants.",
        "entity",
        "One entity.",
    ),
    PartRoutes(
        "claims",
        ClaimModel,
        "The claims of a dossier, each with every source's stance.",
        "claim",
        "One claim.",
    ),
    PartRoutes(
        "contradictions",
        ContradictionModel,
        "Reports in a dossier that cannot all hold, citing every side.",
        "contradiction",
        "One contradiction.",
    ),
    PartRoutes("errors", FailureModel, "Inputs of a dossier that could not be analysed, and why."),
)

FILTERS_HELP = """

Filters (all optional, combined with AND): `story` (a story id or title), `outlet` (an outlet
as the dossier names it, or the host of its addresses), `entity` (an entity id, name or
spelling), `date` (a day YYYY-MM-DD or a range FROM..TO, either end open; `date_from` and
`date_to` say the same), `text` (a word or phrase in the item's title, text, claim or quotes;
Arabic diacritics and letter forms folded). An item passes the first four when one of its
articles does. X-Total-Count counts the items that pass; `limit` and `offset` page over them."""


def _days(value: str | None, name: str) -> DayRange | None:
    if value is None or not value.strip():
        return None
    try:
        return (
            parse_days(value)
            if name == "date"
            else DayRange(
                *((parse_day(value), None) if name == "date_from" else (None, parse_day(value)))
            )
        )
    except ValueError as exc:
        raise Refusal(
            422, MESSAGES["bad_date"].format(value=value), f"{name}: {exc}; write YYYY-MM-DD"
        ) from exc


def item_query(
    story: Annotated[str | None, Query(description="a story id or title")] = None,
    outlet: Annotated[str | None, Query(description="an outlet name, or its host")] = None,
    entity: Annotated[str | None, Query(description="an entity id, name or spelling")] = None,
    date: Annotated[
        str | None, Query(description="a day YYYY-MM-DD, or a range FROM..TO (either end open)")
    ] = None,
    date_from: Annotated[str | None, Query(description="first day YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(description="last day YYYY-MM-DD")] = None,
    text: Annotated[str | None, Query(description="a word or phrase")] = None,
) -> ItemQuery:
    """The filters of a list request."""
    ranges = [
        r
        for r in (_days(date, "date"), _days(date_from, "date_from"), _days(date_to, "date_to"))
        if r is not None
    ]
    days = None
    for r in ranges:
        days = r if days is None else days.within(r)
    return ItemQuery(
        story=story or None,
        outlet=outlet or None,
        entity=entity or None,
        days=days,
        text=text if text and text.strip() else None,
    )


def _route_list(routes: PartRoutes) -> None:
    part = PARTS[routes.part]

    def list_items(
        dossier_id: str,
        request: Request,
        response: Response,
        query: Annotated[ItemQuery, Depends(item_query)],
        limit: Limit = DEFAULT_PAGE_ITEMS,
        offset: Offset = 0,
    ) -> list[Any]:
        data = _dossier(web_state(request), dossier_id)
        return paged(select(data, part, query), limit, offset, response)

    router.add_api_route(
        f"/dossiers/{{dossier_id}}/{routes.part}",
        list_items,
        methods=["GET"],
        name=f"list_{routes.part}",
        response_model=list[routes.model],
        responses=NOT_FOUND,
        tags=["dossiers"],
        description=routes.listed + FILTERS_HELP,
    )


def _route_one(routes: PartRoutes, item: str) -> None:
    def get_item(dossier_id: str, item_id: str, request: Request) -> dict[str, Any]:
        data = _dossier(web_state(request), dossier_id)
        return _one(data.get(routes.part, []), item_id, item, dossier_id)

    # the path names the id after its part ({article_id}, {claim_id}, …); the annotation is
    # set here, as an object, because it depends on ``item`` (a string would be read later,
    # where ``item`` is not known)
    get_item.__annotations__["item_id"] = Annotated[str, Path(alias=f"{item}_id")]

    router.add_api_route(
        f"/dossiers/{{dossier_id}}/{routes.part}/{{{item}_id}}",
        get_item,
        methods=["GET"],
        name=f"get_{item}",
        response_model=routes.model,
        responses=NOT_FOUND,
        tags=["dossiers"],
        description=routes.one,
    )


for _routes in DOSSIER_PARTS:
    _route_list(_routes)
    if _routes.item is not None:
        _route_one(_routes, _routes.item)


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
    return job_model(await start_upload_request(web_state(request).runner, request))


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
    return job_model(start_folder_job(web_state(request).runner, body.path))


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
        raise Refusal(404, MESSAGES["no_job"], f"no job {job_id!r}")
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
        raise Refusal(404, MESSAGES["no_job"], f"no job {job_id!r}")
    if job.status in ("done", "failed"):
        raise Refusal(409, MESSAGES["not_cancellable"], "the job has ended; it cannot be cancelled")
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
        raise Refusal(404, MESSAGES["no_job"], f"no job {job_id!r}")
    if job.status not in FINISHED or not state.store.delete(job_id):
        raise Refusal(
            409, MESSAGES["still_stopping"], f"job {job_id!r} is still stopping; try again"
        )
    return Response(status_code=204)
