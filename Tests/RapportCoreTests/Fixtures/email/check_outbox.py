#!/usr/bin/env python3
"""Checks an outbox rapport wrote with Python's strict email parser.

Usage: python3 check_outbox.py OUTBOX PARTS

OUTBOX is a folder `rapport outbox` wrote (new/*.eml, manifest.json).
PARTS holds, for every message file new/X.eml, X.html (the HTML part as
rapport rendered it, before any encoding) and X.txt (the expected text
part: a golden file). For every message of the manifest it asserts:
- the file exists, its size and SHA-256 equal the manifest's;
- email.policy.strict parses it with no defect in any part;
- multipart/alternative: text/plain first, text/html last, both UTF-8
  quoted-printable; every line ends in CRLF, is at most 998 octets, 7-bit;
- To is exactly the manifest's `to`, Subject decodes to its `subject`,
  no Bcc header; Date, Message-ID, MIME-Version and From are present;
- the decoded HTML part equals PARTS/X.html and the text part PARTS/X.txt
  (CRLF read as LF: MIME text is CRLF on the wire, rapport renders LF).
Prints one line per message; exits non-zero on the first failure.
"""
import hashlib
import json
import sys
from email import policy
from email.headerregistry import Address
from email.parser import BytesParser
from pathlib import Path


def fail(message: str) -> None:
    print(f"FAIL {message}")
    sys.exit(1)


def check(condition: bool, message: str) -> None:
    if not condition:
        fail(message)


def main() -> int:
    outbox = Path(sys.argv[1])
    parts = Path(sys.argv[2])
    manifest = json.loads((outbox / "manifest.json").read_text(encoding="utf-8"))
    check(manifest["messages"], "the manifest lists no messages")
    listed = {entry["file"] for entry in manifest["messages"]}
    on_disk = {f"new/{p.name}" for p in (outbox / "new").iterdir()}
    check(listed == on_disk, f"manifest and new/ differ: {sorted(listed ^ on_disk)}")
    for folder in ("cur", "tmp"):
        check((outbox / folder).is_dir(), f"Maildir folder {folder}/ is missing")
    for entry in manifest["messages"]:
        name = entry["file"]
        raw = (outbox / name).read_bytes()
        check(len(raw) == entry["bytes"], f"{name}: {len(raw)} bytes, manifest says {entry['bytes']}")
        check(hashlib.sha256(raw).hexdigest() == entry["sha256"], f"{name}: SHA-256 differs from the manifest")
        check(raw.endswith(b"\r\n"), f"{name}: does not end in CRLF")
        for number, line in enumerate(raw[:-2].split(b"\r\n"), 1):
            check(b"\r" not in line and b"\n" not in line, f"{name}:{number}: bare CR or LF")
            check(len(line) <= 998, f"{name}:{number}: {len(line)} octets")
        check(all(byte < 0x80 for byte in raw), f"{name}: not 7-bit")

        try:
            message = BytesParser(policy=policy.strict).parsebytes(raw)
        except Exception as error:  # strict raises on the first defect
            fail(f"{name}: strict parser: {error!r}")
        for part in message.walk():
            check(not part.defects, f"{name}: defects {part.defects}")
        check(message.get_content_type() == "multipart/alternative", f"{name}: {message.get_content_type()}")
        body = list(message.iter_parts())
        check([p.get_content_type() for p in body] == ["text/plain", "text/html"], f"{name}: parts {[p.get_content_type() for p in body]}")
        for part in body:
            check(part.get_content_charset() == "utf-8", f"{name}: charset {part.get_content_charset()}")
            check(part["Content-Transfer-Encoding"] == "quoted-printable", f"{name}: not quoted-printable")
        for header in ("Date", "From", "To", "Subject", "Message-ID", "MIME-Version"):
            check(message[header] is not None, f"{name}: no {header}")
        check(message["Bcc"] is None, f"{name}: has a Bcc header")
        addresses = message["To"].addresses
        check(len(addresses) == 1 and addresses[0].addr_spec == entry["to"], f"{name}: To {message['To']!r} is not {entry['to']}")
        check(str(message["Subject"]) == entry["subject"], f"{name}: Subject {str(message['Subject'])!r} != {entry['subject']!r}")
        check(message["Message-ID"] == entry["message_id"], f"{name}: Message-ID differs from the manifest")

        stem = Path(name).stem
        # MIME text is canonically CRLF; rapport renders with LF.
        text = body[0].get_content().replace("\r\n", "\n")
        html = body[1].get_content().replace("\r\n", "\n")
        expected_html = (parts / f"{stem}.html").read_text(encoding="utf-8")
        expected_text = (parts / f"{stem}.txt").read_text(encoding="utf-8")
        check("\r" not in expected_html + expected_text, f"{stem}: rapport's rendering has a CR")
        check(html == expected_html, f"{name}: decoded HTML differs from rapport's rendering")
        check(text == expected_text, f"{name}: decoded text differs from the golden text {stem}.txt")
        print(f"ok  {name}: strict parse, no defects, {len(raw)} bytes")
    print(f"all {len(manifest['messages'])} messages check out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
