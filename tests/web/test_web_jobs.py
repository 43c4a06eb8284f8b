"""The job queue: a pool of job processes, cancel, limits on time, pages and memory, and
failure reasons the user can read (issue 15: one slow job blocked everyone; failed jobs showed
internal exception text)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is absent: pip install 'khabar[web]'")
pytest.importorskip("httpx", reason="FastAPI's TestClient needs httpx: pip install httpx")

from fastapi.testclient import TestClient
from web_helpers import (
    PAGE_A,
    PAGE_B,
    SECRET_DETAIL,
    crashing_analyzer,
    failing_analyzer,
    gated_analyzer,
    hungry_analyzer,
    sleeping_analyzer,
    wait_for_file,
    wait_for_job,
)

from khabar.config import WebConfig
from khabar.web.jobs import pipeline_analyzer
from khabar.web.runner import failure_text, human_duration

ARABIC_LETTER_SHARE = 0.5
"""Least share of the letters of a failure message that are Arabic (the rest: digits, units)."""

GONE_SECONDS = 10.0
"""Longest wait for a stopped job's process to disappear."""


def _upload(client: TestClient, *files: tuple[str, bytes]):
    return client.post(
        "/api/jobs", files=[("files", (name, body, "text/plain")) for name, body in files]
    )


def _is_arabic_sentence(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    arabic = [c for c in letters if "\u0600" <= c <= "\u06ff"]
    return bool(letters) and len(arabic) / len(letters) >= ARABIC_LETTER_SHARE


def _process_gone(pid: int, timeout: float = GONE_SECONDS) -> bool:
    """True once ``pid`` no longer runs (gone, or a zombie waiting to be reaped)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return True
        else:
            if state in ("Z", "X"):
                return True
        time.sleep(0.05)
    return False


def test_one_slow_job_does_not_hold_up_the_next(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    client = make_client(analyzer=partial(gated_analyzer, tmp_path))  # default: two workers
    slow = _upload(client, ("slow.txt", PAGE_A.encode())).json()
    wait_for_file(tmp_path / "reached")
    fast = _upload(client, ("fast.txt", PAGE_B.encode())).json()
    assert wait_for_job(client, fast["id"])["status"] == "done"
    assert client.get(f"/api/jobs/{slow['id']}").json()["status"] == "running"
    (tmp_path / "release").touch()
    assert wait_for_job(client, slow["id"])["status"] == "done"


def test_cancelling_a_running_job_kills_its_process(
    make_client: Callable[..., TestClient], tmp_path: Path, data_dir: Path
) -> None:
    client = make_client(analyzer=partial(gated_analyzer, tmp_path))
    job = _upload(client, ("slow.txt", PAGE_A.encode())).json()
    wait_for_file(tmp_path / "reached")
    pid = int((tmp_path / "pid").read_text())
    response = client.post(f"/api/jobs/{job['id']}/cancel")
    assert response.status_code == 200
    cancelled = response.json()
    assert (cancelled["status"], cancelled["reason"]) == ("cancelled", "cancelled")
    assert _is_arabic_sentence(cancelled["error"])
    assert _process_gone(pid)
    (tmp_path / "release").touch()  # had it lived on, it would now write its dossier
    time.sleep(0.5)
    assert client.get(f"/api/jobs/{job['id']}").json()["status"] == "cancelled"
    assert not (data_dir / "jobs" / job["id"] / "dossier.json").exists()
    assert client.post(f"/api/jobs/{job['id']}/cancel").json()["status"] == "cancelled"


def test_a_queued_job_cancelled_never_runs(
    make_client: Callable[..., TestClient], tmp_path: Path, data_dir: Path
) -> None:
    client = make_client(WebConfig(workers=1), analyzer=partial(gated_analyzer, tmp_path))
    first = _upload(client, ("slow.txt", PAGE_A.encode())).json()
    wait_for_file(tmp_path / "reached")
    queued = _upload(client, ("fast.txt", PAGE_B.encode())).json()
    assert client.get(f"/api/jobs/{queued['id']}").json()["status"] == "queued"
    assert client.post(f"/api/jobs/{queued['id']}/cancel").json()["status"] == "cancelled"
    (tmp_path / "release").touch()
    assert wait_for_job(client, first["id"])["status"] == "done"
    time.sleep(0.5)
    assert client.get(f"/api/jobs/{queued['id']}").json()["status"] == "cancelled"
    assert not (data_dir / "jobs" / queued["id"] / "dossier.json").exists()


def test_cancel_button_on_the_job_page_stops_the_job(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    client = make_client(analyzer=partial(gated_analyzer, tmp_path))
    job = _upload(client, ("slow.txt", PAGE_A.encode())).json()
    wait_for_file(tmp_path / "reached")
    page = client.get(f"/jobs/{job['id']}").text
    assert f'action="/jobs/{job["id"]}/cancel"' in page
    response = client.post(f"/jobs/{job['id']}/cancel", follow_redirects=False)
    assert response.status_code == 303
    shown = client.get(response.headers["location"]).text
    assert "أُلغي التحليل بطلب من المستخدم." in shown
    assert 'id="cancel-form"' not in shown


def test_finished_job_cannot_be_cancelled_and_delete_removes_a_running_one(
    make_client: Callable[..., TestClient], tmp_path: Path, data_dir: Path
) -> None:
    client = make_client(analyzer=partial(gated_analyzer, tmp_path))
    done = _upload(client, ("fast.txt", PAGE_A.encode())).json()
    assert wait_for_job(client, done["id"])["status"] == "done"
    assert client.post(f"/api/jobs/{done['id']}/cancel").status_code == 409
    running = _upload(client, ("slow.txt", PAGE_B.encode())).json()
    wait_for_file(tmp_path / "reached")
    pid = int((tmp_path / "pid").read_text())
    assert client.delete(f"/api/jobs/{running['id']}").status_code == 204
    assert _process_gone(pid)
    assert client.get(f"/api/jobs/{running['id']}").status_code == 404
    assert not (data_dir / "jobs" / running["id"]).exists()
    assert client.delete("/api/jobs/20250101-000000-00000000").status_code == 404


def test_a_job_over_its_time_limit_is_stopped_with_an_arabic_reason(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    client = make_client(
        WebConfig(max_job_seconds=3), analyzer=partial(sleeping_analyzer, tmp_path)
    )
    job = _upload(client, ("a.txt", PAGE_A.encode())).json()
    wait_for_file(tmp_path / "pid")
    final = wait_for_job(client, job["id"])
    assert (final["status"], final["reason"]) == ("failed", "timeout")
    assert final["error"] == "استغرق التحليل أكثر من المدة المسموح بها (3 ثانية)، فأُوقف."
    assert _process_gone(int((tmp_path / "pid").read_text()))


def test_a_job_over_its_memory_limit_is_stopped(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(WebConfig(max_job_memory_mb=300), analyzer=partial(hungry_analyzer, 700))
    job = _upload(client, ("a.txt", PAGE_A.encode())).json()
    final = wait_for_job(client, job["id"])
    assert (final["status"], final["reason"]) == ("failed", "memory")
    assert "300 ميغابايت" in final["error"]


def test_an_upload_with_more_pages_than_allowed_is_stopped_while_reading(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(WebConfig(max_job_pages=3), analyzer=pipeline_analyzer)
    pages = [(f"p{i}.txt", (PAGE_A + f"\nفقرة رقم {i}.").encode()) for i in range(5)]
    job = _upload(client, *pages).json()
    final = wait_for_job(client, job["id"])
    assert (final["status"], final["reason"]) == ("failed", "too_many_pages")
    assert "3 صفحة" in final["error"]


def test_a_folder_with_more_files_than_allowed_is_refused_before_reading(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(5):
        (folder / f"p{i}.txt").write_text(PAGE_A, "utf-8")
    client = make_client(WebConfig(folder_roots=(str(tmp_path),), max_job_pages=4))
    job = client.post("/api/jobs/folder", json={"path": str(folder)}).json()
    final = wait_for_job(client, job["id"])
    assert (final["status"], final["reason"]) == ("failed", "too_many_pages")


def test_a_failed_job_shows_a_plain_arabic_reason_never_the_exception(
    make_client: Callable[..., TestClient], data_dir: Path
) -> None:
    client = make_client(analyzer=failing_analyzer)
    job = _upload(client, ("a.txt", PAGE_A.encode())).json()
    final = wait_for_job(client, job["id"])
    assert (final["status"], final["reason"]) == ("failed", "internal")
    assert _is_arabic_sentence(final["error"])
    record = (data_dir / "jobs" / job["id"] / "job.json").read_text("utf-8")
    page = client.get(f"/jobs/{job['id']}").text
    home = client.get("/").text
    listed = json.dumps(client.get("/api/jobs").json(), ensure_ascii=False)
    for shown in (final["error"], page, home, listed):
        assert SECRET_DETAIL not in shown
        assert "RuntimeError" not in shown
        assert str(data_dir) not in shown
    assert SECRET_DETAIL not in record and "RuntimeError" not in record  # kept in the log only
    assert final["error"] in page


def test_a_job_process_that_dies_is_reported_as_crashed(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(analyzer=crashing_analyzer)
    job = _upload(client, ("a.txt", PAGE_A.encode())).json()
    final = wait_for_job(client, job["id"])
    assert (final["status"], final["reason"]) == ("failed", "crashed")
    assert _is_arabic_sentence(final["error"])


def test_stopping_the_server_stops_its_running_jobs(
    make_client: Callable[..., TestClient], tmp_path: Path
) -> None:
    client = make_client(analyzer=partial(gated_analyzer, tmp_path))
    _upload(client, ("slow.txt", PAGE_A.encode()))
    wait_for_file(tmp_path / "reached")
    client.__exit__(None, None, None)  # the app's shutdown
    assert _process_gone(int((tmp_path / "pid").read_text()))


def test_every_failure_reason_reads_as_arabic_with_its_limit() -> None:
    web = WebConfig(max_job_seconds=1800, max_job_pages=500, max_job_memory_mb=1024)
    for reason in (
        "timeout",
        "too_many_pages",
        "memory",
        "cancelled",
        "interrupted",
        "crashed",
        "config",
        "internal",
    ):
        text = failure_text(reason, web)
        assert _is_arabic_sentence(text), reason
        assert "{" not in text, reason
    assert "30 دقيقة" in failure_text("timeout", web)
    assert "500" in failure_text("too_many_pages", web)
    assert failure_text("no such reason", web) == failure_text("internal", web)
    assert human_duration(45) == "45 ثانية"


def test_an_analyser_that_cannot_reach_a_job_process_is_refused_at_once(
    make_client: Callable[..., TestClient],
) -> None:
    def local(paths: object, config: object, progress: object) -> None:  # a closure: no pickle
        raise AssertionError("never called")

    with pytest.raises(TypeError, match="must be picklable"):
        make_client(analyzer=local)


def test_an_outcome_sent_just_before_the_process_ended_is_read_not_taken_for_a_crash() -> None:
    import multiprocessing

    from khabar.web.runner import JobRunner

    receiver, sender = multiprocessing.Pipe(duplex=False)
    sender.send(("progress", "read", 1, 2))
    sender.send(("done", "عنوان", {"articles": 2}))
    sender.close()  # the process has ended: its end of the pipe is closed
    assert JobRunner._last_word(receiver) == ("done", "عنوان", {"articles": 2})
    assert JobRunner._last_word(receiver) is None  # nothing more: the pipe is at its end
    quiet, gone = multiprocessing.Pipe(duplex=False)
    gone.close()  # a process that died without a word
    assert JobRunner._last_word(quiet) is None
