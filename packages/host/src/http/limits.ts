import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * The largest request body read, in bytes. The biggest legitimate one is an e-RDKK import (pupuk: at
 * most 2,000,000 CSV characters, some of them multi-byte, JSON-escaped); anything larger is refused
 * with 413 before it is parsed. (API Gateway's own ceiling, 10 MB, is far above it.)
 */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;


const tooLarge = () => new GraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });

/**
 * The body limit, with yoga's own rules (maxRequestBodySize is switched off in app.ts for this): a valid
 * Content-Length over the limit is 413 at once, an invalid one 400. A request with a valid Content-Length
 * within the limit is taken as it is: Node's HTTP parser (and API Gateway) never hand over more bytes than
 * it declares. Yoga piped EVERY body through a counting TransformStream, 3-4% of the API's CPU on a cheap
 * read in the bench's profile; only a body of unknown length (chunked) is counted now.
 */
export function useRequestBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      const declared = request.headers.get('content-length');
      if (declared != null) {
        // One non-negative integer only: "1, 2" or "-1" (request smuggling attempts) are refused, as yoga does.
        if (!/^\d+$/.test(declared)) throw new GraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
        if (Number(declared) > limit) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      setRequestParser((req) => requestParser(counted(req, limit)));
    },
  };
}

/** The request with a body that errors with 413 once more than `limit` bytes came through. */
function counted(request: Request, limit: number): Request {
  let read = 0;
  const body = request.body!.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body, duplex: 'half' } as RequestInit);
}
