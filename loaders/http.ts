import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { htmlTitle, type ContentProblem } from './contentCheck.ts';

/**
 * The one way the loaders fetch anything: a GET with connect and total timeouts, a size limit, bounded
 * retries with backoff on 5xx, timeouts and dropped transfers, bounded redirects, conditional requests,
 * and a body written to a temp file that is renamed into place only when it is complete and has passed
 * its content check. node:http directly rather than fetch: fetch has no connect timeout of its own and
 * no way to stop a body at the size limit before it is buffered.
 */

export type FailureReason = 'offline' | 'timeout' | 'truncated' | 'http' | 'too_large' | 'redirect' | 'other_host' | 'html' | 'content' | 'checksum';

/** The source could not be reached (work continues from cached files), as against one that answered wrongly. */
export const unreachable: ReadonlySet<FailureReason> = new Set(['offline', 'timeout', 'truncated']);

export class DownloadError extends Error {
  constructor(
    readonly reason: FailureReason,
    readonly url: string,
    message: string,
    readonly status?: number,
    public attempts = 1,
    /** The connection itself never opened: the host is as good as unreachable. */
    readonly connectTimeout = false,
  ) {
    super(message);
  }
}

export interface HttpOptions {
  connectTimeoutMs?: number;
  /** The whole attempt, headers and body. */
  totalTimeoutMs?: number;
  /** The whole file, every attempt, redirect and backoff included: retries never stretch past it. */
  deadlineMs?: number;
  maxBytes?: number;
  /** Further attempts after the first, for 5xx, timeouts and dropped transfers only. */
  retries?: number;
  /** Wait before retry n (1, 2, …) = backoffMs × 2^(n-1). */
  backoffMs?: number;
  maxRedirects?: number;
  onProgress?: (received: number, total: number | undefined) => void;
}

export const defaultHttpOptions: Required<Omit<HttpOptions, 'onProgress'>> = {
  connectTimeoutMs: 15_000,
  totalTimeoutMs: 300_000,
  deadlineMs: 600_000,
  maxBytes: 50 * 1024 * 1024,
  retries: 3,
  backoffMs: 1_000,
  maxRedirects: 5,
};

/** ETag and Last-Modified of the copy we hold: sent back so that an unchanged file costs a 304. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface DownloadOptions extends HttpOptions {
  /**
   * The configured scheme, host and port (default: the URL's own): every request stays there,
   * redirects included, and a URL elsewhere (a page's link to the next) is not asked for.
   */
  origin?: string;
  validators?: Validators;
  /** Judges the complete body before it is renamed into place. */
  check?: (body: Buffer, contentType: string | undefined) => ContentProblem | undefined;
  expectedSha256?: string;
}

export type DownloadResult =
  | { status: 'fetched'; url: string; body: Buffer; bytes: number; sha256: string; etag?: string; lastModified?: string; contentType?: string; attempts: number }
  | { status: 'not_modified'; url: string; attempts: number };

const offlineCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN']);
const seconds = (ms: number) => `${(ms / 1000).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} s`;
/** "12,3 MB", or "9,8 kB" for what is less than a megabyte. */
export function formatBytes(bytes: number): string {
  const [amount, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'MB'] : [bytes / 1024, 'kB'];
  return `${amount.toLocaleString('sv-SE', { maximumFractionDigits: 1 })} ${unit}`;
}

interface Once {
  status: number;
  headers: http.IncomingHttpHeaders;
  received: number;
  /** The first bytes of a non-200 body, for its HTML title. */
  snippet?: Buffer;
}

/** One request, no redirects or retries: a 200 body goes to `fd`, anything else is only peeked at. */
function requestOnce(url: URL, headers: Record<string, string>, o: Required<Omit<HttpOptions, 'onProgress'>> & HttpOptions, fd: number): Promise<Once> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    let settled = false;
    let connectTimer: NodeJS.Timeout | undefined;
    const finish = (error: DownloadError | undefined, result?: Once) => {
      if (settled) return;
      settled = true;
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
      // Nothing more is read once the outcome is known: a late chunk must not reach a closed file.
      req.destroy();
      if (error) reject(error);
      else resolve(result!);
    };
    // agent: false – a fresh connection per request, so no pooled socket outlives a test's server.
    const req = lib.request(url, { method: 'GET', headers, agent: false });
    const totalTimer = setTimeout(
      () => finish(new DownloadError('timeout', url.href, `inget fullständigt svar inom ${seconds(o.totalTimeoutMs)}`)),
      o.totalTimeoutMs,
    );
    connectTimer = setTimeout(
      () => finish(new DownloadError('timeout', url.href, `ingen anslutning till ${url.host} inom ${seconds(o.connectTimeoutMs)}`, undefined, 1, true)),
      o.connectTimeoutMs,
    );
    req.on('socket', (socket) => socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      if (offlineCodes.has(code)) finish(new DownloadError('offline', url.href, `${url.host} kan inte nås (${code})`));
      else finish(new DownloadError('truncated', url.href, `anslutningen bröts (${code || error.message})`));
    });
    req.on('response', (res) => {
      clearTimeout(connectTimer);
      const status = res.statusCode ?? 0;
      const lengthHeader = res.headers['content-length'];
      const declared = lengthHeader === undefined ? undefined : Number(lengthHeader);
      let received = 0;
      if (status !== 200) {
        // Only a peek: enough for an error page's title, never the whole body.
        const chunks: Buffer[] = [];
        res.on('error', () => finish(undefined, { status, headers: res.headers, received, snippet: Buffer.concat(chunks) }));
        res.on('data', (chunk: Buffer) => {
          if (received < 64 * 1024) chunks.push(chunk);
          received += chunk.length;
          if (received >= 64 * 1024) finish(undefined, { status, headers: res.headers, received, snippet: Buffer.concat(chunks) });
        });
        res.on('end', () => finish(undefined, { status, headers: res.headers, received, snippet: Buffer.concat(chunks) }));
        res.on('close', () => finish(undefined, { status, headers: res.headers, received, snippet: Buffer.concat(chunks) }));
        return;
      }
      if (declared !== undefined && declared > o.maxBytes) {
        finish(new DownloadError('too_large', url.href, `filen är ${formatBytes(declared)}, större än gränsen ${formatBytes(o.maxBytes)}`));
        return;
      }
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        received += chunk.length;
        if (received > o.maxBytes) {
          finish(new DownloadError('too_large', url.href, `svaret blev större än gränsen ${formatBytes(o.maxBytes)}; hämtningen avbröts`));
          return;
        }
        writeSync(fd, chunk);
        o.onProgress?.(received, declared);
      });
      res.on('end', () => {
        if (declared !== undefined && received !== declared) {
          finish(new DownloadError('truncated', url.href, `överföringen avbröts: fick ${received} av ${declared} byte`));
        } else finish(undefined, { status, headers: res.headers, received });
      });
      // A connection closed before the body was complete ends here (and in 'error'), without 'end'.
      const dropped = () => {
        if (!res.complete) {
          finish(new DownloadError('truncated', url.href, `överföringen avbröts: fick ${received}${declared === undefined ? '' : ` av ${declared}`} byte`));
        }
      };
      res.on('close', dropped);
      res.on('error', dropped);
    });
    req.end();
  });
}

const header = (headers: http.IncomingHttpHeaders, name: string) => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * A redirect chain, ending in a 200 (body in `fd`), a 304, or an error. Loops and long chains stop, and
 * so does any step away from `origin` (default: the start's): a pull asks the host it was configured
 * with and no other, whoever points elsewhere – a redirect or a page's link to the next.
 */
async function followRedirects(start: string, origin: string | undefined, validators: Validators | undefined, o: Required<Omit<HttpOptions, 'onProgress'>> & HttpOptions, fd: number, deadline: number): Promise<Once & { url: string }> {
  const seen: string[] = [];
  let url: URL;
  try {
    url = new URL(start);
  } catch {
    throw new DownloadError('http', start, `"${start}" är ingen giltig adress`);
  }
  const allowed = origin ?? url.origin;
  for (;;) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new DownloadError('http', url.href, `adressen ska börja med http:// eller https://`);
    }
    if (url.origin !== allowed) {
      throw new DownloadError('other_host', start, seen.length
        ? `${seen[seen.length - 1]} omdirigerar till ${url.href}, hos en annan värd än ${allowed}; den följs inte`
        : `${url.href} ligger hos en annan värd än ${allowed}; den hämtas inte`);
    }
    seen.push(url.href);
    const headers: Record<string, string> = { 'user-agent': 'beredskapsuppfoljning (pull)', accept: '*/*' };
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    const left = deadline - Date.now();
    if (left <= 0) throw new DownloadError('timeout', url.href, `filen kom inte fram inom tidsgränsen ${seconds(o.deadlineMs)}`);
    const once = await requestOnce(url, headers, { ...o, totalTimeoutMs: Math.min(o.totalTimeoutMs, left) }, fd);
    const location = header(once.headers, 'location');
    if ([301, 302, 303, 307, 308].includes(once.status) && location) {
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new DownloadError('redirect', start, `omdirigering till en ogiltig adress: ${location}`, once.status);
      }
      if (seen.includes(next.href)) {
        throw new DownloadError('redirect', start, `omdirigeringsslinga: ${[...seen, next.href].join(' → ')}`, once.status);
      }
      if (seen.length > o.maxRedirects) {
        throw new DownloadError('redirect', start, `fler än ${o.maxRedirects} omdirigeringar (senast till ${next.href})`, once.status);
      }
      url = next;
      continue;
    }
    return { ...once, url: url.href };
  }
}

const retryable = (e: DownloadError) => e.reason === 'timeout' || e.reason === 'truncated' || (e.reason === 'http' && (e.status ?? 0) >= 500);

/** A temp name beside `dest`: same directory, so the final rename is atomic. */
export const tempPathFor = (dest: string) => join(dirname(dest), `.${basename(dest)}.part-${process.pid}-${randomBytes(4).toString('hex')}`);

/**
 * Downloads `url` to `dest`. The body goes to a temp file beside `dest`; only a complete body that
 * passes `check` (and matches `expectedSha256`) is renamed onto `dest`, so `dest` is either the old
 * copy or the new one, never a part. A 304 leaves `dest` alone.
 */
export async function download(url: string, dest: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  const o = { ...defaultHttpOptions, ...definedOnly(options) };
  mkdirSync(dirname(dest), { recursive: true });
  const temp = tempPathFor(dest);
  const deadline = Date.now() + o.deadlineMs;
  let attempts = 0;
  try {
    for (;;) {
      attempts++;
      const fd = openSync(temp, 'w');
      let once: Once & { url: string };
      try {
        once = await followRedirects(url, options.origin, options.validators, o, fd, deadline);
        if (once.status !== 200 && once.status !== 304) {
          const title = once.snippet ? htmlTitle(once.snippet) : undefined;
          throw new DownloadError('http', url, `servern svarade HTTP ${once.status}${title ? ` ("${title}")` : ''} för ${once.url}`, once.status);
        }
      } catch (error) {
        if (!(error instanceof DownloadError)) throw error;
        error.attempts = attempts;
        const wait = o.backoffMs * 2 ** (attempts - 1);
        if (!retryable(error) || attempts > o.retries || Date.now() + wait >= deadline) {
          const message = `${error.message}${attempts > 1 ? ` (efter ${attempts} försök)` : ''}`;
          // Retried like any timeout, but in the end a host that never accepted a connection is offline.
          if (error.connectTimeout) throw new DownloadError('offline', error.url, message, undefined, attempts);
          error.message = message;
          throw error;
        }
        await sleep(wait);
        continue;
      } finally {
        closeSync(fd);
      }
      if (once.status === 304) {
        if (!options.validators?.etag && !options.validators?.lastModified) {
          throw new DownloadError('http', url, 'servern svarade 304 (oförändrad) fast ingen tidigare kopia angavs', 304, attempts);
        }
        return { status: 'not_modified', url: once.url, attempts };
      }
      const body = readFileSync(temp);
      const contentType = header(once.headers, 'content-type');
      const problem = options.check?.(body, contentType);
      if (problem) throw new DownloadError(problem.reason, url, problem.message, 200, attempts);
      const sha256 = createHash('sha256').update(body).digest('hex');
      if (options.expectedSha256 && options.expectedSha256.toLowerCase() !== sha256) {
        throw new DownloadError('checksum', url, `innehållet stämmer inte med förväntad sha256 ${options.expectedSha256.slice(0, 12)}… (fick ${sha256.slice(0, 12)}…)`, 200, attempts);
      }
      renameSync(temp, dest);
      return {
        status: 'fetched', url: once.url, body, bytes: body.length, sha256, contentType, attempts,
        etag: header(once.headers, 'etag'), lastModified: header(once.headers, 'last-modified'),
      };
    }
  } finally {
    if (existsSync(temp)) rmSync(temp, { force: true });
  }
}

/** Options as given, without keys set to undefined (which would otherwise erase the defaults). */
function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
