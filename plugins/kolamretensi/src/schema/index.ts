import type { Builder, UnitSchemaKit } from '@kkmp/plugin-sdk';
import type { KolamSettings } from '../settings';
import { registerBusiness } from './business';
import { registerEnums } from './enums';
import { registerOperations } from './operations';
import { registerPonds } from './ponds';
import { registerReadings } from './readings';
import { registerRevenue } from './revenue';

/** The unit's schema: thin maps from GraphQL to the services. */
export function kolamSchema(b: Builder, unit: UnitSchemaKit<KolamSettings>): void {
  const e = registerEnums(b);
  registerPonds(b, unit, e);
  registerReadings(b, unit, e);
  registerOperations(b, unit, e);
  registerBusiness(b, unit, e);
  registerRevenue(b, unit);
}
