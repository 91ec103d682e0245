/**
 * The server's own request log, for the sandbox network spec: a small HTTP proxy on a free loopback
 * port in front of the `next start` that Playwright runs, appending the request line of everything
 * that reaches it (WebSocket upgrades included) to a file before forwarding it. A page opened through
 * the proxy has the proxy's origin, so a request learner code makes to "the app's own origin" can
 * only arrive here; the browser's view of the network (what Playwright reports) is not trusted for it.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy. */
export interface RequestLogProxy {
  /** The origin to open pages at (`http://127.0.0.1:<port>`). */
  readonly origin: string;
  /** Every request line logged so far (`GET /code`, `UPGRADE /?m=…`), read from the file. */
  lines(): string[];
  close(): Promise<void>;
}

/** Starts a logging proxy to `http://127.0.0.1:<targetPort>` that appends to `logFile`. */
export async function startRequestLogProxy(targetPort: number, logFile: string): Promise<RequestLogProxy> {
  fs.writeFileSync(logFile, '');
  const log = (kind: string, url: string | undefined) => fs.appendFileSync(logFile, `${kind} ${url ?? '?'}\n`);
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((request, response) => {
    log(request.method ?? '?', request.url);
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: request.method,
        path: request.url,
        headers: request.headers,
        agent,
      },
      (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  // A WebSocket handshake arrives as an upgrade, not a request: logged, then refused.
  server.on('upgrade', (request, socket) => {
    log('UPGRADE', request.url);
    socket.destroy();
  });
  server.on('connect', (request, socket) => {
    log('CONNECT', request.url);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    lines: () => fs.readFileSync(logFile, 'utf8').split('\n').filter(Boolean),
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
