/**
 * Gives every platform-specific optional dependency an entry in package-lock.json.
 *
 * npm leaves such a package (say `@pagefind/darwin-arm64`) out of the lock when the
 * registry it installs from does not serve that version; `npm ci` then refuses the lock
 * as out of sync on every platform. An entry with the package's os/cpu lets `npm ci`
 * see a complete lock and skip the package where it does not apply.
 * Run after adding a dependency: `npm run lockfile`.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface LockPackage {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
}

const OS = ['darwin', 'win32', 'windows', 'freebsd', 'openbsd', 'netbsd', 'android', 'linux', 'sunos', 'aix'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'wasm32', 'riscv64', 'ppc64', 's390x', 'loong64'];

function platformOf(name: string): Pick<LockPackage, 'os' | 'cpu' | 'libc'> {
  const parts = name.split('/').pop()!.split('-');
  const os = OS.find((o) => parts.includes(o));
  const cpu = CPU.find((c) => parts.includes(c));
  const libc = parts.includes('musl') ? 'musl' : parts.includes('gnu') ? 'glibc' : undefined;
  return {
    ...(os ? { os: [os === 'windows' ? 'win32' : os] } : {}),
    ...(cpu ? { cpu: [cpu] } : {}),
    ...(libc ? { libc: [libc] } : {}),
  };
}

const file = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, LockPackage> };
let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [dependency, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const nested = `${key ? `${key}/` : ''}node_modules/${dependency}`;
    const hoisted = `node_modules/${dependency}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    const platform = platformOf(dependency);
    if (!platform.os && !platform.cpu) continue; // not platform-specific: a real gap, leave it to npm
    lock.packages[hoisted] = { version, ...(pkg.dev ? { dev: true } : {}), optional: true, ...platform };
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `Added ${added} platform-specific entries to ${file}.` : `${file} is complete.`);
