// Feature demo data registers itself here (imported by main.ts and the test helpers), so the
// organisation seed stays independent of the features built on it.
export {};
