/** Test helper: a throw-away copy of the project's Salesforce parts to break on purpose. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_DIR = 'force-app/main/default';
export const CALL_CENTER = `${DEFAULT_DIR}/callCenters/CICSoftphone.callCenter-meta.xml`;
export const IMPORT_XML = 'docs/call-center/CIC_Softphone_import.xml';

export class ProjectCopy {
  readonly dir: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'force-app-'));
    for (const part of ['sfdx-project.json', '.forceignore', 'force-app', 'docs/call-center']) {
      if (existsSync(join(ROOT, part))) cpSync(join(ROOT, part), join(this.dir, part), { recursive: true });
    }
  }

  path(rel: string): string {
    return join(this.dir, rel);
  }

  read(rel: string): string {
    return readFileSync(this.path(rel), 'utf8');
  }

  write(rel: string, text: string): void {
    mkdirSync(dirname(this.path(rel)), { recursive: true });
    writeFileSync(this.path(rel), text);
  }

  /** Replaces one exact occurrence (fails the test if the text is not there, so edits cannot silently miss). */
  edit(rel: string, from: string | RegExp, to: string): void {
    const before = this.read(rel);
    const after = before.replace(from, to);
    if (after === before) throw new Error(`edit of ${rel} changed nothing (${String(from)})`);
    this.write(rel, after);
  }

  remove(rel: string): void {
    rmSync(this.path(rel), { recursive: true, force: true });
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
