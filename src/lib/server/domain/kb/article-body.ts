/**
 * Article bodies are Lexical's serialized editor state (the same JSON the
 * minutes use), stored per version. Authors write a light markup ("## rubrik",
 * "- punkt", "1. steg", **fet**, [länk](https://…)) or send Lexical JSON over
 * the API; either way the state is parsed by a headless Lexical editor with
 * the minutes' node set, so only known nodes are stored. Rendering goes
 * through `blocksOf` (text only, http(s)/mailto links only) and Svelte's
 * escaping: no stored HTML anywhere.
 */
import { createHeadlessEditor } from '@lexical/headless';
import type { SerializedEditorState } from 'lexical';
import { MINUTES_NODES } from '$lib/editor/nodes';
import { invalid } from '../errors';
import { MAX_JSON_DEPTH, tooDeep } from '../json-depth';
import type { MinutesBlock, MinutesRun } from '../meeting-core/minutes-model';
import { blocksOf, plainText } from '../collab/minutes-reader';

const MAX_BODY_CHARS = 200_000;

const tooDeepBody = () => invalid('The article is nested too deeply', { body: { code: 'kb.too_deep', params: { max: MAX_JSON_DEPTH } } });

const textNode = (text: string, format = 0) => ({ type: 'text', version: 1, text, format, detail: 0, mode: 'normal', style: '' });
const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
	type,
	version: 1,
	children,
	direction: 'ltr',
	format: '',
	indent: 0,
	...extra
});

/** **bold** and [text](https://…) inside one line. */
function inline(line: string): unknown[] {
	const out: unknown[] = [];
	const re = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(((?:https?:|mailto:)[^)\s]+)\)/g;
	let last = 0;
	for (let m = re.exec(line); m; m = re.exec(line)) {
		if (m.index > last) out.push(textNode(line.slice(last, m.index)));
		if (m[1] !== undefined) out.push(textNode(m[1], 1));
		else out.push(element('link', [textNode(m[2])], { url: m[3], rel: 'noreferrer', target: null, title: null }));
		last = m.index + m[0].length;
	}
	if (last < line.length) out.push(textNode(line.slice(last)));
	return out;
}

/** The light markup as Lexical JSON: blank lines separate paragraphs. */
export function markupToState(markup: string): SerializedEditorState {
	const children: unknown[] = [];
	type OpenList = { type: 'bullet' | 'number'; items: unknown[] };
	let list = null as OpenList | null;
	const flush = () => {
		if (list)
			children.push(
				element(
					'list',
					list.items.map((item, i) => element('listitem', item as unknown[], { value: i + 1 })),
					{ listType: list.type, start: 1, tag: list.type === 'number' ? 'ol' : 'ul' }
				)
			);
		list = null;
	};
	for (const raw of markup.replace(/\r\n?/g, '\n').split('\n')) {
		const line = raw.trimEnd();
		const heading = /^(#{1,3})\s+(.*)$/.exec(line);
		const bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
		const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
		if (bullet || numbered) {
			const type = bullet ? 'bullet' : 'number';
			if ((list as OpenList | null)?.type !== type) flush();
			const open: OpenList = list ?? { type, items: [] };
			open.items.push(inline((bullet ?? numbered)![1]));
			list = open;
			continue;
		}
		flush();
		if (heading) children.push(element('heading', inline(heading[2]), { tag: `h${heading[1].length + 1 > 3 ? 3 : heading[1].length + 1}` }));
		else if (line.startsWith('> ')) children.push(element('quote', inline(line.slice(2))));
		else if (line.trim()) children.push(element('paragraph', inline(line), { textFormat: 0, textStyle: '' }));
	}
	flush();
	return { root: element('root', children) } as unknown as SerializedEditorState;
}

/** Parses and re-serializes through Lexical: unknown node types or a malformed state are refused. */
export function normalizeState(input: unknown): SerializedEditorState {
	let json: string;
	try {
		json = typeof input === 'string' ? input : JSON.stringify(input ?? null);
	} catch {
		// nested too deep for JSON.stringify itself (the API refuses such bodies before they get here)
		throw tooDeepBody();
	}
	if (json.length > MAX_BODY_CHARS) throw invalid('The article is too long', { body: { code: 'field.too_long', params: { max: MAX_BODY_CHARS } } });
	// Lexical and every reader of the stored body walk the tree recursively
	if (tooDeep(json)) throw tooDeepBody();
	const editor = createHeadlessEditor({
		namespace: 'kb',
		nodes: MINUTES_NODES,
		onError: (err) => {
			throw err;
		}
	});
	try {
		const state = editor.parseEditorState(json);
		return state.toJSON();
	} catch {
		throw invalid('Not a rich-text document', { body: 'kb.not_rich_text' });
	}
}

export const bodyBlocks = (json: string): MinutesBlock[] => blocksOf(JSON.parse(json) as SerializedEditorState);
export const bodyText = (state: SerializedEditorState): string => plainText(blocksOf(state));

const runsMarkup = (runs: MinutesRun[]) =>
	runs
		.map((r) => {
			const t = r.bold ? `**${r.text}**` : r.text;
			return r.href ? `[${t}](${r.href})` : t;
		})
		.join('');

/** Back to the light markup, for editing an article written that way. */
export function stateToMarkup(json: string): string {
	const lines: string[] = [];
	for (const b of bodyBlocks(json)) {
		if (b.type === 'heading') lines.push(`${'#'.repeat(Math.max(1, b.level - 1))} ${runsMarkup(b.runs)}`, '');
		else if (b.type === 'list') {
			b.items.forEach((item, i) => lines.push(`${b.style === 'number' ? `${i + 1}.` : '-'} ${runsMarkup(item.runs)}`));
			lines.push('');
		} else if (b.type === 'quote') lines.push(`> ${runsMarkup(b.runs)}`, '');
		else if (b.type !== 'data') lines.push(runsMarkup(b.runs), '');
	}
	return lines.join('\n').trim();
}
