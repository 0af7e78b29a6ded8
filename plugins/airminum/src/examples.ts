import type { UnitExample } from '@kkmp/plugin-sdk';
export const airminumExamples: UnitExample[] = [];
