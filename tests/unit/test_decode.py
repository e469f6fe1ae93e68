"""Encoding detection: text in the encodings news files arrive in decodes exactly."""

from pathlib import Path

import pytest

from newsfusion.errors import InputError
from newsfusion.ingest.decode import decode_bytes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REUTERS = (FIXTURES / "reuters-karabakh-excerpt.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "utf-16-be"])
def test_real_text_round_trips(encoding):
    text, found = decode_bytes(REUTERS.encode(encoding))
    assert text == REUTERS, found


def test_short_cp1252_line_is_not_mistaken_for_another_code_page():
    line = "The “quoted” words cost 5€ — café, naïve, résumé."
    text, encoding = decode_bytes(line.encode("cp1252"))
    assert (text, encoding) == (line, "cp1252")


def test_cyrillic_cp1251_is_detected():
    line = "Азербайджан и Армения договорились о прекращении огня в Нагорном Карабахе, сообщили в Москве. " * 3
    text, _ = decode_bytes(line.encode("cp1251"))
    assert text == line


def test_declared_charset_is_used_when_bytes_are_not_utf8():
    line = "Zürich und München: Öl für 5 Franken"
    text, _ = decode_bytes(line.encode("iso-8859-1"), declared="iso-8859-1")
    assert text == line


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 40, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"],
)
def test_binary_data_is_refused(data):
    with pytest.raises(InputError) as caught:
        decode_bytes(data)
    assert caught.value.code == "binary"
