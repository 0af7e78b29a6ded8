import { describe, expect, it } from 'vitest';
import { readAllocationCsv } from '../src/services/rows';
import { hetOn, parseSeason, seasonOf } from '../src/services/seasons';
import { HET_SEED, pupukSettings } from '../src/settings';
import { HEADER } from './support';

const NOW = new Date('2026-03-16T02:00:00Z');
const settings = pupukSettings.parse({});

describe('pupuk rules: reading an e-RDKK list', () => {
  it('reads rows with their line numbers: hectares with a comma or a point, crops by alias, types by alias', () => {
    const csv = [HEADER, '3205010101800001,Pak Ujang,Tani Makmur,"0,75",padi;Jagung,urea,150', '', '3205010101800001,Pak Ujang,Tani Makmur,0.75,jagung|PADI,Phonska,100'].join('\n');
    const { rows, issues } = readAllocationCsv(csv, NOW, 20_000);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { line: 2, nik: '3205010101800001', name: 'Pak Ujang', group: 'Tani Makmur', landM2: 7_500, crops: ['JAGUNG', 'PADI'], type: 'UREA', kg: 150 },
      { line: 4, nik: '3205010101800001', name: 'Pak Ujang', group: 'Tani Makmur', landM2: 7_500, crops: ['JAGUNG', 'PADI'], type: 'NPK', kg: 100 },
    ]);
  });

  it('reports every bad row with its line and column, in both languages', () => {
    const csv = [
      HEADER,
      '3205010101800001,Pak Ujang,Tani Makmur,0.75,PADI,UREA,150',
      '3205019901800002,NIK salah,Tani Makmur,0.5,PADI,UREA,100',
      '3205010101800003,Bu Rina,Tani Makmur,0.5,PADI,KCL,100',
      '3205010101800004,Pak Asep,Tani Makmur,2.5,PADI,UREA,100',
      '3205010101800005,Pak Dedi,Tani Makmur,1,PADI,NPK,-5',
      '3205010101800006,Pak Eko,Tani Makmur,1,SAWIT,NPK,10',
      '3205010101800001,Pak Ujang,Tani Makmur,0.75,PADI,UREA,50',
      '3205010101800001,Pak Ujang,Sri Rejeki,0.75,PADI,ZA,50',
    ].join('\n');
    const { issues } = readAllocationCsv(csv, NOW, 20_000);
    expect(issues.map((i) => i.field)).toEqual([
      'input.csv.3.nik',
      'input.csv.4.jenis_pupuk',
      'input.csv.5.luas_lahan_ha',
      'input.csv.6.alokasi_kg',
      'input.csv.7.komoditas',
      'input.csv.8.jenis_pupuk',
      'input.csv.9.poktan',
    ]);
    expect(issues[2]).toEqual({ field: 'input.csv.5.luas_lahan_ha', messageEn: 'line 5: is over 2 ha: not eligible for subsidized fertilizer', messageId: 'baris 5: lebih dari 2 ha: tidak berhak pupuk bersubsidi' });
    expect(issues[3]).toMatchObject({ messageEn: 'line 6: must not be negative', messageId: 'baris 6: tidak boleh negatif' });
    expect(issues[1]!.messageEn).toMatch(/^line 4: must be one of UREA, NPK, NPK_KAKAO, ZA, ORGANIK$/);
    expect(issues[5]!.messageEn).toBe('line 8: the same NIK and type as line 2');
  });

  it('refuses a file without the columns, or without rows, as a whole', () => {
    expect(() => readAllocationCsv('nik,nama\n1,2', NOW, 20_000)).toThrow(/missing columns: poktan, luas_lahan_ha, komoditas, jenis_pupuk, alokasi_kg/);
    expect(() => readAllocationCsv(`${HEADER}\n`, NOW, 20_000)).toThrow(/has no rows/);
    expect(() => readAllocationCsv(`${HEADER}\n"unclosed`, NOW, 20_000)).toThrow(/not a readable CSV file/);
  });
});

describe('pupuk rules: seasons and the HET table', () => {
  it('puts a date in the season that started last (defaults: MT1 from October, MT2 from February, MT3 from June)', () => {
    expect(seasonOf('2026-03-16', settings.seasons)).toEqual({ code: '2026-MT2', name: 'MT2', from: '2026-02-01', to: '2026-05-31' });
    expect(seasonOf('2026-01-15', settings.seasons)).toEqual({ code: '2025-MT1', name: 'MT1', from: '2025-10-01', to: '2026-01-31' });
    expect(seasonOf('2025-10-01', settings.seasons).code).toBe('2025-MT1');
    expect(parseSeason('2025-MT1', settings.seasons, 'season')).toEqual({ code: '2025-MT1', name: 'MT1', from: '2025-10-01', to: '2026-01-31' });
    expect(() => parseSeason('2025-MT9', settings.seasons, 'input.season')).toThrow(/unknown season MT9/);
    expect(() => parseSeason('MT1', settings.seasons, 'input.season')).toThrow(/must be a year and a season/);
  });

  it('gives the HET in force on the business date: the lower prices from 22 October 2025, the earlier ones before', () => {
    const on = (type: 'UREA' | 'NPK' | 'NPK_KAKAO' | 'ZA' | 'ORGANIK', date: string) => hetOn(HET_SEED, type, date)?.perKg;
    expect([on('UREA', '2025-10-21'), on('NPK', '2025-10-21'), on('NPK_KAKAO', '2025-10-21'), on('ZA', '2025-10-21'), on('ORGANIK', '2025-10-21')]).toEqual([2_250, 2_300, 3_300, 1_700, 800]);
    expect([on('UREA', '2025-10-22'), on('NPK', '2025-10-22'), on('NPK_KAKAO', '2025-10-22'), on('ZA', '2025-10-22'), on('ORGANIK', '2025-10-22')]).toEqual([1_800, 1_840, 2_640, 1_360, 640]);
    expect(on('UREA', '2020-12-31')).toBeUndefined();
    expect(settings.het).toEqual(HET_SEED);
    expect(settings.sackKg).toEqual({ UREA: 50, NPK: 50, NPK_KAKAO: 50, ZA: 50, ORGANIK: 40 });
  });
});
