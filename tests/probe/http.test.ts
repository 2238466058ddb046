import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { probeUrl, type HttpOptions } from '../../src/lib/probe/http.ts';
import { closedPort, file, serve, type Handler, type TestServer } from './server.ts';

const OPTIONS: HttpOptions = { timeoutMs: 1_000, maxRedirects: 3, hashMaxBytes: 1_000 };
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('probing one address', () => {
  it('reports a reachable file with its status, validators, size and hash', async () => {
    server = await serve({ '/data.csv': file('a,b\n1,2\n', { etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 10:00:00 GMT' }) });
    const result = await probeUrl(`${server.base}/data.csv`, OPTIONS);
    expect(result).toEqual({
      ok: true,
      method: 'HEAD',
      status: 200,
      etag: '"v1"',
      last_modified: 'Tue, 01 Dec 2026 10:00:00 GMT',
      content_length: 8,
      sha256: sha('a,b\n1,2\n'),
    });
    expect(server.requests).toEqual(['HEAD /data.csv', 'GET /data.csv']);
  });

  it('names itself to the server it probes', async () => {
    const agents: (string | undefined)[] = [];
    server = await serve({ '/': (req, res) => (agents.push(req.headers['user-agent']), file('x')(req, res)) });
    await probeUrl(`${server.base}/`, OPTIONS);
    expect(agents).toEqual([expect.stringMatching(/^cardcat-probe /), expect.stringMatching(/^cardcat-probe /)]);
  });

  it('reports a refused connection as unreachable, in words', async () => {
    const port = await closedPort();
    const result = await probeUrl(`http://127.0.0.1:${port}/gone`, OPTIONS);
    expect(result).toEqual({ ok: false, method: 'HEAD', error: 'connection refused' });
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    server = await serve({ '/slow': () => {} });
    const started = Date.now();
    const result = await probeUrl(`${server.base}/slow`, { ...OPTIONS, timeoutMs: 200 });
    expect(result).toEqual({ ok: false, method: 'HEAD', error: 'no answer within 0.2 s (timed out)' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('counts an address whose headers answer but whose body stalls as reachable, unhashed', async () => {
    server = await serve({
      '/stall': (req, res) => {
        res.writeHead(200, { 'content-length': '100' });
        if (req.method === 'HEAD') res.end();
        else res.write('only part of it');
      },
    });
    const result = await probeUrl(`${server.base}/stall`, { ...OPTIONS, timeoutMs: 200 });
    expect(result).toEqual({ ok: true, method: 'HEAD', status: 200, content_length: 100, note: 'body not hashed: no answer within 0.2 s (timed out)' });
  });

  it('names a redirect loop instead of following it', async () => {
    server = await serve({
      '/a': (_req, res) => res.writeHead(302, { location: '/b' }).end(),
      '/b': (_req, res) => res.writeHead(301, { location: '/a' }).end(),
    });
    const result = await probeUrl(`${server.base}/a`, OPTIONS);
    expect(result.ok).toBe(false);
    expect(result.error).toBe(`redirect loop: \`${server.base}/b\` leads back to \`${server.base}/a\``);
  });

  it('stops after the maximum number of redirects', async () => {
    const hop = (n: number): Handler => (_req, res) => void res.writeHead(307, { location: `/r${n + 1}` }).end();
    server = await serve(Object.fromEntries([0, 1, 2, 3, 4, 5].map((n) => [`/r${n}`, hop(n)])));
    const result = await probeUrl(`${server.base}/r0`, OPTIONS);
    expect(result.error).toBe(`more than 3 redirects (the last to \`${server.base}/r4\`)`);
  });

  it('follows a short redirect chain and says where it ended', async () => {
    server = await serve({ '/old': (_req, res) => res.writeHead(301, { location: '/new' }).end(), '/new': file('x') });
    const result = await probeUrl(`${server.base}/old`, OPTIONS);
    expect(result).toMatchObject({ ok: true, status: 200, final_url: `${server.base}/new`, redirects: 1, sha256: sha('x') });
  });

  it('falls back to a one-byte ranged GET when HEAD is refused with 405', async () => {
    const body = 'hello, ranged world';
    server = await serve({
      '/api': (req, res) => {
        if (req.method === 'HEAD') return void res.writeHead(405, { allow: 'GET' }).end();
        if (req.headers.range === 'bytes=0-0') return void res.writeHead(206, { 'content-range': `bytes 0-0/${body.length}`, etag: '"r1"' }).end(body[0]);
        res.writeHead(200, { etag: '"r1"' }).end(body);
      },
    });
    const result = await probeUrl(`${server.base}/api`, OPTIONS);
    expect(result).toEqual({ ok: true, method: 'GET', status: 206, etag: '"r1"', content_length: body.length, sha256: sha(body) });
    expect(server.requests).toEqual(['HEAD /api', 'GET /api range=bytes=0-0', 'GET /api']);
  });

  it('does not download a body whose declared size is over the limit', async () => {
    server = await serve({ '/big': (_req, res) => res.writeHead(200, { 'content-length': '5000000000' }).end() });
    const result = await probeUrl(`${server.base}/big`, OPTIONS);
    expect(result).toEqual({ ok: true, method: 'HEAD', status: 200, content_length: 5_000_000_000, note: '5000000000 bytes, over the 1000-byte limit: not hashed' });
    expect(server.requests).toEqual(['HEAD /big']);
  });

  it('stops reading an endless body that declares no size, and does not hash it', async () => {
    let sent = 0;
    server = await serve({
      '/stream': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        if (req.method === 'HEAD') return void res.end();
        const chunk = Buffer.alloc(64 * 1024, 120);
        const pump = () => {
          while (!res.destroyed && sent < 1e9 && res.write(chunk)) sent += chunk.length;
          if (!res.destroyed && sent < 1e9) res.once('drain', pump);
        };
        pump();
      },
    });
    const result = await probeUrl(`${server.base}/stream`, OPTIONS);
    expect(result).toEqual({ ok: true, method: 'HEAD', status: 200, note: 'body over the 1000-byte limit (no size declared): not hashed' });
    expect(sent).toBeLessThan(1e8);
  });

  it('reports an HTTP error status as unreachable with the status', async () => {
    server = await serve({});
    const result = await probeUrl(`${server.base}/missing`, OPTIONS);
    expect(result).toEqual({ ok: false, method: 'HEAD', status: 404, error: 'HTTP 404 Not Found' });
  });

  it('reports a TLS failure as a TLS error', async () => {
    // A plain HTTP server answering a TLS handshake: the client fails in TLS, as with a bad certificate.
    server = await serve({ '/': file('plain') });
    const result = await probeUrl(`${server.base.replace('http:', 'https:')}/`, OPTIONS);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/^TLS error: /);
  });

  it('sees a changed ETag and a changed body', async () => {
    let version = 1;
    server = await serve({ '/v': (req, res) => file(`body ${version}`, { etag: `"v${version}"` })(req, res) });
    const first = await probeUrl(`${server.base}/v`, OPTIONS);
    version = 2;
    const second = await probeUrl(`${server.base}/v`, OPTIONS);
    expect([first.etag, second.etag]).toEqual(['"v1"', '"v2"']);
    expect(first.sha256).not.toBe(second.sha256);
  });
});
