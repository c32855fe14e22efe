"""A real SMTP server for the tests: accepts every message and writes it to a folder.

Usage: python3 tests/smtp/sink.py FOLDER
Prints "listening on PORT" once it accepts connections (on 127.0.0.1, a free port), then
writes each message it receives to FOLDER/N.eml (N counting from 1), completely, before it
answers the client, so a message is on disk by the time the sender hears "250".
"""

import os
import socket
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.folder, f"{self.count}.eml")
        tmp = path + ".part"
        with open(tmp, "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.replace(tmp, path)
        return "250 Message accepted"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    port = free_port()
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"listening on {port}", flush=True)
    # Runs until its standard input closes (the test that started it ends).
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
