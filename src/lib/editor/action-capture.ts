/**
 * Turning a line of the minutes into an action: reading the line the caret
 * is on (its text and mentions) and putting the action's chip in its place.
 * A line is a paragraph, a heading, a list item or a decision; a decision
 * keeps its text and gets the chip at its end (a decision that needs
 * follow-up), any other line is replaced by the chip.
 */
import { ListItemNode } from '@lexical/list';
import { $getNearestNodeOfType } from '@lexical/utils';
import {
	$createTextNode,
	$getNodeByKey,
	$getSelection,
	$isElementNode,
	$isLineBreakNode,
	$isRangeSelection,
	$isTextNode,
	COMMAND_PRIORITY_HIGH,
	KEY_ENTER_COMMAND,
	type ElementNode,
	type LexicalEditor,
	type LexicalNode
} from 'lexical';
import type { LineSegment } from './action-line';
import { $createActionRefNode, $isActionRefNode } from './action-ref-node';
import { $isDecisionNode } from './decision-node';
import { $isMentionNode } from './mention-node';

export interface CurrentLine {
	key: string;
	segments: LineSegment[];
	/** the line already holds an action */
	hasAction: boolean;
	isDecision: boolean;
}

/** The line the caret (or the start of the selection) is on; call inside a read or update. */
export function $currentLine(): CurrentLine | null {
	const selection = $getSelection();
	if (!$isRangeSelection(selection)) return null;
	const anchor = selection.anchor.getNode();
	const line: ElementNode | null = $getNearestNodeOfType(anchor, ListItemNode) ?? ($isElementNode(anchor) && anchor.getKey() === 'root' ? null : anchor.getTopLevelElement());
	if (!line || !$isElementNode(line)) return null;
	const segments: LineSegment[] = [];
	let hasAction = false;
	const walk = (nodes: LexicalNode[]) => {
		for (const n of nodes) {
			if ($isMentionNode(n)) segments.push({ text: n.getTextContent(), personId: n.getPersonId() });
			else if ($isTextNode(n)) segments.push({ text: n.getTextContent() });
			else if ($isLineBreakNode(n)) segments.push({ text: ' ' });
			else if ($isActionRefNode(n)) hasAction = true;
			// a nested list belongs to its own items
			else if ($isElementNode(n) && n.getType() !== 'list') walk(n.getChildren());
		}
	};
	walk(line.getChildren());
	return { key: line.getKey(), segments, hasAction, isDecision: $isDecisionNode(line) };
}

/** Puts the chip of `actionId` on the line `key` (see the module comment); call inside an update. */
export function $placeAction(key: string, actionId: string): void {
	const line = $getNodeByKey(key);
	if (!$isElementNode(line)) return;
	const chip = $createActionRefNode(actionId);
	if ($isDecisionNode(line)) {
		line.append($createTextNode(' '), chip);
	} else {
		// the nested list of a list item stays
		for (const child of line.getChildren()) if (!($isElementNode(child) && child.getType() === 'list')) child.remove();
		line.splice(0, 0, [chip]);
	}
	line.selectEnd();
}

/** Ctrl+Enter (⌘+Enter) turns the current line into an action. */
export function registerActionShortcut(editor: LexicalEditor, capture: () => void): () => void {
	return editor.registerCommand(
		KEY_ENTER_COMMAND,
		(event) => {
			if (!event || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return false;
			event.preventDefault();
			capture();
			return true;
		},
		COMMAND_PRIORITY_HIGH
	);
}
