"""Folders on the server: off unless ``[web] folder_roots`` names some, and never a way out of
them (issue 15: the folder form analysed /etc, root-only and hidden folders)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is absent: pip install 'khabar[web]'")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx: pip install httpx")

from fastapi.testclient import TestClient
from web_helpers import PAGE_A, PAGE_B, wait_for_job

from khabar.config import WebConfig
from khabar.web.data import FOLDER_SKIPS, MESSAGES
from khabar.web.folders import folder_inputs, resolve_folder
from khabar.web.jobs import JobLimitExceeded
from khabar.web.uploads import UploadError

SECRET = "سر من خارج المجلدات المسموح بها\nنص لا ينبغي أن يظهر أبدًا في أي ملف.\n"


@pytest.fixture()
def tree(tmp_path: Path) -> dict[str, Path]:
    """A root with pages, a secret folder beside it, and links from the root to the secret."""
    root = tmp_path / "root"
    pages = root / "pages"
    pages.mkdir(parents=True)
    (pages / "a.txt").write_text(PAGE_A, "utf-8")
    (pages / ".hidden-page.txt").write_text(PAGE_B, "utf-8")
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "passwd.txt").write_text(SECRET, "utf-8")
    (pages / ".escape").symlink_to(secret, target_is_directory=True)  # hidden folder link
    (pages / "leak.txt").symlink_to(secret / "passwd.txt")
    (root / "to-secret").symlink_to(secret, target_is_directory=True)
    return {"root": root, "pages": pages, "secret": secret}


def _refusal(web: WebConfig, path: str) -> UploadError:
    with pytest.raises(UploadError) as caught:
        resolve_folder(path, web)
    return caught.value


def test_folders_are_off_by_default_in_config_api_and_page(
    client: TestClient, data_dir: Path
) -> None:
    assert WebConfig().folder_roots == ()
    assert not WebConfig().folders_allowed
    response = client.post("/api/jobs/folder", json={"path": "/etc"})
    assert response.status_code == 403
    assert response.json()["detail"] == MESSAGES["folders_disabled"]
    home = client.get("/").text
    assert 'id="folder-form"' not in home
    assert MESSAGES["folders_disabled"] in home
    form = client.post("/folder", data={"path": "/etc"})
    assert form.status_code == 403
    assert MESSAGES["folders_disabled"] in form.text
    assert client.get("/api/jobs").json() == []
    assert not any((data_dir / "jobs").iterdir())


def test_paths_outside_the_roots_are_refused_without_saying_what_exists(
    tree: dict[str, Path], tmp_path: Path
) -> None:
    web = WebConfig(folder_roots=(str(tree["root"]),))
    for path in (
        "/etc",
        str(tree["secret"]),
        str(tree["root"] / ".." / "secret"),
        str(tree["root"] / "pages" / ".." / ".." / "secret"),
        str(tmp_path / "no-such-folder"),  # outside and missing: 403 all the same
        str(tree["root"]) + "-sibling",
    ):
        refusal = _refusal(web, path)
        assert (refusal.status, refusal.message) == (403, MESSAGES["folder_outside"]), path
        assert str(tmp_path) not in refusal.message


def test_links_inside_a_root_do_not_lead_out_of_it(tree: dict[str, Path]) -> None:
    web = WebConfig(folder_roots=(str(tree["root"]),))
    for link in (tree["root"] / "to-secret", tree["pages"] / ".escape", tree["pages"] / "leak.txt"):
        assert _refusal(web, str(link)).status == 403, link
    assert resolve_folder(str(tree["pages"]), web) == tree["pages"].resolve()
    assert resolve_folder(str(tree["pages"] / "a.txt"), web) == (tree["pages"] / "a.txt").resolve()


def test_bad_paths_get_the_right_refusal(tree: dict[str, Path]) -> None:
    web = WebConfig(folder_roots=(str(tree["root"]),))
    assert _refusal(web, "relative/dir").status == 400
    assert _refusal(web, "").status == 400
    assert _refusal(web, str(tree["root"]) + "/\x00x").status == 400
    missing = _refusal(web, str(tree["root"] / "missing"))
    assert (missing.status, missing.message) == (404, MESSAGES["folder_missing"])
    loop = tree["root"] / "loop"
    loop.symlink_to(loop)
    assert _refusal(web, str(loop / "x")).status == 403


def test_an_unreadable_folder_under_a_root_is_refused_and_listed(
    tree: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    closed = tree["pages"] / "closed"
    closed.mkdir()
    (closed / "inside.txt").write_text(SECRET, "utf-8")
    real_access, real_scandir = os.access, os.scandir

    def access(path: object, mode: int, **kwargs: object) -> bool:
        return Path(str(path)) != closed.resolve() and real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == closed.resolve():
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    # the server runs as a user that cannot read `closed` (tests may run as root, who can)
    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "scandir", scandir)
    web = WebConfig(folder_roots=(str(tree["root"]),))
    refusal = _refusal(web, str(closed))
    assert (refusal.status, refusal.message) == (403, MESSAGES["folder_unreadable"])
    files, skipped = folder_inputs(tree["pages"], web.folder_roots, 100)
    assert closed.resolve() / "inside.txt" not in files
    assert {f.source: f.error for f in skipped}[str(closed.resolve())] == (
        FOLDER_SKIPS["unreadable"]
    )


def test_a_root_that_is_itself_a_link_accepts_both_spellings(tmp_path: Path) -> None:
    real = tmp_path / "real-root"
    (real / "pages").mkdir(parents=True)
    alias = tmp_path / "alias-root"
    alias.symlink_to(real, target_is_directory=True)
    web = WebConfig(folder_roots=(str(alias),))
    assert resolve_folder(str(alias / "pages"), web) == (real / "pages").resolve()
    assert resolve_folder(str(real / "pages"), web) == (real / "pages").resolve()


def test_walking_a_folder_skips_and_lists_every_way_out(tree: dict[str, Path]) -> None:
    pages = tree["pages"]
    (pages / "sub").mkdir()
    (pages / "sub" / "b.txt").write_text(PAGE_B, "utf-8")
    (pages / "sub" / "back").symlink_to(pages, target_is_directory=True)  # a loop
    os.mkfifo(pages / "pipe")  # reading it would hang the job
    files, skipped = folder_inputs(pages, (str(tree["root"]),), 100)
    real = pages.resolve()
    assert files == [real / ".hidden-page.txt", real / "a.txt", real / "sub" / "b.txt"]
    why = {Path(f.source).name: f.error for f in skipped}
    assert why == {
        ".escape": FOLDER_SKIPS["outside"],
        "leak.txt": FOLDER_SKIPS["outside"],
        "back": FOLDER_SKIPS["loop"],
        "pipe": FOLDER_SKIPS["special"],
    }
    assert all(tree["secret"].resolve() not in f.parents for f in files)
    with pytest.raises(JobLimitExceeded, match="too_many_pages"):
        folder_inputs(pages, (str(tree["root"]),), 2)


def test_a_folder_job_reads_only_what_lies_under_the_roots(
    make_client: Callable[..., TestClient], tree: dict[str, Path]
) -> None:
    client = make_client(WebConfig(folder_roots=(str(tree["root"]),)))
    response = client.post("/api/jobs/folder", json={"path": str(tree["pages"])})
    assert response.status_code == 202, response.text
    job = response.json()
    assert job["label"] == str(tree["pages"])
    final = wait_for_job(client, job["id"])
    assert final["status"] == "done", final
    dossier = client.get(f"/api/dossiers/{job['id']}").json()
    assert "سر من خارج" not in str(dossier)
    assert {Path(a["source"]).name for a in dossier["articles"]} == {"a.txt", ".hidden-page.txt"}
    skipped = {Path(e["source"]).name: e["error"] for e in dossier["errors"]}
    assert skipped[".escape"] == FOLDER_SKIPS["outside"]
    assert skipped["leak.txt"] == FOLDER_SKIPS["outside"]
    home = client.get("/").text
    assert 'id="folder-form"' in home and str(tree["root"]) in home


def test_the_folder_form_refuses_outside_the_roots_in_arabic(
    make_client: Callable[..., TestClient], tree: dict[str, Path]
) -> None:
    client = make_client(WebConfig(folder_roots=(str(tree["root"]),)))
    page = client.post("/folder", data={"path": str(tree["secret"])})
    assert page.status_code == 403
    assert MESSAGES["folder_outside"] in page.text
    assert str(tree["secret"]) not in page.text
    assert client.get("/api/jobs").json() == []
