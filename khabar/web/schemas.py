"""Response models of the JSON API: the same field names as dossier.json (docs/dossier.schema.json).

New fields that the report stage adds pass through (``extra="allow"``), so the API never hides
what dossier.json holds; the fields named here are the stable ones.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from khabar.model import STANCES

EntityTypeName = Annotated[str, Field(description="PER, LOC, ORG or MISC")]
StanceName = Annotated[str, Field(description="one of: " + ", ".join(STANCES))]
"""Kept as plain strings, so a value added by a later khabar never turns a read into an error;
docs/dossier.schema.json holds the enumerations."""


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class FlagModel(_Open):
    kind: str = Field(description="stable machine name, e.g. headline_body_mismatch")
    detail: str


class MentionModel(_Open):
    text: str
    type: EntityTypeName
    entity: str | None
    start: int
    end: int


class TimeModel(_Open):
    text: str
    start: int
    end: int
    earliest: str | None
    latest: str | None
    kind: str


class StatementModel(_Open):
    text: str
    content: str
    start: int
    end: int
    stance: StanceName
    speaker: str | None = None
    speaker_entity: str | None = None
    verb: str | None = None
    direct: bool = False


class RemovedModel(_Open):
    text: str
    reason: str
    line: int | None = None


class ArticleModel(_Open):
    id: str
    source: str
    url: str | None = None
    title: str | None
    published: str | None = Field(description="YYYY-MM-DD as the page states it, or null")
    published_evidence: str | None = None
    outlet: str | None
    language: str
    lede: str | None = None
    text: str = Field(description="clean body, paragraphs separated by newlines")
    content_hash: str = ""
    entities: list[MentionModel]
    title_entities: list[MentionModel] = []
    times: list[TimeModel] = []
    statements: list[StatementModel] = []
    event: str | None
    flags: list[FlagModel]
    removed: list[RemovedModel] = []


class SummarySentenceModel(_Open):
    text: str
    article: str
    also: list[str] = []


class EventModel(_Open):
    id: str
    title: str
    date: str | None = Field(description="set only when the evidence fixes a day")
    date_range: list[str] | None = Field(description="[from, to], inclusive")
    date_evidence: list[str]
    articles: list[str]
    story: str | None
    summary: list[SummarySentenceModel]
    participants: list[str] = []
    places: list[str] = []


class StoryModel(_Open):
    id: str
    title: str
    events: list[str]


class EntityModel(_Open):
    id: str
    name: str
    type: EntityTypeName
    variants: list[str]
    articles: list[str]


class ClaimSourceModel(_Open):
    article: str
    quote: str
    stance: StanceName


class ClaimModel(_Open):
    id: str
    text: str
    speaker: str | None
    event: str | None
    sources: list[ClaimSourceModel]


class ContradictionModel(_Open):
    id: str
    kind: str
    detail: str
    claim: str | None
    sides: list[ClaimSourceModel]


class FailureModel(_Open):
    source: str
    error: str


class DossierModel(_Open):
    """A whole dossier, as in dossier.json."""

    schema_version: str | None = None
    khabar_version: str | None = None
    created: str | None = None
    articles: list[ArticleModel]
    events: list[EventModel]
    stories: list[StoryModel]
    entities: list[EntityModel]
    claims: list[ClaimModel]
    contradictions: list[ContradictionModel] = []
    errors: list[FailureModel]


class DossierSummaryModel(BaseModel):
    """One entry of the dossier list."""

    id: str
    title: str | None = Field(
        description="the name the user gave, else the title of the dossier's biggest story"
    )
    name: str | None = Field(None, description="the name the user gave, if any")
    label: str = Field(description="what went in: the uploaded file names or the folder")
    created: str
    finished: str | None
    counts: dict[str, int]
    links: dict[str, str]


class JobModel(BaseModel):
    """An analysis job and how far it has got."""

    id: str
    kind: Literal["upload", "folder"]
    label: str = Field(description="what went in: the uploaded file names or the folder")
    name: str | None = Field(None, description="the name the user gave the dossier, if any")
    title: str | None = Field(
        None, description="the name the user gave, else (once done) the biggest story's title"
    )
    status: Literal["queued", "running", "done", "failed", "cancelled"]
    stage: str | None
    done: int
    total: int | None
    error: str | None = Field(description="why the job failed or was cancelled, in Arabic")
    reason: str | None = Field(
        None,
        description="stable key of that reason: timeout, too_many_pages, memory, cancelled, "
        "interrupted, crashed, config, internal",
    )
    created: str
    finished: str | None
    files: list[str]
    counts: dict[str, int]
    dossier: str | None = Field(description="the dossier id, once the job is done")
    links: dict[str, str]


class FolderRequest(BaseModel):
    """Analyse a folder on the server's own disk."""

    path: str = Field(
        description="absolute path of a folder (or file) under one of the server's folder roots"
    )


class ErrorModel(BaseModel):
    """Why a request was refused."""

    message: str = Field(description="the reason in Arabic, for people")
    detail: str | list[dict[str, object]] = Field(
        description="the reason for programs: English (or Arabic) text, or for 422 the list "
        "of invalid parameters; never a server path"
    )
