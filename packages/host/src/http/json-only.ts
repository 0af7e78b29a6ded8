import type { Plugin } from 'graphql-yoga';

/**
 * Operations arrive as `application/json` POSTs (or GET for queries), nothing else. yoga also parses
 * form-urlencoded, multipart and application/graphql POSTs: a browser sends the first two from any
 * web page without a CORS preflight, so they would let another site run operations. Refused with 415
 * before anything is parsed.
 */
export function useJsonOnlyPosts(): Plugin {
  return {
    onRequestParse({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (mediaType === 'application/json') return;
      const message = 'only application/json POST requests are accepted (or GET for queries)';
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [{ message, extensions: { code: 'UNSUPPORTED_MEDIA_TYPE', messageEn: message, messageId: 'hanya permintaan POST application/json yang diterima (atau GET untuk query)' } }],
          }),
          { status: 415, headers: { 'content-type': 'application/json; charset=utf-8' } },
        ),
      );
    },
  };
}
