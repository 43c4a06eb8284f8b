"""The web interface: server-rendered, right-to-left Arabic pages (Jinja2, autoescaped)."""

from __future__ import annotations

import re
from importlib import resources
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response

from khabar import __version__
from khabar.report.html import load_labels, script_csp_source
from khabar.web.auth import logout_cookie_header, safe_next
from khabar.web.data import COUNTS_SHOWN, MESSAGES, STAGE_LABELS, STATUS_LABELS
from khabar.web.jobs import FINISHED
from khabar.web.limits import MAX_FORM_BYTES, arabic_bytes
from khabar.web.security import dossier_csp
from khabar.web.state import web_state
from khabar.web.submit import LABEL_FIELD, start_folder_job, start_upload_request
from khabar.web.uploads import UploadError

router = APIRouter(include_in_schema=False)

POLL_MS = 1000
"""How often the job page asks for the job's status, in milliseconds."""

REFRESH_SECONDS = 2
"""Reload interval of the job page when scripts are off, in seconds."""

LOGIN_WORDS = {"login_failed": MESSAGES["login_failed"]}

CONFIRM_FIELD = "confirm"
CONFIRM_VALUE = "delete"
"""The field and value the delete confirmation form posts: a post without them deletes nothing
and leads to the confirmation page instead."""

HOME_JOBS_PER_PAGE = 50
"""Jobs listed on one home page; older ones are a link away (10,000 jobs must not make a
megabytes-long page)."""

APP_BAR = (
    '<nav id="khabar-app-bar" dir="rtl" lang="ar" style="font: 15px/1.6 sans-serif; '
    'padding: .4rem 1rem; background: #eef1f5; border-bottom: 1px solid #d8dde3">'
    '<a href="/">خبر: الرئيسية</a> · '
    '<a href="/dossiers/{id}/dossier.json" download>dossier.json</a> · '
    '<a href="/api/dossiers/{id}">API</a></nav>'
)
"""A thin bar put above a served dossier, leading back into the app (the id is checked first)."""

_BODY_TAG = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def dossier_labels() -> dict[str, Any]:
    """The HTML dossier's wording (labels.json): the app names what it shares with the dossier
    (what a dossier counts) in the dossier's own words, read from the one place they live."""
    return load_labels()


def _render(request: Request, name: str, status: int = 200, **values: Any) -> HTMLResponse:
    state = web_state(request)
    template = state.templates.get_template(name)
    html = template.render(
        version=__version__,
        nonce=getattr(request.state, "csp_nonce", ""),
        auth_enabled=state.auth is not None,
        stage_labels=STAGE_LABELS,
        status_labels=STATUS_LABELS,
        count_labels=state.labels["counts"],
        counts_shown=COUNTS_SHOWN,
        **values,
    )
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


def error_page(request: Request, status: int, headline: str) -> HTMLResponse:
    """The Arabic error page: what went wrong in a sentence, and the way back."""
    return _render(request, "error.html", status=status, headline=headline)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, offset: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
    """The home page: upload form, folder form (when folders are allowed), a page of jobs."""
    state = web_state(request)
    web = state.web
    jobs, total = state.store.page(offset, HOME_JOBS_PER_PAGE)
    newer = max(offset - HOME_JOBS_PER_PAGE, 0) if offset > 0 else None
    older = offset + HOME_JOBS_PER_PAGE if offset + HOME_JOBS_PER_PAGE < total else None
    return _render(
        request,
        "home.html",
        jobs=[j.to_dict() for j in jobs],
        total=total,
        first=offset + 1,
        newer=newer,
        older=older,
        max_file=arabic_bytes(web.max_file_bytes),
        max_request=arabic_bytes(web.max_request_bytes),
        max_files=web.max_files,
        folders_allowed=web.folders_allowed,
        folder_roots=web.folder_roots,
        folders_off=MESSAGES["folders_disabled"],
    )


@router.post("/upload")
async def upload(request: Request) -> Response:
    """Receive the upload form and go to the new job's progress page."""
    job = await start_upload_request(web_state(request).runner, request)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


async def _small_form(request: Request) -> dict[str, str]:
    """Read a url-encoded form of at most MAX_FORM_BYTES."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise UploadError(413, MESSAGES["form_too_large"], "form too large")
    values = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return {k: v[0] for k, v in values.items() if v}


@router.post("/folder")
async def folder(request: Request) -> Response:
    """Receive the folder form and go to the new job's progress page."""
    state = web_state(request)
    form = await _small_form(request)
    job = start_folder_job(state.runner, form.get("path", ""), form.get(LABEL_FIELD, ""))
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.post("/jobs/{job_id}/cancel")
def cancel(job_id: str, request: Request) -> Response:
    """Cancel a job (the button on its page and on the home page), then show its page."""
    job = web_state(request).runner.cancel(job_id)
    if job is None:
        return error_page(request, 404, MESSAGES["no_job"])
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next_url: Annotated[str, Query(alias="next")] = "/") -> Response:
    """The login form (only when the server has a token)."""
    if web_state(request).auth is None:
        return RedirectResponse("/", status_code=303)
    return _render(request, "login.html", next=safe_next(next_url), failed=False, **LOGIN_WORDS)


@router.post("/login")
async def login(request: Request) -> Response:
    """Check the typed token; on success set the session cookie and go on."""
    state = web_state(request)
    if state.auth is None:
        return RedirectResponse("/", status_code=303)
    try:
        form = await _small_form(request)
    except UploadError:
        form = {}
    target = safe_next(form.get("next"))
    if not state.auth.accepts_token(form.get("token", "")):
        return _render(request, "login.html", status=401, next=target, failed=True, **LOGIN_WORDS)
    response = RedirectResponse(target, status_code=303)
    response.headers["set-cookie"] = state.auth.cookie_header()
    return response


@router.post("/logout")
def logout(request: Request) -> Response:
    """Forget this browser's login."""
    response = RedirectResponse("/login", status_code=303)
    response.headers["set-cookie"] = logout_cookie_header()
    return response


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(job_id: str, request: Request) -> Response:
    """A job's progress page; it moves on to the dossier when the job is done."""
    job = web_state(request).store.get(job_id)
    if job is None:
        return error_page(request, 404, MESSAGES["no_job"])
    if job.status == "done":
        return RedirectResponse(f"/dossiers/{job.id}", status_code=303)
    return _render(
        request,
        "job.html",
        job=job.to_dict(),
        poll_ms=POLL_MS,
        refresh_seconds=REFRESH_SECONDS,
    )


@router.get("/dossiers/{dossier_id}", response_class=HTMLResponse)
def dossier_page(dossier_id: str, request: Request) -> Response:
    """The HTML dossier of a finished job, as the report stage wrote it (scripts disabled)."""
    store = web_state(request).store
    try:
        path = store.dossier_html(dossier_id)
    except KeyError:
        return error_page(request, 404, MESSAGES["no_dossier"])
    if not path.is_file():
        job = store.get(dossier_id)
        if job is not None and job.status in ("queued", "running"):
            return RedirectResponse(f"/jobs/{dossier_id}", status_code=303)
        return error_page(request, 404, MESSAGES["no_dossier"])
    return HTMLResponse(
        with_app_bar(path.read_text("utf-8"), dossier_id),
        headers={
            "Content-Security-Policy": dossier_csp(script_csp_source()),
            "Cache-Control": "no-cache",
        },
    )


def with_app_bar(html: str, dossier_id: str) -> str:
    """Put the app's navigation bar at the top of a dossier's body."""
    bar = APP_BAR.format(id=dossier_id)
    match = _BODY_TAG.search(html)
    if match is None:
        return bar + html
    return html[: match.end()] + bar + html[match.end() :]


@router.get("/dossiers/{dossier_id}/dossier.json")
def dossier_json(dossier_id: str, request: Request) -> Response:
    """Download a dossier's dossier.json."""
    store = web_state(request).store
    try:
        path = store.dossier_json(dossier_id)
    except KeyError:
        return error_page(request, 404, MESSAGES["no_dossier"])
    if not path.is_file():
        return error_page(request, 404, MESSAGES["no_dossier"])
    return FileResponse(
        path,
        media_type="application/json",
        filename=f"khabar-{dossier_id}.json",
        headers={"Content-Security-Policy": dossier_csp()},
    )


@router.get("/dossiers/{dossier_id}/delete", response_class=HTMLResponse)
def confirm_delete(dossier_id: str, request: Request) -> Response:
    """Ask before deleting a dossier (a page with a form: no script needed)."""
    job = web_state(request).store.get(dossier_id)
    if job is None or job.status not in FINISHED:
        return error_page(request, 404, MESSAGES["no_dossier"])
    return _render(
        request,
        "delete.html",
        job=job.to_dict(),
        confirm_field=CONFIRM_FIELD,
        confirm_value=CONFIRM_VALUE,
    )


@router.post("/dossiers/{dossier_id}/delete")
async def delete_dossier(dossier_id: str, request: Request) -> Response:
    """Delete a dossier once the confirmation form says so; without it, ask first."""
    form = await _small_form(request)
    if form.get(CONFIRM_FIELD) != CONFIRM_VALUE:
        return RedirectResponse(f"/dossiers/{dossier_id}/delete", status_code=303)
    if not web_state(request).store.delete(dossier_id):
        return error_page(request, 404, MESSAGES["no_dossier"])
    return RedirectResponse("/", status_code=303)


@router.get("/static/style.css")
def stylesheet() -> Response:
    """The interface's stylesheet (package data, no external fonts)."""
    css = resources.files("khabar.web").joinpath("static/style.css").read_text("utf-8")
    return Response(css, media_type="text/css", headers={"Cache-Control": "max-age=3600"})
