import { fieldLabel, valueInWords } from './audit-labels';

/** Before → after of an audit entry as short per-field lines, in the reader's language. */
export interface DiffLine {
	key: string;
	/** the field in words (the key itself when it has none, e.g. a person's name) */
	label: string;
	before?: string;
	after?: string;
	same: boolean;
	/** full values when shortened */
	title?: string;
}

const MAX = 90;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function show(v: unknown, key = ''): string | undefined {
	if (v === undefined) return undefined;
	if (v === null || v === '') return '—';
	const words = valueInWords(key, v);
	if (words !== undefined) return words;
	// ids are long and say little; their start is enough to tell them apart
	if (typeof v === 'string') return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(v) ? `${v.slice(0, 8)}…` : v;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	// lists of plain values (agenda items, scopes) read better without JSON's quotes
	if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join(', ') || '—';
	return JSON.stringify(v);
}

const clip = (s: string | undefined) => (s !== undefined && s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s);

export function diffLines(before: unknown, after: unknown): DiffLine[] {
	if (before == null && after == null) return [];
	if ((isRecord(before) || before == null) && (isRecord(after) || after == null)) {
		const b = before ?? {};
		const a = after ?? {};
		const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
		return keys.map((key) => line(key, before == null ? undefined : show(b[key], key), after == null ? undefined : show(a[key], key)));
	}
	return [line('', show(before ?? undefined), show(after ?? undefined))];
}

function line(key: string, before: string | undefined, after: string | undefined): DiffLine {
	const same = before !== undefined && after !== undefined && before === after;
	const long = (before?.length ?? 0) > MAX || (after?.length ?? 0) > MAX;
	return {
		key,
		label: key ? fieldLabel(key) : '',
		before: clip(same ? undefined : before),
		after: clip(after),
		same,
		title: long ? [before, after].filter((x) => x !== undefined).join(' → ') : undefined
	};
}
