import type { registerShuTypes } from './types';

export type ShuTypes = ReturnType<typeof registerShuTypes>;
