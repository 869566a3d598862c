/**
 * Issue 14 point 14: a walk over every page of the app, as the supplier's
 * admin, a customer's admin and a customer's member, in Swedish and in
 * English. Every page's visible text (with the options of its menus and its
 * title) is checked for message keys, stored enum values and English words
 * in Swedish (Swedish interface words in English). The pages are found from the navigation and the links of
 * each page, seeded with the known routes of the demo's ids; of the pages of
 * one shape (/meetings/:id, …) found by a link only the first is walked, to
 * stay fast; every seed is walked (a meeting of each forum, its room, …).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserAvailable, launchBrowser, signIn } from '../helpers/browser';
import { demoIds, NORRBY, type DemoIds } from '../helpers/demo-ids';
import { startServer, type TestServer } from '../helpers/server';

type Lang = 'sv' | 'en';

/** message keys (portal_kb_results) and stored values with an underscore (minutes_draft, with_issues) */
const SNAKE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;
/** dotted keys such as meeting.duty.assign */
const DOTTED = /\b[a-z]+(?:\.[a-z_]+){2,}\b/g;

/** Stored values of our enums without an underscore: English words that must never stand alone on a Swedish page. */
const ENUM_WORDS = [
	'planned',
	'confirmed',
	'successful',
	'failed',
	'cancelled',
	'resolved',
	'closed',
	'breached',
	'pending',
	'business',
	'green',
	'amber',
	'red',
	'open',
	'done',
	'request',
	'change',
	'supplier',
	'customer',
	'chair',
	'convener',
	'compiler',
	'presenter',
	'preparer',
	'adjuster',
	'attended',
	'absent',
	'excused',
	'share',
	'hours',
	'count',
	'emergency',
	'statistics',
	'strategic',
	'tactical',
	'operational'
];

/**
 * English words of the interface that have no Swedish homograph (not
 * "Status", "Forum", "Period", "Incident", "Problem", "Portal", "Risk",
 * "Trend", "Agenda", "Offline", "Live"), matched as whole words with their
 * capital. "English" is the language switcher's label, deliberately in its
 * own language.
 */
const ENGLISH_WORDS = [
	'Meeting',
	'Meetings',
	'Minutes',
	'Approved',
	'Approval',
	'Decision',
	'Decisions',
	'Agenda item',
	'Save',
	'Saved',
	'Saving',
	'Cancel',
	'Loading',
	'Incidents',
	'Settings',
	'Customer',
	'Customers',
	'Supplier',
	'Owner',
	'Due',
	'Resolved',
	'Breached',
	'Compliance',
	'Target',
	'Priority',
	'Unknown',
	'Search',
	'Delete',
	'Edit',
	'Overview',
	'Report',
	'Reports',
	'Knowledge',
	'Home',
	'Sign in',
	'Sign out',
	'Open',
	'Closed',
	'Done',
	'Planned',
	'Confirmed',
	'Successful',
	'Failed',
	'Tickets',
	'Ticket',
	'Changes',
	'Request',
	'Attendance',
	'Attendees',
	'Chair',
	'Action',
	'Actions',
	'Previous',
	'Next',
	'Show',
	'Hide',
	'Yes',
	'Value',
	'Key figures',
	'Escalations',
	'Members',
	'People',
	'Roles',
	'Duties',
	'Add',
	'Remove',
	'Title',
	'Name',
	'Date',
	'Time',
	'Place',
	'Green',
	'Amber',
	'Red',
	'successful',
	'confirmed',
	'planned',
	'with issues',
	'backed out',
	'by priority',
	'per priority'
];

/**
 * Swedish words of the interface that no English page should show (the
 * figure tables, the "Infoga underlag" menu, statuses); chosen so that they
 * do not occur in the demo's Swedish data (meeting titles, agenda items such
 * as "Nyckeltal" and "Eskaleringar", articles).
 */
const SWEDISH_WORDS = [
	'Uppfyllnad',
	'Uppfyllt',
	'Prioritet',
	'Brutet',
	'Infoga underlag',
	'Planerad start',
	'Spara',
	'Avbryt',
	'Laddar',
	'Planerat',
	'Bekräftat',
	'Lyckade',
	'Okänt',
	'lösningstid',
	'svarstid'
];

const words = (list: string[]) => new RegExp(`(?<![\\p{L}\\d_-])(?:${list.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\d_-])`, 'gu');
const ENUM_RE = words(ENUM_WORDS);
const ENGLISH_RE = words(ENGLISH_WORDS);
const SWEDISH_RE = words(SWEDISH_WORDS);

/**
 * Not words of the interface: text people wrote or imported (ticket titles,
 * in whatever language they came), marked `data-user-content`, identifiers
 * a person chose (a KPI's key), marked `translate="no"`, and text marked with
 * the other language's `lang` (a role's name in both languages).
 */
const NOT_INTERFACE = ['[data-user-content]', '[translate="no"]'];
/** The name of ServiceNow's SLA field, quoted in the SLA page's explanation. */
const SOURCE_FIELDS = ['made_sla'];
/**
 * Parts of pages that another change of the same issue rewrites: the audit
 * log in words is issue 14 point 11 (branch k-audit). Remove an entry once
 * that change is merged.
 */
const PENDING_ELSEWHERE = ['#audit'];

/** What a person reads on the page: its text, the options of its menus and its title. */
async function visibleText(page: Page): Promise<string> {
	return page.evaluate((skip) => {
		for (const el of document.querySelectorAll(skip.join(','))) el.remove();
		// text marked as being in the other language on purpose (a role's name in both languages)
		for (const el of document.body.querySelectorAll('[lang]')) if (el.getAttribute('lang') !== document.documentElement.lang) el.remove();
		return [document.title, document.body.innerText, ...[...document.querySelectorAll('option')].map((o) => o.textContent ?? '')].join('\n');
	}, [...NOT_INTERFACE, ...PENDING_ELSEWHERE]);
}

/** Addresses, e-mail addresses and host names are not words of the interface. */
const withoutAddresses = (text: string) =>
	text
		.replace(/\bhttps?:\/\/\S+/g, ' ')
		.replace(/\S+@\S+/g, ' ')
		.replace(/\/[\w\-/.:?=&%]+/g, ' ')
		.replace(/\b[\w-]+(?:\.[\w-]+)*\.(?:example|se|com|org|net|ics|csv|pdf)\b/g, ' ');

function findings(text: string, lang: Lang): string[] {
	const clean = withoutAddresses(text);
	const out = new Set<string>();
	for (const m of clean.matchAll(SNAKE)) if (!SOURCE_FIELDS.includes(m[0])) out.add(`raw key or value "${m[0]}"`);
	for (const m of clean.matchAll(DOTTED)) out.add(`dotted key "${m[0]}"`);
	if (lang === 'sv') {
		for (const m of clean.matchAll(ENUM_RE)) out.add(`enum value "${m[0]}"`);
		for (const m of clean.matchAll(ENGLISH_RE)) out.add(`English "${m[0]}"`);
	} else {
		for (const m of clean.matchAll(SWEDISH_RE)) out.add(`Swedish "${m[0]}"`);
	}
	return [...out];
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const shape = (path: string) => path.replace(UUID, ':id');
const PER_SHAPE = 1;

/** Links of the page that lead to pages of the app (not the API, downloads, the calendar feed or signing out). */
async function pageLinks(page: Page, origin: string): Promise<string[]> {
	const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
	return hrefs
		.map((h) => new URL(h))
		.filter((u) => u.origin === origin && !/^\/(api|logout|calendar|healthz|metrics|collab)\b/.test(u.pathname) && !/\.[a-z]{2,4}$/.test(u.pathname))
		.map((u) => u.pathname + u.search);
}

const PERSONAS = [
	{ email: 'admin@itmastaren.example', who: 'supplier admin' },
	{ email: 'avtal@norrby.example', who: 'customer admin' },
	{ email: 'it@norrby.example', who: 'customer member' }
] as const;

function seeds(ids: DemoIds): string[] {
	const c = ids.customers[NORRBY];
	const meetings = Object.values(c.meetings).flatMap((list) => list.slice(0, 1));
	const base = `/customers/${c.id}`;
	return [
		'/',
		'/customers',
		'/portal',
		'/admin',
		'/me/calendar',
		base,
		`${base}/decisions`,
		`${base}/sla`,
		`${base}/tickets`,
		`${base}/tickets/import`,
		`${base}/settings/sla`,
		`${base}/settings/kpi`,
		`${base}/settings/tokens`,
		`${base}/portal`,
		`${base}/portal/sla`,
		`${base}/portal/sla/tickets?metric=resolution&outcome=met`,
		`${base}/portal/cases`,
		`${base}/portal/meetings`,
		`${base}/portal/kb`,
		`${base}/portal/kb?q=inloggning`,
		`${base}/portal/kb/new`,
		`${base}/portal/handbook`,
		`${base}/portal/access`,
		...Object.values(c.forums).map((f) => `/forums/${f.id}`),
		...meetings.flatMap((id) => [`/meetings/${id}`, `/meetings/${id}/room`, `/meetings/${id}/attendance`])
	];
}

describe.skipIf(!browserAvailable)('every page in both languages', () => {
	let server: TestServer;
	let browser: Browser;
	let ids: DemoIds;
	const contexts: BrowserContext[] = [];

	beforeAll(async () => {
		[server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
		ids = await demoIds(server.url);
	});

	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await browser?.close();
		await server?.stop();
	});

	for (const persona of PERSONAS) {
		it(`has no raw keys, enum values or (in Swedish) English words for the ${persona.who}`, async () => {
			const first = await signIn(browser, server.url, persona.email, contexts);
			const context = first.context();
			const origin = new URL(first.url()).origin;
			const problems: string[] = [];
			const seen = new Set<string>();
			const perShape = new Map<string, number>();
			const seeded = new Set(seeds(ids));
			const queue = [...seeded];
			const walked: string[] = [];
			const pages = [first, ...(await Promise.all([1, 2].map(() => context.newPage())))];

			const visit = async (page: Page, path: string, lang: Lang, discover: boolean) => {
				const res = await page.goto(path, { waitUntil: 'load' });
				// the page hydrates (editors, figure menus) before it is read
				await page.waitForLoadState('networkidle', { timeout: 1000 }).catch(() => {});
				const status = res?.status() ?? 0;
				if (status >= 500) problems.push(`${lang} ${path}: HTTP ${status}`);
				if (status !== 200) return;
				for (const f of findings(await visibleText(page), lang)) problems.push(`${lang} ${path}: ${f}`);
				if (discover) for (const link of await pageLinks(page, origin)) queue.push(link);
			};

			const setLang = (lang: Lang) => context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: lang, url: origin }]);

			// Swedish: walk and discover
			await setLang('sv');
			while (queue.length) {
				const batch: string[] = [];
				while (queue.length && batch.length < pages.length) {
					const path = queue.shift()!;
					const key = shape(path.split('?')[0]) + (path.includes('?') ? '?' : '');
					if (seen.has(path) || (!seeded.has(path) && (perShape.get(key) ?? 0) >= PER_SHAPE)) continue;
					seen.add(path);
					perShape.set(key, (perShape.get(key) ?? 0) + 1);
					batch.push(path);
				}
				walked.push(...batch);
				await Promise.all(batch.map((path, i) => visit(pages[i], path, 'sv', true)));
			}
			// English: the same pages
			await setLang('en');
			for (let i = 0; i < walked.length; i += pages.length)
				await Promise.all(walked.slice(i, i + pages.length).map((path, j) => visit(pages[j], path, 'en', false)));

			console.log(`${persona.who}: ${walked.length} pages walked in Swedish and English`);
			expect(walked.length).toBeGreaterThan(persona.email.startsWith('admin') ? 25 : 10);
			expect(problems).toEqual([]);
		}, 240_000);
	}
});
