/**
 * A line of the minutes read as an action: "@Anna Berg ser över
 * brandväggsreglerna till 15/12" is the action "Ser över brandväggsreglerna",
 * owned by Anna Berg, due 15 December. The owner is the first person
 * mentioned with `@` (a mention carries the person's id, never a guessed
 * name); the due date is the last date phrase (due-phrase.ts). The date
 * phrase leaves the title; the owner's name leaves it when it stands at the
 * start or the end of the line ("@Anna: …", "… @Anna") and stays as a name in
 * the middle of a sentence, as every other mention does.
 */
import { findDuePhrase, type DueContext } from './due-phrase';

/** A piece of the line: plain text, or a mention of a person. */
export type LineSegment = { text: string; personId?: undefined } | { text: string; personId: string };

export interface ActionFromLine {
	title: string;
	ownerId: string | null;
	dueDate: string | null;
}

/** Longest title an action keeps (the activity list's limit). */
export const ACTION_TITLE_MAX = 500;

export function actionFromLine(segments: LineSegment[], ctx: DueContext): ActionFromLine {
	const owner = segments.find((s) => s.personId !== undefined);
	const ownerId = owner?.personId ?? null;
	// the owner's mention stands as a placeholder (no date phrase can include it) until we know where it ended up
	const text = segments.map((s) => (s === owner ? OWNER : nameOf(s))).join('');
	const due = findDuePhrase(text, ctx);
	const rest = due ? `${text.slice(0, due.start)} ${text.slice(due.end)}` : text;
	const atEdge = new RegExp(String.raw`^[\s,.;:–—-]*${OWNER}|${OWNER}[\s,.;:!?–—-]*$`, 'u');
	const title = atEdge.test(rest) ? rest.replace(OWNER, ' ') : rest.replace(OWNER, owner ? nameOf(owner) : '');
	return { title: tidyTitle(title), ownerId, dueDate: due?.date ?? null };
}

/** A character no one types, standing for the owner's mention. */
const OWNER = '\u{E000}';
const nameOf = (s: LineSegment) => (s.personId !== undefined ? s.text.replace(/^@/, '') : s.text);

/** Collapses the gaps the owner and the date left, drops dangling separators, starts with a capital. */
export function tidyTitle(text: string): string {
	const tidy = text
		.replace(/\s+/g, ' ')
		.replace(/\s+([,.;:!?])/g, '$1')
		.replace(/^[\s,.;:–—-]+|[\s,;:–—-]+$/g, '')
		.trim();
	const title = tidy.charAt(0).toLocaleUpperCase('sv') + tidy.slice(1);
	return title.slice(0, ACTION_TITLE_MAX);
}
