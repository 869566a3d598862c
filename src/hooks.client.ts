import { config } from 'zod/v4/core';

// Zod probes `new Function` once to decide whether to compile its parsers. The
// pages' Content-Security-Policy forbids eval, so the probe fails (Zod then
// parses without compiling) but Chromium still reports it as a violation: skip
// the probe in the browser. The server keeps compiled parsers.
config({ jitless: true });
