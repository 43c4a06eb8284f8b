"""Arabic pages in every encoding users bring decode to the same text, or fail; never mojibake."""

from __future__ import annotations

import bisect
import codecs
import random
import re
from pathlib import Path

import pytest

from khabar.clean import clean_page
from khabar.config import CleanConfig, ReadConfig
from khabar.errors import ReadError
from khabar.model import Failure, Page
from khabar.read import decode_bytes, iter_pages
from khabar.read.decode import decode_page

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


def test_utf8_cut_mid_character_stays_utf8_with_the_broken_byte_replaced() -> None:
    text = ("الرئيس السوري يزور موسكو لبحث مستقبل القواعد العسكرية " * 30).strip()
    data = text.encode("utf-8")[:-1]  # the last letter loses its second byte
    decoded = decode_page(data, "x")
    assert (decoded.text, decoded.encoding) == (text[:-1] + "\ufffd", "utf-8")
    assert [f.kind for f in decoded.flags] == ["encoding_repaired"]


def test_utf8_with_stray_control_characters_stays_utf8() -> None:
    text = "قال المتحدث\x95 إن المحادثات\x01 مستمرة بين الجانبين في العاصمة. " * 3
    decoded, encoding = decode_bytes(text.encode("utf-8"), "x")
    assert encoding == "utf-8"
    assert decoded == text.replace("\x95", "").replace("\x01", "")


def _expected_pattern(text: str, byte_positions: list[int]) -> re.Pattern[str]:
    """What decoding ``text`` with stray bytes inserted at ``byte_positions`` may give once the
    replacement characters are dropped: the text, where each character a stray byte split may
    come out as any one character or none (one more for each further stray byte in it)."""
    starts, offset = [], 0
    for ch in text:
        starts.append(offset)
        offset += len(ch.encode("utf-8"))
    hits: dict[int, int] = {}
    for p in byte_positions:
        i = bisect.bisect_right(starts, p) - 1
        if starts[i] != p:
            hits[i] = hits.get(i, 0) + 1
    pieces, last = [], 0
    for i in sorted(hits):
        pieces.append(re.escape(text[last:i]) + f".{{0,{hits[i]}}}")
        last = i + 1
    return re.compile("".join(pieces) + re.escape(text[last:]), re.S)


@pytest.mark.parametrize("stray", [1, 2, 3])
def test_stray_bytes_in_utf8_seed_keep_it_utf8_apart_from_the_hit_characters(
    seed_texts: dict[str, str], stray: int
) -> None:
    rng = random.Random(stray)
    for name, text in seed_texts.items():
        for _ in range(10):
            data = bytearray(text.encode("utf-8"))
            positions = rng.sample(range(1, len(data)), stray)
            for pos in sorted(positions, reverse=True):
                data.insert(pos, rng.randrange(0x80, 0x100))
            decoded = decode_page(bytes(data), name)
            assert decoded.encoding == "utf-8", name
            pattern = _expected_pattern(text, positions)
            assert pattern.fullmatch(decoded.text.replace("\ufffd", "")), (name, positions)
            # a stray byte can also complete a C1 control character, removed and flagged too
            assert {f.kind for f in decoded.flags} == {"encoding_repaired"}
            assert "invalid UTF-8 byte" in decoded.flags[0].detail


def test_stray_bytes_page_is_flagged_on_the_page(
    tmp_path: Path, seed_texts: dict[str, str]
) -> None:
    data = seed_texts[SEED].encode("utf-8")
    path = tmp_path / "p.txt"
    path.write_bytes(data[:100] + b"\x93" + data[100:200] + b"\xff\xfe" + data[200:])
    page = _page(path)
    assert page.encoding == "utf-8" and page.text.count("\ufffd") == 2
    assert page.flags[0].kind == "encoding_repaired" and page.flags[0].detail.startswith("3 ")


def test_legacy_encoding_is_flagged_as_guessed_or_declared(
    tmp_path: Path, seed_texts: dict[str, str]
) -> None:
    guessed = tmp_path / "g.txt"
    guessed.write_bytes(seed_texts[SEED].encode("windows-1256"))
    (flag,) = _page(guessed).flags
    assert flag.kind == "encoding_fallback"
    assert "windows-1256" in flag.detail and "guessed" in flag.detail
    declared = tmp_path / "d.html"
    html = '<html><head><meta charset="windows-1256"></head><body><p>نص عربي قصير.</p>'
    declared.write_bytes(html.encode("windows-1256"))
    (flag,) = _page(declared).flags
    assert flag.kind == "encoding_fallback" and "declared" in flag.detail
    bom_less = tmp_path / "u.txt"
    bom_less.write_bytes(seed_texts[SEED].encode("utf-16-le"))
    assert "guessed" in _page(bom_less).flags[0].detail
    plain = tmp_path / "plain.txt"
    plain.write_text(seed_texts[SEED], encoding="utf-16")
    assert _page(plain).flags == ()  # a byte order mark states the encoding: nothing guessed


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + "نص عربي في الصفحة".encode() * 20,
        codecs.BOM_UTF16_BE + "نص عربي في الصفحة".encode("utf-16-le") * 20,
        codecs.BOM_UTF8 + "نص عربي في الصفحة".encode("utf-16") * 20,
        codecs.BOM_UTF16_LE + codecs.BOM_UTF16_BE + "نص عربي".encode("utf-16-be") * 20,
        codecs.BOM_UTF16_LE + codecs.BOM_UTF8 + "نص عربي".encode() * 20,
    ],
    ids=["utf16le-bom-utf8-text", "utf16be-bom-le-text", "utf8-bom-utf16", "le-be", "le-utf8"],
)
def test_contradictory_byte_order_marks_fail_instead_of_garbage(
    tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    (item,) = iter_pages([str(path)], ReadConfig())
    assert isinstance(item, Failure) and item.source == str(path)
    assert "byte order mark" in item.error


def test_valid_utf8_with_private_use_icons_is_never_read_as_a_code_page() -> None:
    text = "\ue001 قال المتحدث باسم الحكومة إن المحادثات مستمرة \ue002 " * 20
    decoded = decode_page(text.encode("utf-8"), "x")
    assert (decoded.text, decoded.encoding) == (text, "utf-8")
