import { describe, expect, it } from 'vitest';
import { makeNik, NIK_PROVINCE_CODES, parseNik, type NikInfo, type NikIssue } from './nik';

// 2026-11-24 10:00 WIB / 12:00 WIT.
const TODAY = new Date('2026-11-24T03:00:00Z');

function ok(nik: string, today: Date = TODAY): NikInfo {
  const r = parseNik(nik, today);
  if (!r.ok) throw new Error(`expected ${nik} to be valid, got ${r.issue.code}: ${r.issue.messageEn}`);
  return r.value;
}

function bad(nik: string, today: Date = TODAY): NikIssue {
  const r = parseNik(nik, today);
  if (r.ok) throw new Error(`expected ${nik} to be rejected, parsed as ${JSON.stringify(r.value)}`);
  return r.issue;
}

/** Build a NIK from raw fields so tests can produce invalid ones too. */
function raw(region: string, ddmmyy: string, seq = '0001'): string {
  return region + ddmmyy + seq;
}

describe('parseNik: valid NIKs', () => {
  it('parses a male NIK (Kota Bandung-like region 32.73.01)', () => {
    expect(parseNik('3273011708900001', TODAY)).toEqual({
      ok: true,
      value: {
        nik: '3273011708900001',
        provinceCode: '32',
        regencyCode: '73',
        districtCode: '01',
        regionCode: '327301',
        sex: 'MALE',
        birthDate: '1990-08-17',
        sequence: 1,
      },
    });
  });

  it('parses a female NIK: day + 40', () => {
    const v = ok('3273015708900002');
    expect(v.sex).toBe('FEMALE');
    expect(v.birthDate).toBe('1990-08-17');
    expect(v.sequence).toBe(2);
    expect(v.regionCode).toBe('327301');
  });

  it('applies the +40 rule at the edges: 01/41 and 31/71', () => {
    expect(ok(raw('327301', '010190'))).toMatchObject({ sex: 'MALE', birthDate: '1990-01-01' });
    expect(ok(raw('327301', '410190'))).toMatchObject({ sex: 'FEMALE', birthDate: '1990-01-01' });
    expect(ok(raw('327301', '310190'))).toMatchObject({ sex: 'MALE', birthDate: '1990-01-31' });
    expect(ok(raw('327301', '710190'))).toMatchObject({ sex: 'FEMALE', birthDate: '1990-01-31' });
  });

  it('reads the sequence as a number, 0001-9999', () => {
    expect(ok(raw('327301', '170890', '0001')).sequence).toBe(1);
    expect(ok(raw('327301', '170890', '0420')).sequence).toBe(420);
    expect(ok(raw('327301', '170890', '9999')).sequence).toBe(9999);
  });

  it('accepts regency and district codes 01 and 99', () => {
    expect(ok(raw('110101', '170890')).regionCode).toBe('110101');
    expect(ok(raw('119999', '170890')).regionCode).toBe('119999');
  });
});

describe('parseNik: NIK_FORMAT', () => {
  it('rejects 15 digits and names the length, in English and Indonesian', () => {
    expect(bad('327301170890001')).toEqual({
      code: 'NIK_FORMAT',
      messageEn: 'NIK must be 16 digits, got 15',
      messageId: 'NIK harus 16 digit, terisi 15',
    });
  });

  it('rejects 17 digits', () => {
    const i = bad('32730117089000011');
    expect(i.code).toBe('NIK_FORMAT');
    expect(i.messageEn).toBe('NIK must be 16 digits, got 17');
    expect(i.messageId).toBe('NIK harus 16 digit, terisi 17');
  });

  it('rejects the empty string', () => {
    expect(bad('')).toMatchObject({ code: 'NIK_FORMAT', messageEn: 'NIK must be 16 digits, got 0' });
  });

  it('does not trim or strip separators', () => {
    expect(bad(' 3273011708900001').messageEn).toBe('NIK must be 16 digits, got 17');
    expect(bad('3273011708900001\n').code).toBe('NIK_FORMAT');
    expect(bad('3273 0117 0890 0001').messageEn).toBe('NIK must be 16 digits, got 19');
    expect(bad('32.73.01.170890.0001').code).toBe('NIK_FORMAT');
  });

  it('rejects 16 characters that are not all ASCII digits', () => {
    for (const nik of [
      '32730117089O0001', // letter O
      '3273011708900-01',
      '327301170890000x',
      '+273011708900001',
      '32730117089000０1', // full-width digit zero
      '32730117089000٠1', // Arabic-Indic digit zero
    ]) {
      expect(bad(nik)).toEqual({
        code: 'NIK_FORMAT',
        messageEn: 'NIK must contain only the digits 0-9',
        messageId: 'NIK hanya boleh berisi angka 0-9',
      });
    }
  });

  it('counts characters, not UTF-16 code units', () => {
    expect(bad('327301170890000😀').messageEn).toBe('NIK must contain only the digits 0-9');
  });

  it('rejects a non-string at run time', () => {
    expect(bad(3273011708900001 as unknown as string).code).toBe('NIK_FORMAT');
  });
});

describe('parseNik: NIK_REGION', () => {
  it.each(['00', '99', '20', '10', '22', '30', '37', '50', '54', '60', '66', '70', '77', '80', '83', '90', '97'])(
    'rejects province code %s',
    (p) => {
      const i = bad(raw(`${p}7301`, '170890'));
      expect(i.code).toBe('NIK_REGION');
      expect(i.messageEn).toBe(`NIK province code ${p} is not an Indonesian province`);
      expect(i.messageId).toBe(`Kode provinsi ${p} pada NIK tidak dikenal`);
    },
  );

  it('accepts exactly the 38 Kemendagri province codes', () => {
    const expected = [
      ...['11', '12', '13', '14', '15', '16', '17', '18', '19', '21'],
      ...['31', '32', '33', '34', '35', '36', '51', '52', '53'],
      ...['61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76', '81', '82'],
      ...['91', '92', '93', '94', '95', '96'],
    ];
    expect([...NIK_PROVINCE_CODES.keys()]).toEqual(expected);
    for (let n = 0; n <= 99; n++) {
      const p = String(n).padStart(2, '0');
      const r = parseNik(raw(`${p}0101`, '170890'), TODAY);
      expect(r.ok, `province ${p}`).toBe(expected.includes(p));
    }
  });

  it('accepts the Papua provinces created in 2022 (Kemendagri 93-96)', () => {
    expect(NIK_PROVINCE_CODES.get('93')).toBe('Papua Selatan');
    expect(NIK_PROVINCE_CODES.get('94')).toBe('Papua Tengah');
    expect(NIK_PROVINCE_CODES.get('95')).toBe('Papua Pegunungan');
    expect(NIK_PROVINCE_CODES.get('96')).toBe('Papua Barat Daya');
    expect(ok(raw('960101', '170890')).provinceCode).toBe('96');
  });

  it('rejects regency code 00', () => {
    expect(bad(raw('320001', '170890'))).toEqual({
      code: 'NIK_REGION',
      messageEn: 'NIK regency/city code must be 01-99, got 00',
      messageId: 'Kode kabupaten/kota pada NIK harus 01-99, terisi 00',
    });
  });

  it('rejects district code 00', () => {
    expect(bad(raw('327300', '170890'))).toEqual({
      code: 'NIK_REGION',
      messageEn: 'NIK district code must be 01-99, got 00',
      messageId: 'Kode kecamatan pada NIK harus 01-99, terisi 00',
    });
  });
});

describe('parseNik: NIK_BIRTH_DATE', () => {
  it.each(['00', '32', '39', '40', '72', '99'])('rejects day field %s', (dd) => {
    const i = bad(raw('327301', `${dd}0890`));
    expect(i.code).toBe('NIK_BIRTH_DATE');
    expect(i.messageEn).toBe(`NIK birth day must be 01-31 (41-71 for women), got ${dd}`);
    expect(i.messageId).toBe(`Tanggal lahir pada NIK harus 01-31 (41-71 untuk perempuan), terisi ${dd}`);
  });

  it.each(['00', '13', '99'])('rejects month %s', (mm) => {
    const i = bad(raw('327301', `17${mm}90`));
    expect(i.code).toBe('NIK_BIRTH_DATE');
    expect(i.messageEn).toBe(`NIK birth month must be 01-12, got ${mm}`);
    expect(i.messageId).toBe(`Bulan lahir pada NIK harus 01-12, terisi ${mm}`);
  });

  it('accepts 29 February in leap years, for men and women', () => {
    expect(ok(raw('327301', '290200')).birthDate).toBe('2000-02-29'); // divisible by 400
    expect(ok(raw('327301', '690200'))).toMatchObject({ sex: 'FEMALE', birthDate: '2000-02-29' });
    expect(ok(raw('327301', '290296')).birthDate).toBe('1996-02-29');
    expect(ok(raw('327301', '690224')).birthDate).toBe('2024-02-29');
  });

  it('rejects 29 February in non-leap years, for men and women', () => {
    for (const ddmmyy of ['290223', '690223', '290297', '690297', '290201']) {
      const i = bad(raw('327301', ddmmyy));
      expect(i.code).toBe('NIK_BIRTH_DATE');
      expect(i.messageEn).toMatch(/^NIK birth date does not exist: day-month 29-02 in \d{4}$/);
      expect(i.messageId).toMatch(/^Tanggal lahir pada NIK tidak ada di kalender: tanggal-bulan 29-02 tahun \d{4}$/);
    }
    expect(bad(raw('327301', '290223')).messageEn).toBe('NIK birth date does not exist: day-month 29-02 in 2023');
  });

  it('rejects 30 February', () => {
    expect(bad(raw('327301', '300200')).code).toBe('NIK_BIRTH_DATE');
  });

  it('rejects 31 April (and 71 for a woman), accepts 30 April', () => {
    expect(bad(raw('327301', '310490'))).toEqual({
      code: 'NIK_BIRTH_DATE',
      messageEn: 'NIK birth date does not exist: day-month 31-04 in 1990',
      messageId: 'Tanggal lahir pada NIK tidak ada di kalender: tanggal-bulan 31-04 tahun 1990',
    });
    expect(bad(raw('327301', '710490')).code).toBe('NIK_BIRTH_DATE');
    for (const mm of ['06', '09', '11']) expect(bad(raw('327301', `31${mm}90`)).code).toBe('NIK_BIRTH_DATE');
    expect(ok(raw('327301', '300490')).birthDate).toBe('1990-04-30');
    expect(ok(raw('327301', '700490')).birthDate).toBe('1990-04-30');
  });

  it('accepts a birth date of today, rejects tomorrow', () => {
    expect(ok(raw('327301', '241126')).birthDate).toBe('2026-11-24');
    expect(bad(raw('327301', '251126'))).toEqual({
      code: 'NIK_BIRTH_DATE',
      messageEn: 'NIK birth date is in the future',
      messageId: 'Tanggal lahir pada NIK tidak boleh di masa depan',
    });
    expect(bad(raw('327301', '651126')).code).toBe('NIK_BIRTH_DATE'); // female, tomorrow
    expect(bad(raw('327301', '311226')).code).toBe('NIK_BIRTH_DATE');
  });

  it('reads "today" in WIT (UTC+9), so a birth today anywhere in Indonesia is accepted', () => {
    // 2026-11-24T14:59:59Z is 23:59:59 on the 24th in WIT: the 25th is still tomorrow.
    expect(bad(raw('327301', '251126'), new Date('2026-11-24T14:59:59Z')).code).toBe('NIK_BIRTH_DATE');
    // 2026-11-24T15:00:00Z is 00:00 on the 25th in WIT (still 22:00 on the 24th in WIB).
    expect(ok(raw('327301', '251126'), new Date('2026-11-24T15:00:00Z')).birthDate).toBe('2026-11-25');
  });

  it('does not echo the NIK in any message (personal data)', () => {
    const niks = ['327301170890000', raw('997301', '170890'), raw('327301', '310490'), raw('327301', '251126')];
    for (const nik of niks) {
      const i = bad(nik);
      expect(i.messageEn).not.toContain(nik);
      expect(i.messageId).not.toContain(nik);
    }
  });
});

describe('parseNik: century of the two-digit year', () => {
  it('YY <= this year\'s YY is 20YY, YY > is 19YY', () => {
    expect(ok(raw('327301', '010100')).birthDate).toBe('2000-01-01');
    expect(ok(raw('327301', '170825')).birthDate).toBe('2025-08-17');
    expect(ok(raw('327301', '010126')).birthDate).toBe('2026-01-01');
    expect(ok(raw('327301', '010127')).birthDate).toBe('1927-01-01');
    expect(ok(raw('327301', '311299')).birthDate).toBe('1999-12-31');
    expect(ok(raw('327301', '170845')).birthDate).toBe('1945-08-17');
  });

  it('same YY but later this year is 20YY and therefore in the future, not 19YY', () => {
    expect(bad(raw('327301', '011226')).code).toBe('NIK_BIRTH_DATE');
  });

  it('the century window moves with today (year rollover, in WIT)', () => {
    const lastOf2025 = new Date('2025-12-31T14:59:59Z'); // 23:59:59 WIT on 31 Dec 2025
    const firstOf2026 = new Date('2025-12-31T15:00:00Z'); // 00:00 WIT on 1 Jan 2026
    expect(ok(raw('327301', '010126'), lastOf2025).birthDate).toBe('1926-01-01');
    expect(ok(raw('327301', '010126'), firstOf2026).birthDate).toBe('2026-01-01');
    expect(ok(raw('327301', '311225'), lastOf2025).birthDate).toBe('2025-12-31');
  });

  it('uses the right century for leap years: 290200 in 2000 is valid, 290200 in 1900 would not be', () => {
    // With today in 1999 the year 00 means 1900, which is not a leap year.
    expect(bad(raw('327301', '290200'), new Date('1999-06-01T00:00:00Z')).messageEn).toBe(
      'NIK birth date does not exist: day-month 29-02 in 1900',
    );
    expect(ok(raw('327301', '290200'), new Date('2000-03-01T00:00:00Z')).birthDate).toBe('2000-02-29');
  });
});

describe('parseNik: NIK_SEQUENCE', () => {
  it('rejects sequence 0000', () => {
    expect(bad(raw('327301', '170890', '0000'))).toEqual({
      code: 'NIK_SEQUENCE',
      messageEn: 'NIK sequence number must be 0001-9999, got 0000',
      messageId: 'Nomor urut pada NIK harus 0001-9999, terisi 0000',
    });
  });
});

describe('parseNik: order of checks', () => {
  it('reports format, then region, then birth date, then sequence', () => {
    expect(bad('0000000000000000').code).toBe('NIK_REGION');
    expect(bad(raw('320000', '000000', '0000')).code).toBe('NIK_REGION');
    expect(bad(raw('327301', '000000', '0000')).code).toBe('NIK_BIRTH_DATE');
    expect(bad(raw('327301', '251126', '0000')).code).toBe('NIK_BIRTH_DATE');
  });

  it('throws on an invalid reference date (programming error)', () => {
    expect(() => parseNik('3273011708900001', new Date('nope'))).toThrow(RangeError);
  });
});

describe('makeNik', () => {
  it('builds the NIK for a man and a woman', () => {
    const base = { provinceCode: '32', regencyCode: '73', districtCode: '01', birthDate: '1990-08-17' } as const;
    expect(makeNik({ ...base, sex: 'MALE', sequence: 1 })).toBe('3273011708900001');
    expect(makeNik({ ...base, sex: 'FEMALE', sequence: 2 })).toBe('3273015708900002');
    expect(makeNik({ ...base, birthDate: '2004-02-29', sex: 'FEMALE', sequence: 9999 })).toBe('3273016902049999');
  });

  it('round-trips through parseNik', () => {
    const parts = {
      provinceCode: '96',
      regencyCode: '71',
      districtCode: '05',
      birthDate: '2001-12-03',
      sex: 'FEMALE',
      sequence: 37,
    } as const;
    const nik = makeNik(parts);
    expect(ok(nik)).toEqual({ nik, regionCode: '967105', ...parts });
  });

  it('round-trips every birth date from 1 January of (this year - 99) to today, both sexes', () => {
    const today = new Date('2026-11-24T03:00:00Z');
    // YY 26 always reads as 2026 this year, so 1927-01-01 is the oldest date that survives the round trip.
    const start = Date.UTC(1927, 0, 1);
    const end = Date.UTC(2026, 10, 24);
    let count = 0;
    for (let t = start; t <= end; t += 86_400_000) {
      const birthDate = new Date(t).toISOString().slice(0, 10);
      for (const sex of ['MALE', 'FEMALE'] as const) {
        const nik = makeNik({ provinceCode: '73', regencyCode: '71', districtCode: '02', birthDate, sex, sequence: 7 });
        const r = parseNik(nik, today);
        if (!r.ok || r.value.birthDate !== birthDate || r.value.sex !== sex) {
          throw new Error(`round trip failed for ${birthDate} ${sex}: ${JSON.stringify(r)}`);
        }
        count++;
      }
    }
    expect(count).toBe(2 * ((end - start) / 86_400_000 + 1));
    expect(count).toBe(2 * 36_488);
  });

  it('rejects parts that cannot form a valid NIK', () => {
    const good = {
      provinceCode: '32',
      regencyCode: '73',
      districtCode: '01',
      birthDate: '1990-08-17',
      sex: 'MALE',
      sequence: 1,
    } as const;
    expect(() => makeNik(good)).not.toThrow();
    for (const change of [
      { provinceCode: '20' },
      { provinceCode: '3' },
      { regencyCode: '00' },
      { regencyCode: '7' },
      { regencyCode: '7a' },
      { districtCode: '00' },
      { districtCode: '001' },
      { birthDate: '1990-04-31' },
      { birthDate: '2023-02-29' },
      { birthDate: '17-08-1990' },
      { sex: 'X' as 'MALE' },
      { sequence: 0 },
      { sequence: 10_000 },
      { sequence: 1.5 },
    ]) {
      expect(() => makeNik({ ...good, ...change }), JSON.stringify(change)).toThrow(RangeError);
    }
  });
});
