/** Console output of the local tooling: one line per step, quiet unless something is worth saying. */
export const step = (message: string) => console.log(`• ${message}`);
export const warn = (message: string) => console.warn(`! ${message}`);
