/** Store-level failures that callers map to domain errors. */
export class ConditionFailed extends Error {
  constructor(
    /** Tags of the transaction actions whose condition failed (empty for a single write). */
    readonly failedTags: string[],
    message = 'condition failed',
  ) {
    super(message);
    this.name = 'ConditionFailed';
  }
}

export class TransactionTooLarge extends Error {
  constructor(readonly actions: number) {
    super(`a DynamoDB transaction holds at most 100 actions; this one has ${actions}`);
    this.name = 'TransactionTooLarge';
  }
}

/** Another writer changed the item between read and write; retry from the read. */
export class VersionConflict extends Error {
  constructor(readonly key: { pk: string; sk: string }) {
    super(`item ${key.pk} / ${key.sk} was changed by someone else`);
    this.name = 'VersionConflict';
  }
}

/** Other writers kept winning the same items; nothing was written. Safe to try again. */
export class TransactionContention extends Error {
  constructor() {
    super('the transaction kept conflicting with concurrent writes');
    this.name = 'TransactionContention';
  }
}
