import { buildHostSchema } from '@kkmp/host';
import { installedUnits } from '@kkmp/api';
import { getNamedType, isInputObjectType, isNonNullType, type GraphQLField } from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * Core mutations that record no business event of their own, and why. A unit's mutations decide for
 * themselves (`businessEvent` in unit.mutation), and the host refuses a posting from one that did not
 * declare it, so only core's list lives here.
 */
const CORE_NON_EVENTS: Record<string, string> = {
  createCity: 'registry',
  createKelurahan: 'registry',
  createCooperative: 'registry',
  updateCooperative: 'profile and settings',
  changeCooperativeStatus: 'lifecycle',
  registerMember: 'membership (joinDate: not in the future, not before the first financial year)',
  updateMember: 'membership',
  endMembership: 'membership',
  approveJournalEntry: 'posts the draft on the business date it was drafted with',
  rejectJournalEntry: 'maker-checker decision',
  lockPeriod: 'closes periods',
  setBudget: 'plan, not an event',
  approveBudget: 'plan, not an event',
  setTaxSettings: 'settings',
  setShuSplit: 'AD/ART percentages',
  closeYear: 'year end (not before the first financial year)',
  recordRat: "the members' meeting, dated by its own meeting date",
  enableUnit: 'settings',
  updateUnitSettings: 'settings',
  disableUnit: 'settings',
  setCitySettings: "the city view's settings",
  recordFollowUp: "the city's follow-up log (its own date, not a business event of the cooperative)",
  createTrainingSession: "the city's training calendar",
  recordTrainingAttendance: "the city's training record",
  createPartner: "the city's partner registry",
  createSupplyAgreement: 'an agreement (purchases under it are the business events)',
  invitePerson: 'access, not business (audited)',
  acceptInvitation: 'access, not business (audited)',
  revokeGrant: 'access, not business (audited)',
  signIn: 'session',
  requestSignInCode: 'session',
  signInWithCode: 'session',
  refreshSession: 'session',
  signOut: 'session',
  signOutEverywhere: 'session',
};

const { schema } = buildHostSchema(installedUnits);
const mutations = Object.values(schema.getMutationType()!.getFields());
const isEvent = (f: GraphQLField<unknown, unknown>) => f.extensions?.kkmpBusinessEvent === true;

describe('every business event takes businessDate (enumerated from the schema)', () => {
  it('every mutation marked a business event has an optional businessDate: Date in its input', () => {
    const events = mutations.filter(isEvent);
    expect(events.length).toBeGreaterThan(10);
    for (const f of events) {
      const input = getNamedType(f.args.find((a) => a.name === 'input')!.type);
      expect(isInputObjectType(input), f.name).toBe(true);
      const field = isInputObjectType(input) ? input.getFields().businessDate : undefined;
      expect(field, `${f.name} has no businessDate`).toBeDefined();
      expect(isNonNullType(field!.type), f.name).toBe(false);
      expect(getNamedType(field!.type).name, f.name).toBe('Date');
    }
  });

  it("every core mutation is either a business event or listed with the reason it is not", () => {
    const core = mutations.filter((f) => f.extensions?.kkmpPermission === undefined);
    const unclassified = core.filter((f) => !isEvent(f) && !CORE_NON_EVENTS[f.name]).map((f) => f.name);
    expect(unclassified).toEqual([]);
    expect(Object.keys(CORE_NON_EVENTS).filter((name) => !core.some((f) => f.name === name && !isEvent(f)))).toEqual([]);
    expect(core.filter(isEvent).map((f) => f.name).sort()).toEqual(['draftJournalEntry', 'recordEquityPayment', 'refundEquity', 'reverseJournalEntry']);
  });

  it("the units' money- and stock-moving mutations are business events", () => {
    const units = mutations.filter((f) => f.extensions?.kkmpPermission !== undefined);
    const events = units.filter(isEvent).map((f) => f.name);
    // Each of these moves money or stock; the host refuses a posting from a mutation not declared a business event.
    for (const name of ['simpanpinjamDeposit', 'simpanpinjamWithdraw', 'simpanpinjamPostSavingsInterest', 'simpanpinjamDisburseLoan', 'simpanpinjamRepayLoan', 'simpanpinjamApproveLoanChange', 'simpanpinjamProvisionAllowance', 'simpanpinjamOpenTimeDeposit', 'simpanpinjamWithdrawTimeDeposit', 'simpanpinjamRecoverLoan', 'simpanpinjamApproveRepaymentReversal', 'sembakoSell', 'sembakoVoidSale', 'sembakoReceiveGoods', 'sembakoPaySupplier', 'sembakoRecordStockCount']) {
      expect(events, name).toContain(name);
    }
  });
});
