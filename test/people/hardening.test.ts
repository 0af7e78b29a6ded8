import { seedDemoPeople } from '@kkmp/api/local';
import { totalCalls } from '@kkmp/store';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop } from '../support/fixtures';
import { accept, invite, nextPhone, refresh, signIn } from '../support/people';

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
beforeAll(async () => {
  api = await startTestApi();
  f = await cityWithCoop(api, 'Kota Keras');
});
afterAll(() => api.close());

describe('codes and passwords are never logged', () => {
  it('nothing written to the console or stdout during invite, accept, sign-in (right and wrong) and refresh holds a code or password', async () => {
    const seen: string[] = [];
    const capture = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
    const spies = [vi.spyOn(console, 'log').mockImplementation(capture), vi.spyOn(console, 'error').mockImplementation(capture), vi.spyOn(console, 'warn').mockImplementation(capture), vi.spyOn(console, 'info').mockImplementation(capture)];
    const write = vi.spyOn(process.stdout, 'write');
    const writeErr = vi.spyOn(process.stderr, 'write');
    try {
      const phone = nextPhone();
      const { code } = await invite(api, f.manager, { login: phone, name: 'Rahasia', role: 'SUPERVISOR', cooperativeId: f.coopId });
      const s = await accept(api, code!, 'sangat-rahasia-777');
      await signIn(api, phone, 'salah-total-12345');
      await signIn(api, phone, 'sangat-rahasia-777');
      await refresh(api, s.data.refreshToken);
      await accept(api, 'ZZZZZ-ZZZZZ', 'tebakan-kode-123');
      const written = [...seen, ...write.mock.calls.map((c) => String(c[0])), ...writeErr.mock.calls.map((c) => String(c[0]))].join('\n');
      for (const secret of [code!, code!.replace('-', ''), 'sangat-rahasia-777', 'salah-total-12345', 'ZZZZZ-ZZZZZ', s.data.refreshToken]) expect(written).not.toContain(secret);
    } finally {
      for (const s of spies) s.mockRestore();
      write.mockRestore();
      writeErr.mockRestore();
    }
  });
});

describe('round trips', () => {
  it('sign-in is 4 DynamoDB calls, a refresh 3, whatever the number of grants', async () => {
    const phone = nextPhone();
    const { code } = await invite(api, f.manager, { login: phone, name: 'Hitung', role: 'SUPERVISOR', cooperativeId: f.coopId });
    await accept(api, code!, 'hitung-panggilan-1');
    const count = async (fn: () => Promise<unknown>) => {
      const before = totalCalls(api.db);
      await fn();
      return totalCalls(api.db) - before;
    };
    let session: any;
    // credential + both locks (one BatchGet); person (BatchGet) with grants (Query) in parallel; the session (one TransactWrite).
    expect(await count(async () => (session = (await signIn(api, phone, 'hitung-panggilan-1')).data))).toBe(4);
    // session, used marker and person (one BatchGet) with grants (Query) in parallel; rotation (one TransactWrite).
    expect(await count(() => refresh(api, session.refreshToken))).toBe(3);
  });
});

describe('demo users of `npm run dev`', () => {
  it('sign in with their printed passwords, under the grant of their demo token; seeding again changes nothing', async () => {
    const users = [
      { label: 'manager', description: 'x', principal: { userId: 'demo-ketua', name: 'Ketua Demo', role: 'COOP_MANAGER' as const, coopId: f.rawCoopId } },
      { label: 'city', description: 'x', principal: { userId: 'demo-dinas', name: 'Dinas Demo', role: 'CITY_ADMIN' as const, cityId: f.rawCityId } },
    ];
    const logins = await seedDemoPeople(api.db, api.clock, users);
    expect(logins).toEqual([
      { label: 'manager', login: 'manager@demo.kkmp.id', password: 'demo-manager-kkmp' },
      { label: 'city', login: 'city@demo.kkmp.id', password: 'demo-city-kkmp' },
    ]);
    const s = await signIn(api, 'manager@demo.kkmp.id', 'demo-manager-kkmp');
    expect(s.data.grant).toMatchObject({ role: 'COOP_MANAGER', cooperativeId: f.coopId });
    const again = await seedDemoPeople(api.db, api.clock, users);
    expect(again).toEqual(logins);
    expect((await signIn(api, 'manager@demo.kkmp.id', 'demo-manager-kkmp')).data.grants).toHaveLength(1);
  });
});
