#!/usr/bin/env node
// Makes sure the Debian packages the project runs with are installed: installs them with apt-get when running
// as root, otherwise stops and says exactly what to install. Usage: node tools/system-deps.mjs redis-server chromium
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BINARIES = {
  'redis-server': ['/usr/bin/redis-server', '/usr/local/bin/redis-server'],
  chromium: ['/usr/bin/chromium'],
  // Headless Chromium draws Chinese labels as empty boxes without a CJK font.
  'fonts-wqy-microhei': ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'],
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BINARIES));
if (unknown.length > 0) {
  console.error(`system-deps: no rule for ${unknown.join(', ')}`);
  process.exit(2);
}

const missing = wanted.filter((name) => !BINARIES[name].some((path) => existsSync(path)));
if (missing.length === 0) process.exit(0);

const hasAptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!hasAptGet || !isRoot) {
  console.error(
    `grid-command needs ${missing.join(' and ')}, which is not installed.\n` +
      (hasAptGet
        ? `Install it with:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n`
        : `Install ${missing.join(' and ')} with your system's package manager.\n`) +
      (missing.includes('redis-server') ? 'Or point REDIS_URL at a running Redis 7.\n' : ''),
  );
  process.exit(1);
}

console.log(`Installing ${missing.join(', ')} with apt-get…`);
const run = (args) => execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
run(['update']);
run(['install', '-y', '--no-install-recommends', ...missing]);
