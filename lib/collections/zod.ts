// zod for code that runs in the browser. zod compiles object schemas with `new Function` unless told not to, and
// even its probe for that is an eval the pages' Content-Security-Policy (no 'unsafe-eval') blocks and reports.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
