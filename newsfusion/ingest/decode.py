"""Turning received bytes into text: encoding detection and the binary-file check.

The order of evidence, strongest first: a byte-order mark; the NUL pattern of UTF-16/32
without a mark; strict UTF-8; a charset the document or server declared; then statistical
detection by charset-normalizer. Statistical detectors often mistake cp1252, the most common
legacy encoding of Western news pages, for a neighbour such as cp1250 or cp437 on short
texts, so when the guess is a Latin-script single-byte code page and the bytes are valid
cp1252, cp1252 wins (the WHATWG encoding standard treats latin-1 labels the same way).
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Scripts that mean a guess is not a Latin-alphabet text mis-read as one.
_NON_LATIN_SCRIPTS = ("Cyrillic", "Greek", "Arabic", "Hebrew", "CJK", "Hiragana", "Katakana", "Hangul", "Thai", "Devanagari")

# Control characters other than tab, newline, carriage return and form feed: their share of
# a decoded text tells binary data from text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

_SNIFF_BYTES = 8192

# File signatures of common binary formats people pass by mistake, with the name to tell them.
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file)"),
    (b"\x1f\x8b", "gzip-compressed; name it .jsonl.gz if it holds JSON lines"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"SQLite format 3", "an SQLite database"),
)


def _utf16_without_bom(sample: bytes) -> str | None:
    """Name UTF-16 text that has no byte-order mark by where its NUL bytes fall."""
    if len(sample) < 8:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    even_nuls = even.count(0) / len(even)
    odd_nuls = odd.count(0) / len(odd)
    # Mostly-ASCII UTF-16 has a NUL in every other byte; binary data rarely looks like that.
    if odd_nuls > 0.6 and even_nuls < 0.1:
        return "utf-16-le"
    if even_nuls > 0.6 and odd_nuls < 0.1:
        return "utf-16-be"
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF_BYTES]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) / len(sample) > 0.05


def _statistical_guess(data: bytes) -> str | None:
    best = from_bytes(data[: 256 * 1024]).best()
    if best is None:
        return None
    encoding = best.encoding
    single_byte_latin = encoding.startswith(("cp125", "cp437", "cp850", "latin", "iso8859", "mac_", "cp1006"))
    non_latin = any(any(script in alphabet for script in _NON_LATIN_SCRIPTS) for alphabet in best.alphabets)
    if single_byte_latin and not non_latin:
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    return encoding


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode received bytes to text; return (text, encoding name).

    Raises InputError("binary") when the bytes are not text in any encoding.
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError("binary", f"is {what}, not text; pass text, HTML, JSON or feed files")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(
                    "bad_encoding", f"starts with a {encoding} byte-order mark but is not valid {encoding}; re-save it as UTF-8"
                ) from None

    utf16 = _utf16_without_bom(data[:_SNIFF_BYTES])
    if utf16:
        try:
            text = data.decode(utf16)
            if not _looks_binary(text):
                return text, utf16
        except UnicodeDecodeError:
            pass

    if b"\x00" not in data[:_SNIFF_BYTES]:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        if declared:
            try:
                text = data.decode(declared)
                return text, codecs.lookup(declared).name
            except (LookupError, UnicodeDecodeError):
                pass
        guess = _statistical_guess(data)
        if guess:
            text = data.decode(guess, errors="replace")
            if not _looks_binary(text):
                return text, guess

    raise InputError("binary", "is binary, not text; pass text, HTML, JSON or feed files")
