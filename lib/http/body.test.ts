import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseJsonBytes, readBodyLimited, readStreamLimited } from "./body";

const MB = 1024 * 1024;

/** A stream of `total` bytes in `chunk`-sized pieces that counts what the reader actually pulled. */
function countingStream(total: number, chunk: number) {
  const stats = { pulled: 0, cancelled: false };
  const piece = new Uint8Array(chunk).fill(0x61);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (stats.pulled >= total) return controller.close();
        const n = Math.min(chunk, total - stats.pulled);
        stats.pulled += n;
        controller.enqueue(n === chunk ? piece : piece.subarray(0, n));
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, stats };
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("readStreamLimited", () => {
  it("stops a 50 MB stream shortly after a 2 MB limit and cancels it", async () => {
    const { stream, stats } = countingStream(50 * MB, 64 * 1024);
    const err = await rejection(readStreamLimited(stream, 2 * MB));
    expect(err.code).toBe("payload_too_large");
    expect(err.status).toBe(413);
    expect(stats.cancelled).toBe(true);
    // The limit plus at most a couple of chunks, never the whole body.
    expect(stats.pulled).toBeGreaterThan(2 * MB);
    expect(stats.pulled).toBeLessThanOrEqual(2 * MB + 2 * 64 * 1024);
  });

  it("returns every byte of a body at or under the limit", async () => {
    const { stream } = countingStream(2 * MB, 64 * 1024 + 7);
    const bytes = await readStreamLimited(stream, 2 * MB);
    expect(bytes.byteLength).toBe(2 * MB);
    expect(bytes.every((b) => b === 0x61)).toBe(true);
  });

  it("reads a missing body as empty", async () => {
    expect((await readStreamLimited(null, 10)).byteLength).toBe(0);
  });
});

describe("readBodyLimited", () => {
  it("refuses a declared Content-Length over the limit without reading", async () => {
    const { stream, stats } = countingStream(10 * MB, 64 * 1024);
    const req = new Request("http://app.test/x", { method: "POST", body: stream, headers: { "content-length": String(10 * MB) }, duplex: "half" } as RequestInit);
    expect((await rejection(readBodyLimited(req, MB))).code).toBe("payload_too_large");
    expect(stats.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it("counts the bytes of a chunked body that declares no length", async () => {
    const { stream, stats } = countingStream(20 * MB, 64 * 1024);
    const req = new Request("http://app.test/x", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(req.headers.get("content-length")).toBeNull();
    expect((await rejection(readBodyLimited(req, MB))).code).toBe("payload_too_large");
    expect(stats.pulled).toBeLessThan(2 * MB);
  });
});

describe("parseJsonBytes", () => {
  const enc = new TextEncoder();
  it("parses UTF-8 JSON, with or without BOM", () => {
    expect(parseJsonBytes(enc.encode('{"text":"Kühlung zu schwach"}'))).toEqual({ text: "Kühlung zu schwach" });
    expect(parseJsonBytes(enc.encode('\uFEFF{"a":1}'))).toEqual({ a: 1 });
  });

  it("refuses invalid UTF-8 (a raw Windows-1252 ü) as a 400 instead of storing U+FFFD", async () => {
    const bytes = Uint8Array.from([...enc.encode('{"text":"K'), 0xfc, ...enc.encode('hlung"}')]);
    const err = await rejection(Promise.resolve().then(() => parseJsonBytes(bytes)));
    expect(err.code).toBe("bad_request");
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/UTF-8/);
  });

  it("refuses malformed JSON as a 400", async () => {
    expect((await rejection(Promise.resolve().then(() => parseJsonBytes(enc.encode("{nope"))))).code).toBe("bad_request");
  });
});
