import { z } from 'zod';

// zod 4 compiles fast object parsers with `new Function`, after probing once whether eval is
// allowed. The app's Content-Security-Policy forbids eval, so the probe would be refused and
// reported as a CSP violation on every start. Telling zod up front to parse without eval keeps
// the console clean and the policy strict. Imported first by main.tsx, before any schema runs.
z.config({ jitless: true });
