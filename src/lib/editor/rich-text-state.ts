/**
 * Pure helpers for serialized Lexical states (no DOM, no editor): used by the
 * article editor in the browser and by the article form action on the server.
 */

type NodeLike = { type?: unknown; text?: unknown; children?: unknown };

/** Elements that are only containers: they count as content only through what they hold. */
const CONTAINERS = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'link', 'autolink', 'decision']);
/** Leaves that are never content on their own. */
const BLANK_LEAVES = new Set(['linebreak', 'tab']);

function hasContent(node: NodeLike): boolean {
	if (node.type === 'text') return typeof node.text === 'string' && /\S/.test(node.text);
	if (typeof node.type === 'string' && BLANK_LEAVES.has(node.type)) return false;
	if (Array.isArray(node.children)) return node.children.some((child) => child !== null && typeof child === 'object' && hasContent(child as NodeLike));
	// any other leaf (a data block, an image …) is content
	return !(typeof node.type === 'string' && CONTAINERS.has(node.type));
}

/** Whether `value` looks like a serialized editor state (`{ root: { children: [...] } }`). */
export function isSerializedState(value: unknown): value is { root: NodeLike & { children: unknown[] } } {
	if (value === null || typeof value !== 'object') return false;
	const root = (value as { root?: unknown }).root;
	return root !== null && typeof root === 'object' && Array.isArray((root as NodeLike).children);
}

/** True when the state holds anything but whitespace (text, or a block such as a data block). */
export function stateHasContent(state: unknown): boolean {
	return isSerializedState(state) && hasContent(state.root);
}

/**
 * A posted or stored body (JSON text) as a state to start an editor with:
 * null when it is blank or not a serialized state (the caller starts empty).
 */
export function parseStateJson(json: string | null | undefined): string | null {
	if (!json || !json.trim()) return null;
	try {
		return isSerializedState(JSON.parse(json)) ? json : null;
	} catch {
		return null;
	}
}
