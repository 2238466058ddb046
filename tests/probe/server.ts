/** HTTP servers on 127.0.0.1 for the probe tests: the only network the tests ever use. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  base: string;
  /** Requests seen, as `METHOD /path`, with `range=…` when a Range header was sent. */
  requests: string[];
  close: () => Promise<void>;
}

/** Starts a server whose routes are looked up by path; unknown paths answer 404. */
export async function serve(routes: Record<string, Handler>): Promise<TestServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const range = req.headers.range;
    requests.push(`${req.method} ${req.url}${range ? ` range=${range}` : ''}`);
    const handler = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (handler) handler(req, res);
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound, read and released, so a connection to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Answers a file with its headers, HEAD without the body, as a static file server does. */
export function file(body: string | Buffer, headers: Record<string, string> = {}): Handler {
  return (req, res) => {
    res.writeHead(200, { 'content-length': String(Buffer.byteLength(body)), ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
