import type { UnitDemoContext } from '@kkmp/plugin-sdk';

export async function pupukDemo(_d: UnitDemoContext): Promise<void> {}
