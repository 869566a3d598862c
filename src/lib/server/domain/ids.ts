import { randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** Timestamps are stored as ISO-8601 UTC strings: portable and sortable. */
export const nowIso = (): string => new Date().toISOString();
