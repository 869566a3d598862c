/**
 * What a source's API answers, as the rows of a table: the same header and
 * cells a CSV export of the same records has, so the import presets map them
 * exactly as they map the file (row-to-ticket.ts).
 */

/** One record: a column's value, or several values for a repeated column (Jira's Labels). */
export type SourceRecord = Record<string, string | string[]>;

export interface SourceTable {
	header: string[];
	rows: string[][];
}

/** The columns of all records (repeated as often as the most values any record has), and each record's cells. */
export function toTable(records: SourceRecord[]): SourceTable {
	const width = new Map<string, number>();
	for (const r of records) {
		for (const [k, v] of Object.entries(r)) width.set(k, Math.max(width.get(k) ?? 0, Array.isArray(v) ? Math.max(1, v.length) : 1));
	}
	const header: string[] = [];
	for (const [k, n] of width) for (let i = 0; i < n; i++) header.push(k);
	const rows = records.map((r) => {
		const cells: string[] = [];
		for (const [k, n] of width) {
			const v = r[k];
			const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
			for (let i = 0; i < n; i++) cells.push(list[i] ?? '');
		}
		return cells;
	});
	return { header, rows };
}

/** Keeps one record per key, the last one read (paging may hand a record over twice when it changed meanwhile). */
export function lastPerKey(records: SourceRecord[], key: (r: SourceRecord) => string | undefined): SourceRecord[] {
	const byKey = new Map<string, SourceRecord>();
	const loose: SourceRecord[] = [];
	for (const r of records) {
		const k = key(r);
		if (k === undefined || k === '') loose.push(r);
		else {
			byKey.delete(k);
			byKey.set(k, r);
		}
	}
	return [...byKey.values(), ...loose];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** yyyy-MM-dd HH:mm:ss in UTC (ServiceNow's raw date-time). */
export function utcDateTime(ms: number): string {
	const d = new Date(ms);
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
