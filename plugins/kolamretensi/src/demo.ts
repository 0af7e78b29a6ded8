import type { UnitDemoContext } from '@kkmp/plugin-sdk';

export async function kolamDemo(_d: UnitDemoContext): Promise<void> {}
