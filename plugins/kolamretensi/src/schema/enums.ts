import type { Builder } from '@kkmp/plugin-sdk';
import { OPERATION_KINDS } from '../services/operations';
import { RENTAL_KINDS } from '../services/rentals';

const values = <T extends string>(names: readonly T[], describe: (n: T) => string) => Object.fromEntries(names.map((n) => [n, { description: describe(n) }])) as Record<T, { description: string }>;

const STATUS_TEXT = { NORMAL: { description: 'Below Siaga 3.' }, SIAGA_3: { description: 'Above the Siaga 3 level (watch).' }, SIAGA_2: { description: 'Above the Siaga 2 level (alert).' }, SIAGA_1: { description: 'Above the Siaga 1 level (danger).' } } as const;
const OPERATION_TEXT: Record<(typeof OPERATION_KINDS)[number], string> = {
  PUMP_ON: 'A pump switched on (name it).',
  PUMP_OFF: 'A pump switched off (name it).',
  GATE_OPEN: 'A gate opened (name it).',
  GATE_CLOSE: 'A gate closed (name it).',
  TRASH_SCREEN_CLEANING: 'Trash screen (saringan sampah) cleaned.',
  DREDGING: 'Dredging (pengerukan) of sediment.',
  INSPECTION: 'An inspection of the pond and its works.',
};

/** The unit's enums, registered once. */
export function registerEnums(b: Builder) {
  return {
    Status: b.enumType('KolamretensiAlertLevel', { description: 'Alert level of a water level against the pond’s thresholds.', values: STATUS_TEXT }),
    SensorKind: b.enumType('KolamretensiSensorKind', { description: 'How a gauge is read.', values: { MANUAL: { description: 'A staff gauge (papan duga) read by hand.' }, AUTOMATIC: { description: 'A sensor that posts with a device credential.' } } }),
    Direction: b.enumType('KolamretensiCrossingDirection', { description: 'Which way the level crossed.', values: { UP: { description: 'To a higher alert level.' }, DOWN: { description: 'To a lower alert level.' } } }),
    OperationKind: b.enumType('KolamretensiOperationKind', { description: 'What was done at the pond.', values: values(OPERATION_KINDS, (n) => OPERATION_TEXT[n]) }),
    TicketKind: b.enumType('KolamretensiTicketKind', { description: 'Kind of ticket sold at the gate.', values: { FISHING: { description: 'Fishing ticket (tiket memancing).' }, VISITOR: { description: 'Visitor ticket (tiket masuk).' } } }),
    RentalKind: b.enumType('KolamretensiRentalKind', { description: 'What is let.', values: values(RENTAL_KINDS, (n) => ({ STALL: 'A food stall (lapak).', SPACE: 'A space for an event or business.', CAGE_SPACE: 'Water space for a tenant’s cage.', FIELD: 'Sports on the drained bed.' })[n]) }),
    TaskStatus: b.enumType('KolamretensiMaintenanceStatus', { description: 'Where a maintenance task stands on a date.', values: { OVERDUE: { description: 'Past its due date.' }, DUE: { description: 'Due within the settings’ dueSoonDays (or today).' }, SCHEDULED: { description: 'Later.' } } }),
  };
}
export type Enums = ReturnType<typeof registerEnums>;
