/** "oktober 2026" / "Q3 2026" for a report period key. */
import { locale } from '$lib/i18n';

export function periodLabel(key: string): string {
	const q = /^(\d{4})-Q(\d)$/.exec(key);
	if (q) return `Q${q[2]} ${q[1]}`;
	const [y, mo] = key.split('-').map(Number);
	return new Intl.DateTimeFormat(locale() === 'en' ? 'en-GB' : 'sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, mo - 1, 15)));
}

/** Short axis label: "okt" / "Q3 26". */
export function periodTick(key: string): string {
	const q = /^(\d{4})-Q(\d)$/.exec(key);
	if (q) return `Q${q[2]} ${q[1].slice(2)}`;
	const [y, mo] = key.split('-').map(Number);
	return new Intl.DateTimeFormat(locale() === 'en' ? 'en-GB' : 'sv-SE', { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, mo - 1, 15)));
}
