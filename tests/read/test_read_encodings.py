"""Arabic pages in every encoding users bring decode to the same text, or fail; never mojibake."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from khabar.clean import clean_page
from khabar.config import CleanConfig, ReadConfig
from khabar.errors import ReadError
from khabar.model import Failure, Page
from khabar.read import decode_bytes, iter_pages

SEED = "002_8fc73ac330813a26.txt"
ISO_SAFE_SEED = "000_7ce82b79e7fbb217.txt"  # only characters ISO-8859-6 can encode


def _page(path: Path) -> Page:
    (item,) = iter_pages([str(path)], ReadConfig())
    assert isinstance(item, Page), item
    return item


@pytest.mark.parametrize(
    ("encode", "expected"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("utf-16"), "utf-16-le"),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
        (lambda t: t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: t.encode("utf-16-be"), "utf-16-be"),
        (lambda t: t.encode("windows-1256"), "windows-1256"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-bom",
        "utf16be-bom",
        "utf16le-nobom",
        "utf16be-nobom",
        "cp1256",
    ],
)
def test_seed_reencoded_yields_same_article(
    tmp_path: Path, seed_texts: dict[str, str], encode: object, expected: str
) -> None:
    text = seed_texts[SEED]
    path = tmp_path / "page.txt"
    path.write_bytes(encode(text))  # type: ignore[operator]
    page = _page(path)
    assert page.encoding == expected
    assert page.text.lstrip("\ufeff") == text
    reference = tmp_path / "ref.txt"
    reference.write_text(text, encoding="utf-8")
    ours, ref = clean_page(page, CleanConfig()), clean_page(_page(reference), CleanConfig())
    assert (ours.title, ours.paragraphs, ours.published) == (
        ref.title,
        ref.paragraphs,
        ref.published,
    )


def test_iso_8859_6_told_apart_from_windows_1256(
    tmp_path: Path, seed_texts: dict[str, str]
) -> None:
    text = seed_texts[ISO_SAFE_SEED]
    iso, cp = tmp_path / "iso.txt", tmp_path / "cp.txt"
    iso.write_bytes(text.encode("iso-8859-6"))
    cp.write_bytes(text.encode("windows-1256"))
    assert (_page(iso).encoding, _page(iso).text) == ("iso-8859-6", text)
    assert (_page(cp).encoding, _page(cp).text) == ("windows-1256", text)


def test_wrong_declared_charset_is_checked_and_overruled() -> None:
    text = "قال المتحدث باسم الكرملين إن المحادثات مستمرة."
    decoded, encoding = decode_bytes(text.encode("utf-8"), "x", declared="windows-1256")
    assert (decoded, encoding) == (text, "utf-8")
    decoded, encoding = decode_bytes(text.encode("windows-1256"), "x", declared="iso-8859-6")
    assert (decoded, encoding) == (text, "windows-1256")


def test_meta_charset_is_honoured(tmp_path: Path) -> None:
    html = '<html><head><meta charset="windows-1256"><title>خبر</title></head><body><p>نص عربي.</p>'
    path = tmp_path / "p.html"
    path.write_bytes(html.encode("windows-1256"))
    page = _page(path)
    assert page.encoding == "windows-1256" and "نص عربي" in page.text


def test_double_encoded_utf8_is_repaired() -> None:
    text = "الرئيس السوري يزور موسكو لبحث مستقبل القواعد العسكرية"
    mojibake = text.encode("utf-8").decode("windows-1252", errors="replace").encode("utf-8")
    decoded, _ = decode_bytes(mojibake, "x")
    assert decoded == text


def test_undecodable_page_is_a_failure_not_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    # UTF-8 Arabic decoded as Latin-1 then re-saved with the C1 bytes lost: unrepairable
    text = "الرئيس السوري يزور موسكو " * 20
    path.write_bytes(text.encode("utf-8").decode("latin-1").replace("\x84", "").encode("utf-8"))
    (item,) = iter_pages([str(path)], ReadConfig())
    assert isinstance(item, Failure)
    assert str(path) == item.source and "mojibake" in item.error


def test_decode_rejects_random_high_bytes() -> None:
    data = bytes(range(0x80, 0x100)) * 4
    with pytest.raises(ReadError):
        decode_bytes(data, "x")


def test_utf8_cut_mid_character_stays_utf8() -> None:
    text = ("الرئيس السوري يزور موسكو لبحث مستقبل القواعد العسكرية " * 30).strip()
    data = text.encode("utf-8")[:-1]  # the last letter loses its second byte
    decoded, encoding = decode_bytes(data, "x")
    assert (decoded, encoding) == (text[:-1], "utf-8")


def test_utf8_with_stray_control_characters_stays_utf8() -> None:
    text = "قال المتحدث\x95 إن المحادثات\x01 مستمرة بين الجانبين في العاصمة. " * 3
    decoded, encoding = decode_bytes(text.encode("utf-8"), "x")
    assert encoding == "utf-8"
    assert decoded == text.replace("\x95", "").replace("\x01", "")
