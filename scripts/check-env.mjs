#!/usr/bin/env node
// Prerequisite check: one line with the fix when something is missing, silence otherwise.
import { execFileSync } from 'node:child_process';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: install Node 20.19 or newer (e.g. nvm install 20).`);
  process.exit(1);
}

if (process.argv.includes('--browser')) {
  // The same browser the end-to-end harness starts: CHROMIUM_PATH when set, else `chromium` on PATH.
  const bin = process.env.CHROMIUM_PATH || 'chromium';
  try {
    execFileSync(bin, ['--version'], { stdio: 'ignore' });
  } catch {
    console.error(
      process.env.CHROMIUM_PATH
        ? `CHROMIUM_PATH=${bin} does not run: point it at a Chromium binary, or unset it to use \`chromium\` from PATH.`
        : 'No Chromium found for the browser tests: run `apt-get install -y chromium fonts-noto-cjk` (or set CHROMIUM_PATH).',
    );
    process.exit(1);
  }
}
