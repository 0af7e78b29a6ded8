import { ValidationError, parseNik } from '@kkmp/plugin-sdk';

/** A NIK as typed at the counter ("3273 2101 0284 0001") to its 16 digits, checked for structure and date. */
export function normalizeNik(raw: string, field: string, today: Date): string {
  const nik = raw.replace(/[\s.-]/g, '');
  const parsed = parseNik(nik, today);
  if (!parsed.ok) throw ValidationError.field(field, parsed.issue.messageEn, parsed.issue.messageId);
  return nik;
}
