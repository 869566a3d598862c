export { default as Table } from './table.svelte';
export type { Column, ColumnSpec } from './columns';
