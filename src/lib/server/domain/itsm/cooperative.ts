/**
 * Long work in short turns: an import of 140,000 rows must not stop the
 * server's websockets for seconds. Call the function yielder() returns between
 * small steps; once the current stretch has run for `budgetMs` it waits for
 * its turn, and costs a clock read otherwise.
 *
 * The turns are shared by the whole process: one waiting stretch resumes at a
 * time, whatever work it belongs to, and only after the event loop has had
 * half as long as that stretch ran for everything else (a timer, so incoming
 * messages and the collab commits of several loop iterations get through).
 * Three imports at once take turns instead of adding up, and the rest of the
 * server keeps at least a third of the time, however many imports run.
 */
const waiting: { resume: () => void; ran: number }[] = [];
let pumping = false;

function resumeOne(): void {
	const next = waiting.shift();
	if (!next) {
		pumping = false;
		return;
	}
	next.resume();
	// after the stretch just resumed (it runs in the microtasks after this), the rest, then the next one
	setImmediate(() => {
		if (waiting.length === 0) pumping = false;
		else setTimeout(resumeOne, Math.max(1, next.ran / 2));
	});
}

function nextTurn(ran: number): Promise<void> {
	return new Promise((resume) => {
		waiting.push({ resume, ran });
		if (!pumping) {
			pumping = true;
			setTimeout(resumeOne, Math.max(1, ran / 2));
		}
	});
}

export function yielder(budgetMs = 10) {
	let since = performance.now();
	return async (): Promise<void> => {
		const ran = performance.now() - since;
		if (ran < budgetMs) return;
		await nextTurn(Math.min(ran, 4 * budgetMs));
		since = performance.now();
	};
}
