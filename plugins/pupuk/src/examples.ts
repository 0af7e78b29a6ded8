import type { UnitExample } from '@kkmp/plugin-sdk';

/** GraphiQL tabs for the kiosk's main flows ("$cooperativeId" becomes the demo cooperative's id). */
export const pupukExamples: UnitExample[] = [];
