#!/usr/bin/env python3
"""Independent check of the Swift MIME writer's output with Python's strict email parser.

Usage: python3 Tests/check_eml.py [/tmp/mime-samples]

Reads expected.json (written by Tests/main.swift) and, for each .eml listed there,
asserts: no parser defects anywhere (policy.strict raises on any), decoded Subject,
From and To names/addresses equal the inputs, multipart/alternative with text/plain
first and text/html last, both quoted-printable UTF-8, decoded bodies equal the input
bodies (line endings normalised to \\n), every line ends in CRLF and is <= 998 octets,
no Bcc, List-Unsubscribe(-Post) present exactly when expected.
"""
import json
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path


def normalise(text: str) -> str:
    return text.replace("\r\n", "\n")


def check_lines(raw: bytes, name: str) -> None:
    assert raw.endswith(b"\r\n"), f"{name}: does not end with CRLF"
    lines = raw[:-2].split(b"\r\n")
    for number, line in enumerate(lines, 1):
        assert b"\r" not in line and b"\n" not in line, f"{name}:{number}: bare CR or LF"
        assert len(line) <= 998, f"{name}:{number}: {len(line)} octets"
    assert all(byte < 0x80 for byte in raw), f"{name}: not 7-bit"


def check_message(directory: Path, expected: dict) -> None:
    name = expected["file"]
    raw = (directory / name).read_bytes()
    check_lines(raw, name)

    message = BytesParser(policy=policy.strict).parse(open(directory / name, "rb"))
    parts = list(message.walk())
    for part in parts:
        assert not part.defects, f"{name}: defects in {part.get_content_type()}: {part.defects}"
        for header, value in part.items():  # force parsing of every header
            assert not getattr(value, "defects", ()), f"{name}: {header} defects {value.defects}"

    assert str(message["subject"]) == expected["subject"], (str(message["subject"]), expected["subject"])
    sender = message["from"].addresses
    assert len(sender) == 1, sender
    assert sender[0].addr_spec == expected["fromAddress"], sender[0].addr_spec
    assert sender[0].display_name == (expected.get("fromName") or ""), (sender[0].display_name, expected.get("fromName"))
    recipients = message["to"].addresses
    assert [r.addr_spec for r in recipients] == expected["toAddresses"], recipients
    assert [r.display_name for r in recipients] == [n or "" for n in expected["toNames"]], recipients
    assert message["bcc"] is None, f"{name}: has Bcc"
    assert message["date"] is not None and message["message-id"] is not None
    assert message["mime-version"] == "1.0"
    assert (message["list-unsubscribe"] is not None) == expected["expectListUnsubscribe"], name
    post = message["list-unsubscribe-post"]
    if expected["expectOneClick"]:
        assert str(post) == "List-Unsubscribe=One-Click", post
    else:
        assert post is None, f"{name}: unexpected List-Unsubscribe-Post"

    assert message.get_content_type() == "multipart/alternative"
    leaves = [p for p in parts if not p.is_multipart()]
    assert [p.get_content_type() for p in leaves] == ["text/plain", "text/html"], [p.get_content_type() for p in leaves]
    for part, key in zip(leaves, ("text", "html")):
        assert part.get_content_charset() == "utf-8"
        assert part["content-transfer-encoding"] == "quoted-printable"
        decoded = part.get_payload(decode=True).decode("utf-8")  # strict: raises on bad UTF-8
        assert normalise(decoded) == normalise(expected[key]), f"{name}: {key} body differs"
        assert normalise(part.get_content()) == normalise(expected[key]), f"{name}: {key} get_content differs"
    print(f"ok  {name}: {len(parts)} parts, subject {expected['subject']!r}")


def main() -> int:
    directory = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/mime-samples")
    expectations = json.loads((directory / "expected.json").read_text(encoding="utf-8"))
    assert len(expectations) >= 3, "expected at least three samples"
    for expected in expectations:
        check_message(directory, expected)
    print(f"all {len(expectations)} messages pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
