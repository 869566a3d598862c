/** "oktober 2026" / "Q3 2026" for a report period key. */
import { locale } from '$lib/i18n';

/** One formatter per language and form: making an Intl.DateTimeFormat costs more than using it (a report's chart labels dozens). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function monthFormat(month: 'long' | 'short', withYear: boolean): Intl.DateTimeFormat {
	const tag = locale() === 'en' ? 'en-GB' : 'sv-SE';
	const key = `${tag} ${month} ${withYear}`;
	let format = formatters.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(tag, withYear ? { month, year: 'numeric', timeZone: 'UTC' } : { month, timeZone: 'UTC' });
		formatters.set(key, format);
	}
	return format;
}

export function periodLabel(key: string): string {
	const q = /^(\d{4})-Q(\d)$/.exec(key);
	if (q) return `Q${q[2]} ${q[1]}`;
	const [y, mo] = key.split('-').map(Number);
	return monthFormat('long', true).format(new Date(Date.UTC(y, mo - 1, 15)));
}

/** Short axis label: "okt" / "Q3 26". */
export function periodTick(key: string): string {
	const q = /^(\d{4})-Q(\d)$/.exec(key);
	if (q) return `Q${q[2]} ${q[1].slice(2)}`;
	const [y, mo] = key.split('-').map(Number);
	return monthFormat('short', false).format(new Date(Date.UTC(y, mo - 1, 15)));
}
