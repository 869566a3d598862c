/**
 * pdf.js, loaded only when a PDF is shown (it is large), with the settings
 * our Content-Security-Policy needs: its worker from our own bundle
 * (script-src 'self'), and no eval (pdf.js otherwise compiles font outlines
 * with `new Function`).
 */
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';

let library: Promise<typeof import('pdfjs-dist')> | null = null;

function pdfjs(): Promise<typeof import('pdfjs-dist')> {
	library ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([lib, worker]) => {
		lib.GlobalWorkerOptions.workerSrc = worker.default;
		return lib;
	});
	return library;
}

/** Fetches a PDF with the session's cookie and opens it. */
export async function loadPdf(url: string): Promise<PDFDocumentProxy> {
	const response = await fetch(url, { credentials: 'same-origin' });
	if (!response.ok) throw new Error(`material: ${response.status}`);
	const data = new Uint8Array(await response.arrayBuffer());
	const lib = await pdfjs();
	return lib.getDocument({ data, isEvalSupported: false }).promise;
}

/** A page being drawn: `done` gives the page's text once drawn; `cancel` stops it (a newer page wins). */
export interface PageDrawing {
	cancel(): void;
	done: Promise<string>;
}

/** Draws one page as large as fits in `box` (CSS pixels), sharp on high-density screens. */
export function renderPage(doc: PDFDocumentProxy, pageNumber: number, canvas: HTMLCanvasElement, box: { width: number; height: number }): PageDrawing {
	let task: RenderTask | null = null;
	let cancelled = false;
	const done = doc.getPage(pageNumber).then(async (page) => {
		if (cancelled) throw new Error('cancelled');
		const ratio = window.devicePixelRatio || 1;
		const natural = page.getViewport({ scale: 1 });
		const fit = Math.min(box.width / natural.width, box.height / natural.height);
		const viewport = page.getViewport({ scale: fit * ratio });
		canvas.width = Math.floor(viewport.width);
		canvas.height = Math.floor(viewport.height);
		canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
		canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
		task = page.render({ canvas, viewport });
		await task.promise;
		const content = await page.getTextContent();
		return content.items
			.map((item) => ('str' in item ? item.str : ''))
			.join(' ')
			.replace(/\s+/g, ' ')
			.trim();
	});
	return {
		cancel() {
			cancelled = true;
			task?.cancel();
		},
		done
	};
}
