/** sha256 of files, streamed, and the combined checksum of a load unit. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { LoadUnit } from '../lists/index.js';
import type { VersionFile } from '../store/index.js';

export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

export async function unitFiles(unit: LoadUnit): Promise<{ files: VersionFile[]; checksum: string; bytes: number }> {
  const files: VersionFile[] = [];
  let bytes = 0;
  for (const f of unit.files) {
    const size = (await stat(f.path)).size;
    bytes += size;
    files.push({ role: f.role, name: f.name, sha256: await sha256File(f.path), bytes: size });
  }
  const combined = files.length === 1 ? files[0]!.sha256 : createHash('sha256').update(files.map((f) => `${f.role}:${f.sha256}`).join('\n')).digest('hex');
  return { files, checksum: combined, bytes };
}
