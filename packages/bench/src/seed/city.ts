import { installedUnits } from '@kkmp/api';
import type { Principal } from '@kkmp/core';
import type { BenchApi } from '../env';
import { mutate, pool, rawIds } from './client';

export interface SeededCity {
  cityId: string;
  cityToken: string;
  /** Opaque ids; the first is the main cooperative (every unit, the demo data). */
  cooperativeIds: string[];
}

/** What most cooperatives run first (domain.md: the shop and savings and loan come first). */
const COMMON_UNITS = ['sembako', 'simpanpinjam'];

/**
 * A city (as the platform admin) with `count` kelurahan, each with an operating cooperative
 * (as the city admin), all through the API. Every cooperative but the main one runs the common units.
 */
export async function seedCity(api: BenchApi, count: number, year: number): Promise<SeededCity> {
  const platform = await api.token({ userId: 'bench-platform', role: 'PLATFORM_ADMIN', name: 'Bench Platform' });
  const city = await mutate(api, platform, 'createCity', { name: 'Kota Bench', kind: 'KOTA', regionCode: '3273', provinceName: 'Jawa Barat', timeZone: 'WIB' }, 'id');
  const cityPrincipal: Principal = { userId: 'bench-dinas', name: 'Dinas Bench', role: 'CITY_ADMIN', cityId: rawIds(city.id)[0]! };
  const cityToken = await api.token(cityPrincipal);
  const cooperativeIds: string[] = new Array(count);
  await pool(
    Array.from({ length: count }, (_, i) => i),
    6,
    async (i) => {
      const n = String(i + 1).padStart(4, '0');
      const kel = await mutate(api, cityToken, 'createKelurahan', { cityId: city.id, name: `Kelurahan ${n}`, kecamatan: `Kecamatan ${Math.floor(i / 10) + 1}`, regionCode: `3273${String(100001 + i)}` }, 'id');
      const coop = await mutate(
        api,
        cityToken,
        'createCooperative',
        {
          kelurahanId: kel.id,
          name: i === 0 ? 'KKMP Bench Utama' : `KKMP ${n}`,
          legalName: `Koperasi Kelurahan Merah Putih ${n}`,
          equity: { simpananPokok: 50_000, simpananWajib: 20_000 },
          // The units' demos go back a few months: the books begin the year before.
          firstFinancialYear: year - 1,
        },
        'id',
      );
      await mutate(api, cityToken, 'changeCooperativeStatus', { cooperativeId: coop.id, status: 'LEGAL_ENTITY', registrationNumber: `AHU-${n}.AH.01.29.TAHUN2025` });
      await mutate(api, cityToken, 'changeCooperativeStatus', { cooperativeId: coop.id, status: 'OPERATING' });
      cooperativeIds[i] = coop.id;
      if (i === 0) return;
      const manager = await api.token({ userId: `bench-manager-${n}`, role: 'COOP_MANAGER', coopId: rawIds(coop.id)[0]! });
      for (const unitId of COMMON_UNITS) {
        const unit = installedUnits.find((u) => u.id === unitId);
        if (unit) await mutate(api, manager, 'enableUnit', { cooperativeId: coop.id, unitId, settings: unit.sampleSettings }, '__typename', 'UnitSettingsInput');
      }
    },
  );
  return { cityId: city.id, cityToken, cooperativeIds };
}
