#!/usr/bin/env node
// Prerequisite check: one line with the fix when something is missing, silence otherwise.
import { execFileSync } from 'node:child_process';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: install Node 20.19 or newer (e.g. nvm install 20).`);
  process.exit(1);
}

if (process.argv.includes('--browser')) {
  const candidates = [process.env.CHROMIUM_PATH, 'chromium', 'chromium-browser', 'google-chrome'].filter(Boolean);
  const found = candidates.some((bin) => {
    try {
      execFileSync(bin, ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!found) {
    console.error(
      'No Chromium found for the browser tests: run `apt-get install -y chromium fonts-noto-cjk` (or set CHROMIUM_PATH).',
    );
    process.exit(1);
  }
}
