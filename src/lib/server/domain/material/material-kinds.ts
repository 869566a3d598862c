/**
 * The kinds of decision material a meeting may carry, listed once: each
 * extension with the type the file's own bytes must show (detected by
 * `file-type`) and the content type it is served with. A file is accepted
 * only when its name's extension is listed here and its bytes are of that
 * extension's kind; whatever Content-Type the client claimed is ignored.
 *
 * Plain text kinds (txt, csv, md) are not listed: their bytes prove nothing,
 * so "checked by its bytes" could not hold for them (docs/decisions.md).
 */
import { fileTypeFromBuffer } from 'file-type';
import { invalid } from '../errors';

const OOXML = 'application/vnd.openxmlformats-officedocument';

export interface MaterialKind {
	/** what file-type reports for the bytes of such a file */
	detected: readonly string[];
	/** served with this Content-Type */
	contentType: string;
}

/** The one kind the live room can show (page by page, with pdf.js in the browser). */
export const PDF_CONTENT_TYPE = 'application/pdf';

/** Extension (lower case) → kind. Old binary Office files are Compound File Binary ("cfb") by their bytes. */
export const MATERIAL_KINDS: Readonly<Record<string, MaterialKind>> = {
	pdf: { detected: ['pdf'], contentType: PDF_CONTENT_TYPE },
	docx: { detected: ['docx'], contentType: `${OOXML}.wordprocessingml.document` },
	xlsx: { detected: ['xlsx'], contentType: `${OOXML}.spreadsheetml.sheet` },
	pptx: { detected: ['pptx'], contentType: `${OOXML}.presentationml.presentation` },
	doc: { detected: ['cfb'], contentType: 'application/msword' },
	xls: { detected: ['cfb'], contentType: 'application/vnd.ms-excel' },
	ppt: { detected: ['cfb'], contentType: 'application/vnd.ms-powerpoint' },
	odt: { detected: ['odt'], contentType: 'application/vnd.oasis.opendocument.text' },
	ods: { detected: ['ods'], contentType: 'application/vnd.oasis.opendocument.spreadsheet' },
	odp: { detected: ['odp'], contentType: 'application/vnd.oasis.opendocument.presentation' },
	png: { detected: ['png'], contentType: 'image/png' },
	jpg: { detected: ['jpg'], contentType: 'image/jpeg' },
	jpeg: { detected: ['jpg'], contentType: 'image/jpeg' },
	gif: { detected: ['gif'], contentType: 'image/gif' },
	webp: { detected: ['webp'], contentType: 'image/webp' }
};

/** The extensions, for the file input's `accept` and the messages. */
export const MATERIAL_EXTENSIONS = Object.keys(MATERIAL_KINDS);

/** Programs and libraries, refused whatever they are called. */
const EXECUTABLES = new Set(['exe', 'elf', 'mach', 'dmg', 'class', 'wasm', 'dex', 'msi', 'apk', 'deb', 'rpm', 'macho']);

/** Longest stored file name, in characters (UTF-16 units), extension included. */
export const MAX_FILE_NAME = 150;

/** Path separators and control characters (C0, DEL, C1), line/paragraph separators and bidi controls (which disguise an extension). */
const PATH_SEPARATOR = /[/\\]/;
const CONTROL = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** Characters Windows does not allow in a file name: replaced, so the download saves everywhere. */
const NOT_ON_WINDOWS = /[<>:"|?*]/g;

export interface CheckedName {
	fileName: string;
	extension: string;
	kind: MaterialKind;
}

/**
 * The name a file is stored and served under. A name with a path separator
 * or a control character is refused (it is not a file name but an attempt);
 * other characters Windows refuses become "_"; a name longer than
 * MAX_FILE_NAME is shortened before its extension, which is kept.
 */
export function checkFileName(raw: string | null | undefined): CheckedName {
	const name = (raw ?? '').normalize('NFC').trim();
	if (name === '') throw invalid('Give the file name', { fileName: 'field.required' });
	if (PATH_SEPARATOR.test(name)) throw invalid({ code: 'material.name_path' }, { fileName: 'material.name_path' });
	if (CONTROL.test(name)) throw invalid({ code: 'material.name_control' }, { fileName: 'material.name_control' });
	const dot = name.lastIndexOf('.');
	const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
	const kind = Object.hasOwn(MATERIAL_KINDS, extension) ? MATERIAL_KINDS[extension] : undefined;
	if (!kind) throw invalid({ code: 'material.kind' }, { fileName: 'material.kind' });
	let base = name.slice(0, dot).replace(NOT_ON_WINDOWS, '_').replace(/[. ]+$/, '');
	if (base === '' || /^\.+$/.test(base)) base = '_';
	const room = MAX_FILE_NAME - extension.length - 1;
	if (base.length > room) base = Array.from(base).slice(0, room).join('').slice(0, room).trimEnd();
	return { fileName: `${base}.${name.slice(dot + 1)}`, extension, kind };
}

/**
 * Checks the bytes against the name's kind: not empty, not a program, and
 * of the kind the extension says. Throws a coded `invalid` otherwise.
 */
export async function checkContent(bytes: Uint8Array, name: CheckedName): Promise<void> {
	if (bytes.byteLength === 0) throw invalid({ code: 'material.empty' }, { file: 'material.empty' });
	const detected = await fileTypeFromBuffer(bytes);
	if (detected && EXECUTABLES.has(detected.ext)) throw invalid({ code: 'material.executable' }, { file: 'material.executable' });
	if (!detected || !name.kind.detected.includes(detected.ext)) {
		throw invalid({ code: 'material.mismatch', params: { extension: name.extension } }, { file: { code: 'material.mismatch', params: { extension: name.extension } } });
	}
}
