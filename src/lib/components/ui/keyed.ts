/**
 * The identity of an item in a keyed list or table: its `id` unless the
 * page says otherwise; items without an `id` must say how they are told apart.
 */
export type Keyed<T> = T extends { id: string | number } ? { key?: (item: T, index: number) => string | number } : { key: (item: T, index: number) => string | number };
