/**
 * Due dates said the way people say them in a meeting, in Swedish or English:
 * "till 15/12", "senast 2027-01-31", "15 december", "nästa möte", "om två
 * veckor", "i morgon", "på fredag", "vecka 51", "by next meeting",
 * "in 3 days". Used when a line of the minutes becomes an action: the phrase
 * sets the action's due date and leaves its title.
 *
 * Pure and framework-free: dates are calendar dates (YYYY-MM-DD) in the
 * meeting's time zone, `today` comes from the caller. Decisions where the
 * words are ambiguous (written down in docs/decisions.md):
 * - a day and month without a year is the next such day from today on;
 * - a weekday is the next one after today ("fredag" said on a Friday is next week's);
 * - a week number is that ISO week's Friday, the end of its working week;
 * - "nästa möte" is the date of the forum's next meeting after this one; with
 *   no meeting planned the phrase is not understood and stays in the title.
 */

export interface DueContext {
	/** today, YYYY-MM-DD */
	today: string;
	/** the date of the forum's next meeting, YYYY-MM-DD, if one is planned */
	nextMeeting?: string | null;
}

export interface DuePhrase {
	date: string;
	/** where the phrase (with its "till"/"by") stands in the text */
	start: number;
	end: number;
}

const MONTHS: Record<string, number> = {
	jan: 1, januari: 1, january: 1,
	feb: 2, februari: 2, february: 2,
	mar: 3, mars: 3, march: 3,
	apr: 4, april: 4,
	maj: 5, may: 5,
	jun: 6, juni: 6, june: 6,
	jul: 7, juli: 7, july: 7,
	aug: 8, augusti: 8, august: 8,
	sep: 9, sept: 9, september: 9,
	okt: 10, oct: 10, oktober: 10, october: 10,
	nov: 11, november: 11,
	dec: 12, december: 12
};

const WEEKDAYS: Record<string, number> = {
	måndag: 1, monday: 1,
	tisdag: 2, tuesday: 2,
	onsdag: 3, wednesday: 3,
	torsdag: 4, thursday: 4,
	fredag: 5, friday: 5,
	lördag: 6, saturday: 6,
	söndag: 0, sunday: 0
};

const NUMBERS: Record<string, number> = {
	en: 1, ett: 1, one: 1, a: 1, an: 1,
	två: 2, two: 2,
	tre: 3, three: 3,
	fyra: 4, four: 4,
	fem: 5, five: 5,
	sex: 6, six: 6,
	sju: 7, seven: 7,
	åtta: 8, eight: 8,
	nio: 9, nine: 9,
	tio: 10, ten: 10
};

const UNIT_DAYS: Record<string, number> = {
	dag: 1, dagar: 1, day: 1, days: 1,
	vecka: 7, veckor: 7, week: 7, weeks: 7
};
const MONTH_UNITS = new Set(['månad', 'månader', 'month', 'months']);

// The words may be preceded by a "by": the phrase includes it, so the title loses it too.
// longest first: "mars" must not stop at "mar"
const alternatives = (words: Record<string, number>) => Object.keys(words).sort((a, b) => b.length - a.length).join('|');

const LEAD = String.raw`(?:(?:till|senast|före|innan|by|before|until|due)\s+)?`;
const NUMBER = String.raw`(\d{1,2}|${alternatives(NUMBERS)})`;
const MONTH = alternatives(MONTHS);
const WEEKDAY = alternatives(WEEKDAYS);

type Reader = (m: RegExpExecArray, ctx: DueContext) => string | null;

/** Each form of phrase and how it turns into a date; word boundaries that know å, ä, ö. */
const FORMS: Array<[RegExp, Reader]> = [
	[new RegExp(String.raw`${LEAD}(\d{4})-(\d{2})-(\d{2})`, 'giu'), (m) => validDate(+m[1], +m[2], +m[3])],
	[new RegExp(String.raw`${LEAD}(\d{1,2})/(\d{1,2})(?:[/-](\d{4}|\d{2}))?`, 'giu'), (m, ctx) => dayMonth(+m[1], +m[2], m[3], ctx)],
	[new RegExp(String.raw`${LEAD}(\d{1,2})(?::e|:a)?\s+(${MONTH})\.?(?:\s+(\d{4}))?`, 'giu'), (m, ctx) => dayMonth(+m[1], MONTHS[m[2].toLowerCase()], m[3], ctx)],
	[new RegExp(String.raw`${LEAD}(?:(?:the|to the)\s+)?(?:nästa\s+möte|next\s+meeting)`, 'giu'), (_m, ctx) => ctx.nextMeeting ?? null],
	[new RegExp(String.raw`(?:om|in|inom|within)\s+${NUMBER}\s+(dagar|dag|veckor|vecka|månader|månad|days|day|weeks|week|months|month)`, 'giu'), (m, ctx) => inSpan(m[1], m[2], ctx)],
	[new RegExp(String.raw`${LEAD}(?:i\s*morgon|tomorrow)`, 'giu'), (_m, ctx) => addDays(ctx.today, 1)],
	[new RegExp(String.raw`${LEAD}(?:(?:på|on|next)\s+)?(${WEEKDAY})`, 'giu'), (m, ctx) => nextWeekday(WEEKDAYS[m[1].toLowerCase()], ctx)],
	[new RegExp(String.raw`${LEAD}(?:vecka|v\.?|week)\s*(\d{1,2})`, 'giu'), (m, ctx) => fridayOfWeek(+m[1], ctx)]
];

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * The last due-date phrase in the text (people add the date at the end of
 * what they say), or null when there is none.
 */
export function findDuePhrase(text: string, ctx: DueContext): DuePhrase | null {
	let best: DuePhrase | null = null;
	for (const [pattern, read] of FORMS) {
		pattern.lastIndex = 0;
		for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
			const start = m.index;
			const end = start + m[0].length;
			if (isWordChar(text[start - 1]) || isWordChar(text[end])) continue;
			const date = read(m, ctx);
			if (date && (!best || start > best.start)) best = { date, start, end };
		}
	}
	return best;
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

function validDate(y: number, mo: number, d: number): string | null {
	if (mo < 1 || mo > 12 || d < 1) return null;
	const dt = new Date(Date.UTC(y, mo - 1, d));
	if (dt.getUTCMonth() !== mo - 1) return null;
	return `${y}-${pad(mo)}-${pad(d)}`;
}

function dayMonth(d: number, mo: number, year: string | undefined, ctx: DueContext): string | null {
	if (year) return validDate(year.length === 2 ? 2000 + +year : +year, mo, d);
	const thisYear = +ctx.today.slice(0, 4);
	const candidate = validDate(thisYear, mo, d);
	if (candidate && candidate >= ctx.today) return candidate;
	return validDate(thisYear + 1, mo, d);
}

function toUtc(date: string): Date {
	return new Date(`${date}T00:00:00Z`);
}

function fromUtc(dt: Date): string {
	return dt.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
	const dt = toUtc(date);
	dt.setUTCDate(dt.getUTCDate() + days);
	return fromUtc(dt);
}

function inSpan(count: string, unit: string, ctx: DueContext): string | null {
	const n = /^\d+$/.test(count) ? +count : NUMBERS[count.toLowerCase()];
	if (!n) return null;
	const u = unit.toLowerCase();
	if (MONTH_UNITS.has(u)) {
		const dt = toUtc(ctx.today);
		const day = dt.getUTCDate();
		dt.setUTCDate(1);
		dt.setUTCMonth(dt.getUTCMonth() + n);
		// 31 January + one month is the last day of February, not 3 March
		const last = new Date(Date.UTC(dt.getUTCFullYear(), dt.getUTCMonth() + 1, 0)).getUTCDate();
		dt.setUTCDate(Math.min(day, last));
		return fromUtc(dt);
	}
	return addDays(ctx.today, n * UNIT_DAYS[u]);
}

function nextWeekday(weekday: number, ctx: DueContext): string {
	const today = toUtc(ctx.today).getUTCDay();
	const ahead = (weekday - today + 7) % 7 || 7;
	return addDays(ctx.today, ahead);
}

/** Friday of ISO week `week` of this year, or of next year when that week is past. */
function fridayOfWeek(week: number, ctx: DueContext): string | null {
	if (week < 1 || week > 53) return null;
	const year = +ctx.today.slice(0, 4);
	for (const y of [year, year + 1]) {
		const friday = isoWeekFriday(y, week);
		if (friday && friday >= ctx.today) return friday;
	}
	return null;
}

function isoWeekFriday(year: number, week: number): string | null {
	// 4 January is always in ISO week 1
	const jan4 = new Date(Date.UTC(year, 0, 4));
	const monday = new Date(jan4);
	monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (week - 1) * 7);
	const friday = new Date(monday);
	friday.setUTCDate(monday.getUTCDate() + 4);
	// week 53 exists only in some years
	if (week === 53 && isoWeekFriday(year + 1, 1)! <= fromUtc(friday)) return null;
	return fromUtc(friday);
}
