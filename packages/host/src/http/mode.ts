/**
 * The one switch between a developer's machine and a deployment. The Lambda handler always runs in
 * "production"; `npm run dev` runs in "development" unless started with KKMP_MODE=production.
 */
export const API_MODES = ['development', 'production'] as const;
export type ApiMode = (typeof API_MODES)[number];

/** KKMP_MODE's value: empty means development; anything but the two names stops start-up. */
export function parseApiMode(value: string | undefined): ApiMode {
  const v = value?.trim() || 'development';
  if ((API_MODES as readonly string[]).includes(v)) return v as ApiMode;
  throw new Error(`KKMP_MODE must be "development" or "production", not ${JSON.stringify(value)}`);
}
