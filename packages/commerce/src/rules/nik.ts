import { ValidationError, parseNik } from '@kkmp/plugin-sdk';

/** A NIK as typed at the counter ("3273 2101 0284 0001") to its 16 digits, checked for structure and date. */
export function normalizeNik(raw: string, field: string, today: Date): string {
  const nik = raw.replace(/[\s.-]/g, '');
  const parsed = parseNik(nik, today);
  if (!parsed.ok) throw ValidationError.field(field, parsed.issue.messageEn, parsed.issue.messageId);
  return nik;
}

/** A NIK with its middle hidden (3273**********01), for receipts and lists. */
export function maskNik(nik: string): string {
  return `${nik.slice(0, 4)}${'*'.repeat(10)}${nik.slice(14)}`;
}
