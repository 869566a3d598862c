/**
 * A data block in the minutes: a live table of the meeting's ITSM figures
 * (SLA per priority, KPIs, incidents, escalations, changes for CAB), named by
 * its figure id. The editor draws the current figures into it; approving the
 * minutes freezes the same figures into the approved version, so the export
 * shows them where the block stood (the evidence of what was presented).
 *
 * A DecoratorNode: its content is not text. Plain Lexical (no React) renders
 * decorators through `registerDecoratorListener` (see collab-editor.ts).
 */
import {
	$applyNodeReplacement,
	DecoratorNode,
	type EditorConfig,
	type LexicalNode,
	type LexicalUpdateJSON,
	type NodeKey,
	type SerializedLexicalNode,
	type Spread
} from 'lexical';

export type SerializedDataBlockNode = Spread<{ figureId: string }, SerializedLexicalNode>;

export class DataBlockNode extends DecoratorNode<string> {
	__figureId: string;

	static getType(): string {
		return 'data-block';
	}

	static clone(node: DataBlockNode): DataBlockNode {
		return new DataBlockNode(node.__figureId, node.__key);
	}

	constructor(figureId = '', key?: NodeKey) {
		super(key);
		this.__figureId = figureId;
	}

	getFigureId(): string {
		return this.getLatest().__figureId;
	}

	createDOM(config: EditorConfig): HTMLElement {
		const el = document.createElement('div');
		const theme = config.theme as { dataBlock?: string };
		if (theme.dataBlock) el.className = theme.dataBlock;
		el.contentEditable = 'false';
		el.dataset.figureId = this.__figureId;
		el.dataset.testid = 'minutes-data-block';
		return el;
	}

	updateDOM(): boolean {
		return false;
	}

	isInline(): false {
		return false;
	}

	/** What the decorator listener gets: the figure to draw. */
	decorate(): string {
		return this.__figureId;
	}

	static importJSON(json: SerializedDataBlockNode): DataBlockNode {
		return $createDataBlockNode(json.figureId).updateFromJSON(json);
	}

	updateFromJSON(json: LexicalUpdateJSON<SerializedDataBlockNode>): this {
		return super.updateFromJSON(json);
	}

	exportJSON(): SerializedDataBlockNode {
		return { ...super.exportJSON(), figureId: this.getFigureId() };
	}
}

export function $createDataBlockNode(figureId: string): DataBlockNode {
	return $applyNodeReplacement(new DataBlockNode(figureId));
}

export function $isDataBlockNode(node: LexicalNode | null | undefined): node is DataBlockNode {
	return node instanceof DataBlockNode;
}
