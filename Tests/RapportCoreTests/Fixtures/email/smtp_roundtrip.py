#!/usr/bin/python3
"""Sends a whole outbox through a real SMTP server and compares what arrives.

Usage: /usr/bin/python3 smtp_roundtrip.py OUTBOX [SENDER]

Starts aiosmtpd (Debian: python3-aiosmtpd) on 127.0.0.1 at a free port,
sends every message of OUTBOX/manifest.json with `msmtp -t` (Debian: msmtp)
exactly as the README's recipe does, then asserts for each that the server
received it once, from the envelope sender SENDER (default: the message's
From address), to exactly the manifest's `to`, with the file's bytes
unchanged (dot-stuffing undone, CRLF kept).
"""
import json
import socket
import subprocess
import sys
from email import policy
from email.parser import BytesParser
from pathlib import Path

from aiosmtpd.controller import Controller


class Collector:
    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> int:
    outbox = Path(sys.argv[1])
    messages = json.loads((outbox / "manifest.json").read_text(encoding="utf-8"))["messages"]
    assert messages, "the outbox has no messages"
    port = free_port()
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        for entry in messages:
            raw = (outbox / entry["file"]).read_bytes()
            sender = sys.argv[2] if len(sys.argv) > 2 else BytesParser(policy=policy.strict).parsebytes(raw)["From"].addresses[0].addr_spec
            before = len(collector.received)
            with open(outbox / entry["file"], "rb") as message:
                subprocess.run(
                    ["msmtp", "-t", "--host=127.0.0.1", f"--port={port}", "--auth=off", "--tls=off", f"--from={sender}"],
                    stdin=message, check=True, timeout=30)
            assert len(collector.received) == before + 1, f"{entry['file']}: the server received nothing"
            mail_from, rcpt_tos, content = collector.received[-1]
            assert mail_from == sender, f"{entry['file']}: envelope sender {mail_from!r}, expected {sender!r}"
            assert rcpt_tos == [entry["to"]], f"{entry['file']}: envelope recipients {rcpt_tos!r}, expected [{entry['to']!r}]"
            assert content == raw, f"{entry['file']}: the received bytes differ from the file"
            print(f"ok  {entry['file']}: received by 127.0.0.1:{port}, {len(content)} bytes unchanged, to {rcpt_tos[0]}")
    finally:
        controller.stop()
    print(f"all {len(messages)} messages sent with msmtp -t and received unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
