import { config } from "zod/v4/core";

// Runs in the browser before the app's own code. Zod probes `new Function("")` when it builds an
// object schema, to compile faster parsers; the Content-Security-Policy forbids eval, so every
// page would log a (harmless, caught) violation. Without the probe the console stays clean and a
// real violation stands out.
config({ jitless: true });
