import type { BuilderTypes, EnumRef } from '@kkmp/plugin-sdk';
import type { FertilizerType } from '../settings';

/** The enum PupukFertilizerType as the schema modules share it. */
export type FertilizerTypeRef = EnumRef<PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>, FertilizerType>;
