/**
 * Structural validation of the NIK (Nomor Induk Kependudukan), the 16-digit national identity number:
 *
 *   PP KK CC DDMMYY SSSS
 *   PP     province code (Kemendagri)
 *   KK     regency/city code, 01-99
 *   CC     district (kecamatan) code, 01-99
 *   DDMMYY birth date; women have 40 added to the day (01-31 men, 41-71 women)
 *   SSSS   sequence number, 0001-9999
 *
 * This checks that a NIK *could* exist. It cannot tell whether Dukcapil actually issued it: that needs the
 * Dukcapil verification service. Regency and district codes are only range-checked: the full code tables
 * change every year and a NIK keeps the code of the region where it was issued even after a split.
 *
 * Pure: no clock, no I/O. Messages never repeat the NIK itself (personal data under UU 27/2022 PDP).
 */
import { daysInMonth, isValidDate, localDate } from './time';

export type NikIssue = {
  code: 'NIK_FORMAT' | 'NIK_REGION' | 'NIK_BIRTH_DATE' | 'NIK_SEQUENCE';
  messageEn: string;
  messageId: string;
};

export interface NikInfo {
  nik: string;
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  /** Province + regency + district, 6 digits (kode wilayah kecamatan without dots). */
  regionCode: string;
  sex: 'MALE' | 'FEMALE';
  /** YYYY-MM-DD */
  birthDate: string;
  sequence: number;
}

/**
 * Province codes as used by Kemendagri/Dukcapil: the kode wilayah of Permendagri 72/2019, plus the four
 * provinces created in 2022 by UU 14, 15, 16 and 29/2022 (Papua Selatan 93, Papua Tengah 94, Papua
 * Pegunungan 95, Papua Barat Daya 96) as numbered in the later Kepmendagri kode wilayah updates.
 * 38 provinces: 11-19, 21, 31-36, 51-53, 61-65, 71-76, 81-82, 91-96.
 *
 * Note: these are NOT the BPS statistical codes. BPS numbers the Papua provinces differently
 * (91 Papua Barat, 92 Papua Barat Daya, 94 Papua, 95 Papua Selatan, 96 Papua Tengah, 97 Papua Pegunungan);
 * NIK uses the Kemendagri codes below, so 97 is rejected. NIKs issued before a split keep their old
 * province code (e.g. a Merauke resident's NIK may still start with 91), which is still valid here.
 */
export const NIK_PROVINCE_CODES: ReadonlyMap<string, string> = new Map([
  ['11', 'Aceh'],
  ['12', 'Sumatera Utara'],
  ['13', 'Sumatera Barat'],
  ['14', 'Riau'],
  ['15', 'Jambi'],
  ['16', 'Sumatera Selatan'],
  ['17', 'Bengkulu'],
  ['18', 'Lampung'],
  ['19', 'Kepulauan Bangka Belitung'],
  ['21', 'Kepulauan Riau'],
  ['31', 'DKI Jakarta'],
  ['32', 'Jawa Barat'],
  ['33', 'Jawa Tengah'],
  ['34', 'DI Yogyakarta'],
  ['35', 'Jawa Timur'],
  ['36', 'Banten'],
  ['51', 'Bali'],
  ['52', 'Nusa Tenggara Barat'],
  ['53', 'Nusa Tenggara Timur'],
  ['61', 'Kalimantan Barat'],
  ['62', 'Kalimantan Tengah'],
  ['63', 'Kalimantan Selatan'],
  ['64', 'Kalimantan Timur'],
  ['65', 'Kalimantan Utara'],
  ['71', 'Sulawesi Utara'],
  ['72', 'Sulawesi Tengah'],
  ['73', 'Sulawesi Selatan'],
  ['74', 'Sulawesi Tenggara'],
  ['75', 'Gorontalo'],
  ['76', 'Sulawesi Barat'],
  ['81', 'Maluku'],
  ['82', 'Maluku Utara'],
  ['91', 'Papua'],
  ['92', 'Papua Barat'],
  ['93', 'Papua Selatan'],
  ['94', 'Papua Tengah'],
  ['95', 'Papua Pegunungan'],
  ['96', 'Papua Barat Daya'],
]);

const TWO_DIGITS = /^\d{2}$/;
const NIK_RE = /^[0-9]{16}$/;

function issue(code: NikIssue['code'], messageEn: string, messageId: string): { ok: false; issue: NikIssue } {
  return { ok: false, issue: { code, messageEn, messageId } };
}

/**
 * Parse and validate a NIK. `today` is the reference instant for the "not in the future" rule and the
 * century choice; it is read as a calendar date in WIT (UTC+9), Indonesia's easternmost zone, so a baby
 * born today anywhere in the country is never rejected.
 *
 * Century: the NIK only has a two-digit year. YY <= today's YY means 20YY, otherwise 19YY. So a date later
 * this year with today's YY is 20YY, in the future, and rejected (NIK_BIRTH_DATE). The flip side: someone
 * born in 1925 reads as 2025; that ambiguity is in the NIK itself.
 *
 * Input is taken as is: no trimming, no removal of spaces or dots. Callers that accept formatted input
 * should normalise first.
 */
export function parseNik(nik: string, today: Date): { ok: true; value: NikInfo } | { ok: false; issue: NikIssue } {
  if (typeof nik !== 'string') {
    return issue('NIK_FORMAT', 'NIK must be a string of 16 digits', 'NIK harus berupa 16 digit angka');
  }
  const length = [...nik].length;
  if (length !== 16) {
    return issue('NIK_FORMAT', `NIK must be 16 digits, got ${length}`, `NIK harus 16 digit, terisi ${length}`);
  }
  if (!NIK_RE.test(nik)) {
    return issue(
      'NIK_FORMAT',
      'NIK must contain only the digits 0-9',
      'NIK hanya boleh berisi angka 0-9',
    );
  }

  const provinceCode = nik.slice(0, 2);
  const regencyCode = nik.slice(2, 4);
  const districtCode = nik.slice(4, 6);
  const dd = Number(nik.slice(6, 8));
  const mm = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sequenceDigits = nik.slice(12, 16);

  if (!NIK_PROVINCE_CODES.has(provinceCode)) {
    return issue(
      'NIK_REGION',
      `NIK province code ${provinceCode} is not an Indonesian province`,
      `Kode provinsi ${provinceCode} pada NIK tidak dikenal`,
    );
  }
  if (regencyCode === '00') {
    return issue(
      'NIK_REGION',
      'NIK regency/city code must be 01-99, got 00',
      'Kode kabupaten/kota pada NIK harus 01-99, terisi 00',
    );
  }
  if (districtCode === '00') {
    return issue(
      'NIK_REGION',
      'NIK district code must be 01-99, got 00',
      'Kode kecamatan pada NIK harus 01-99, terisi 00',
    );
  }

  let day: number;
  let sex: NikInfo['sex'];
  if (dd >= 1 && dd <= 31) {
    day = dd;
    sex = 'MALE';
  } else if (dd >= 41 && dd <= 71) {
    day = dd - 40;
    sex = 'FEMALE';
  } else {
    const got = nik.slice(6, 8);
    return issue(
      'NIK_BIRTH_DATE',
      `NIK birth day must be 01-31 (41-71 for women), got ${got}`,
      `Tanggal lahir pada NIK harus 01-31 (41-71 untuk perempuan), terisi ${got}`,
    );
  }
  if (mm < 1 || mm > 12) {
    const got = nik.slice(8, 10);
    return issue(
      'NIK_BIRTH_DATE',
      `NIK birth month must be 01-12, got ${got}`,
      `Bulan lahir pada NIK harus 01-12, terisi ${got}`,
    );
  }

  const todayDate = localDate(today, 'WIT');
  const todayYear = Number(todayDate.slice(0, 4));
  const todayYY = todayYear % 100;
  const century = todayYear - todayYY;
  const year = yy <= todayYY ? century + yy : century - 100 + yy;

  if (day > daysInMonth(year, mm)) {
    const dm = `${String(day).padStart(2, '0')}-${String(mm).padStart(2, '0')}`;
    return issue(
      'NIK_BIRTH_DATE',
      `NIK birth date does not exist: day-month ${dm} in ${year}`,
      `Tanggal lahir pada NIK tidak ada di kalender: tanggal-bulan ${dm} tahun ${year}`,
    );
  }
  const birthDate = `${String(year).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (birthDate > todayDate) {
    return issue(
      'NIK_BIRTH_DATE',
      'NIK birth date is in the future',
      'Tanggal lahir pada NIK tidak boleh di masa depan',
    );
  }

  const sequence = Number(sequenceDigits);
  if (sequence < 1) {
    return issue(
      'NIK_SEQUENCE',
      'NIK sequence number must be 0001-9999, got 0000',
      'Nomor urut pada NIK harus 0001-9999, terisi 0000',
    );
  }

  return {
    ok: true,
    value: {
      nik,
      provinceCode,
      regencyCode,
      districtCode,
      regionCode: provinceCode + regencyCode + districtCode,
      sex,
      birthDate,
      sequence,
    },
  };
}

/**
 * Build a structurally valid NIK (demo data, tests). Throws RangeError on parts that cannot form one.
 * It does not know "today": parseNik reads the same birth date back only if it lies between 1 January of
 * (today's year - 99) and today, the window the two-digit year can express.
 */
export function makeNik(parts: {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  birthDate: string;
  sex: 'MALE' | 'FEMALE';
  sequence: number;
}): string {
  const { provinceCode, regencyCode, districtCode, birthDate, sex, sequence } = parts;
  if (!NIK_PROVINCE_CODES.has(provinceCode)) {
    throw new RangeError(`makeNik: unknown province code ${JSON.stringify(provinceCode)}`);
  }
  if (!TWO_DIGITS.test(regencyCode) || regencyCode === '00') {
    throw new RangeError(`makeNik: regency code must be "01"-"99", got ${JSON.stringify(regencyCode)}`);
  }
  if (!TWO_DIGITS.test(districtCode) || districtCode === '00') {
    throw new RangeError(`makeNik: district code must be "01"-"99", got ${JSON.stringify(districtCode)}`);
  }
  if (!isValidDate(birthDate)) {
    throw new RangeError(`makeNik: birthDate must be a real YYYY-MM-DD date, got ${JSON.stringify(birthDate)}`);
  }
  if (sex !== 'MALE' && sex !== 'FEMALE') {
    throw new RangeError(`makeNik: sex must be MALE or FEMALE, got ${JSON.stringify(sex)}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) {
    throw new RangeError(`makeNik: sequence must be an integer 1-9999, got ${sequence}`);
  }
  const day = Number(birthDate.slice(8, 10)) + (sex === 'FEMALE' ? 40 : 0);
  return (
    provinceCode +
    regencyCode +
    districtCode +
    String(day).padStart(2, '0') +
    birthDate.slice(5, 7) +
    birthDate.slice(2, 4) +
    String(sequence).padStart(4, '0')
  );
}
