/**
 * A phone's screen in the browser tests (390 × 844, an iPhone 12–15): does a
 * page scroll sideways, and is an element on screen without scrolling.
 */
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';

export const PHONE = { width: 390, height: 844 };
export const PHONE_CONTEXT: BrowserContextOptions = { viewport: PHONE, isMobile: true, hasTouch: true };

/**
 * How far the page scrolls sideways (document.scrollingElement), and what
 * sticks out: the outermost elements reaching past the right edge that no
 * scrolling or clipping container holds in.
 */
export async function sidewaysScroll(page: Page): Promise<{ over: number; culprits: string[] }> {
	// one function body without inner named functions: a bundler's name helpers (keepNames) do not exist in the page
	return page.evaluate(() => {
		const root = document.scrollingElement!;
		const over = root.scrollWidth - root.clientWidth;
		const culprits: string[] = [];
		if (over <= 0) return { over, culprits };
		const width = root.clientWidth;
		/** reaching past the right edge and not held in by a scrolling or clipping container */
		const out = new Set<Element>();
		for (const el of document.body.querySelectorAll('*')) {
			if (el.getBoundingClientRect().right <= width + 1) continue;
			// a container clips what it contains, except what is positioned against something outside it
			// (an absolutely positioned element, such as an sr-only text, in a scrolling table without a positioned wrapper)
			const absolute = ['absolute', 'fixed'].includes(getComputedStyle(el).position);
			const anchor = (el as HTMLElement).offsetParent;
			let held = false;
			for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
				if (getComputedStyle(p).overflowX !== 'visible' && (!absolute || (!!anchor && p.contains(anchor)))) held = true;
			if (!held) out.add(el);
		}
		for (const el of out) {
			if (el.parentElement && out.has(el.parentElement)) continue;
			const [self, parent] = [el, el.parentElement].map((e) => (e ? `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].slice(0, 5).join('.')}` : ''));
			culprits.push(`${self} (${Math.round(el.getBoundingClientRect().right)}px) in ${parent}`);
			if (culprits.length === 5) break;
		}
		return { over, culprits };
	});
}

/** Wholly inside the viewport as the page stands, and the page not scrolled. */
export async function onScreen(page: Page, locator: Locator): Promise<boolean> {
	const box = await locator.boundingBox();
	const viewport = page.viewportSize()!;
	const scrolled = await page.evaluate(() => window.scrollY);
	return !!box && scrolled === 0 && box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
}
