import * as z from "zod";

/**
 * zod compiles object validators with `new Function` when it can, and checks whether it can by
 * trying once. The app's Content-Security-Policy forbids eval, so in the browser that check alone
 * is reported as a CSP violation (Lighthouse best practices, issue 9). Validating without it is
 * plenty fast for forms and single requests. Every module that builds schemas imports this first.
 */
z.config({ jitless: true });
