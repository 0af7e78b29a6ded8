import type { AnyUnit } from '@kkmp/plugin-sdk';
import airminum from '@kkmp/unit-airminum';
import kolamretensi from '@kkmp/unit-kolamretensi';
import lpg from '@kkmp/unit-lpg';
import pupuk from '@kkmp/unit-pupuk';
import sembako from '@kkmp/unit-sembako';
import simpanpinjam from '@kkmp/unit-simpanpinjam';

/**
 * The business units this deployment installs. Adding a unit here adds its types and operations to the
 * one schema; each cooperative then enables the ones it runs (enableUnit). Order does not matter.
 */
export const installedUnits: readonly AnyUnit[] = [sembako, simpanpinjam, lpg, pupuk, airminum, kolamretensi];
