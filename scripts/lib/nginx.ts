// nginx with deploy/nginx.conf in front of running instances, as a child process of a script:
// the documented configuration, only its ports replaced, is the one exercised.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './serverProcess.js';

export const NGINX_CONF = path.join(REPO_ROOT, 'deploy/nginx.conf');

export interface Nginx {
  url: string;
  /** nginx's access log (deploy/nginx.conf's "upstream" format). */
  accessLog: string;
  stop(): Promise<void>;
}

/** A port nobody listens on now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function replaceOnce(text: string, from: string, to: string): string {
  if (text.split(from).length !== 2) throw new Error(`${NGINX_CONF}: expected one "${from}"`);
  return text.replace(from, to);
}

/** deploy/nginx.conf with its listen port and the two upstream ports replaced. */
export function nginxConf(listenPort: number, upstreamPorts: [number, number]): string {
  let conf = fs.readFileSync(NGINX_CONF, 'utf8');
  conf = replaceOnce(conf, 'listen 8080;', `listen 127.0.0.1:${listenPort};`);
  conf = replaceOnce(conf, 'server 127.0.0.1:3001 ', `server 127.0.0.1:${upstreamPorts[0]} `);
  conf = replaceOnce(conf, 'server 127.0.0.1:3002 ', `server 127.0.0.1:${upstreamPorts[1]} `);
  return conf;
}

function nginxBinary(): string {
  if (process.env.NGINX) return process.env.NGINX;
  return fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
}

export async function startNginx(upstreamPorts: [number, number]): Promise<Nginx> {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'm6-nginx-'));
  // Run as root, nginx's workers are another user (nobody) who must reach tmp/ to buffer bodies.
  fs.chmodSync(prefix, 0o755);
  fs.mkdirSync(path.join(prefix, 'logs'));
  fs.mkdirSync(path.join(prefix, 'tmp'));
  const port = await freePort();
  const confFile = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(confFile, nginxConf(port, upstreamPorts));
  let output = '';
  const child: ChildProcess = spawn(
    nginxBinary(),
    ['-p', `${prefix}/`, '-c', confFile, '-e', 'stderr', '-g', 'daemon off;'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // SIGTERM, not SIGKILL: nginx's master then stops its workers, which would outlive it otherwise.
  const killChild = () => child.kill('SIGTERM');
  process.on('exit', killChild);
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', (err) => (output += `${err.message}\n`));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      child.kill('SIGTERM');
      const errorLog = path.join(prefix, 'logs/error.log');
      const logged = fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : '';
      throw new Error(`nginx did not start (is Debian's nginx installed?):\n${output}${logged}`);
    }
    const answered = await fetch(`${url}/api/health`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (answered) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    accessLog: path.join(prefix, 'logs/access.log'),
    async stop() {
      // SIGQUIT: nginx's graceful shutdown.
      child.kill('SIGQUIT');
      await exited;
      process.off('exit', killChild);
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}
