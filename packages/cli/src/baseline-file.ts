// The baseline's default file name, in a module of its own: the help text names it, and the bin
// prints that help without loading the baseline code (and the engine it imports).
export const BASELINE_FILE = "deploylint-baseline.json";
