import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function fromPidFile(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && isRunning(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** The redis-server serving `socketPath`, found by the title it runs under (`redis-server unixsocket:<path>`). */
function fromProcessTable(socketPath: string): number | null {
  const title = `unixsocket:${socketPath}`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const commandLine = readFileSync(join('/proc', entry, 'cmdline'), 'utf8').split('\0');
      if (commandLine[0]?.startsWith('redis-server') && commandLine.some((part) => part.endsWith(title))) return Number(entry);
    } catch {
      // The process ended while the table was read.
    }
  }
  return null;
}

/**
 * The pid of the redis-server a server started for `dataDir`: from the pidfile the server writes, else (a server
 * built before it wrote one) from the process table. Null when none runs. It outlives a SIGKILLed server.
 */
export function embeddedRedisPid(dataDir: string): number | null {
  const directory = join(dataDir, 'redis');
  return fromPidFile(join(directory, 'redis.pid')) ?? fromProcessTable(join(directory, 'redis.sock'));
}

/** Kills the redis-server of `dataDir` left by a killed server, so a test leaves no process behind; true if one ran. */
export async function killEmbeddedRedis(dataDir: string, withinMs = 5_000): Promise<boolean> {
  const pid = embeddedRedisPid(dataDir);
  if (pid === null) return false;
  process.kill(pid, 'SIGKILL');
  const deadline = Date.now() + withinMs;
  while (isRunning(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return true;
}
