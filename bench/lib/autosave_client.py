"""Autosave load and durability check for bench/autosave.sh.

  python3 autosave_client.py run URL COOKIES_FILE CODES_FILE SECONDS LOG
      Each line of COOKIES_FILE is `EMAIL COOKIE`; one client per line, each on its own
      keep-alive connection, saves notes one after another (statement after statement, a new
      value each time) to URL. Every save the server acknowledged (200 and {"saved":true}) is
      appended to LOG as `EMAIL CODE VALUE SEQ`, flushed to disk, before the next one is sent;
      every save sent is logged first as `sent EMAIL CODE VALUE SEQ`. Prints saves/s and p99.
  python3 autosave_client.py check DB_FILE LOG
      After the server was killed: the database passes SQLite's integrity check, and for every
      (person, statement) the stored note is the last acknowledged one or one sent after it.
"""

import asyncio
import os
import sqlite3
import sys
import time
import urllib.parse

# In the crash test every acknowledgement reaches the disk before the next save is sent;
# in the load test that would measure our own disk, not the server.
DURABLE_LOG = os.environ.get("DURABLE_LOG") == "1"


async def client(host, port, path, email, cookie, codes, deadline, log, latencies, run_name):
    reader, writer = await asyncio.open_connection(host, port)
    seq = 0
    try:
        while time.monotonic() < deadline:
            code = codes[seq % len(codes)]
            value = f"{email}:{run_name}:{seq}"
            body = urllib.parse.urlencode({"field": f"notitie.{code}", "value": value}).encode()
            request = (
                f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nCookie: {cookie}\r\n"
                f"Content-Type: application/x-www-form-urlencoded\r\nSec-Fetch-Site: same-origin\r\n"
                f"Content-Length: {len(body)}\r\n\r\n"
            ).encode() + body
            log.write(f"sent {email} {code} {value} {seq}\n")
            log.flush()
            started = time.monotonic()
            writer.write(request)
            await writer.drain()
            status_line = await reader.readline()
            if not status_line:
                return
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, val = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(val.strip())
            payload = await reader.readexactly(length) if length else b""
            latencies.append(time.monotonic() - started)
            if status_line.split()[1] == b"200" and b'"saved":true' in payload:
                log.write(f"{email} {code} {value} {seq}\n")
                log.flush()
                if DURABLE_LOG:
                    os.fsync(log.fileno())
            seq += 1
    except (ConnectionError, asyncio.IncompleteReadError):
        return
    finally:
        writer.close()


async def run(url, cookies_file, codes_file, seconds, log_path):
    parsed = urllib.parse.urlparse(url)
    people = [line.split() for line in open(cookies_file) if line.strip()]
    codes = [line.strip() for line in open(codes_file) if line.strip()]
    deadline = time.monotonic() + float(seconds)
    latencies = []
    with open(log_path, "w") as log:
        started = time.monotonic()
        await asyncio.gather(*[
            client(parsed.hostname, parsed.port, parsed.path, email, cookie, codes, deadline, log,
                   latencies, os.path.basename(log_path))
            for email, cookie in people
        ])
        elapsed = time.monotonic() - started
    latencies.sort()
    if latencies:
        p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
        print(f"{len(people)} clients   {len(latencies)} saves in {elapsed:.1f} s   "
              f"{len(latencies) / elapsed:.0f} saves/s   p99 {p99:.1f} ms")


def check(db_file, log_path):
    sent = {}
    acked = {}
    for line in open(log_path):
        parts = line.split()
        if parts[0] == "sent":
            if len(parts) == 5:
                _, email, code, value, seq = parts
                sent.setdefault((email, code), {})[value] = int(seq)
        elif len(parts) == 4:
            email, code, value, seq = parts
            key = (email, code)
            if int(seq) >= acked.get(key, (-1, ""))[0]:
                acked[key] = (int(seq), value)
    db = sqlite3.connect(db_file)
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    rows = db.execute(
        "SELECT u.email, a.code, a.note FROM scan_answers a JOIN scans s ON s.id = a.scan_id "
        "JOIN users u ON u.id = s.user_id"
    ).fetchall()
    stored = {(email, code): note for email, code, note in rows}
    lost = []
    for key, (seq, value) in acked.items():
        note = stored.get(key)
        later = sent.get(key, {}).get(note, -1) if note is not None else -1
        if note != value and later < seq:
            lost.append((key, value, note))
    print(f"integrity_check: {integrity}")
    print(f"acknowledged saves checked: {len(acked)} (person, statement) pairs, "
          f"{sum(1 for line in open(log_path) if not line.startswith('sent'))} acknowledgements")
    print(f"acknowledged but missing: {len(lost)}")
    for item in lost[:10]:
        print("  lost:", item)
    return integrity == "ok" and not lost


if __name__ == "__main__":
    if sys.argv[1] == "run":
        asyncio.run(run(*sys.argv[2:7]))
    elif sys.argv[1] == "check":
        sys.exit(0 if check(sys.argv[2], sys.argv[3]) else 1)
