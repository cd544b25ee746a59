// `npm start` runs this first: rebuild when the build is missing or older than the sources,
// so a fresh clone, an `npm install --ignore-scripts` or a `git pull` all start correctly.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const outputs = ['dist/server/main.js', 'dist/client/index.html'];
const sources = ['server', 'client', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

function newest(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

const builtAt = Math.min(
  ...outputs.map((file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0)),
);
if (builtAt === 0 || Math.max(...sources.map(newest)) > builtAt) {
  console.log('Building the server and web client...');
  execSync('npm run build', { stdio: 'inherit' });
}
