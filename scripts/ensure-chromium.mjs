#!/usr/bin/env node
// Finds a Chrome/Chromium for the browser tests. On Debian as root it installs Debian's own
// `chromium` package when none is found; it never downloads a browser build of its own.
// Prints the executable path on stdout (last line) so other scripts can use it.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const STANDARD = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
];

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findChrome(env = process.env) {
  if (env.CHROME_PATH) {
    if (executable(env.CHROME_PATH)) return env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${env.CHROME_PATH}, which is not an executable file`);
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      if (executable(candidate)) return candidate;
    }
  }
  return STANDARD.find(executable);
}

function isDebian() {
  if (!existsSync('/etc/os-release')) return false;
  const release = readFileSync('/etc/os-release', 'utf8');
  return /^ID=debian$/m.test(release) || /^ID_LIKE=.*debian/m.test(release);
}

export function ensureChrome() {
  const found = findChrome();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isDebian() || !isRoot) {
    process.stderr.write(
      'No Chrome or Chromium found: install one (Debian: `sudo apt-get install chromium`) or set CHROME_PATH.\n',
    );
    process.exit(1);
  }
  process.stderr.write('No Chromium found; installing Debian\'s "chromium" package (apt-get)…\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: ['ignore', 'inherit', 'inherit'], env });
  const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
  if (install.status !== 0) {
    process.stderr.write('apt-get install chromium failed; install Chromium by hand or set CHROME_PATH.\n');
    process.exit(1);
  }
  const installed = findChrome();
  if (!installed) {
    process.stderr.write('Chromium was installed but no executable was found; set CHROME_PATH.\n');
    process.exit(1);
  }
  return installed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${ensureChrome()}\n`);
}
