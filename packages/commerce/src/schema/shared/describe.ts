/** Enum values with their descriptions, for b.enumType. */
export const values = <T extends string>(list: readonly T[], describe: Record<T, string>) =>
  Object.fromEntries(list.map((v) => [v, { description: describe[v] }])) as Record<T, { description: string }>;

/** The prefix of every type the kit shares (registered once per schema through unit.shared). */
export const KIT = 'Commerce';
