/**
 * Long work in short turns: an import of 140,000 rows must not stop the
 * server's websockets for seconds. Call the function yielder() returns between
 * small steps; once the current stretch has run for `budgetMs` it waits for
 * its turn and costs a clock read otherwise.
 *
 * The turns are shared by the whole process: one waiting stretch resumes per
 * event-loop iteration (setImmediate), whatever work it belongs to. Three
 * imports at once therefore add one stretch to an iteration, not three, and
 * what else the server does (a collab commit needs an iteration or two) keeps
 * its pace; the imports share the time among themselves.
 */
const waiting: (() => void)[] = [];
let pumping = false;

function resumeOne(): void {
	waiting.shift()?.();
	if (waiting.length > 0) setImmediate(resumeOne);
	else pumping = false;
}

function nextTurn(): Promise<void> {
	return new Promise((resolve) => {
		waiting.push(resolve);
		if (!pumping) {
			pumping = true;
			setImmediate(resumeOne);
		}
	});
}

export function yielder(budgetMs = 10) {
	let since = performance.now();
	return async (): Promise<void> => {
		if (performance.now() - since < budgetMs) return;
		await nextTurn();
		since = performance.now();
	};
}
