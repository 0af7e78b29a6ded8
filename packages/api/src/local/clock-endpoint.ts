import type { IncomingMessage, ServerResponse } from 'node:http';
import { DevClock, DevClockError, describeInstant, parseClockSetting, wibTime } from './dev-clock';

export const CLOCK_PATH = '/dev/clock';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const MAX_BODY = 1024;

/**
 * The dev server's clock endpoint, local only:
 *   GET  /dev/clock                       -> { now, wib, system }
 *   POST /dev/clock  {"clock": "+1d"}     -> moves the clock forward (offsets count from the dev clock)
 * Safe because it is the dev server's alone (the Lambda handler has no such route and refuses
 * KKMP_CLOCK), the server listens on 127.0.0.1, the Host must be a local name (no DNS rebinding), a page
 * of another origin is refused, and a POST must be JSON: browsers send that cross-origin only after a
 * preflight, which this endpoint never approves.
 */
export function clockEndpoint(clock: DevClock, log: (line: string) => void = console.log) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    const refuse = (status: number, code: string, en: string, id: string) => reply(status, { error: { code, messageEn: en, messageId: id } });
    const host = req.headers.host ?? '';
    if (!LOCAL_HOSTS.has(host.replace(/:\d+$/, ''))) return refuse(403, 'NOT_LOCAL', 'the dev clock answers only to localhost', 'jam dev hanya melayani localhost');
    if (req.headers.origin !== undefined && !sameOrigin(req.headers.origin, host)) {
      return refuse(403, 'OTHER_ORIGIN', 'the dev clock refuses pages of other origins', 'jam dev menolak halaman dari origin lain');
    }
    if (req.method === 'GET') return reply(200, state(clock));
    if (req.method !== 'POST') return refuse(405, 'METHOD', 'use GET or POST', 'pakai GET atau POST');
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return refuse(415, 'NOT_JSON', 'send {"clock": "..."} as application/json', 'kirim {"clock": "..."} sebagai application/json');
    }
    const setting = await readSetting(req);
    if (setting === undefined) {
      return refuse(400, 'BAD_CLOCK', 'send {"clock": "+1d"} (an offset, a date or an instant)', 'kirim {"clock": "+1d"} (selisih, tanggal, atau waktu)');
    }
    try {
      clock.moveTo(parseClockSetting(setting, clock.now()));
    } catch (err) {
      if (err instanceof DevClockError) return refuse(400, 'BAD_CLOCK', err.messageEn, err.messageId);
      throw err;
    }
    log(`Dev clock moved (${setting}): now ${describeInstant(clock.now())}`);
    reply(200, state(clock));
  };
}

function state(clock: DevClock) {
  const now = clock.now();
  return { now: now.toISOString(), wib: wibTime(now), system: new Date().toISOString() };
}

function sameOrigin(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

async function readSetting(req: IncomingMessage): Promise<string | undefined> {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > MAX_BODY) return undefined;
  }
  try {
    const parsed = JSON.parse(body) as unknown;
    const value = parsed && typeof parsed === 'object' ? (parsed as { clock?: unknown }).clock : undefined;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
