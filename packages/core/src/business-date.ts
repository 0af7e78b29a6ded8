import { ValidationError } from './errors';
import { addDays } from './time';

/**
 * The one rule for the date of a business event (a sale, a payment, a repayment, a journal entry): the
 * day it happened, which may be earlier than the day it is recorded (yesterday's field collections, a
 * day of sales typed in after a power cut). Every mutation that records a business event takes an
 * optional `businessDate` and checks it here; absent, it is today in the cooperative's time zone.
 */
export interface BusinessDatePolicy {
  /** Today in the cooperative's time zone, from the injectable clock. */
  today: string;
  /** The cooperative keeps no books before 1 January of this year. */
  firstFinancialYear: number;
  /** Last locked month (YYYY-MM): closed years and locked periods take no new events. */
  lockedThrough?: string | undefined;
  /** How many days back this caller may date an event; null: no limit within open periods. */
  backdatingDays: number | null;
}

/** The business date to record, or a ValidationError naming `field` (both languages whole). */
export function checkBusinessDate(requested: string | null | undefined, policy: BusinessDatePolicy, field = 'input.businessDate'): string {
  const date = requested ?? policy.today;
  const refuse = (en: string, id: string) => ValidationError.field(field, en, id);
  if (date > policy.today) {
    throw refuse(`must not be after today (${policy.today})`, `tidak boleh setelah hari ini (${policy.today})`);
  }
  if (date < `${policy.firstFinancialYear}-01-01`) {
    throw refuse(
      `must not be before the cooperative's first financial year (${policy.firstFinancialYear})`,
      `tidak boleh sebelum tahun buku pertama koperasi (${policy.firstFinancialYear})`,
    );
  }
  if (policy.lockedThrough && date.slice(0, 7) <= policy.lockedThrough) {
    throw refuse(
      `falls in a locked period: the books are locked through ${policy.lockedThrough}`,
      `jatuh pada periode yang sudah dikunci: pembukuan dikunci s.d. ${policy.lockedThrough}`,
    );
  }
  if (policy.backdatingDays !== null && date < addDays(policy.today, -policy.backdatingDays)) {
    const earliest = addDays(policy.today, -policy.backdatingDays);
    throw refuse(
      `must not be more than ${policy.backdatingDays} days back (earliest ${earliest}); a manager can record older events`,
      `tidak boleh lebih dari ${policy.backdatingDays} hari ke belakang (paling awal ${earliest}); pengurus dapat mencatat kejadian yang lebih lama`,
    );
  }
  return date;
}
