/**
 * `@` in the minutes: typing `@` and the start of a name offers the forum's
 * people of both sides; arrow keys move, Enter or Tab chooses, Escape closes.
 * The chosen person becomes a mention (mention-node.ts). Framework-free: the
 * controller reports what to show (`onChange`), the page draws the list.
 */
import {
	$createTextNode,
	$getNodeByKey,
	$getSelection,
	$isRangeSelection,
	$isTextNode,
	COMMAND_PRIORITY_CRITICAL,
	KEY_ARROW_DOWN_COMMAND,
	KEY_ARROW_UP_COMMAND,
	KEY_ENTER_COMMAND,
	KEY_ESCAPE_COMMAND,
	KEY_TAB_COMMAND,
	mergeRegister,
	type LexicalEditor
} from 'lexical';
import type { Party } from '$lib/domain-types';
import { $createMentionNode, $isMentionNode } from './mention-node';

export interface MentionCandidate {
	id: string;
	name: string;
	side: Party;
}

export interface MentionMenu {
	query: string;
	matches: MentionCandidate[];
	active: number;
	/** where the caret is, to place the list under it */
	caret: { left: number; bottom: number } | null;
}

export interface Mentions {
	/** chooses a match of the open list (a click on it) */
	choose(index: number): void;
	close(): void;
	unregister(): void;
}

const MAX_MATCHES = 8;
// "@" at the start or after a space or bracket, then up to two words of a name
const TRIGGER = /(?:^|[\s(])@([\p{L}\p{M}'’-]{0,30}(?: [\p{L}\p{M}'’-]{0,30})?)$/u;

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('sv');

/** People whose name has a word starting with each word of the query, best (earliest word) first. */
export function matchPeople(people: MentionCandidate[], query: string): MentionCandidate[] {
	const words = fold(query).split(/\s+/).filter(Boolean);
	const scored = people
		.map((p) => {
			const nameWords = fold(p.name).split(/\s+/);
			const positions = words.map((w) => nameWords.findIndex((n) => n.startsWith(w)));
			return { p, ok: positions.every((i) => i >= 0), first: positions[0] ?? 0 };
		})
		.filter((x) => x.ok);
	scored.sort((a, b) => a.first - b.first || a.p.name.localeCompare(b.p.name, 'sv'));
	return scored.slice(0, MAX_MATCHES).map((x) => x.p);
}

export function registerMentions(editor: LexicalEditor, opts: { people: () => MentionCandidate[]; onChange: (menu: MentionMenu | null) => void }): Mentions {
	let menu: MentionMenu | null = null;
	/** the text node and the range of "@query" in it */
	let at: { key: string; start: number; end: number } | null = null;

	const show = (next: MentionMenu | null) => {
		menu = next;
		opts.onChange(next);
	};
	const close = () => {
		at = null;
		if (menu) show(null);
	};

	const caret = (): MentionMenu['caret'] => {
		const sel = window.getSelection();
		if (!sel || sel.rangeCount === 0) return null;
		const rect = sel.getRangeAt(0).getBoundingClientRect();
		return { left: rect.left, bottom: rect.bottom };
	};

	const follow = () => {
		const found = editor.getEditorState().read(() => {
			const selection = $getSelection();
			if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
			const node = selection.anchor.getNode();
			if (!$isTextNode(node) || $isMentionNode(node)) return null;
			const before = node.getTextContent().slice(0, selection.anchor.offset);
			const match = TRIGGER.exec(before);
			if (!match) return null;
			return { key: node.getKey(), start: selection.anchor.offset - match[1].length - 1, end: selection.anchor.offset, query: match[1] };
		});
		if (!found || !editor.isEditable()) return close();
		const matches = matchPeople(opts.people(), found.query);
		// a second word that matches no one: the person is writing on, not naming
		if (matches.length === 0 && /\s/.test(found.query)) return close();
		at = { key: found.key, start: found.start, end: found.end };
		const active = menu && menu.query === found.query ? Math.min(menu.active, Math.max(0, matches.length - 1)) : 0;
		show({ query: found.query, matches, active, caret: caret() });
	};

	const choose = (index: number) => {
		const person = menu?.matches[index];
		const range = at;
		close();
		if (!person || !range) return;
		editor.update(() => {
			const node = $getNodeByKey(range.key);
			if (!$isTextNode(node) || range.end > node.getTextContentSize()) return;
			const parts = node.splitText(range.start, range.end);
			const target = range.start === 0 ? parts[0] : parts[1];
			const mention = $createMentionNode(person.id, person.name);
			target.replace(mention);
			const next = mention.getNextSibling();
			if ($isTextNode(next) && !$isMentionNode(next) && next.getTextContent().startsWith(' ')) next.select(1, 1);
			else {
				const space = $createTextNode(' ');
				mention.insertAfter(space);
				space.select(1, 1);
			}
		});
	};

	const whenOpen = (handle: (event: KeyboardEvent | null) => void) => (event: KeyboardEvent | null) => {
		if (!menu || menu.matches.length === 0) return false;
		event?.preventDefault();
		handle(event);
		return true;
	};
	const move = (step: number) =>
		whenOpen(() => {
			if (!menu) return;
			show({ ...menu, active: (menu.active + step + menu.matches.length) % menu.matches.length });
		});

	const unregister = mergeRegister(
		editor.registerUpdateListener(follow),
		editor.registerCommand(KEY_ARROW_DOWN_COMMAND, move(1), COMMAND_PRIORITY_CRITICAL),
		editor.registerCommand(KEY_ARROW_UP_COMMAND, move(-1), COMMAND_PRIORITY_CRITICAL),
		editor.registerCommand(KEY_ENTER_COMMAND, whenOpen(() => choose(menu!.active)), COMMAND_PRIORITY_CRITICAL),
		editor.registerCommand(KEY_TAB_COMMAND, whenOpen(() => choose(menu!.active)), COMMAND_PRIORITY_CRITICAL),
		editor.registerCommand(
			KEY_ESCAPE_COMMAND,
			(event) => {
				if (!menu) return false;
				event?.preventDefault();
				close();
				return true;
			},
			COMMAND_PRIORITY_CRITICAL
		)
	);

	return { choose, close, unregister };
}
