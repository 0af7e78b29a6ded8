import type { Action, Role } from '@kkmp/core';
import { encodeId } from '@kkmp/plugin-sdk';
import { installedUnits } from '@kkmp/api';
import { nextNik } from './fixtures';

const sembakoSettings = installedUnits.find((u) => u.id === 'sembako')!.sampleSettings;

/**
 * The authorization rule and a valid input of every core root field (units' fields carry their
 * permission in the schema, `kkmpPermission`). The matrix test enumerates the live schema and fails
 * for a root field that has neither: a new core field needs its row here before it can ship.
 *
 * Rules:
 * - `actions`: the actions of the permission matrix (packages/core/src/authorize.ts) the resolver
 *   authorizes, all of which must hold; the test derives who may call it by evaluating the matrix.
 * - `roles`: roles allowed in their own tenant, for checks outside the matrix (people/rules.ts).
 * - `secret`: authorized by a secret in the input (password, code, refresh token), open to anonymous
 *   callers; their tenant rules are tested in tenancy.test.ts.
 * - `self`: answers about the caller only (no tenant in the input): signed-in callers; anonymous ones
 *   are refused, or get null where the schema says so (`me`).
 * - `scopedList`: lists what the caller may see; an outsider's answer must not contain the tenant.
 */
export type CoreRule =
  | { actions: Action[]; target: 'city' | 'coop' | 'member' | 'none' }
  | { roles: Role[] }
  | { secret: true }
  | { self: true; anonymous?: 'NULL' }
  | { scopedList: true };

/** The tenant under attack: ids as the API shows them (encoded) and raw. */
export interface Home {
  cityId: string;
  rawCityId: string;
  kelurahanId: string;
  coopId: string;
  rawCoopId: string;
  memberId: string;
  otherMemberId: string;
  grantId: string;
  regionCode: string;
}

const ULID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
type Vars = (h: Home) => Record<string, unknown>;
const input =
  (f: (h: Home) => Record<string, unknown>): Vars =>
  (h) => ({ input: f(h) });

/** A row: the rule, and variables that pass validation (so a refusal can only be the permission check). */
export const CORE: Record<string, { rule: CoreRule; vars: Vars }> = {
  // Queries
  cities: { rule: { scopedList: true }, vars: () => ({}) },
  city: { rule: { actions: ['city:read'], target: 'city' }, vars: (h) => ({ id: h.cityId }) },
  cooperative: { rule: { actions: ['coop:read'], target: 'coop' }, vars: (h) => ({ id: h.coopId }) },
  member: { rule: { actions: ['member:read'], target: 'member' }, vars: (h) => ({ id: h.memberId }) },
  me: { rule: { self: true, anonymous: 'NULL' }, vars: () => ({}) },
  myGrants: { rule: { self: true }, vars: () => ({}) },
  unitCatalog: { rule: { self: true }, vars: () => ({}) },
  // Secret-authorized and self-service
  acceptInvitation: { rule: { secret: true }, vars: input(() => ({ code: 'ABCD-1234' })) },
  refreshSession: { rule: { secret: true }, vars: input(() => ({ refreshToken: 'a.b.c' })) },
  requestSignInCode: { rule: { secret: true }, vars: input(() => ({ login: '081299990002' })) },
  signIn: { rule: { secret: true }, vars: input(() => ({ login: '081299990002', password: 'kata-sandi-1' })) },
  signInWithCode: { rule: { secret: true }, vars: input(() => ({ login: '081299990002', code: '123456' })) },
  signOut: { rule: { secret: true }, vars: input(() => ({ refreshToken: 'a.b.c' })) },
  signOutEverywhere: { rule: { self: true }, vars: () => ({}) },
  // The platform, the city and the city's view
  createCity: { rule: { actions: ['city:create'], target: 'none' }, vars: input(() => ({ kind: 'KOTA', name: 'Kota Gamma', provinceName: 'Jawa Barat', regionCode: '9901', timeZone: 'WIB' })) },
  createKelurahan: { rule: { actions: ['city:write'], target: 'city' }, vars: input((h) => ({ cityId: h.cityId, name: 'Cempaka', kecamatan: 'Sukajadi', regionCode: `${h.regionCode}011009` })) },
  createCooperative: { rule: { actions: ['city:write'], target: 'city' }, vars: input((h) => ({ kelurahanId: h.kelurahanId, name: 'KKMP Cempaka', legalName: 'Koperasi Kelurahan Merah Putih Cempaka' })) },
  setCitySettings: { rule: { actions: ['city:write'], target: 'city' }, vars: input((h) => ({ cityId: h.cityId, activityWindowDays: 5 })) },
  createPartner: { rule: { actions: ['city:write'], target: 'city' }, vars: input((h) => ({ cityId: h.cityId, name: 'Bulog Cabang', kind: 'PRIVATE', offers: ['beras'] })) },
  createTrainingSession: { rule: { actions: ['city:write'], target: 'city' }, vars: input((h) => ({ cityId: h.cityId, topic: 'TAX', title: 'Pajak koperasi', startDate: '2026-03-20', venue: 'Balai kota' })) },
  // followup.ts cooperativeOfMyCity: coop:write and city:write of the cooperative's city.
  recordFollowUp: { rule: { actions: ['coop:write', 'city:write'], target: 'coop' }, vars: input((h) => ({ cooperativeId: h.coopId, kind: 'CALL' })) },
  recordTrainingAttendance: {
    rule: { actions: ['coop:write', 'city:write'], target: 'coop' },
    vars: input((h) => ({ sessionId: encodeId('TrainingSession', h.rawCityId, ULID), cooperativeId: h.coopId, attendees: [{ name: 'Ibu Sari' }] })),
  },
  createSupplyAgreement: {
    rule: { actions: ['coop:write', 'city:write'], target: 'coop' },
    vars: input((h) => ({ cooperativeId: h.coopId, partnerId: encodeId('Partner', h.rawCityId, ULID), goods: 'Beras', terms: 'Bulanan', startDate: '2026-03-01' })),
  },
  // The cooperative
  updateCooperative: { rule: { actions: ['coop:write'], target: 'coop' }, vars: input((h) => ({ cooperativeId: h.coopId, name: 'KKMP Sukamaju Baru' })) },
  changeCooperativeStatus: { rule: { actions: ['coop:write'], target: 'coop' }, vars: input((h) => ({ cooperativeId: h.coopId, status: 'LEGAL_ENTITY', registrationNumber: 'AHU-123456' })) },
  enableUnit: { rule: { actions: ['coop:write'], target: 'coop' }, vars: input((h) => ({ cooperativeId: h.coopId, unitId: 'sembako', settings: sembakoSettings })) },
  updateUnitSettings: { rule: { actions: ['coop:write'], target: 'coop' }, vars: input((h) => ({ cooperativeId: h.coopId, unitId: 'sembako', settings: sembakoSettings })) },
  disableUnit: { rule: { actions: ['coop:write'], target: 'coop' }, vars: input((h) => ({ cooperativeId: h.coopId, unitId: 'kolamretensi' })) },
  registerMember: { rule: { actions: ['member:write'], target: 'coop' }, vars: input((h) => ({ cooperativeId: h.coopId, nik: nextNik(), name: 'Siti Aminah', address: 'Jl. Melati 2' })) },
  updateMember: { rule: { actions: ['member:write'], target: 'coop' }, vars: input((h) => ({ memberId: h.memberId, name: 'Budi Santoso' })) },
  endMembership: { rule: { actions: ['member:write'], target: 'coop' }, vars: input((h) => ({ memberId: h.otherMemberId, status: 'RESIGNED' })) },
  recordEquityPayment: { rule: { actions: ['equity:collect'], target: 'coop' }, vars: input((h) => ({ memberId: h.memberId, kind: 'WAJIB', amount: 20000 })) },
  refundEquity: { rule: { actions: ['equity:refund'], target: 'coop' }, vars: input((h) => ({ memberId: h.otherMemberId })) },
  // people/rules.ts MAY_GRANT: only a cooperative's manager grants (and takes back) a supervisor's role.
  invitePerson: { rule: { roles: ['COOP_MANAGER'] }, vars: input((h) => ({ login: '081299990001', name: 'Calon Pengawas', role: 'SUPERVISOR', cooperativeId: h.coopId })) },
  revokeGrant: { rule: { roles: ['COOP_MANAGER'] }, vars: input((h) => ({ grantId: h.grantId })) },
  // The books
  draftJournalEntry: {
    rule: { actions: ['ledger:write'], target: 'coop' },
    vars: input((h) => ({ cooperativeId: h.coopId, date: '2026-03-01', memo: 'Biaya listrik', lines: [{ account: '6120', debit: 1000 }, { account: '1100', credit: 1000 }] })),
  },
  approveJournalEntry: { rule: { actions: ['ledger:approve'], target: 'coop' }, vars: input((h) => ({ draftId: encodeId('JournalDraft', h.rawCoopId, ULID) })) },
  rejectJournalEntry: { rule: { actions: ['ledger:approve'], target: 'coop' }, vars: input((h) => ({ draftId: encodeId('JournalDraft', h.rawCoopId, ULID), reason: 'Salah akun' })) },
  reverseJournalEntry: { rule: { actions: ['ledger:write'], target: 'coop' }, vars: input((h) => ({ entryId: encodeId('JournalEntry', h.rawCoopId, `2026-03-01_${ULID}`), memo: 'Koreksi' })) },
  lockPeriod: { rule: { actions: ['ledger:write'], target: 'coop' }, vars: input((h) => ({ cooperativeId: h.coopId, through: '2026-01' })) },
  setBudget: { rule: { actions: ['ledger:write'], target: 'coop' }, vars: input((h) => ({ cooperativeId: h.coopId, year: 2026, lines: [{ account: '6120', months: Array<number>(12).fill(100000) }] })) },
  approveBudget: { rule: { actions: ['ledger:write'], target: 'coop' }, vars: input((h) => ({ cooperativeId: h.coopId, year: 2026, version: 1, meetingDate: '2026-03-10', ratReference: 'RAT-2026/01' })) },
  setTaxSettings: { rule: { actions: ['ledger:write'], target: 'coop' }, vars: input((h) => ({ cooperativeId: h.coopId, effectiveFromYear: 2026, rateBp: 50, threshold: 4800000000 })) },
  setShuSplit: {
    rule: { actions: ['ledger:write'], target: 'coop' },
    vars: input((h) => ({
      cooperativeId: h.coopId,
      year: 2026,
      lines: [
        ['RESERVE', 3000, 'Dana cadangan', 'Reserve'],
        ['JASA_MODAL', 2000, 'Jasa modal', 'Return on capital'],
        ['JASA_USAHA', 2500, 'Jasa usaha', 'Patronage refund'],
        ['PENGURUS', 1000, 'Dana pengurus', 'Board fund'],
        ['KARYAWAN', 500, 'Dana karyawan', 'Staff fund'],
        ['PENDIDIKAN', 500, 'Dana pendidikan', 'Education fund'],
        ['SOSIAL', 500, 'Dana sosial', 'Social fund'],
      ].map(([key, basisPoints, id, en]) => ({ key, basisPoints, label: { id, en } })),
    })),
  },
  closeYear: { rule: { actions: ['ledger:write'], target: 'coop' }, vars: input((h) => ({ cooperativeId: h.coopId, year: 2025 })) },
  recordRat: { rule: { actions: ['ledger:write'], target: 'coop' }, vars: input((h) => ({ cooperativeId: h.coopId, date: '2026-03-15', financialYear: 2025, present: 1 })) },
};
