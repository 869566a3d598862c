// The reader thread from source (vitest, `vite dev`): its TypeScript entry through tsx's loader,
// registered for this thread only (minutes-reader-thread.ts, minutesWorkerScript).
import { tsImport } from 'tsx/esm/api';

await tsImport('./minutes-reader.worker.ts', import.meta.url);
