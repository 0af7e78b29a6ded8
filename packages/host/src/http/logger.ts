import { Logger } from '@aws-lambda-powertools/logger';

/** Where unexpected errors are written: one JSON line each (what CloudWatch Logs Insights queries). */
export type ErrorLogger = Pick<Logger, 'error'>;

/**
 * AWS Lambda Powertools' logger: structured JSON lines on stderr, the same under Lambda and node:http.
 * POWERTOOLS_LOG_LEVEL sets its level; KKMP_LOG_ERRORS=0 silences it (the test suite, whose refusals
 * are on purpose).
 */
export function defaultLogger(): ErrorLogger {
  return new Logger({ serviceName: 'kkmp-api', ...(process.env.KKMP_LOG_ERRORS === '0' ? { logLevel: 'SILENT' } : {}) });
}
