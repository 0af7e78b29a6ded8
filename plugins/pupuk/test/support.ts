import { startUnitTestHost, type UnitTestCooperative, type UnitTestHost, unitCalls } from '@kkmp/unit-testing';
import pupuk from '../src/index';

export const SALE = 'id number date total status buyerNikMasked customerClass lines { sku quantity unitPrice amount } ... on PupukSale { season farmerGroup proofReference redeemed { type kg amount } }';
export const JOB = 'id season fileName status rows rowsWritten percentDone farmers groups kgByType { type kg } importedBy importedAt finishedAt';
const SELECTIONS: Record<string, string> = {
  pupukSell: SALE,
  pupukVoidSale: 'id status',
  pupukCreateProduct: 'id sku',
  pupukCreateSupplier: 'id',
  pupukReceiveGoods: 'id number total',
  pupukRegisterBeneficiary: 'nikMasked status',
  pupukBlockBeneficiary: 'status',
  pupukImportAllocations: `dryRun season rows farmers groups revisions kgByType { type kg } import { ${JOB} }`,
  pupukContinueAllocationImport: JOB,
  pupukCancelAllocationImport: JOB,
};

export const HEADER = 'nik,nama,poktan,luas_lahan_ha,komoditas,jenis_pupuk,alokasi_kg';

/** A valid NIK for farmer n (Garut, born 1 Jan 1980 + n days within the month, sequence n). */
export function nikOf(n: number): string {
  const day = String((n % 28) + 1).padStart(2, '0');
  return `320501${day}0180${String((n % 9999) + 1).padStart(4, '0')}`;
}

/** A kiosk on the test host: calls return the result union as JSON; `ok` throws unless it succeeded. */
export interface Kiosk {
  host: UnitTestHost;
  coop: UnitTestCooperative;
  run(field: string, input: Record<string, unknown>, token?: string): Promise<any>;
  ok(field: string, input: Record<string, unknown>, token?: string): Promise<any>;
  query(q: string, vars?: Record<string, unknown>, token?: string): Promise<any>;
  /** Starts an import and continues it to the end; returns the finished job and how many calls it took. */
  importCsv(season: string, fileName: string, csv: string): Promise<{ job: any; calls: number }>;
  farmer(nik: string, season?: string): Promise<any>;
  close(): Promise<void>;
}

export async function startKiosk(settings: Record<string, unknown> = {}): Promise<Kiosk> {
  const host = await startUnitTestHost([pupuk]);
  const coop = host.a;
  await host.enable(coop, 'pupuk', settings);
  const { run, ok, query } = unitCalls(host, coop, SELECTIONS);
  return {
    host,
    coop,
    run,
    ok,
    query,
    importCsv: async (season, fileName, csv) => {
      let job = (await ok('pupukImportAllocations', { season, fileName, csv })).import;
      let calls = 1;
      while (job.status === 'WRITING') {
        job = await ok('pupukContinueAllocationImport', { importId: job.id });
        calls += 1;
      }
      return { job, calls };
    },
    farmer: async (nik, season) =>
      (
        await query(
          `query($c: ID!, $n: String!, $s: String) { pupukFarmer(cooperativeId: $c, nik: $n, season: $s) { nikMasked name status season farmerGroup landHa crops
            allocations { type allocatedKg redeemedKg remainingKg absorptionBps history { kg fileName line importedBy } } } }`,
          { n: nik, s: season ?? null },
        )
      ).pupukFarmer,
    close: () => host.close(),
  };
}
