import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER, nikOf, startKiosk, type Kiosk } from './support';

const SEASON = '2026-MT2';
const TYPES = ['UREA', 'NPK', 'ORGANIK', 'ZA', 'NPK_KAKAO'] as const;

/** A clean e-RDKK list: farmers × the first `types` types, spread over groups of 25 farmers. */
function list(farmers: number, types = 5, kg = (n: number) => 50 + (n % 7) * 25): string {
  const lines = [HEADER];
  for (let n = 0; n < farmers; n++) {
    const crops = n % 3 === 0 ? 'PADI;JAGUNG' : 'KAKAO';
    for (const type of TYPES.slice(0, types)) lines.push(`${nikOf(n)},Petani ${n},Poktan ${Math.floor(n / 25) + 1},${(0.25 + (n % 7) * 0.25).toFixed(2)},${crops},${type},${kg(n)}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('pupuk: importing e-RDKK allocations through the API', () => {
  let k: Kiosk;
  const seasonImports = async () => (await k.query(`query($c: ID!) { pupukSeasonImports(cooperativeId: $c, season: "${SEASON}") { fileName status } }`)).pupukSeasonImports;
  beforeAll(async () => {
    k = await startKiosk();
  });
  afterAll(() => k.close());

  it('refuses a file with a bad NIK, an unknown type, land over 2 ha or a negative quantity whole, every bad row reported with its line; nothing is written', async () => {
    const csv = [
      HEADER,
      `${nikOf(1)},Pak Ujang,Tani Makmur,0.75,PADI,UREA,150`,
      '3205019901800002,NIK salah,Tani Makmur,0.5,PADI,UREA,100',
      `${nikOf(3)},Bu Rina,Tani Makmur,0.5,PADI,KCL,100`,
      `${nikOf(4)},Pak Asep,Tani Makmur,2.5,PADI,UREA,100`,
      `${nikOf(5)},Pak Dedi,Tani Makmur,1,PADI,NPK,-5`,
      `${nikOf(6)},Pak Eko,Tani Makmur,1,PADI,NPK,40`,
    ].join('\n');
    const r = await k.run('pupukImportAllocations', { season: SEASON, fileName: 'erdkk-tani-makmur.csv', csv });
    expect(r.__typename).toBe('ValidationError');
    expect(r.fields.map((f: any) => f.field)).toEqual(['input.csv.3.nik', 'input.csv.4.jenis_pupuk', 'input.csv.5.luas_lahan_ha', 'input.csv.6.alokasi_kg']);
    expect(r.fields[0].messageEn).toMatch(/^line 3: /);
    expect(r.fields[3]).toMatchObject({ messageEn: 'line 6: must not be negative', messageId: 'baris 6: tidak boleh negatif' });
    // Nothing imported: not the good rows either.
    expect(await k.farmer(nikOf(1))).toBeNull();
    expect(await k.farmer(nikOf(6))).toBeNull();
    expect(await seasonImports()).toEqual([]);
  });

  it('a dry run reports the file and writes nothing', async () => {
    const r = await k.ok('pupukImportAllocations', { season: SEASON, fileName: 'erdkk.csv', csv: list(30, 2), dryRun: true });
    expect(r).toMatchObject({ dryRun: true, season: SEASON, rows: 60, farmers: 30, groups: ['Poktan 1', 'Poktan 2'], revisions: 0, import: null });
    expect(r.kgByType.map((x: any) => x.type)).toEqual(['NPK', 'UREA']);
    expect(await k.farmer(nikOf(0))).toBeNull();
    expect(await seasonImports()).toEqual([]);
  });

  it('imports a clean list of 5,000 rows in parts a client polls, in force only when complete', async () => {
    const csv = list(1_000);
    const started = Date.now();
    let job = (await k.ok('pupukImportAllocations', { season: SEASON, fileName: 'erdkk-kecamatan.csv', csv })).import;
    expect(job).toMatchObject({ status: 'WRITING', rows: 5_000, rowsWritten: 0, percentDone: 0, farmers: 1_000 });
    const progress: number[] = [];
    // Mid-way nothing is in force: the farmer whose rows are written is not registered yet and has no allocation.
    job = await k.ok('pupukContinueAllocationImport', { importId: job.id });
    progress.push(job.percentDone);
    expect(await k.farmer(nikOf(0))).toBeNull();
    expect((await k.query(`query($c: ID!) { pupukAbsorption(cooperativeId: $c, season: "${SEASON}") { farmers { name } } }`)).pupukAbsorption.farmers).toEqual([]);
    while (job.status === 'WRITING') {
      job = await k.ok('pupukContinueAllocationImport', { importId: job.id });
      progress.push(job.percentDone);
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`pupuk: 5,000-row e-RDKK import through the API took ${seconds.toFixed(1)} s in ${progress.length + 1} calls (progress ${progress.join(', ')})`);
    expect(seconds).toBeLessThan(45);
    expect(job).toMatchObject({ status: 'COMPLETE', rowsWritten: 5_000, percentDone: 100 });
    expect(progress).toEqual([20, 40, 60, 80, 100]);
    const f = await k.farmer(nikOf(999));
    // Farmer 999: land 0.25 + 5 × 0.25 ha, 50 + 5 × 25 kg of each type; its NPK row is line 2 + 999 × 5 + 1.
    expect(f).toMatchObject({ name: 'Petani 999', status: 'VERIFIED', farmerGroup: 'Poktan 40', landHa: '1.5', crops: ['JAGUNG', 'PADI'] });
    expect(f.allocations.map((a: any) => [a.type, a.allocatedKg, a.redeemedKg])).toEqual([['NPK', 175, 0], ['NPK_KAKAO', 175, 0], ['ORGANIK', 175, 0], ['UREA', 175, 0], ['ZA', 175, 0]]);
    expect(f.allocations[0].history).toEqual([{ kg: 175, fileName: 'erdkk-kecamatan.csv', line: 4_998, importedBy: 'manager-0' }]);
    // Polling after the end answers the same complete job; continuing it changes nothing.
    expect(await k.ok('pupukContinueAllocationImport', { importId: job.id })).toEqual(job);
    expect(await seasonImports()).toEqual([{ fileName: 'erdkk-kecamatan.csv', status: 'COMPLETE' }]);
  }, 120_000);

  it('a part sent twice at once writes the same; a cancelled import never comes into force', async () => {
    const csv = list(2_500, 1, () => 10);
    let job = (await k.ok('pupukImportAllocations', { season: SEASON, fileName: 'revisi-dibatalkan.csv', csv })).import;
    // A second import of the season waits for the running one.
    const busy = await k.run('pupukImportAllocations', { season: SEASON, fileName: 'lain.csv', csv });
    expect(busy).toMatchObject({ code: 'CONFLICT' });
    const twice = await Promise.all([k.ok('pupukContinueAllocationImport', { importId: job.id }), k.ok('pupukContinueAllocationImport', { importId: job.id })]);
    // One commits its part; the other re-runs from the progress it then reads and writes the next part.
    expect(twice.map((j) => [j.status, j.rowsWritten]).sort()).toEqual([['WRITING', 1_000], ['WRITING', 2_000]]);
    job = await k.ok('pupukCancelAllocationImport', { importId: job.id });
    expect(job.status).toBe('CANCELLED');
    // Its versions were written but never count: the first import's 200 kg of Urea stands.
    expect((await k.farmer(nikOf(0))).allocations.find((a: any) => a.type === 'UREA')).toMatchObject({ allocatedKg: 50, history: [{ fileName: 'erdkk-kecamatan.csv' }] });
    expect(await k.run('pupukCancelAllocationImport', { importId: job.id })).toMatchObject({ code: 'INVALID_STATE' });
    expect(await seasonImports()).toEqual([{ fileName: 'erdkk-kecamatan.csv', status: 'COMPLETE' }]);
  });
});
