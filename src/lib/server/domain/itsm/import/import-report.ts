/** The report every import ends with, stored with the import and returned to the caller. */
export interface RejectedRow {
	/** the row number in the file (1 = header), or the item number (1-based) of a JSON batch */
	row: number;
	reasons: string[];
}

export interface ImportReport {
	/** imported: committed; rejected: nothing changed; checked: a dry run that would have committed */
	status: 'imported' | 'rejected' | 'checked';
	importId: string | null;
	preset: string;
	source: string;
	rowsRead: number;
	tickets: number;
	created: number;
	updated: number;
	unchanged: number;
	rejected: number;
	/** problems with the whole file (unreadable, wrong preset, unknown columns) */
	errors: string[];
	rejectedRows: RejectedRow[];
	/** columns of the file that no field reads */
	ignoredColumns: string[];
	durationMs: number;
}
