import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** A request handler (yoga, or the Lambda bridge below) on a free loopback port. */
export async function serve(handler: Parameters<typeof createServer>[1]): Promise<Served> {
  const server: Server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

type LambdaHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * The Lambda handler behind real HTTP, as API Gateway (HTTP API, payload 2.0) calls it: headers
 * lower-cased, cookies apart, the body base64-encoded, the response's cookies as set-cookie.
 */
export function lambdaBridge(handler: LambdaHandler): NonNullable<Parameters<typeof createServer>[1]> {
  return (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://bridge');
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (name !== 'cookie' && value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
      const method = req.method ?? 'GET';
      const event: APIGatewayProxyEventV2 = {
        version: '2.0',
        routeKey: `${method} ${url.pathname}`,
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        headers,
        ...(req.headers.cookie ? { cookies: req.headers.cookie.split('; ') } : {}),
        requestContext: {
          accountId: '123456789012',
          apiId: 'bridge',
          domainName: 'bridge.execute-api.ap-southeast-3.amazonaws.com',
          domainPrefix: 'bridge',
          http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: req.headers['user-agent'] ?? '' },
          requestId: `apigw-${Math.random().toString(36).slice(2)}`,
          routeKey: `${method} ${url.pathname}`,
          stage: '$default',
          time: new Date().toISOString(),
          timeEpoch: Date.now(),
        },
        isBase64Encoded: body.length > 0,
        ...(body.length > 0 ? { body: body.toString('base64') } : {}),
      };
      handler(event).then(
        (out) => {
          const head: Record<string, string | string[]> = { ...(out.headers as Record<string, string>) };
          if (out.cookies?.length) head['set-cookie'] = out.cookies;
          res.writeHead(out.statusCode ?? 200, head).end(out.isBase64Encoded ? Buffer.from(out.body ?? '', 'base64') : (out.body ?? ''));
        },
        (err: unknown) => res.writeHead(502).end(String(err)),
      );
    });
  };
}
