// A stand-in for the part of GitHub's REST API the action's review uses — listing, creating and
// updating issue comments — on loopback, recording every request it gets.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Comment {
  id: number;
  body: string;
}

export interface FakeGitHub {
  url: string;
  comments: Map<number, Comment[]>;
  requests: Array<{ method: string; path: string; authorization?: string; body?: { body: string } }>;
  /** Answer writes with 403, as GitHub does for a fork's read-only token. */
  readOnly: boolean;
  close(): Promise<void>;
}

export async function fakeGitHub(repo: string, pageSize = 2): Promise<FakeGitHub> {
  let nextId = 1000;
  const state: Omit<FakeGitHub, 'url' | 'close'> = { comments: new Map(), requests: [], readOnly: false };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url!, 'http://localhost');
    const body = req.method === 'GET' ? undefined : JSON.parse(await readBody(req));
    state.requests.push({ method: req.method!, path: url.pathname, authorization: req.headers.authorization, body });
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(data));
    };
    const list = new RegExp(`^/repos/${repo}/issues/(\\d+)/comments$`).exec(url.pathname);
    const one = new RegExp(`^/repos/${repo}/issues/comments/(\\d+)$`).exec(url.pathname);
    if (list && req.method === 'GET') {
      // Paged like GitHub, with a Link header to the next page, to prove the review follows it.
      const all = state.comments.get(Number(list[1])) ?? [];
      const page = Number(url.searchParams.get('page') ?? 1);
      const next: Record<string, string> = page * pageSize < all.length ? { link: `<${address()}${url.pathname}?per_page=100&page=${page + 1}>; rel="next"` } : {};
      return send(200, all.slice((page - 1) * pageSize, page * pageSize), next);
    }
    if ((list && req.method === 'POST') || (one && req.method === 'PATCH')) {
      if (state.readOnly) return send(403, { message: 'Resource not accessible by integration' });
      if (list) {
        const comment = { id: nextId++, body: body.body };
        state.comments.set(Number(list[1]), [...(state.comments.get(Number(list[1])) ?? []), comment]);
        return send(201, comment);
      }
      for (const comments of state.comments.values()) {
        const found = comments.find((c) => c.id === Number(one![1]));
        if (found) {
          found.body = body.body;
          return send(200, found);
        }
      }
    }
    send(404, { message: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, { url: address(), close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8').on('data', (s: string) => (data += s)).on('end', () => resolve(data)).on('error', reject);
  });
}
