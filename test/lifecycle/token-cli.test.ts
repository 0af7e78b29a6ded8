import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api';
import { cityWithCoop, nextNik, ops } from '../support/fixtures';

const root = join(import.meta.dirname, '..', '..');
const emptyDataDir = mkdtempSync(join(tmpdir(), 'kkmp-token-'));
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * `npm run token -- <args>` without npm: the same script, the same arguments. Asynchronous, so the
 * test's API server in this process keeps answering meanwhile.
 */
function token(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/kkmp.mjs', 'token', ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

let api: TestApi;
let f: Awaited<ReturnType<typeof cityWithCoop>>;
beforeAll(async () => {
  api = await startTestApi();
  f = await cityWithCoop(api, 'Kota Token');
});
afterAll(async () => {
  await api.close();
  rmSync(emptyDataDir, { recursive: true, force: true });
});

const me = async (jwt: string) => (await api.gql(`{ me { role cityId cooperativeId memberId units } }`, {}, jwt)).data.me;

describe('npm run token', () => {
  it('is quick: with node_modules current it runs no install, and prints only the token', async () => {
    // The first run installs if this checkout changed since its last install (its report on stderr);
    // from then on node_modules is current and the install is skipped.
    const first = await token(['--role', 'PLATFORM_ADMIN']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout.trim()).toMatch(JWT);
    const run = await token(['--role', 'PLATFORM_ADMIN']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toMatch(JWT);
    // pnpm's install output ("Lockfile is up to date", "Done in ...") would mean the install ran.
    expect(run.stdout + run.stderr).not.toMatch(/pnpm|lockfile|Done in|up to date/i);
  }, 120_000);

  it('explains itself: --help names every flag and what it is for', async () => {
    const run = await token(['--help']);
    expect(run.status).toBe(0);
    for (const flag of ['--demo', '--role', '--city', '--coop', '--member', '--units', '--name', '--sub', '--expires', '--secret']) {
      expect(run.stdout).toMatch(new RegExp(`^\\s+${flag} <[^>]+>\\s+\\S`, 'm'));
    }
    expect(run.stdout).toContain('PLATFORM_ADMIN, CITY_ADMIN, COOP_MANAGER, COOP_STAFF, SUPERVISOR, MEMBER');
    expect(run.stdout).toMatch(/Ids are the ones the API prints/);
  });

  it('before the first `npm run dev`: a message saying what to run, no stack trace', async () => {
    const run = await token(['--demo', 'manager'], { KKMP_DATA_DIR: emptyDataDir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`no demo users yet: ${join(emptyDataDir, 'demo-users.json')} does not exist. Start the API once with \`npm run dev\``);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });

  it('mistakes are named, with no stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['--bogus'], /Unknown option '--bogus'/],
      [['--role', 'KASIR'], /--role "KASIR" is not a role; roles: PLATFORM_ADMIN/],
      [['--role', 'COOP_MANAGER'], /COOP_MANAGER needs --coop/],
      [['--role', 'COOP_MANAGER', '--coop', f.cityId], /--coop wants a Cooperative id; .* is a City id/],
      [['--role', 'COOP_MANAGER', '--coop', 'sukaluyu'], /--coop "sukaluyu" is not a Cooperative id: give the id the API prints/],
      [['--role', 'PLATFORM_ADMIN', '--coop', f.coopId], /--coop is not used by PLATFORM_ADMIN/],
      [['--demo', 'manager', '--coop', f.coopId], /--demo takes the demo user as it is; drop --coop/],
      [['--role', 'PLATFORM_ADMIN', '--expires', '32d'], /--expires: a token may live at most 31 days \(the API refuses longer ones\), not 32d/],
      [['--role', 'PLATFORM_ADMIN', '--expires', 'soon'], /could not mint the token .*is --expires a span like 12h or 7d/],
    ];
    for (const [args, message] of cases) {
      const run = await token(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);

  it('mints a token of the longest lifetime the API takes (31 days), and the API accepts it', async () => {
    const run = await token(['--role', 'PLATFORM_ADMIN', '--expires', '31d']);
    expect(run.status, run.stderr).toBe(0);
    expect((await me(run.stdout.trim())).role).toBe('PLATFORM_ADMIN');
  }, 120_000);

  it('takes the public ids the API prints, and the internal ones, for --coop, --city and --member', async () => {
    const manager = await token(['--role', 'COOP_MANAGER', '--coop', f.coopId, '--name', 'Ketua']);
    expect(manager.status, manager.stderr).toBe(0);
    expect(await me(manager.stdout.trim())).toMatchObject({ role: 'COOP_MANAGER', cooperativeId: f.coopId });

    const internal = await token(['--role', 'COOP_STAFF', '--coop', f.rawCoopId, '--units', 'sembako']);
    expect(await me(internal.stdout.trim())).toMatchObject({ role: 'COOP_STAFF', cooperativeId: f.coopId, units: ['sembako'] });

    const city = await token(['--role', 'CITY_ADMIN', '--city', f.cityId]);
    expect(await me(city.stdout.trim())).toMatchObject({ role: 'CITY_ADMIN', cityId: f.cityId });

    const reg = await api.gql(ops.registerMember, { input: { cooperativeId: f.coopId, nik: nextNik('FEMALE'), name: 'Ani', address: 'Jl. Melati 1' } }, f.manager);
    const memberId: string = reg.data.registerMember.data.id;
    // The public Member id carries its cooperative: no --coop needed.
    const member = await token(['--role', 'MEMBER', '--member', memberId]);
    expect(member.status, member.stderr).toBe(0);
    const asMember = member.stdout.trim();
    expect(await me(asMember)).toMatchObject({ role: 'MEMBER', cooperativeId: f.coopId, memberId });
    // And the token works: the member reads itself.
    const self = await api.gql(`query($id: ID!) { member(id: $id) { ... on Member { name } } }`, { id: memberId }, asMember);
    expect(self.data.member.name).toBe('Ani');
  }, 120_000);
});
