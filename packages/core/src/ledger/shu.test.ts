import { describe, expect, it } from 'vitest';
import {
  allocateShu,
  apportion,
  DEFAULT_SHU_SPLIT,
  splitShu,
  validateShuSplit,
  type ShuAllocation,
  type ShuMemberInput,
  type ShuSplitLine,
} from './shu';

const copySplit = (): ShuSplitLine[] => DEFAULT_SHU_SPLIT.map((l) => ({ ...l, label: { ...l.label } }));
const amounts = (a: ShuAllocation): Record<string, number> => Object.fromEntries(a.lines.map((l) => [l.key, l.amount]));
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** Checks every invariant of an allocation; exact proportional values computed in BigInt. */
function assertInvariants(a: ShuAllocation, split: ShuSplitLine[], members: ShuMemberInput[]): void {
  expect(sum(a.lines.map((l) => l.amount))).toBe(a.shu);
  const raw = splitShu(a.shu, split);
  // each raw line within 1 rupiah of shu × bp / 10000 (|10000·amount − shu·bp| < 10000)
  for (const l of raw) {
    const diff = BigInt(l.amount) * 10000n - BigInt(a.shu) * BigInt(l.basisPoints);
    expect(diff > -10000n && diff < 10000n).toBe(true);
  }
  const line = (k: string): number => a.lines.find((l) => l.key === k)!.amount;
  const rawLine = (k: string): number => raw.find((l) => l.key === k)!.amount;
  expect(sum(a.members.map((m) => m.jasaModal))).toBe(line('JASA_MODAL'));
  expect(sum(a.members.map((m) => m.jasaUsaha))).toBe(line('JASA_USAHA'));
  expect(line('JASA_MODAL') + a.unassigned.jasaModal).toBe(rawLine('JASA_MODAL'));
  expect(line('JASA_USAHA') + a.unassigned.jasaUsaha).toBe(rawLine('JASA_USAHA'));
  expect(line('RESERVE')).toBe(rawLine('RESERVE') + a.unassigned.jasaModal + a.unassigned.jasaUsaha);
  for (const [pool, base, share] of [
    [rawLine('JASA_MODAL'), 'equityBalance', 'jasaModal'],
    [rawLine('JASA_USAHA'), 'patronage', 'jasaUsaha'],
  ] as const) {
    const total = BigInt(sum(members.map((m) => m[base])));
    a.members.forEach((m, i) => {
      expect(m.memberId).toBe(members[i]!.memberId);
      expect(m.total).toBe(m.jasaModal + m.jasaUsaha);
      if (total === 0n || m[base] === 0) {
        expect(m[share]).toBe(0);
        return;
      }
      // |share − pool·base/total| < 1  ⇔  |share·total − pool·base| < total  (share is the floor or the ceiling)
      const diff = BigInt(m[share]) * total - BigInt(pool) * BigInt(m[base]);
      expect(diff > -total && diff < total).toBe(true);
    });
  }
}

describe('DEFAULT_SHU_SPLIT', () => {
  it('is reserve 25, jasa modal 20, jasa usaha 25, board 10, social 10, education 10 and valid', () => {
    expect(DEFAULT_SHU_SPLIT.map((l) => [l.key, l.basisPoints])).toEqual([
      ['RESERVE', 2500],
      ['JASA_MODAL', 2000],
      ['JASA_USAHA', 2500],
      ['PENGURUS', 1000],
      ['SOSIAL', 1000],
      ['PENDIDIKAN', 1000],
    ]);
    expect(validateShuSplit(DEFAULT_SHU_SPLIT)).toEqual([]);
    for (const l of DEFAULT_SHU_SPLIT) expect(l.label.id && l.label.en).toBeTruthy();
    expect(Object.isFrozen(DEFAULT_SHU_SPLIT)).toBe(true);
  });
});

describe('allocateShu: worked example (SHU Rp12.345.679, default split, 4 members)', () => {
  /*
   * 1. Lines: shu × bp / 10000, floor, then the leftover rupiah by largest remainder (ties: line order).
   *
   *   line        bp    exact           floor      remainder  +1?         amount
   *   RESERVE     2500  3,086,419.75    3,086,419  .75        yes (tie*)  3,086,420
   *   JASA_MODAL  2000  2,469,135.80    2,469,135  .80        yes         2,469,136
   *   JASA_USAHA  2500  3,086,419.75    3,086,419  .75        no  (tie*)  3,086,419
   *   PENGURUS    1000  1,234,567.90    1,234,567  .90        yes         1,234,568
   *   SOSIAL      1000  1,234,567.90    1,234,567  .90        yes         1,234,568
   *   PENDIDIKAN  1000  1,234,567.90    1,234,567  .90        yes         1,234,568
   *                                    ----------                        ----------
   *                                    12,345,674  leftover 5            12,345,679
   *   (*) RESERVE and JASA_USAHA tie at .75 for the 5th rupiah; RESERVE is listed first, so it wins.
   *
   * 2. Members (given in this order; note member numbers are not in input order):
   *
   *   #   name    equity (pokok+wajib)  patronage
   *   7   Budi       170,000            12,780,500
   *   15  Dewi        70,000             3,600,000
   *   3   Siti       630,000            27,315,000
   *   12  Wayan       50,000                     0   (joined late, no transactions)
   *   total          920,000            43,695,500
   *
   * 3. Jasa modal pool 2,469,136 by equity (denominator 920,000 → remainders in 23rds):
   *
   *   #   exact share = 2,469,136 × eq / 920,000   floor      remainder  +1?           jasa modal
   *   7   456,253.391...                           456,253    9/23       no  (tie†)    456,253
   *   15  187,869.043...                           187,869    1/23       no            187,869
   *   3   1,690,821.391...                       1,690,821    9/23       yes (tie†)  1,690,822
   *   12  134,192.173...                           134,192    4/23       no            134,192
   *                                               ---------                        ---------
   *                                               2,469,135  leftover 1            2,469,136
   *   (†) #7 and #3 tie at 9/23 for the only leftover rupiah; the lower member number (#3) wins, though
   *       #7 is listed first.
   *
   * 4. Jasa usaha pool 3,086,419 by patronage (denominator 43,695,500):
   *
   *   #   exact share = 3,086,419 × pat / 43,695,500   floor      remainder  +1?   jasa usaha
   *   7   902,746.9197...                              902,746    .9197      yes     902,747
   *   15  254,284.9584...                              254,284    .9584      yes     254,285
   *   3   1,929,387.1219...                          1,929,387    .1219      no    1,929,387
   *   12  0 (zero patronage)                               0      0          no            0
   *                                                  ---------                     ---------
   *                                                  3,086,417  leftover 2         3,086,419
   *   (the largest member, #3, does not get an extra rupiah: its remainder is the smallest)
   *
   * 5. Totals: #7 1,359,000; #15 442,154; #3 3,620,209; #12 134,192 — together 5,555,555
   *    = 2,469,136 + 3,086,419.
   */
  const members: ShuMemberInput[] = [
    { memberId: 'm-budi', memberNumber: 7, name: 'Budi Santoso', equityBalance: 170_000, patronage: 12_780_500 },
    { memberId: 'm-dewi', memberNumber: 15, name: 'Dewi Lestari', equityBalance: 70_000, patronage: 3_600_000 },
    { memberId: 'm-siti', memberNumber: 3, name: 'Siti Aminah', equityBalance: 630_000, patronage: 27_315_000 },
    { memberId: 'm-wayan', memberNumber: 12, name: 'Wayan Sudarma', equityBalance: 50_000, patronage: 0 },
  ];
  const a = allocateShu(12_345_679, DEFAULT_SHU_SPLIT, members);

  it('splits the lines with the leftover rupiah by largest remainder, ties to the earlier line', () => {
    expect(a.shu).toBe(12_345_679);
    expect(a.deficit).toBe(false);
    expect(amounts(a)).toEqual({
      RESERVE: 3_086_420,
      JASA_MODAL: 2_469_136,
      JASA_USAHA: 3_086_419,
      PENGURUS: 1_234_568,
      SOSIAL: 1_234_568,
      PENDIDIKAN: 1_234_568,
    });
    expect(a.lines[0]).toEqual({ key: 'RESERVE', label: DEFAULT_SHU_SPLIT[0]!.label, basisPoints: 2500, amount: 3_086_420 });
  });

  it('shares jasa modal and jasa usaha per member exactly as the hand computation', () => {
    expect(a.members.map((m) => [m.memberNumber, m.jasaModal, m.jasaUsaha, m.total])).toEqual([
      [7, 456_253, 902_747, 1_359_000],
      [15, 187_869, 254_285, 442_154],
      [3, 1_690_822, 1_929_387, 3_620_209],
      [12, 134_192, 0, 134_192],
    ]);
    expect(a.members[0]).toEqual({ ...members[0], jasaModal: 456_253, jasaUsaha: 902_747, total: 1_359_000 });
    expect(sum(a.members.map((m) => m.total))).toBe(5_555_555);
    expect(a.unassigned).toEqual({ jasaModal: 0, jasaUsaha: 0 });
    assertInvariants(a, DEFAULT_SHU_SPLIT, members);
  });

  it('breaks the jasa modal tie by member number, not input order', () => {
    const reversed = allocateShu(12_345_679, DEFAULT_SHU_SPLIT, [...members].reverse());
    const byNumber = (x: ShuAllocation) => Object.fromEntries(x.members.map((m) => [m.memberNumber, m.jasaModal]));
    expect(byNumber(reversed)).toEqual(byNumber(a));
    // renumber Siti above Budi: the tied rupiah moves to Budi
    const renumbered = allocateShu(
      12_345_679,
      DEFAULT_SHU_SPLIT,
      members.map((m) => (m.memberId === 'm-siti' ? { ...m, memberNumber: 30 } : m)),
    );
    expect(renumbered.members.map((m) => m.jasaModal)).toEqual([456_254, 187_869, 1_690_821, 134_192]);
  });

  it('does not mutate its inputs', () => {
    const before = JSON.stringify([DEFAULT_SHU_SPLIT, members]);
    allocateShu(12_345_679, DEFAULT_SHU_SPLIT, members);
    expect(JSON.stringify([DEFAULT_SHU_SPLIT, members])).toBe(before);
  });
});

describe('allocateShu: deficit and zero', () => {
  const members: ShuMemberInput[] = [
    { memberId: 'a', memberNumber: 1, name: 'A', equityBalance: 100_000, patronage: 500_000 },
    { memberId: 'b', memberNumber: 2, name: 'B', equityBalance: 300_000, patronage: 0 },
  ];

  it('does not split a deficit: all zeros and the deficit flag', () => {
    const a = allocateShu(-7_500_000, DEFAULT_SHU_SPLIT, members);
    expect(a.deficit).toBe(true);
    expect(a.shu).toBe(0);
    expect(a.lines.map((l) => l.amount)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(a.lines.map((l) => l.key)).toEqual(DEFAULT_SHU_SPLIT.map((l) => l.key));
    expect(a.members.map((m) => [m.memberId, m.jasaModal, m.jasaUsaha, m.total])).toEqual([
      ['a', 0, 0, 0],
      ['b', 0, 0, 0],
    ]);
    expect(a.unassigned).toEqual({ jasaModal: 0, jasaUsaha: 0 });
  });

  it('still validates inputs on a deficit', () => {
    expect(() => allocateShu(-1, [], members)).toThrow(RangeError);
    expect(() => allocateShu(-1.5, DEFAULT_SHU_SPLIT, members)).toThrow(RangeError);
  });

  it('a zero SHU is not a deficit and gives zeros', () => {
    const a = allocateShu(0, DEFAULT_SHU_SPLIT, members);
    expect(a.deficit).toBe(false);
    expect(a.lines.every((l) => l.amount === 0)).toBe(true);
    expect(a.members.every((m) => m.total === 0)).toBe(true);
    expect(a.unassigned).toEqual({ jasaModal: 0, jasaUsaha: 0 });
  });
});

describe('allocateShu: pools nobody has a base for go to reserve', () => {
  it('all-zero patronage: the whole jasa usaha pool is unassigned and added to RESERVE', () => {
    const members: ShuMemberInput[] = [
      { memberId: 'a', memberNumber: 1, name: 'A', equityBalance: 100_000, patronage: 0 },
      { memberId: 'b', memberNumber: 2, name: 'B', equityBalance: 200_000, patronage: 0 },
    ];
    // 1,000,001: RESERVE 250,000.25, JASA_MODAL 200,000.2, JASA_USAHA 250,000.25, others 100,000.1
    // floors sum to 1,000,000; the leftover rupiah goes to RESERVE (first of the .25 ties).
    const a = allocateShu(1_000_001, DEFAULT_SHU_SPLIT, members);
    expect(a.unassigned).toEqual({ jasaModal: 0, jasaUsaha: 250_000 });
    expect(amounts(a)).toEqual({
      RESERVE: 250_001 + 250_000,
      JASA_MODAL: 200_000,
      JASA_USAHA: 0,
      PENGURUS: 100_000,
      SOSIAL: 100_000,
      PENDIDIKAN: 100_000,
    });
    // jasa modal 200,000 by 1:2 → 66,666.67 / 133,333.33 → floors 66,666 + 133,333, leftover 1 to A
    expect(a.members.map((m) => [m.jasaModal, m.jasaUsaha, m.total])).toEqual([
      [66_667, 0, 66_667],
      [133_333, 0, 133_333],
    ]);
    expect(sum(a.lines.map((l) => l.amount))).toBe(1_000_001);
    assertInvariants(a, DEFAULT_SHU_SPLIT, members);
  });

  it('no members at all: both pools go to reserve', () => {
    const a = allocateShu(10_000_000, DEFAULT_SHU_SPLIT, []);
    expect(a.unassigned).toEqual({ jasaModal: 2_000_000, jasaUsaha: 2_500_000 });
    expect(amounts(a)).toMatchObject({ RESERVE: 7_000_000, JASA_MODAL: 0, JASA_USAHA: 0 });
    expect(a.members).toEqual([]);
    expect(sum(a.lines.map((l) => l.amount))).toBe(10_000_000);
  });

  it('all-zero equity: jasa modal unassigned, jasa usaha still shared', () => {
    const members: ShuMemberInput[] = [
      { memberId: 'a', memberNumber: 2, name: 'A', equityBalance: 0, patronage: 1 },
      { memberId: 'b', memberNumber: 1, name: 'B', equityBalance: 0, patronage: 1 },
    ];
    const a = allocateShu(10_001, DEFAULT_SHU_SPLIT, members);
    // lines: 2500.25, 2000.2, 2500.25, 1000.1 ×3 → floors 10,000, leftover 1 to RESERVE
    expect(a.unassigned).toEqual({ jasaModal: 2000, jasaUsaha: 0 });
    expect(amounts(a)).toMatchObject({ RESERVE: 2501 + 2000, JASA_MODAL: 0, JASA_USAHA: 2500 });
    expect(a.members.map((m) => m.jasaUsaha)).toEqual([1250, 1250]);
    assertInvariants(a, DEFAULT_SHU_SPLIT, members);
  });

  it('an odd pool between equal bases: the extra rupiah to the lower member number', () => {
    const members: ShuMemberInput[] = [
      { memberId: 'x', memberNumber: 9, name: 'X', equityBalance: 50_000, patronage: 0 },
      { memberId: 'y', memberNumber: 4, name: 'Y', equityBalance: 50_000, patronage: 0 },
      { memberId: 'z', memberNumber: 6, name: 'Z', equityBalance: 50_000, patronage: 0 },
    ];
    // 10,000 → JASA_MODAL 2,000 → 666.67 each → 666 ×3, leftover 2 → #4 then #6
    const a = allocateShu(10_000, DEFAULT_SHU_SPLIT, members);
    expect(a.members.map((m) => [m.memberNumber, m.jasaModal])).toEqual([
      [9, 666],
      [4, 667],
      [6, 667],
    ]);
  });
});

describe('validateShuSplit / invalid inputs', () => {
  it('reports the actual sum when the lines do not sum to 10000', () => {
    const split = copySplit();
    split[5]!.basisPoints = 900;
    const problems = validateShuSplit(split);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.en).toMatch(/sum to 9900/);
    expect(problems[0]!.id).toMatch(/^jumlah basis poin 9900, harus tepat 10000 \(100%\)$/);
    expect(() => allocateShu(1_000_000, split, [])).toThrow(RangeError);
    expect(() => allocateShu(1_000_000, split, [])).toThrow(/9900/);
  });

  it('reports negative and non-integer basis points', () => {
    const split = copySplit();
    split[3]!.basisPoints = -500;
    split[4]!.basisPoints = 2500; // keeps the sum at 10000
    expect(validateShuSplit(split)).toEqual([expect.objectContaining({ en: expect.stringMatching(/PENGURUS.*negative.*-500/) })]);
    const frac = copySplit();
    frac[3]!.basisPoints = 999.5;
    frac[4]!.basisPoints = 1000.5;
    const problems = validateShuSplit(frac);
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => /whole number/.test(p.en) && /bilangan bulat/.test(p.id))).toBe(true);
    expect(validateShuSplit([...copySplit().slice(0, 5), { ...copySplit()[5]!, basisPoints: Number.NaN }])).toEqual([
      expect.objectContaining({ en: expect.stringMatching(/PENDIDIKAN.*whole number.*NaN/) }),
    ]);
  });

  it('reports duplicate keys once, and missing JASA_MODAL / JASA_USAHA / RESERVE', () => {
    const split = copySplit();
    split[5]!.key = 'SOSIAL';
    expect(validateShuSplit(split)).toEqual([expect.objectContaining({ en: expect.stringMatching(/duplicate key SOSIAL/) })]);
    const noModal = copySplit().filter((l) => l.key !== 'JASA_MODAL');
    noModal[0]!.basisPoints += 2000;
    expect(validateShuSplit(noModal)).toEqual([expect.objectContaining({ en: expect.stringMatching(/missing line JASA_MODAL/) })]);
    const noUsaha = copySplit().filter((l) => l.key !== 'JASA_USAHA');
    noUsaha[0]!.basisPoints += 2500;
    expect(validateShuSplit(noUsaha)).toEqual([expect.objectContaining({ en: expect.stringMatching(/missing line JASA_USAHA/) })]);
    const noReserve = copySplit().filter((l) => l.key !== 'RESERVE');
    noReserve[0]!.basisPoints += 2500;
    expect(validateShuSplit(noReserve)).toEqual([expect.objectContaining({ en: expect.stringMatching(/missing line RESERVE/) })]);
    expect(validateShuSplit([])).toHaveLength(1);
  });

  it('accepts a zero-bp line and a different AD/ART split', () => {
    const split: ShuSplitLine[] = [
      { key: 'RESERVE', label: { id: 'Cadangan', en: 'Reserve' }, basisPoints: 4000 },
      { key: 'JASA_MODAL', label: { id: 'Jasa modal', en: 'Capital' }, basisPoints: 1500 },
      { key: 'JASA_USAHA', label: { id: 'Jasa usaha', en: 'Patronage' }, basisPoints: 3000 },
      { key: 'PENGURUS', label: { id: 'Pengurus', en: 'Board' }, basisPoints: 1500 },
      { key: 'SOSIAL', label: { id: 'Sosial', en: 'Social' }, basisPoints: 0 },
    ];
    expect(validateShuSplit(split)).toEqual([]);
    const a = allocateShu(999, split, [{ memberId: 'a', memberNumber: 1, name: 'A', equityBalance: 1, patronage: 1 }]);
    // exact 399.6, 149.85, 299.7, 149.85, 0 → floors 996, leftover 3 → by remainder: .85 (JASA_MODAL),
    // .85 (PENGURUS), .7 (JASA_USAHA); RESERVE's .6 misses out
    expect(amounts(a)).toEqual({ RESERVE: 399, JASA_MODAL: 150, JASA_USAHA: 300, PENGURUS: 150, SOSIAL: 0 });
    expect(a.members[0]!.total).toBe(450);
  });

  it('throws RangeError on bad amounts and duplicate members', () => {
    const m = (over: Partial<ShuMemberInput> = {}): ShuMemberInput => ({
      memberId: 'a',
      memberNumber: 1,
      name: 'A',
      equityBalance: 1,
      patronage: 1,
      ...over,
    });
    expect(() => allocateShu(1000.5, DEFAULT_SHU_SPLIT, [m()])).toThrow(RangeError);
    expect(() => allocateShu(Number.NaN, DEFAULT_SHU_SPLIT, [m()])).toThrow(RangeError);
    expect(() => allocateShu(2 ** 53, DEFAULT_SHU_SPLIT, [m()])).toThrow(RangeError);
    expect(() => allocateShu(1000, DEFAULT_SHU_SPLIT, [m({ equityBalance: -1 })])).toThrow(/equityBalance.*negative/);
    expect(() => allocateShu(1000, DEFAULT_SHU_SPLIT, [m({ patronage: 0.5 })])).toThrow(/patronage.*whole rupiah/);
    expect(() => allocateShu(1000, DEFAULT_SHU_SPLIT, [m(), m({ memberNumber: 2 })])).toThrow(/duplicate member id a/);
    expect(() => allocateShu(1000, DEFAULT_SHU_SPLIT, [m(), m({ memberId: 'b' })])).toThrow(/duplicate member number 1/);
    expect(() => allocateShu(1000, DEFAULT_SHU_SPLIT, [m({ memberNumber: 1.5 })])).toThrow(RangeError);
  });
});

describe('allocateShu: large values without precision loss', () => {
  it('SHU Rp4.800.000.000 with equity balances in the billions', () => {
    const members: ShuMemberInput[] = [
      { memberId: 'a', memberNumber: 1, name: 'A', equityBalance: 3_333_333_333, patronage: 987_654_321_987 },
      { memberId: 'b', memberNumber: 2, name: 'B', equityBalance: 7_777_777_777, patronage: 1_234_567_890_123 },
      { memberId: 'c', memberNumber: 3, name: 'C', equityBalance: 1_000_000_001, patronage: 0 },
    ];
    const a = allocateShu(4_800_000_000, DEFAULT_SHU_SPLIT, members);
    expect(amounts(a)).toEqual({
      RESERVE: 1_200_000_000,
      JASA_MODAL: 960_000_000,
      JASA_USAHA: 1_200_000_000,
      PENGURUS: 480_000_000,
      SOSIAL: 480_000_000,
      PENDIDIKAN: 480_000_000,
    });
    // pool × balance reaches 7.5e18 (jasa modal) and 1.5e21 (jasa usaha), far past 2^53 ≈ 9.0e15.
    // Exact values (computed with rational arithmetic):
    //   jasa modal, total equity 12,111,111,111:
    //     A 960,000,000 × 3,333,333,333 / 12,111,111,111 = 264,220,183.462  → +1 (largest remainder)
    //     B                7,777,777,777                 = 616,513,761.412
    //     C                1,000,000,001                 =  79,266,055.126  (floors sum 959,999,999)
    //   jasa usaha, total patronage 2,222,222,212,110:
    //     A 1,200,000,000 × 987,654,321,987 / 2,222,222,212,110 = 533,333,336.300
    //     B                 1,234,567,890,123                   = 666,666,663.700  → +1
    //     C 0
    expect(a.members.map((m) => [m.jasaModal, m.jasaUsaha, m.total])).toEqual([
      [264_220_184, 533_333_336, 797_553_520],
      [616_513_761, 666_666_664, 1_283_180_425],
      [79_266_055, 0, 79_266_055],
    ]);
    expect(sum(a.members.map((m) => m.jasaModal))).toBe(960_000_000);
    expect(sum(a.members.map((m) => m.jasaUsaha))).toBe(1_200_000_000);
    assertInvariants(a, DEFAULT_SHU_SPLIT, members);
  });

  it('SHU near 2^53 still splits exactly', () => {
    const shu = Number.MAX_SAFE_INTEGER; // 9,007,199,254,740,991
    const members: ShuMemberInput[] = [
      { memberId: 'a', memberNumber: 1, name: 'A', equityBalance: Number.MAX_SAFE_INTEGER, patronage: 3 },
      { memberId: 'b', memberNumber: 2, name: 'B', equityBalance: 1, patronage: Number.MAX_SAFE_INTEGER - 7 },
    ];
    const a = allocateShu(shu, DEFAULT_SHU_SPLIT, members);
    expect(amounts(a)).toEqual({
      RESERVE: 2_251_799_813_685_248,
      JASA_MODAL: 1_801_439_850_948_198,
      JASA_USAHA: 2_251_799_813_685_248,
      PENGURUS: 900_719_925_474_099,
      SOSIAL: 900_719_925_474_099,
      PENDIDIKAN: 900_719_925_474_099,
    });
    assertInvariants(a, DEFAULT_SHU_SPLIT, members);
  });
});

describe('allocateShu: property tests (seeded)', () => {
  /** mulberry32: small deterministic PRNG so failures reproduce. */
  function mulberry32(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const rand = mulberry32(20_251_124);
  const int = (max: number): number => Math.floor(rand() * (max + 1)); // 0..max
  const magnitude = (): number => {
    // mix small, ordinary and huge magnitudes
    const scale = [10, 1_000, 1_000_000, 1_000_000_000, 1_000_000_000_000][int(4)]!;
    return int(scale);
  };
  const randomSplit = (): ShuSplitLine[] => {
    if (rand() < 0.5) return DEFAULT_SHU_SPLIT;
    const keys = ['RESERVE', 'JASA_MODAL', 'JASA_USAHA', 'PENGURUS', 'SOSIAL', 'PENDIDIKAN', 'PEMBANGUNAN'].slice(0, 3 + int(4));
    // random cut points on 0..10000 give bp summing to exactly 10000 (some may be 0)
    const cuts = keys.slice(1).map(() => int(10_000)).sort((x, y) => x - y);
    const edges = [0, ...cuts, 10_000];
    return keys
      .map((key, i) => ({ key, label: { id: key, en: key }, basisPoints: edges[i + 1]! - edges[i]! }))
      .sort(() => rand() - 0.5);
  };

  it('500 random cases: sums exact, every share within 1 rupiah of its proportional value', () => {
    let withUnassigned = 0;
    let withTies = 0;
    for (let c = 0; c < 500; c++) {
      const split = randomSplit();
      expect(validateShuSplit(split)).toEqual([]);
      const n = int(12);
      const numbers = [...Array(n).keys()].map((i) => i + 1).sort(() => rand() - 0.5);
      const equal = rand() < 0.15 ? magnitude() : -1; // sometimes everybody has the same base → ties
      const members: ShuMemberInput[] = numbers.map((num, i) => ({
        memberId: `m${c}-${i}`,
        memberNumber: num,
        name: `Member ${num}`,
        equityBalance: equal >= 0 ? equal : rand() < 0.2 ? 0 : magnitude(),
        patronage: rand() < 0.3 ? 0 : magnitude(),
      }));
      if (rand() < 0.1) for (const m of members) m.patronage = 0;
      if (equal >= 0) withTies++;
      const shu = rand() < 0.05 ? -magnitude() - 1 : rand() < 0.1 ? int(Number.MAX_SAFE_INTEGER) : magnitude();
      const a = allocateShu(shu, split, members);
      if (shu < 0) {
        expect(a.deficit).toBe(true);
        expect(a.lines.every((l) => l.amount === 0) && a.members.every((m) => m.total === 0)).toBe(true);
        continue;
      }
      expect(a.deficit).toBe(false);
      expect(a.shu).toBe(shu);
      if (a.unassigned.jasaModal + a.unassigned.jasaUsaha > 0) withUnassigned++;
      assertInvariants(a, split, members);
      for (const x of [...a.lines.map((l) => l.amount), ...a.members.flatMap((m) => [m.jasaModal, m.jasaUsaha, m.total])]) {
        expect(Number.isSafeInteger(x) && x >= 0).toBe(true);
      }
    }
    expect(withUnassigned).toBeGreaterThan(10);
    expect(withTies).toBeGreaterThan(10);
  });

  it('apportion matches the brute-force definition on small random cases', () => {
    for (let c = 0; c < 200; c++) {
      const n = 1 + int(6);
      const weights = [...Array(n)].map(() => int(20));
      const ties = [...Array(n).keys()].sort(() => rand() - 0.5);
      const total = int(50);
      const got = apportion(total, weights, ties);
      const W = sum(weights);
      if (W === 0) {
        expect(got).toBeNull();
        continue;
      }
      // brute force: hand out floor(total·w/W), then rank by (remainder desc, tie key asc)
      const floors = weights.map((w) => Math.floor((total * w) / W));
      const order = weights
        .map((w, i) => ({ i, r: (total * w) % W, k: ties[i]! }))
        .filter((x) => weights[x.i]! > 0)
        .sort((x, y) => y.r - x.r || x.k - y.k);
      let left = total - sum(floors);
      for (const { i } of order) if (left-- > 0) floors[i]!++;
      expect(got).toEqual(floors);
    }
  });
});
