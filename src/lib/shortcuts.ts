/**
 * The keyboard shortcuts the `?` overlay lists: one list, by where they
 * work. The keys are the ones the code handles: the room's slide stage
 * (slide-stage.svelte: ←/→, PageUp/PageDown, Home/End, F), Lexical's own
 * keys in our editors (the minutes, knowledge-base articles) and the overlay
 * itself. A new shortcut is added here, where its handler is written.
 */
import { m } from '$lib/paraglide/messages';

export interface Shortcut {
	/** alternatives, each a list of keys pressed together */
	keys: string[][];
	label: string;
}

export interface ShortcutSection {
	id: 'global' | 'room' | 'editor';
	title: string;
	shortcuts: Shortcut[];
}

/** Whether a key press is typing (in a field or an editor) rather than a shortcut. */
export function isTyping(target: EventTarget | null): boolean {
	const el = target as HTMLElement | null;
	return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Whether the key press asks for the overlay: `?` outside fields and editors. */
export function opensShortcuts(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): boolean {
	return e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target);
}

/**
 * The sections for a page: always the global ones; the room's on the live
 * room; the editor's where the page has an editor one can write in.
 */
export function shortcutSections(routeId: string | null, hasEditor: boolean): ShortcutSection[] {
	const mod = 'Ctrl';
	const sections: ShortcutSection[] = [
		{
			id: 'global',
			title: m.shortcuts_global(),
			shortcuts: [
				{ keys: [['/']], label: m.shortcuts_search() },
				{ keys: [['?']], label: m.shortcuts_show() },
				{ keys: [['Esc']], label: m.shortcuts_close_dialog() }
			]
		}
	];
	if (routeId === '/meetings/[id]/room')
		sections.push({
			id: 'room',
			title: m.shortcuts_room(),
			shortcuts: [
				{ keys: [['→'], ['PageDown']], label: m.shortcuts_room_next() },
				{ keys: [['←'], ['PageUp']], label: m.shortcuts_room_prev() },
				{ keys: [['Home']], label: m.shortcuts_room_first() },
				{ keys: [['End']], label: m.shortcuts_room_last() },
				{ keys: [['F']], label: m.shortcuts_room_fullscreen() }
			]
		});
	if (hasEditor)
		sections.push({
			id: 'editor',
			title: m.shortcuts_editor(),
			shortcuts: [
				{ keys: [[mod, 'B']], label: m.shortcuts_bold() },
				{ keys: [[mod, 'I']], label: m.shortcuts_italic() },
				{ keys: [[mod, 'Z']], label: m.shortcuts_undo() },
				{ keys: [[mod, 'Shift', 'Z'], [mod, 'Y']], label: m.shortcuts_redo() },
				// action-capture.ts, mentions.ts
				{ keys: [[mod, 'Enter']], label: m.shortcuts_action_line() },
				{ keys: [['@']], label: m.shortcuts_mention() }
			]
		});
	return sections;
}
