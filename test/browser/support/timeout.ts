// Browser tests start Chromium and load whole pages: give each test a minute. (A `testTimeout`
// inside a jest project entry is ignored; this per-project setup file is how to set it.)
jest.setTimeout(60_000);
