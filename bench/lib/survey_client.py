"""Students answering the student survey, for bench/survey.sh.

  python3 survey_client.py URL CODES_FILE STUDENTS SECONDS RATE
      STUDENTS clients, each a student on a keep-alive connection of its own, post answers to
      URL (the survey's answer address) with a class code from CODES_FILE (one a line; student
      i uses code i mod n). Each first types the code and gets the questionnaire; then two
      phases:
        1. at once: every student sends one answer at the same moment (a class clicking
           "send" together); prints the time until the last answer was in, answers/s and p99;
        2. steady: for SECONDS, the students together offer RATE answers a second (each on a
           schedule of its own, random phase); latency counts from the scheduled moment, so a
           slow answer delays the count of the ones behind it (no coordinated omission);
           prints answers/s done, p50, p99 and worst.
      An answer counts when the server answers 303 (stored, on to the thanks page); anything
      else is counted as failed and makes the script exit 1. Prints `stored N` last.
"""

import asyncio
import random
import sys
import time
import urllib.parse

SKIP = 0.1
REMARK = 0.25


def body(code, rng):
    fields = [("code", code)]
    for i in range(1, 11):
        if rng.random() > SKIP:
            fields.append((f"v{i}", str(rng.randint(1, 4))))
    if not any(k.startswith("v") for k, _ in fields):
        fields.append(("v1", "3"))
    if rng.random() < REMARK:
        fields.append(("opmerking", "Meer meeloopdagen en gastlessen, graag al in de onderbouw."))
    return urllib.parse.urlencode(fields).encode()


class Student:
    def __init__(self, host, port, path, code, seed):
        self.host, self.port, self.path, self.code = host, port, path, code
        self.rng = random.Random(seed)
        self.reader = self.writer = None

    async def connect(self):
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def open_questionnaire(self):
        """What a student does first: the code typed, the questionnaire shown (200)."""
        return await self.post("/".join(self.path.split("/")[:-1]),
                               urllib.parse.urlencode({"code": self.code}).encode()) == b"200"

    async def answer(self):
        return await self.post(self.path, body(self.code, self.rng)) == b"303"

    async def post(self, path, payload):
        request = (
            f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nSec-Fetch-Site: same-origin\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n"
        ).encode() + payload
        self.writer.write(request)
        await self.writer.drain()
        status = await self.reader.readline()
        length = 0
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            if name.lower() == "content-length":
                length = int(value.strip())
        if length:
            await self.reader.readexactly(length)
        return status.split()[1] if status else b""


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] * 1000 if values else float("nan")


async def main(url, codes_file, students, seconds, rate):
    parsed = urllib.parse.urlparse(url)
    codes = [c.strip() for c in open(codes_file) if c.strip()]
    clients = [
        Student(parsed.hostname, parsed.port, parsed.path, codes[i % len(codes)], i)
        for i in range(students)
    ]
    await asyncio.gather(*(c.connect() for c in clients))
    opened = await asyncio.gather(*(c.open_questionnaire() for c in clients))
    if not all(opened):
        print("FAILED: not every student got the questionnaire", file=sys.stderr)
        sys.exit(1)
    stored = failed = 0

    # 1. At once.
    start = asyncio.Event()
    latencies = []

    async def once(client):
        await start.wait()
        began = time.monotonic()
        ok = await client.answer()
        latencies.append(time.monotonic() - began)
        return ok

    tasks = [asyncio.create_task(once(c)) for c in clients]
    await asyncio.sleep(0.2)
    began = time.monotonic()
    start.set()
    results = await asyncio.gather(*tasks)
    took = time.monotonic() - began
    stored += sum(results)
    failed += len(results) - sum(results)
    print(f"at once:  {students} students, all in after {took * 1000:.0f} ms: "
          f"{students / took:,.0f} answers/s, p50 {percentile(latencies, 0.5):.1f} ms, "
          f"p99 {percentile(latencies, 0.99):.1f} ms")

    # 2. Steady.
    latencies = []
    interval = students / rate
    deadline = time.monotonic() + seconds

    async def steady(client, phase):
        nonlocal stored, failed
        due = time.monotonic() + phase
        while due < deadline:
            now = time.monotonic()
            if due > now:
                await asyncio.sleep(due - now)
            ok = await client.answer()
            latencies.append(time.monotonic() - due)
            if ok:
                stored += 1
            else:
                failed += 1
            due += interval

    rng = random.Random(7)
    began = time.monotonic()
    await asyncio.gather(*(steady(c, rng.random() * interval) for c in clients))
    took = time.monotonic() - began
    print(f"steady:   {rate:,} answers/s offered by {students} students for {seconds} s: "
          f"{len(latencies) / took:,.0f} answers/s done, p50 {percentile(latencies, 0.5):.1f} ms, "
          f"p99 {percentile(latencies, 0.99):.1f} ms, worst {percentile(latencies, 1.0):.1f} ms")
    print(f"stored {stored}")
    if failed:
        print(f"FAILED: {failed} answers were not stored", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    url, codes_file, students, seconds, rate = sys.argv[1:6]
    asyncio.run(main(url, codes_file, int(students), int(seconds), int(rate)))
