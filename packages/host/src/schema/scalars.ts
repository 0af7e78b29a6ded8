import { GraphQLError, Kind } from 'graphql';
import type { Builder } from '@kkmp/plugin-sdk';

export function registerScalars(builder: Builder) {
  function toRupiah(value: unknown): number {
    const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
      throw new GraphQLError('Rupiah must be a whole number of rupiah (a safe integer, or a string of digits) / Rupiah harus bilangan bulat');
    }
    return n;
  }

  builder.scalarType('Rupiah', {
    description:
      'Amount of money in whole rupiah (Indonesia uses no minor unit). A safe integer up to 2^53-1, so sums in the billions fit where GraphQL Int (32-bit) would not. Input may also be a string of digits. Never a float.',
    serialize: toRupiah,
    parseValue: toRupiah,
    parseLiteral: (ast) => {
      if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return toRupiah(ast.value);
      throw new GraphQLError('Rupiah must be an integer literal / Rupiah harus bilangan bulat');
    },
  });

  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  function toDate(value: unknown): string {
    // Shape and calendar: 2026-02-31 is refused here, before any resolver sees it.
    if (typeof value !== 'string' || !DATE.test(value) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
      throw new GraphQLError('Date must be a real date YYYY-MM-DD / Tanggal harus tanggal yang ada TTTT-BB-HH');
    }
    return value;
  }

  builder.scalarType('Date', {
    description: "Calendar date YYYY-MM-DD in the cooperative's own time zone (WIB, WITA or WIT).",
    serialize: toDate,
    parseValue: toDate,
    parseLiteral: (ast) => toDate(ast.kind === Kind.STRING ? ast.value : undefined),
  });

  builder.scalarType('DateTime', {
    description: 'Instant in ISO 8601, UTC (e.g. 2026-01-31T17:30:00.000Z).',
    serialize: (v) => String(v),
    parseValue: (v) => {
      if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw new GraphQLError('DateTime must be ISO 8601');
      return v;
    },
  });
}
