import type { AnyUnit } from '@kkmp/plugin-sdk';

/**
 * The business units this deployment installs. Adding a unit here adds its types and operations to the
 * one schema; each cooperative then enables the ones it runs (enableUnit). Order does not matter.
 */
export const installedUnits: readonly AnyUnit[] = [];
