/**
 * What the page walks (a11y-walk, language-walk) share: the demo's known
 * routes to start from, the shape of a page (one page per shape is walked)
 * and the links of a page that lead to pages of the app.
 */
import type { Page } from 'playwright-core';
import { NORRBY, type DemoIds } from './demo-ids';

export function walkSeeds(ids: DemoIds, meetings: string[]): string[] {
	const c = ids.customers[NORRBY];
	const base = `/customers/${c.id}`;
	return [
		'/',
		'/customers',
		'/portal',
		'/admin',
		'/admin/outbox',
		'/admin/sign-in',
		'/me/calendar',
		'/notifications',
		'/settings/notifications',
		'/settings/security',
		'/settings/sessions',
		base,
		`${base}/decisions`,
		`${base}/audit`,
		`${base}/notifications`,
		`${base}/sign-in`,
		`${base}/outbox`,
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

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
export const shape = (path: string) => path.replace(UUID, ':id');

/** Links of the page that lead to pages of the app (not the API, downloads, the calendar feed or signing out). */
export async function pageLinks(page: Page, origin: string): Promise<string[]> {
	const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
	return hrefs
		.map((h) => new URL(h))
		.filter((u) => u.origin === origin && !/^\/(api|logout|calendar|healthz|metrics|collab)\b/.test(u.pathname) && !/\.[a-z]{2,4}$/.test(u.pathname))
		.map((u) => u.pathname + u.search);
}
