import type { ConsolePages } from "./types";

export default [] satisfies ConsolePages;
