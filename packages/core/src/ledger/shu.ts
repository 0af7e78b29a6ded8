/**
 * SHU (sisa hasil usaha, the cooperative's annual surplus) allocation. Pure: no I/O, no clock, no store.
 *
 * Money is whole rupiah (safe integers) and split rates are basis points (1% = 100 bp, all lines sum to
 * 10000). Every product that could pass 2^53 (SHU × bp, pool × balance) is done in BigInt, and every
 * division is floor + largest remainder, so the parts always add up to the whole to the rupiah.
 *
 * 1. The SHU is split into the AD/ART lines: each line gets floor(shu × bp / 10000); the rupiah left over
 *    (fewer than the number of lines) go one each to the lines with the largest fractional remainder,
 *    ties to the line listed first.
 * 2. The JASA_MODAL line is shared among members in proportion to their pokok + wajib balance at year end,
 *    the JASA_USAHA line in proportion to their patronage (transactions with the cooperative in the year),
 *    each by the largest-remainder (Hamilton) method: floor of the exact share, then the pool's leftover
 *    rupiah one each to the largest remainders, ties to the lower member number. Each member's share is
 *    therefore within 1 rupiah of its exact proportional value, and the shares add up to the pool exactly.
 *    A member with a zero base gets 0.
 * 3. If nobody has a base for a pool (every balance, or every patronage, is zero, or there are no
 *    members), that pool cannot be shared. It is reported in `unassigned` and MOVED to the RESERVE line:
 *    the pool's line amount becomes what members actually received (0) and RESERVE grows by the same
 *    rupiah, so the lines still sum exactly to the SHU and nothing is lost. (`splitShu` gives the raw
 *    split before that move.) This is why a valid split must have a RESERVE line (dana cadangan, which
 *    the cooperative law requires anyway); it may be 0 bp.
 * 4. A deficit (SHU < 0) is not split: every amount is 0, `shu` is 0 and `deficit` is true.
 */

export interface ShuSplitLine {
  /** e.g. 'RESERVE', 'JASA_MODAL', 'JASA_USAHA', 'PENGURUS', 'SOSIAL', 'PENDIDIKAN' */
  key: string;
  label: { id: string; en: string };
  basisPoints: number;
}

export interface ShuMemberInput {
  memberId: string;
  memberNumber: number;
  name: string;
  /** pokok + wajib balance at year end */
  equityBalance: number;
  /** member's transactions with the cooperative across all units in the year (patronage) */
  patronage: number;
}

export interface ShuAllocationLine {
  key: string;
  label: { id: string; en: string };
  basisPoints: number;
  amount: number;
}

export interface ShuMemberAllocation {
  memberId: string;
  memberNumber: number;
  name: string;
  equityBalance: number;
  patronage: number;
  jasaModal: number;
  jasaUsaha: number;
  total: number;
}

export interface ShuAllocation {
  /** The surplus split (0 for a deficit). */
  shu: number;
  deficit: boolean;
  /** In the order of the split; amounts sum EXACTLY to `shu`. */
  lines: ShuAllocationLine[];
  /** In the order given. */
  members: ShuMemberAllocation[];
  /**
   * Rupiah of the jasa modal / jasa usaha pools left unassigned because no member had a base (e.g. zero
   * patronage): goes back to reserve and is reported, never lost.
   */
  unassigned: { jasaModal: number; jasaUsaha: number };
}

export const SHU_TOTAL_BASIS_POINTS = 10_000;
export const SHU_RESERVE = 'RESERVE';
export const SHU_JASA_MODAL = 'JASA_MODAL';
export const SHU_JASA_USAHA = 'JASA_USAHA';

function line(key: string, id: string, en: string, basisPoints: number): ShuSplitLine {
  return Object.freeze({ key, label: Object.freeze({ id, en }), basisPoints });
}

/** A common AD/ART split. Frozen: copy it (e.g. `DEFAULT_SHU_SPLIT.map((l) => ({ ...l }))`) to change it. */
export const DEFAULT_SHU_SPLIT: ShuSplitLine[] = Object.freeze([
  line(SHU_RESERVE, 'Dana cadangan', 'Reserve', 2500),
  line(SHU_JASA_MODAL, 'Jasa modal', 'Return on members’ capital', 2000),
  line(SHU_JASA_USAHA, 'Jasa usaha', 'Patronage refund', 2500),
  line('PENGURUS', 'Dana pengurus', 'Board (pengurus)', 1000),
  line('SOSIAL', 'Dana sosial', 'Social fund', 1000),
  line('PENDIDIKAN', 'Dana pendidikan', 'Education fund', 1000),
]) as ShuSplitLine[];

/**
 * Problems with an AD/ART split, each in English and Indonesian; empty when valid.
 * Checks: integer, non-negative basis points; a sum of exactly 10000; non-empty, unique keys; RESERVE,
 * JASA_MODAL and JASA_USAHA lines present.
 */
export interface SplitProblem {
  en: string;
  id: string;
}

export function validateShuSplit(lines: ShuSplitLine[]): SplitProblem[] {
  const problems: SplitProblem[] = [];
  const problem = (en: string, id: string) => problems.push({ en, id });
  if (!Array.isArray(lines) || lines.length === 0) {
    return [{ en: 'the SHU split has no lines', id: 'pembagian SHU tidak memiliki baris' }];
  }
  const seen = new Set<string>();
  const reported = new Set<string>();
  let allIntegers = true;
  let sum = 0;
  lines.forEach((l, i) => {
    const name = typeof l.key === 'string' && l.key !== '' ? l.key : `#${i + 1}`;
    if (typeof l.key !== 'string' || l.key.trim() === '') {
      problem(`line ${i + 1} has no key`, `baris ${i + 1} tidak memiliki kunci`);
    } else if (seen.has(l.key)) {
      if (!reported.has(l.key)) {
        problem(`duplicate key ${l.key}`, `kunci ganda ${l.key}`);
        reported.add(l.key);
      }
    } else {
      seen.add(l.key);
    }
    const bp = l.basisPoints;
    if (typeof bp !== 'number' || !Number.isSafeInteger(bp)) {
      allIntegers = false;
      problem(`line ${name}: basis points must be a whole number, got ${String(bp)}`, `baris ${name}: basis poin harus bilangan bulat, tertulis ${String(bp)}`);
    } else {
      if (bp < 0) {
        problem(`line ${name}: basis points must not be negative, got ${bp}`, `baris ${name}: basis poin tidak boleh negatif, tertulis ${bp}`);
      }
      sum += bp;
    }
  });
  if (allIntegers && sum !== SHU_TOTAL_BASIS_POINTS) {
    problem(`basis points sum to ${sum}, must be exactly ${SHU_TOTAL_BASIS_POINTS} (100%)`, `jumlah basis poin ${sum}, harus tepat ${SHU_TOTAL_BASIS_POINTS} (100%)`);
  }
  for (const [key, id] of [
    [SHU_RESERVE, 'dana cadangan'],
    [SHU_JASA_MODAL, 'jasa modal'],
    [SHU_JASA_USAHA, 'jasa usaha'],
  ] as const) {
    if (!seen.has(key)) problem(`missing line ${key}`, `baris ${key} (${id}) tidak ada`);
  }
  return problems;
}

function assertRupiah(value: number, what: string, allowNegative = false): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be whole rupiah (a safe integer), got ${String(value)}`);
  }
  if (!allowNegative && value < 0) throw new RangeError(`${what} must not be negative, got ${value}`);
}

/**
 * Largest-remainder (Hamilton) apportionment of `total` whole units in proportion to `weights`.
 * Each part is floor(total × w / Σw), plus 1 for the (total − Σ floors) parts with the largest remainders;
 * ties go to the smaller `tieKeys` entry, then to the earlier index. Parts with zero weight get 0.
 * Returns null when every weight is zero (nothing to apportion by). Exact: BigInt throughout.
 */
export function apportion(total: number, weights: readonly number[], tieKeys?: readonly number[]): number[] | null {
  assertRupiah(total, 'total');
  weights.forEach((w, i) => assertRupiah(w, `weight ${i}`));
  if (tieKeys && tieKeys.length !== weights.length) throw new RangeError('tieKeys must match weights in length');
  const ws = weights.map((w) => BigInt(w));
  const sumW = ws.reduce((a, b) => a + b, 0n);
  if (sumW === 0n) return null;
  const t = BigInt(total);
  const parts: bigint[] = [];
  const rems: bigint[] = [];
  let assigned = 0n;
  for (const w of ws) {
    const product = t * w;
    const q = product / sumW;
    parts.push(q);
    rems.push(product % sumW);
    assigned += q;
  }
  let leftover = t - assigned; // < number of non-zero remainders, so < weights.length
  const order = ws
    .map((_, i) => i)
    .filter((i) => ws[i]! > 0n)
    .sort((a, b) => {
      const ra = rems[a]!;
      const rb = rems[b]!;
      if (ra !== rb) return ra > rb ? -1 : 1;
      const ka = tieKeys ? tieKeys[a]! : a;
      const kb = tieKeys ? tieKeys[b]! : b;
      if (ka !== kb) return ka - kb;
      return a - b;
    });
  for (const i of order) {
    if (leftover === 0n) break;
    parts[i] = parts[i]! + 1n;
    leftover -= 1n;
  }
  if (leftover !== 0n) throw new Error('apportion: leftover not distributed (invariant broken)');
  return parts.map((p) => Number(p));
}

/**
 * The raw AD/ART split of a non-negative SHU into its lines (before any unassigned pool is moved to
 * reserve): floor(shu × bp / 10000) each, leftover rupiah by largest remainder, ties to the earlier line.
 * The amounts sum exactly to `shu`. Throws RangeError on an invalid split or amount.
 */
export function splitShu(shu: number, split: ShuSplitLine[]): ShuAllocationLine[] {
  assertRupiah(shu, 'SHU');
  const problems = validateShuSplit(split);
  if (problems.length > 0) throw new RangeError(`invalid SHU split: ${problems.map((p) => p.en).join('; ')}`);
  // bp sum to 10000, so apportioning by bp is exactly floor(shu × bp / 10000) + largest remainder.
  const amounts = apportion(
    shu,
    split.map((l) => l.basisPoints),
    split.map((_, i) => i),
  )!;
  return split.map((l, i) => ({
    key: l.key,
    label: { id: l.label.id, en: l.label.en },
    basisPoints: l.basisPoints,
    amount: amounts[i]!,
  }));
}

function validateMembers(members: ShuMemberInput[]): void {
  if (!Array.isArray(members)) throw new RangeError('members must be an array');
  const ids = new Set<string>();
  const numbers = new Set<number>();
  for (const m of members) {
    if (typeof m.memberId !== 'string' || m.memberId === '') throw new RangeError('every member needs a memberId');
    if (ids.has(m.memberId)) throw new RangeError(`duplicate member id ${m.memberId}`);
    ids.add(m.memberId);
    if (!Number.isSafeInteger(m.memberNumber) || m.memberNumber < 0) {
      throw new RangeError(`member ${m.memberId}: memberNumber must be a non-negative integer, got ${String(m.memberNumber)}`);
    }
    // Ties go to the lower member number, so the numbers must be unique for the result to be determined.
    if (numbers.has(m.memberNumber)) throw new RangeError(`duplicate member number ${m.memberNumber} (member ${m.memberId})`);
    numbers.add(m.memberNumber);
    assertRupiah(m.equityBalance, `member ${m.memberId}: equityBalance`);
    assertRupiah(m.patronage, `member ${m.memberId}: patronage`);
  }
}

/**
 * Splits the year's SHU by the AD/ART split and shares the jasa modal / jasa usaha pools among members.
 * See the module comment for the rules. Throws RangeError on an invalid split, a non-integer SHU, a
 * negative or non-integer balance or patronage, or duplicate member ids / numbers.
 */
export function allocateShu(shu: number, split: ShuSplitLine[], members: ShuMemberInput[]): ShuAllocation {
  assertRupiah(shu, 'SHU', true);
  const problems = validateShuSplit(split);
  if (problems.length > 0) throw new RangeError(`invalid SHU split: ${problems.map((p) => p.en).join('; ')}`);
  validateMembers(members);

  const memberRow = (m: ShuMemberInput, jasaModal: number, jasaUsaha: number): ShuMemberAllocation => ({
    memberId: m.memberId,
    memberNumber: m.memberNumber,
    name: m.name,
    equityBalance: m.equityBalance,
    patronage: m.patronage,
    jasaModal,
    jasaUsaha,
    total: jasaModal + jasaUsaha,
  });

  if (shu < 0) {
    return {
      shu: 0,
      deficit: true,
      lines: split.map((l) => ({ key: l.key, label: { id: l.label.id, en: l.label.en }, basisPoints: l.basisPoints, amount: 0 })),
      members: members.map((m) => memberRow(m, 0, 0)),
      unassigned: { jasaModal: 0, jasaUsaha: 0 },
    };
  }

  const lines = splitShu(shu, split);
  const lineOf = (key: string): ShuAllocationLine => lines.find((l) => l.key === key)!;
  const numbersAsTies = members.map((m) => m.memberNumber);

  const sharePool = (key: string, bases: number[]): { shares: number[]; unassigned: number } => {
    const poolLine = lineOf(key);
    const shares = apportion(poolLine.amount, bases, numbersAsTies);
    if (shares) return { shares, unassigned: 0 };
    const unassigned = poolLine.amount;
    poolLine.amount = 0;
    lineOf(SHU_RESERVE).amount += unassigned;
    return { shares: members.map(() => 0), unassigned };
  };

  const modal = sharePool(SHU_JASA_MODAL, members.map((m) => m.equityBalance));
  const usaha = sharePool(SHU_JASA_USAHA, members.map((m) => m.patronage));

  return {
    shu,
    deficit: false,
    lines,
    members: members.map((m, i) => memberRow(m, modal.shares[i]!, usaha.shares[i]!)),
    unassigned: { jasaModal: modal.unassigned, jasaUsaha: usaha.unassigned },
  };
}
