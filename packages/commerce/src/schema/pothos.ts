import type { EnumRef, ObjectRef } from '@kkmp/plugin-sdk';
import type { BuilderTypes } from '@kkmp/plugin-sdk';

/** The builder's Pothos types, for refs passed between the kit's schema modules. */
export type Types = PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>;
export type ObjectOf<T> = ObjectRef<Types, T>;
export type EnumOf<T> = EnumRef<Types, T>;
