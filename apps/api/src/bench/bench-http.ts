import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpAnswer {
  status: number;
  body: string;
  /** From the request's start to the last byte of the answer, client side. */
  ms: number;
}

/**
 * A lean keep-alive client for the API on 127.0.0.1: the server shares this process, so
 * the client must cost as little as it can (fetch costs noticeably more per request).
 */
export class BenchClient {
  private readonly agent: Agent;
  private token: string | null = null;

  constructor(
    private readonly port: number,
    sockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  async login(email: string, password: string): Promise<void> {
    const answer = await this.send('POST', '/api/v1/auth/login', JSON.stringify({ email, password }));
    if (answer.status !== 200 && answer.status !== 201) throw new Error(`login answered ${answer.status}: ${answer.body.slice(0, 200)}`);
    this.token = (JSON.parse(answer.body) as { accessToken: string }).accessToken;
  }

  /** The signed-in admin's token, for requests this client does not make itself (the export downloads). */
  get accessToken(): string {
    if (this.token === null) throw new Error('not signed in');
    return this.token;
  }

  /** `fresh`: `Cache-Control: no-cache`, so the API computes the answer rather than reuse one. */
  get(path: string, fresh = false): Promise<HttpAnswer> {
    return this.send('GET', path, undefined, fresh);
  }

  /** GET whose body is read and dropped (the load phase): the client's garbage stays out of the server's memory figures. */
  time(path: string): Promise<{ status: number; ms: number }> {
    return this.send('GET', path, undefined, false, true);
  }

  /** GET that must succeed; answers the parsed JSON and the time. */
  async json<T>(path: string): Promise<{ body: T; ms: number }> {
    const answer = await this.get(path);
    if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
    return { body: JSON.parse(answer.body) as T, ms: answer.ms };
  }

  close(): void {
    this.agent.destroy();
  }

  private send(method: string, path: string, body?: string, fresh?: boolean): Promise<HttpAnswer>;
  private send(method: string, path: string, body: string | undefined, fresh: boolean, discard: true): Promise<{ status: number; ms: number }>;
  private send(method: string, path: string, body?: string, fresh = false, discard = false): Promise<HttpAnswer | { status: number; ms: number }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (fresh) headers['cache-control'] = 'no-cache';
    if (this.token !== null) headers['authorization'] = `Bearer ${this.token}`;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request({ host: '127.0.0.1', port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          if (!discard) chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () => {
          const ms = performance.now() - started;
          resolve(discard ? { status: res.statusCode ?? 0, ms } : { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }
}
