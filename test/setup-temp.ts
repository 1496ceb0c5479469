/**
 * Every temporary folder a test file makes goes under one folder of its own, removed when the file
 * is done — also when a test fails or times out. `os.tmpdir()` follows TMPDIR, so `mkdtempSync(join(
 * tmpdir(), …))` anywhere in the tests (and in the code under test, in this process) lands here.
 * Child processes get their own environment and clean up after themselves.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const outer = process.env.LW_TEST_OUTER_TMPDIR ?? tmpdir();
process.env.LW_TEST_OUTER_TMPDIR = outer;
const root = mkdtempSync(join(outer, 'lw-test-'));
// Readable by others: the permission test runs the tool as `nobody` on a folder in here.
chmodSync(root, 0o755);
process.env.TMPDIR = root;
// The tool's caches (scan checks, inbox results) too: tests never write to the user's cache folder.
process.env.LIFELONG_WEEK_CACHE = join(root, 'cache');

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});
