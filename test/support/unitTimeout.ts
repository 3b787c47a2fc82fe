// A hang guard, not a speed check: whole-workbook tests take a few seconds alone and several times
// that on a loaded machine (speed is measured by npm run bench, never asserted here). A `testTimeout`
// inside a jest project entry is ignored, so the unit project sets it here.
jest.setTimeout(30_000);
