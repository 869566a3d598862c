/**
 * Puts the caret at the end of a block in a Lexical editor and waits until
 * Lexical itself holds it there.
 *
 * Why: Lexical learns of a caret moved by the browser (a click, End) from the
 * asynchronous `selectionchange` event. Keys pressed before it arrives (Enter,
 * Backspace) act on Lexical's older selection, so on a loaded machine an
 * Enter after End split the paragraph where the click had landed. A person
 * does not type that fast; a test must wait for the editor, as here.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

export async function caretToEndOf(page: Page, block: Locator): Promise<void> {
	await block.click();
	await page.keyboard.press('End');
	await expect
		.poll(
			() =>
				block.evaluate((el) => {
					type Point = { key: string; offset: number; type: string };
					type EditorState = { _selection: { anchor?: Point; focus?: Point } | null; _nodeMap: Map<string, { __text?: string }> };
					type Editor = { getEditorState(): EditorState; getElementByKey(key: string): HTMLElement | null };
					const root = el.closest('[data-lexical-editor="true"]') as (HTMLElement & { __lexicalEditor?: Editor }) | null;
					const editor = root?.__lexicalEditor;
					if (!editor) return false;
					const state = editor.getEditorState();
					const { anchor, focus } = state._selection ?? {};
					if (!anchor || !focus || anchor.key !== focus.key || anchor.offset !== focus.offset) return false;
					const node = editor.getElementByKey(anchor.key);
					if (!node || !el.contains(node)) return false;
					if (anchor.type === 'text') return anchor.offset === (state._nodeMap.get(anchor.key)?.__text ?? '').length && (el.textContent ?? '').endsWith(node.textContent ?? '');
					// an empty block: the caret sits on the element itself
					return node === el && (el.textContent ?? '') === '';
				}),
			{ timeout: 5_000 }
		)
		.toBe(true);
}
