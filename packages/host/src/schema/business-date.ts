/**
 * `businessDate`: the same input field, with the same rule, on every mutation that records a business
 * event (core and units). The rule itself is core's (business-date.ts); this is how clients read it.
 */
export const BUSINESS_DATE_FIELD = {
  type: 'Date',
  required: false,
  description:
    "The day the event happened (YYYY-MM-DD in the cooperative's time zone); today when absent. Refused (ValidationError on businessDate) after today, before the cooperative's first financial year, in a locked period or closed year, or further back than the caller's backdating window (Cooperative.backdating).",
} as const;

export const deprecatedDate = (description: string) =>
  ({ type: 'Date', required: false, description, deprecationReason: 'Use businessDate (same meaning, the same on every business event).' }) as const;

/** Marks a mutation field as a business event (it takes `businessDate`); tests enumerate them from the schema. */
export const BUSINESS_EVENT = { kkmpBusinessEvent: true } as const;
