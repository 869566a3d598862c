import { describe, expect, it } from 'vitest';
import { opensShortcuts, shortcutSections } from './shortcuts';

const press = (key: string, target: Partial<HTMLElement> | null = { tagName: 'BODY', isContentEditable: false }, mods: Partial<KeyboardEvent> = {}) =>
	opensShortcuts({ key, ctrlKey: false, metaKey: false, altKey: false, target: target as EventTarget, ...mods });

describe('the ? overlay', () => {
	it('opens on ? outside fields and editors, not while typing nor with a modifier', () => {
		expect(press('?')).toBe(true);
		expect(press('?', { tagName: 'BUTTON', isContentEditable: false })).toBe(true);
		expect(press('/')).toBe(false);
		for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) expect(press('?', { tagName, isContentEditable: false })).toBe(false);
		expect(press('?', { tagName: 'P', isContentEditable: true })).toBe(false);
		expect(press('?', undefined, { ctrlKey: true })).toBe(false);
		expect(press('?', undefined, { metaKey: true })).toBe(false);
	});

	it("lists the room's keys on the room only, the editor's where there is an editor", () => {
		const ids = (route: string | null, editor: boolean) => shortcutSections(route, editor).map((s) => s.id);
		expect(ids('/', false)).toEqual(['global']);
		expect(ids('/meetings/[id]/room', false)).toEqual(['global', 'room']);
		expect(ids('/meetings/[id]', true)).toEqual(['global', 'editor']);
		const room = shortcutSections('/meetings/[id]/room', false).find((s) => s.id === 'room')!;
		// the keys slide-stage.svelte handles
		expect(room.shortcuts.flatMap((s) => s.keys.flat())).toEqual(['→', 'PageDown', '←', 'PageUp', 'Home', 'End', 'F']);
		expect(shortcutSections(null, false)[0].shortcuts.map((s) => s.keys)).toEqual([[['/']], [['?']], [['Esc']]]);
	});
});
