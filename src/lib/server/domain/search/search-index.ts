/**
 * "Find anything" (issue 18, part 4): what the search index holds and how a
 * hit is shown. One entry per searchable thing (`search_entries`):
 *
 * | kind     | title               | body                | written by                         |
 * |----------|---------------------|---------------------|------------------------------------|
 * | meeting  | the meeting's title | –                   | scheduling (meetings.service)      |
 * | agenda   | the item's title    | its notes           | the agenda's projection            |
 * | minutes  | –                   | the minutes' text   | the minutes' projection            |
 * | decision | –                   | the decision's text | the minutes' projection            |
 * | internal | –                   | the internal notes  | the internal notes' projection     |
 * | action   | the action's title  | its description     | the activity list's projection     |
 * | material | its file name       | –                   | material uploads (latest version)  |
 * | article  | the article's title | summary and text    | knowledge-base saves               |
 *
 * Both engines index whole words (folded, lower case) and are asked for the
 * Swedish stems of what the user typed as prefixes (search-query.ts), so they
 * find the same entries. Snippets and highlighted words are computed here,
 * the same way for both engines.
 */
import type { SearchKind } from '$lib/server/db/search-schema';
import { foldDiacritics } from './search-query';

/** The kinds in the order their groups are shown when they rank alike. */
export const SEARCH_KINDS = ['decision', 'action', 'agenda', 'minutes', 'meeting', 'material', 'internal', 'article'] as const satisfies readonly SearchKind[];

/** A piece of shown text; `hit` for a word that matches what was searched for. */
export interface Segment {
	text: string;
	hit: boolean;
}

/** The ids a hit's link needs. */
export interface HitPlace {
	kind: SearchKind;
	ref: string;
	meetingId: string | null;
	forumId: string | null;
	/** for articles: the knowledge base (customer) to open it in */
	customerId: string | null;
}

/** Where a hit opens: the meeting page at the item, the minutes, the decision, the action; the material's download; the article. */
export function hitHref(p: HitPlace): string {
	const meeting = `/meetings/${p.meetingId}`;
	switch (p.kind) {
		case 'meeting':
			return meeting;
		case 'agenda':
			return `${meeting}#item-${p.ref}`;
		case 'minutes':
			return `${meeting}#minutes-heading`;
		case 'decision':
			return `${meeting}#decision-${p.ref}`;
		case 'internal':
			return `${meeting}#internal-heading`;
		case 'material':
			return `/api/v1/meetings/${p.meetingId}/material/${p.ref}/download`;
		case 'action':
			return p.meetingId ? `${meeting}#action-${p.ref}` : `/forums/${p.forumId}#action-${p.ref}`;
		case 'article':
			return `/customers/${p.customerId}/portal/kb/${p.ref}`;
	}
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Whether a word of the text is one of the searched-for stems (as a prefix, diacritics folded, as the index compares). */
const matcher = (stems: string[]) => {
	const folded = stems.map((s) => foldDiacritics(s.toLowerCase()));
	return (word: string) => {
		const w = foldDiacritics(word.toLowerCase());
		return folded.some((s) => w.startsWith(s));
	};
};

/** The text in segments, the words matching the stems marked. */
export function highlight(text: string, stems: string[]): Segment[] {
	const isHit = matcher(stems);
	const out: Segment[] = [];
	const push = (t: string, hit: boolean) => {
		if (!t) return;
		const last = out[out.length - 1];
		if (last && last.hit === hit && !hit) last.text += t;
		else out.push({ text: t, hit });
	};
	let at = 0;
	for (const m of text.matchAll(WORD)) {
		const hit = isHit(m[0]);
		if (!hit) continue;
		push(text.slice(at, m.index), false);
		push(m[0], true);
		at = m.index + m[0].length;
	}
	push(text.slice(at), false);
	return out;
}

/** Words of context shown before the first match, and at most this many words in all. */
const BEFORE = 8;
const WORDS = 30;

/**
 * A piece of `text` around its first word that matches (its beginning when
 * none does), at most WORDS words, with "…" where it was cut, highlighted.
 */
export function snippet(text: string, stems: string[]): Segment[] {
	const flat = text.replace(/\s+/g, ' ').trim();
	const words = [...flat.matchAll(WORD)];
	if (words.length === 0) return flat ? [{ text: flat, hit: false }] : [];
	const isHit = matcher(stems);
	const first = Math.max(0, words.findIndex((w) => isHit(w[0])));
	const start = words.length <= WORDS ? 0 : Math.max(0, Math.min(first - BEFORE, words.length - WORDS));
	const end = Math.min(words.length, start + WORDS);
	const from = start === 0 ? 0 : words[start].index;
	const to = end === words.length ? flat.length : words[end - 1].index + words[end - 1][0].length;
	const piece = `${start > 0 ? '…' : ''}${flat.slice(from, to)}${end < words.length ? '…' : ''}`;
	return highlight(piece, stems);
}
