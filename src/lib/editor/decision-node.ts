/**
 * The structured decision block (beslut) of the minutes: a block of inline
 * text with a stable decision id, so that the server can project each decision
 * into the decision register and follow it across edits. Registered in
 * `nodes.ts`, hence known to the browser editor, the server's headless editor
 * and @lexical/yjs (which syncs the `__decisionId` property like any other).
 *
 * Enter at its end continues with an ordinary paragraph; Backspace at its
 * start turns it back into a paragraph.
 */
import {
	$applyNodeReplacement,
	$createParagraphNode,
	ElementNode,
	type EditorConfig,
	type LexicalNode,
	type LexicalUpdateJSON,
	type NodeKey,
	type ParagraphNode,
	type RangeSelection,
	type SerializedElementNode,
	type Spread
} from 'lexical';

export type SerializedDecisionNode = Spread<{ decisionId: string }, SerializedElementNode>;

export class DecisionNode extends ElementNode {
	__decisionId: string;

	static getType(): string {
		return 'decision';
	}

	static clone(node: DecisionNode): DecisionNode {
		return new DecisionNode(node.__decisionId, node.__key);
	}

	constructor(decisionId = '', key?: NodeKey) {
		super(key);
		this.__decisionId = decisionId;
	}

	getDecisionId(): string {
		return this.getLatest().__decisionId;
	}

	createDOM(config: EditorConfig): HTMLElement {
		const el = document.createElement('div');
		const theme = config.theme as { decision?: string };
		if (theme.decision) el.className = theme.decision;
		el.dataset.decisionId = this.__decisionId;
		// the anchor search hits link to (/meetings/{id}#decision-…)
		el.id = `decision-${this.__decisionId}`;
		el.dataset.testid = 'minutes-decision';
		return el;
	}

	updateDOM(prev: DecisionNode, dom: HTMLElement): boolean {
		if (prev.__decisionId !== this.__decisionId) {
			dom.dataset.decisionId = this.__decisionId;
			dom.id = `decision-${this.__decisionId}`;
		}
		return false;
	}

	static importJSON(json: SerializedDecisionNode): DecisionNode {
		return $createDecisionNode(json.decisionId).updateFromJSON(json);
	}

	updateFromJSON(json: LexicalUpdateJSON<SerializedDecisionNode>): this {
		return super.updateFromJSON(json);
	}

	exportJSON(): SerializedDecisionNode {
		return { ...super.exportJSON(), decisionId: this.getDecisionId() };
	}

	insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode {
		const paragraph = $createParagraphNode();
		this.insertAfter(paragraph, restoreSelection);
		return paragraph;
	}

	collapseAtStart(): boolean {
		const paragraph = $createParagraphNode();
		for (const child of this.getChildren()) paragraph.append(child);
		this.replace(paragraph);
		paragraph.selectStart();
		return true;
	}
}

export function $createDecisionNode(decisionId: string): DecisionNode {
	return $applyNodeReplacement(new DecisionNode(decisionId));
}

export function $isDecisionNode(node: LexicalNode | null | undefined): node is DecisionNode {
	return node instanceof DecisionNode;
}
