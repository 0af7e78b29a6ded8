import { Agent, request } from 'node:http';

export interface HttpAnswer {
  status: number;
  body: string;
  contentType: string;
}

/**
 * A keep-alive POST client on node:http (fetch costs the load generator several times more CPU per
 * request, and the generator shares the machine with the API it measures).
 */
export class HttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });
  private readonly target: URL;

  constructor(url: string) {
    this.target = new URL(url);
  }

  post(body: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent: this.agent,
          host: this.target.hostname,
          port: this.target.port,
          path: this.target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), contentType: String(res.headers['content-type'] ?? '') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** A GraphQL operation; throws on a transport error or a top-level GraphQL error. */
  async gql<T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const res = await this.post(JSON.stringify({ query, variables }), token ? { authorization: `Bearer ${token}` } : {});
    const parsed = JSON.parse(res.body) as { data?: T; errors?: { message: string }[] };
    if (parsed.errors?.length || !parsed.data) throw new Error(`GraphQL ${res.status}: ${parsed.errors?.map((e) => e.message).join('; ')}\n${query.slice(0, 200)}`);
    return parsed.data;
  }

  close(): void {
    this.agent.destroy();
  }
}
