/**
 * One probe of one web address: is it there, and what do its headers (and, for small
 * files, its bytes) say about whether it changed? Uses Node's own `fetch`, with redirects
 * followed by hand so that they are bounded and loops are named, and every failure turned
 * into a sentence rather than an exception.
 */
import { createHash } from 'node:crypto';

export interface HttpOptions {
  /** Per request, headers and body included. */
  timeoutMs: number;
  maxRedirects: number;
  /** Bodies up to this many bytes are downloaded and hashed; larger ones only counted up to it. */
  hashMaxBytes: number;
}

export const DEFAULT_HTTP_OPTIONS: HttpOptions = { timeoutMs: 20_000, maxRedirects: 5, hashMaxBytes: 10_000_000 };

/** What one probe found. Field names are those of the state file. */
export interface HttpResult {
  ok: boolean;
  /** HEAD, or GET when the server refused HEAD (405, 501) and a one-byte ranged GET was sent instead. */
  method: 'HEAD' | 'GET';
  status?: number;
  /** Where redirects ended, when they moved the address. */
  final_url?: string;
  redirects?: number;
  etag?: string;
  last_modified?: string;
  content_length?: number;
  sha256?: string;
  /** Why the address is unreachable, in words. */
  error?: string;
  /** Anything else a reader should know, such as a body too large to hash. */
  note?: string;
}

/** A failure already put into words. */
class ProbeFailure extends Error {}

/** Named, so a publisher who sees the probe in their logs knows what it is. */
const USER_AGENT = 'cardcat-probe (a data catalog checking that the data it lists is still there)';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const TLS_CODES = /^(CERT_|ERR_TLS_|ERR_SSL_|EPROTO$|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_(VERIFY|GET)_|HOSTNAME_MISMATCH)/;

interface Fetched {
  response: Response;
  url: string;
  redirects: number;
}

/** `fetch` with redirects followed by hand: at most `maxRedirects`, never in a loop, never off HTTP(S). */
async function follow(url: string, method: 'HEAD' | 'GET', headers: Record<string, string>, options: HttpOptions): Promise<Fetched> {
  const seen = new Set([url]);
  let current = url;
  for (let redirects = 0; ; redirects++) {
    const response = await fetch(current, { method, headers: { 'user-agent': USER_AGENT, ...headers }, redirect: 'manual', signal: AbortSignal.timeout(options.timeoutMs) });
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || location === null) return { response, url: current, redirects };
    await response.body?.cancel();
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new ProbeFailure(`redirected to \`${location}\`, which is not an address`);
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new ProbeFailure(`redirected to \`${next.href}\`, which is not an HTTP(S) address`);
    if (seen.has(next.href)) throw new ProbeFailure(`redirect loop: \`${current}\` leads back to \`${next.href}\``);
    if (redirects >= options.maxRedirects) throw new ProbeFailure(`more than ${options.maxRedirects} redirects (the last to \`${next.href}\`)`);
    seen.add(next.href);
    current = next.href;
  }
}

/** Reads a body up to `limit` bytes and hashes it; a larger one is cut off and not hashed. */
async function hashBody(response: Response, limit: number): Promise<{ sha256?: string; bytes: number }> {
  if (!response.body) return { sha256: createHash('sha256').digest('hex'), bytes: 0 };
  const reader = response.body.getReader();
  const hash = createHash('sha256');
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { sha256: hash.digest('hex'), bytes };
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      return { bytes };
    }
    hash.update(value);
  }
}

/** The full size: Content-Range's total for a ranged answer, else Content-Length. */
function sizeOf(response: Response): number | undefined {
  const range = response.headers.get('content-range')?.match(/\/(\d+)\s*$/);
  const text = response.status === 206 ? range?.[1] : response.headers.get('content-length');
  if (text === undefined || text === null || !/^\d+$/.test(text.trim())) return undefined;
  return Number(text);
}

/** A fetch failure in words: timeouts, refusals, DNS and TLS each say what happened. */
export function describeError(error: unknown, options: HttpOptions): string {
  if (error instanceof ProbeFailure) return error.message;
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string; errors?: { code?: string }[] } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${options.timeoutMs / 1000} s (timed out)`;
  const cause = err.cause;
  const code = cause?.code ?? cause?.errors?.find((e) => e.code)?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found (DNS lookup failed)';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection closed by the server';
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') return `no answer within ${options.timeoutMs / 1000} s (timed out)`;
  if (code && TLS_CODES.test(code)) return `TLS error: ${code}${cause?.message ? ` (${cause.message})` : ''}`;
  const detail = cause?.message ?? err.message ?? String(error);
  return code ? `${code}: ${detail}` : detail;
}

/**
 * Probes `url`: a HEAD (or a one-byte ranged GET where HEAD is refused), then, when the
 * body is small enough (by its declared size, or by counting when none is declared), a GET
 * to hash it. Never throws: a failure is a result with `ok: false` and an `error`.
 */
export async function probeUrl(url: string, options: HttpOptions = DEFAULT_HTTP_OPTIONS): Promise<HttpResult> {
  let method: 'HEAD' | 'GET' = 'HEAD';
  try {
    let fetched = await follow(url, 'HEAD', {}, options);
    if (fetched.response.status === 405 || fetched.response.status === 501) {
      await fetched.response.body?.cancel();
      method = 'GET';
      fetched = await follow(url, 'GET', { range: 'bytes=0-0' }, options);
    }
    const { response } = fetched;
    const result: HttpResult = { ok: response.ok, method, status: response.status };
    if (fetched.url !== url) result.final_url = fetched.url;
    if (fetched.redirects) result.redirects = fetched.redirects;
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    const size = sizeOf(response);
    if (etag) result.etag = etag;
    if (lastModified) result.last_modified = lastModified;
    if (size !== undefined) result.content_length = size;
    if (!response.ok) {
      await response.body?.cancel();
      result.error = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      return result;
    }
    if (size !== undefined && size > options.hashMaxBytes) {
      await response.body?.cancel();
      result.note = `${size} bytes, over the ${options.hashMaxBytes}-byte limit: not hashed`;
      return result;
    }
    // A server that ignored the Range header sent the whole body already: hash that one.
    if (method !== 'GET' || response.status !== 200) await response.body?.cancel();
    try {
      const body = method === 'GET' && response.status === 200 ? response : (await follow(fetched.url, 'GET', {}, options)).response;
      if (!body.ok) {
        await body.body?.cancel();
        result.note = `the GET for the body answered HTTP ${body.status}: not hashed`;
        return result;
      }
      const { sha256, bytes } = await hashBody(body, options.hashMaxBytes);
      if (sha256) result.sha256 = sha256;
      else result.note = `body over the ${options.hashMaxBytes}-byte limit (${size === undefined ? 'no size declared' : `declared ${size}`}): not hashed`;
      if (sha256 && result.content_length === undefined) result.content_length = bytes;
    } catch (error) {
      // The address answered; only its body could not be read. It is reachable, unhashed.
      result.note = `body not hashed: ${describeError(error, options)}`;
    }
    return result;
  } catch (error) {
    return { ok: false, method, error: describeError(error, options) };
  }
}
