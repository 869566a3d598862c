/**
 * Binds a plain <input> or <textarea> to a Y.Text, so two people can edit one
 * action title at once: local typing becomes the smallest delete + insert,
 * remote edits update the field and keep the caret where it was (shifted by
 * what was inserted or deleted before it).
 */
import type * as Y from 'yjs';

/** The edit turning `before` into `after`: one replaced range. */
export function textDiff(before: string, after: string): { index: number; remove: number; insert: string } {
	let start = 0;
	const max = Math.min(before.length, after.length);
	while (start < max && before[start] === after[start]) start++;
	let end = 0;
	while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
	return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** Applies the user's new value to the Y.Text as the smallest change. */
export function applyTextValue(text: Y.Text, value: string): void {
	const { index, remove, insert } = textDiff(text.toString(), value);
	if (remove === 0 && insert === '') return;
	text.doc!.transact(() => {
		if (remove > 0) text.delete(index, remove);
		if (insert) text.insert(index, insert);
	});
}

type Delta = { retain?: number; insert?: unknown; delete?: number }[];

/** Where a caret at `pos` ends up after a remote change described by `delta`. */
export function shiftIndex(delta: Delta, pos: number): number {
	let cursor = 0;
	let result = pos;
	for (const op of delta) {
		if (cursor > pos) break;
		if (op.retain) cursor += op.retain;
		else if (op.insert !== undefined) {
			const n = typeof op.insert === 'string' ? op.insert.length : 1;
			if (cursor <= pos) result += n;
			cursor += n;
		} else if (op.delete) {
			result -= Math.min(op.delete, Math.max(0, pos - cursor));
		}
	}
	return Math.max(0, result);
}

/** Svelte action: `use:bindText={ytext}`. */
export function bindText(node: HTMLInputElement | HTMLTextAreaElement, text: Y.Text) {
	let current = text;
	const show = () => {
		if (node.value !== current.toString()) node.value = current.toString();
	};
	const onInput = () => applyTextValue(current, node.value);
	const onRemote = (event: Y.YTextEvent, tx: Y.Transaction) => {
		if (tx.local) return;
		if (document.activeElement !== node) return show();
		const delta = event.delta as Delta;
		const start = shiftIndex(delta, node.selectionStart ?? 0);
		const end = shiftIndex(delta, node.selectionEnd ?? 0);
		node.value = current.toString();
		node.setSelectionRange(start, end);
	};
	node.addEventListener('input', onInput);
	current.observe(onRemote);
	show();
	return {
		update(next: Y.Text) {
			if (next === current) return;
			current.unobserve(onRemote);
			current = next;
			current.observe(onRemote);
			show();
		},
		destroy() {
			node.removeEventListener('input', onInput);
			current.unobserve(onRemote);
		}
	};
}
