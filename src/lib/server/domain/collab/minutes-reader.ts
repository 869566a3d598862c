/**
 * Reads a minutes document (Lexical rich text held in Yjs) on the server: the
 * Y.Doc is opened in a headless Lexical editor through the same @lexical/yjs
 * binding the browser uses, and the editor's serialized state (Lexical's own
 * stable JSON format) is turned into the renderer-neutral `MinutesBlock`s.
 * Used by the projection (decisions, plain text for search) and by approval
 * (the frozen model every export renders).
 */
import type { SerializedEditorState, SerializedLexicalNode } from 'lexical';
import * as Y from 'yjs';
import type { MinutesBlock, MinutesListItem, MinutesRun } from '../meeting-core/minutes-model';
import { headlessMinutes } from './headless-minutes';

/** The editor state of a minutes document, as Lexical serializes it. */
export function readMinutesState(source: Y.Doc): SerializedEditorState {
	return readMinutesUpdate(Y.encodeStateAsUpdate(source));
}

/** The same, from the document's encoded state (what the reader thread is sent: minutes-reader-thread.ts). */
export function readMinutesUpdate(update: Uint8Array): SerializedEditorState {
	const doc = new Y.Doc();
	const { editor, follow } = headlessMinutes(doc);
	follow();
	Y.applyUpdate(doc, update);
	// The binding queues an ordinary update; a discrete one commits it now.
	editor.update(() => {}, { discrete: true });
	const state = editor.getEditorState().toJSON();
	doc.destroy();
	return state;
}

type Node = SerializedLexicalNode & {
	children?: Node[];
	text?: string;
	format?: number | string;
	tag?: string;
	listType?: string;
	checked?: boolean;
	url?: string;
	decisionId?: string;
	figureId?: string;
	actionId?: string;
	indent?: number;
};

// Lexical's text format bits (lexical/LexicalConstants).
const BOLD = 1;
const ITALIC = 2;
const STRIKETHROUGH = 4;
const UNDERLINE = 8;
const CODE = 16;

const safeHref = (url: unknown): string | undefined =>
	typeof url === 'string' && /^(https?:|mailto:)/i.test(url.trim()) ? url.trim() : undefined;

function runsOf(nodes: Node[] | undefined, href?: string): MinutesRun[] {
	const runs: MinutesRun[] = [];
	for (const n of nodes ?? []) {
		if (n.type === 'text' || n.type === 'code-highlight' || n.type === 'mention') {
			const f = typeof n.format === 'number' ? n.format : 0;
			const run: MinutesRun = { text: n.text ?? '' };
			if (f & BOLD) run.bold = true;
			if (f & ITALIC) run.italic = true;
			if (f & UNDERLINE) run.underline = true;
			if (f & STRIKETHROUGH) run.strikethrough = true;
			if (f & CODE) run.code = true;
			if (href) run.href = href;
			if (run.text) runs.push(run);
		} else if (n.type === 'action-ref') {
			// the action's words are filled in from the activity list (withActionText)
			if (typeof n.actionId === 'string' && n.actionId) runs.push({ text: '', actionId: n.actionId });
		} else if (n.type === 'linebreak') {
			runs.push({ text: '\n' });
		} else if (n.type === 'tab') {
			runs.push({ text: '\t' });
		} else if (n.type === 'link' || n.type === 'autolink') {
			runs.push(...runsOf(n.children, safeHref(n.url)));
		} else if (n.children) {
			runs.push(...runsOf(n.children, href));
		}
	}
	return runs;
}

function listItems(list: Node, depth: number, style: string): MinutesListItem[] {
	const items: MinutesListItem[] = [];
	for (const li of list.children ?? []) {
		const nested = (li.children ?? []).filter((c) => c.type === 'list');
		const inline = (li.children ?? []).filter((c) => c.type !== 'list');
		// A list item holding only a nested list is Lexical's way of indenting; it has no text of its own.
		if (inline.length > 0 || nested.length === 0) {
			const item: MinutesListItem = { runs: runsOf(inline), depth };
			if (style === 'check') item.checked = li.checked === true;
			items.push(item);
		}
		for (const n of nested) items.push(...listItems(n, depth + 1, style));
	}
	return items;
}

/** Blocks of the minutes in document order. Unknown node types keep their text as a paragraph. */
export function blocksOf(state: SerializedEditorState): MinutesBlock[] {
	const blocks: MinutesBlock[] = [];
	for (const n of (state.root.children ?? []) as Node[]) {
		switch (n.type) {
			case 'heading': {
				const level = n.tag === 'h1' ? 1 : n.tag === 'h2' ? 2 : 3;
				blocks.push({ type: 'heading', level, runs: runsOf(n.children) });
				break;
			}
			case 'quote':
				blocks.push({ type: 'quote', runs: runsOf(n.children) });
				break;
			case 'list': {
				const style = n.listType === 'number' ? 'number' : n.listType === 'check' ? 'check' : 'bullet';
				blocks.push({ type: 'list', style, items: listItems(n, 0, style) });
				break;
			}
			case 'data-block':
				if (typeof n.figureId === 'string' && n.figureId) blocks.push({ type: 'data', figureId: n.figureId });
				break;
			case 'decision':
				blocks.push({ type: 'decision', id: typeof n.decisionId === 'string' ? n.decisionId : '', runs: runsOf(n.children) });
				break;
			default:
				blocks.push({ type: 'paragraph', runs: runsOf(n.children) });
		}
	}
	return blocks;
}

/**
 * The minutes with each action chip's run holding the action's words, as
 * `describe` gives them (the action as the activity list holds it); a chip of
 * an action that is gone is left out.
 */
export function withActionText(blocks: MinutesBlock[], describe: (actionId: string) => string | null): MinutesBlock[] {
	const fill = (runs: MinutesRun[]): MinutesRun[] =>
		runs.flatMap((r) => {
			if (!r.actionId) return [r];
			const text = describe(r.actionId);
			return text ? [{ ...r, text }] : [];
		});
	return blocks.map((b) => {
		if (b.type === 'list') return { ...b, items: b.items.map((i) => ({ ...i, runs: fill(i.runs) })) };
		if (b.type === 'data') return b;
		return { ...b, runs: fill(b.runs) };
	});
}

export const runsText = (runs: MinutesRun[]): string => runs.map((r) => r.text).join('');

/** Plain text of the minutes, one line per block or list item (for search). */
export function plainText(blocks: MinutesBlock[]): string {
	const lines: string[] = [];
	for (const b of blocks) {
		if (b.type === 'list') for (const i of b.items) lines.push(runsText(i.runs));
		else if (b.type !== 'data') lines.push(runsText(b.runs));
	}
	return lines.filter((l) => l.trim() !== '').join('\n');
}

/**
 * The decisions in document order, each with a unique id: a decision copied
 * and pasted carries its original's id, so a later duplicate gets a derived
 * one. Empty decisions are left out.
 */
export function decisionsOf(blocks: MinutesBlock[]): { id: string; text: string }[] {
	const seen = new Map<string, number>();
	const out: { id: string; text: string }[] = [];
	for (const b of blocks) {
		if (b.type !== 'decision') continue;
		const text = runsText(b.runs).trim();
		if (!text) continue;
		const base = b.id || 'decision';
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		out.push({ id: n === 1 && b.id ? base : `${base}~${n}`, text });
	}
	return out;
}

/** What the projection writes from a set of minutes: their plain text (search) and their decisions. */
export interface MinutesDigest {
	text: string;
	decisions: { id: string; text: string }[];
}

export function digestOf(blocks: MinutesBlock[]): MinutesDigest {
	return { text: plainText(blocks), decisions: decisionsOf(blocks) };
}

/** The digest straight from a document's encoded state: what the reader thread (or the process) does per read. */
export function digestMinutesUpdate(update: Uint8Array): MinutesDigest {
	return digestOf(blocksOf(readMinutesUpdate(update)));
}
