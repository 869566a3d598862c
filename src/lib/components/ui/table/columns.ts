/** One header cell of a {@link Table}: a plain label, or a label with its alignment and classes. */
export interface Column {
	label: string;
	/** figures are right-aligned, their header with them */
	align?: 'left' | 'right';
	/** extra classes for the header cell (widths, responsive hiding) */
	class?: string;
	/** read by screen readers only (a column of buttons) */
	srOnly?: boolean;
}

/** A column given as its label alone is a left-aligned column. */
export type ColumnSpec = string | Column;

export const toColumn = (spec: ColumnSpec): Column => (typeof spec === 'string' ? { label: spec } : spec);

/** The classes of a header cell: its own, and `text-right` for a figure column. */
export const columnClass = (column: Column): string => [column.align === 'right' ? 'text-right' : '', column.class ?? ''].filter(Boolean).join(' ');
