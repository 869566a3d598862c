/**
 * Meeting mode marks the minutes' section of the agenda item the chair has
 * made current. A section belongs to an item when its heading says the item's
 * title (the minutes are seeded with one heading per agenda item,
 * domain/collab/seed-minutes.ts); writers may rename or move headings, and
 * then nothing is marked rather than the wrong section.
 *
 * Lexical owns the editor's DOM and re-creates elements as the text changes,
 * so the mark is put back after every change (a MutationObserver), without
 * scrolling; the view scrolls only when the current item itself changes.
 */
const MARK = 'data-current-item';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');

/** The heading in `root` whose text is `title` (the first, if several), or null. */
export function headingFor(root: HTMLElement, title: string | null): HTMLElement | null {
	if (!title) return null;
	const wanted = normalise(title);
	if (!wanted) return null;
	for (const h of root.querySelectorAll<HTMLElement>('h1, h2, h3')) if (normalise(h.textContent ?? '') === wanted) return h;
	return null;
}

/** Marks the heading of `title` (and only it); returns the marked heading. */
export function markCurrentSection(root: HTMLElement, title: string | null): HTMLElement | null {
	const heading = headingFor(root, title);
	for (const el of root.querySelectorAll<HTMLElement>(`[${MARK}]`)) if (el !== heading) el.removeAttribute(MARK);
	if (heading && !heading.hasAttribute(MARK)) heading.setAttribute(MARK, '');
	return heading;
}

/**
 * Keeps the mark on the current item's heading while the document changes;
 * `follow` scrolls it into view whenever the current item changes. Returns
 * a function that sets the current item (null: none) and one that stops.
 */
export function trackCurrentSection(root: HTMLElement): { set(title: string | null, follow: boolean): void; stop(): void } {
	let title: string | null = null;
	let frame = 0;
	const observer = new MutationObserver(() => {
		if (frame) return;
		frame = requestAnimationFrame(() => {
			frame = 0;
			markCurrentSection(root, title);
		});
	});
	observer.observe(root, { childList: true, subtree: true, characterData: true });
	return {
		set(next, follow) {
			const changed = next !== title;
			title = next;
			const heading = markCurrentSection(root, title);
			if (changed && follow && heading) heading.scrollIntoView({ block: 'start', behavior: 'smooth' });
		},
		stop() {
			observer.disconnect();
			cancelAnimationFrame(frame);
		}
	};
}
