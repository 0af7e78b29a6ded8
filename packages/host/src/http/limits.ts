/**
 * The largest request body read, in bytes. The biggest legitimate one is an e-RDKK import (pupuk: at
 * most 2,000,000 CSV characters, some of them multi-byte, JSON-escaped); anything larger is refused
 * with 413 before it is parsed. (API Gateway's own ceiling, 10 MB, is far above it.)
 */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
