import { randomUUID } from 'node:crypto';
import type { ExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ErrorLogger } from './logger';

export const REQUEST_ID_HEADER = 'x-request-id';

// Ids a client or API Gateway (base64-like, e.g. "JhJY7gFGjoEEMEw=") may send: kept if they are short
// and plain, so a log line cannot be forged with a newline or flooded with a megabyte; else replaced.
const ACCEPTED = /^[A-Za-z0-9._:=+/-]{1,128}$/;
const ids = new WeakMap<Request, string>();

/** The request's id: the caller's `x-request-id` if acceptable, else a new UUID; the same all along. */
export function requestIdOf(request: Request): string {
  let id = ids.get(request);
  if (!id) {
    const sent = request.headers.get(REQUEST_ID_HEADER);
    id = sent && ACCEPTED.test(sent) ? sent : randomUUID();
    ids.set(request, id);
  }
  return id;
}

/**
 * Every answer carries `x-request-id`; every masked error (code INTERNAL) carries it as
 * `extensions.requestId` and is written once to the log with it and the real error, so a cashier's
 * "Unexpected error" report leads to its log line.
 */
export function useRequestId(logger: ErrorLogger): Plugin {
  return {
    onResultProcess({ request, result, setResult }) {
      if (Array.isArray(result) || !isExecutionResult(result) || !result.errors?.length) return;
      if (!result.errors.some(isInternal)) return;
      const requestId = requestIdOf(request);
      const errors = result.errors.map((error) => {
        if (!isInternal(error)) return error;
        logger.error('unexpected error', { requestId, path: error.path?.join('.') ?? null, error: error.originalError ?? error });
        return new GraphQLError(error.message, { path: error.path, extensions: { ...error.extensions, requestId } });
      });
      setResult({ ...result, errors });
    },
    onResponse({ request, response }) {
      response.headers.set(REQUEST_ID_HEADER, requestIdOf(request));
    },
  };
}

const isExecutionResult = (r: unknown): r is ExecutionResult => typeof r === 'object' && r !== null && ('errors' in r || 'data' in r);
const isInternal = (e: { extensions?: Record<string, unknown> }): boolean => e.extensions?.code === 'INTERNAL';
