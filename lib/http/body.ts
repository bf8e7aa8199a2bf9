import { AppError } from "@/lib/errors";

/**
 * Request bodies are read as streams and cut off at a limit. `Content-Length` is only a hint: a
 * chunked upload has none, and a client may lie, so the bytes actually received are counted.
 */

function tooLarge(maxBytes: number, message?: string): AppError {
  return new AppError("payload_too_large", message ?? `The body may be at most ${maxBytes} bytes.`);
}

/**
 * Reads a byte stream up to `maxBytes`. One byte more and the stream is cancelled (so the rest is
 * never pulled into memory) and `payload_too_large` (413) is thrown.
 */
export async function readStreamLimited(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  message?: string,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes, message);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * The body of a request, at most `maxBytes`. A declared `Content-Length` above the limit is
 * refused before anything is read; the stream is counted either way. `message` replaces the
 * generic "too large" text, e.g. with the limit in MB.
 */
export async function readBodyLimited(req: Request, maxBytes: number, message?: string): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes, message);
  return readStreamLimited(req.body, maxBytes, message);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * JSON text from bytes. Invalid UTF-8 is refused (RFC 8259 requires UTF-8) rather than stored
 * with U+FFFD in place of the bad bytes; a leading BOM is ignored.
 */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new AppError("bad_request", "The body is not valid UTF-8; send JSON encoded as UTF-8.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}
