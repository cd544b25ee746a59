import fs from 'node:fs';
import path from 'node:path';

// The running server marks its data directory, so that a restore can refuse to replace the
// database under it. A file left by a killed server names a dead process and is ignored.
const pidFileIn = (dataDir: string) => path.join(dataDir, 'server.pid');

export function writePidFile(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(pidFileIn(dataDir), String(process.pid));
}

export function removePidFile(dataDir: string): void {
  const file = pidFileIn(dataDir);
  try {
    if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file);
  } catch {
    // already gone
  }
}

/** The pid of a live server using this data directory, or null. */
export function runningServerPid(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFileIn(dataDir), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}
