/**
 * The fonts embedded in exported PDFs: Liberation Sans 2 (SIL Open Font
 * Licence 1.1, see fonts/LICENSE.txt), metric-compatible with Arial and
 * covering Swedish (å ä ö é) and the punctuation minutes use. Inlined into
 * the server bundle at build time, so a deployed build needs no font files
 * next to it and no fonts installed on the machine.
 */
import regular from './fonts/LiberationSans-Regular.ttf?inline';
import bold from './fonts/LiberationSans-Bold.ttf?inline';
import italic from './fonts/LiberationSans-Italic.ttf?inline';
import boldItalic from './fonts/LiberationSans-BoldItalic.ttf?inline';

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';

const SOURCES: Record<FontFace, string> = { regular, bold, italic, boldItalic };
const cache = new Map<FontFace, Buffer>();

/** The font file's bytes (decoded once from the inlined data URL). */
export function fontBytes(face: FontFace): Buffer {
	let bytes = cache.get(face);
	if (!bytes) {
		const url = SOURCES[face];
		bytes = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
		cache.set(face, bytes);
	}
	return bytes;
}
