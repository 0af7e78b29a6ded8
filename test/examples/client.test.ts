import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createDevApi } from '@kkmp/api/local';
import { createDb, ensureTable } from '@kkmp/store';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { cooperativeOf, SaleRefused, sell, shelf } from '../../examples/client/src/cashier';
import { cityDashboard } from '../../examples/client/src/city-dashboard';
import { createClient } from '../../examples/client/src/client';
import { ImportRefused, importErdkk, progressBar, type ImportProgress } from '../../examples/client/src/erdkk-import';
import { graphql } from '../../examples/client/src/graphql';

const exampleDir = join(import.meta.dirname, '..', '..', 'examples', 'client');
const gqlTada = join(exampleDir, 'node_modules', '.bin', 'gql-tada');
const run = promisify(execFile);

describe('examples/client: typed from schema.graphql', () => {
  it('its operations validate against schema.graphql (gql-tada check; tsc checks the TypeScript in npm test)', async () => {
    const { stdout, stderr } = await run(gqlTada, ['check'], { cwd: exampleDir }).catch((err: { stdout: string; stderr: string }) => {
      throw new Error(`gql-tada check found problems in examples/client:\n${err.stdout}${err.stderr}`);
    });
    expect(`${stdout}${stderr}`).not.toMatch(/error/i);
  }, 60_000);

  it('its generated types (src/graphql-env.d.ts) match schema.graphql (run `npm run schema`)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kkmp-tada-'));
    try {
      await run(gqlTada, ['generate', 'output', '--output', join(dir, 'graphql-env.d.ts')], { cwd: exampleDir });
      const committed = readFileSync(join(exampleDir, 'src', 'graphql-env.d.ts'), 'utf8');
      expect(committed === readFileSync(join(dir, 'graphql-env.d.ts'), 'utf8'), 'examples/client/src/graphql-env.d.ts is stale: run `npm run schema`').toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('examples/client against the API with demo data', () => {
  let server: Server;
  let url: string;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    const db = createDb({ tableName: `test-${randomUUID()}`, endpoint: inject('dynamoDbEndpoint') });
    await ensureTable(db);
    const dev = await createDevApi(db);
    tokens = Object.fromEntries(dev.users.map((u) => [u.label, u.token]));
    server = createServer(dev.yoga);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }, 120_000);
  afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  it("runs a cashier's flow: token -> shelf -> sale -> receipt; a retry with the same key sells nothing more", async () => {
    const cashier = createClient({ url, token: tokens.staff });
    const cooperativeId = await cooperativeOf(cashier);
    const products = await shelf(cashier, cooperativeId);
    const flour = products.find((p) => p.sku === 'TERIGU-1KG')!;
    const before = flour.stock!.quantity;

    const input = { cooperativeId, lines: [{ productId: flour.id, quantity: 2 }], paymentMethod: 'CASH' as const, tendered: 200_000, idempotencyKey: randomUUID() };
    const receipt = await sell(cashier, input);
    expect(receipt.lines).toEqual([expect.objectContaining({ sku: 'TERIGU-1KG', quantity: 2, amount: 2 * flour.nonMemberPrice! })]);
    expect(receipt.total).toBe(2 * flour.nonMemberPrice!);
    expect(receipt.change).toBe(200_000 - receipt.total);
    expect(receipt.receiptText).toContain(receipt.number);

    const again = await sell(cashier, input);
    expect(again.number).toBe(receipt.number);
    const after = (await shelf(cashier, cooperativeId)).find((p) => p.id === flour.id)!;
    expect(after.stock!.quantity).toBe(before - 2);
  });

  it('turns a refusal into a typed error the cashier can read out (Indonesian message)', async () => {
    const cashier = createClient({ url, token: tokens.staff });
    const cooperativeId = await cooperativeOf(cashier);
    const eggs = (await shelf(cashier, cooperativeId)).find((p) => p.sku === 'TELUR-10')!;
    const refused = await sell(cashier, { cooperativeId, lines: [{ productId: eggs.id, quantity: eggs.stock!.quantity + 1 }], paymentMethod: 'CASH', idempotencyKey: randomUUID() }).catch((e) => e);
    expect(refused).toBeInstanceOf(SaleRefused);
    expect(refused.code).toBe('BUSINESS_RULE');
    expect(refused.messageIdn).not.toBe('');
  });

  it("shows the city dashboard to the city's admin", async () => {
    const dinas = createClient({ url, token: tokens.city });
    const { me } = await dinas.request(graphql('query CityId { me { cityId } }'), {});
    const cityId = me!.cityId!;
    const { city, rows } = await cityDashboard(dinas, cityId, new Date().toISOString().slice(0, 10));
    expect(city).toBe('Kota Bandung');
    // The demo city has about 150 cooperatives (the five made through the API among them), every page read.
    expect(rows).toHaveLength(150);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['FORMED', 'LEGAL_ENTITY', 'OPERATING']));
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['KKMP Sukaluyu', 'KKMP Dago', 'KKMP Sekeloa', 'KKMP Cibangkong', 'KKMP Rancanumpang']));
    const sukaluyu = rows.find((r) => r.kelurahan.startsWith('Sukaluyu'))!;
    expect(sukaluyu.units).toContain('sembako');
    expect(sukaluyu.totalEquity).toBeGreaterThan(0);
  });

  it("imports a farmer group's e-RDKK list at the fertilizer kiosk, part by part, with a progress bar; a bad file is refused whole", async () => {
    const manager = createClient({ url, token: tokens.manager });
    const { me } = await manager.request(graphql('query ManagerCoop { me { cooperativeId } }'), {});
    const cooperativeId = me!.cooperativeId!;
    const rows = ['nik,nama,poktan,luas_lahan_ha,komoditas,jenis_pupuk,alokasi_kg'];
    for (let n = 1; n <= 600; n++) for (const type of ['UREA', 'NPK']) rows.push(`32050115018${String(n).padStart(5, '0')},Petani ${n},Tani Mulya,1,PADI,${type},100`);
    const bars: string[] = [];
    const done = await importErdkk(manager, { cooperativeId, fileName: 'erdkk-tani-mulya.csv', csv: rows.join('\n') }, (p: ImportProgress) => bars.push(progressBar(p, 10)));
    expect(done).toMatchObject({ status: 'COMPLETE', rows: 1_200, rowsWritten: 1_200, percentDone: 100 });
    expect(bars).toEqual(['[----------]   0%  0/1200', '[########--]  83%  1000/1200', '[##########] 100%  1200/1200']);
    const refused = await importErdkk(manager, { cooperativeId, fileName: 'salah.csv', csv: `${rows[0]}\n3205011501800001,Pak Salah,Tani Mulya,3,PADI,UREA,100` }).catch((e) => e);
    expect(refused).toBeInstanceOf(ImportRefused);
    expect(refused.message).toBe('baris 2: lebih dari 2 ha: tidak berhak pupuk bersubsidi');
  });
});
