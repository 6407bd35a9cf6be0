/**
 * Offline validation of the Salesforce DX package (no org needed): every file under the package
 * directories is well-formed XML (fast-xml-parser), resolves to a metadata type with Salesforce's
 * own resolver (@salesforce/source-deploy-retrieve) and has its -meta.xml; the package.xml lists
 * the expected components; and the project's own rules hold (call centers, the import-format
 * call-center files under docs/call-center, cross-references between components).
 *
 * CLI: `node scripts/validate-force-app.mjs [--project DIR] [--require-bundle] [--json]`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { ComponentSet, ForceIgnore, MetadataResolver } from '@salesforce/source-deploy-retrieve';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseImportCallCenter, parseMetadataCallCenter, type CallCenterModel } from './call-center-model.js';
import { checkCallCenter, compareCallCenters } from './call-center-rules.js';

export interface Problem {
  /** Path relative to the project directory. */
  readonly file: string;
  readonly message: string;
}

export interface ValidationReport {
  readonly problems: Problem[];
  /** Things worth knowing that are not errors (e.g. the bundle is not built yet). */
  readonly notes: string[];
  /** type → member names, from ComponentSet.getPackageXml(). */
  readonly packageTypes: Record<string, string[]>;
  readonly packageXml: string;
}

export interface ValidateOptions {
  readonly projectDir: string;
  /** Import-format call-center files; default every *.xml in docs/call-center. */
  readonly importFiles?: readonly string[];
  /** Treat a missing static resource bundle as an error (before a deploy). */
  readonly requireBundle?: boolean;
}

/** What this package must contain. The static resource is built by `npm run build` (not committed). */
export const EXPECTED_COMPONENTS: ReadonlyArray<{ type: string; fullName: string }> = [
  { type: 'CallCenter', fullName: 'CICSoftphone' },
  { type: 'ApexPage', fullName: 'CicSoftphone' },
  { type: 'LightningMessageChannel', fullName: 'CIC_Omni_Bridge' },
  { type: 'AuraDefinitionBundle', fullName: 'CicOmniBridge' },
  { type: 'ApexClass', fullName: 'CicOmniBridgeController' },
  { type: 'ApexClass', fullName: 'CicOmniBridgeControllerTest' },
  { type: 'ApexClass', fullName: 'CicCallLogLookup' },
  { type: 'ApexClass', fullName: 'CicCallLogLookupTest' },
  { type: 'PermissionSet', fullName: 'CIC_Softphone_User' },
];
export const BUNDLE_RESOURCE = 'softphone';
/** Files that must be well-formed XML: metadata files, Visualforce pages and Aura markup. */
const MARKUP = /\.(?:xml|page|component|cmp|app|evt|intf|design)$/;
/** Open CTI's LMS methods (publish/subscribe) need 47.0. */
const MIN_OPENCTI_VERSION = 47;

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

function packageDirectories(projectDir: string, problems: Problem[]): string[] {
  const file = join(projectDir, 'sfdx-project.json');
  try {
    const project = JSON.parse(readFileSync(file, 'utf8')) as {
      packageDirectories?: Array<{ path?: unknown }>;
    };
    const dirs = (project.packageDirectories ?? [])
      .map((d) => d.path)
      .filter((p): p is string => typeof p === 'string');
    if (dirs.length === 0) problems.push({ file: 'sfdx-project.json', message: 'no packageDirectories' });
    return dirs.map((d) => resolve(projectDir, d));
  } catch (error) {
    problems.push({ file: 'sfdx-project.json', message: `cannot read: ${(error as Error).message}` });
    return [];
  }
}

function xmlProblem(text: string): string | null {
  const result = XMLValidator.validate(text);
  return result === true
    ? null
    : `XML is not well-formed: ${result.err.msg} (line ${result.err.line}, column ${result.err.col})`;
}

export async function validateForceApp(options: ValidateOptions): Promise<ValidationReport> {
  const projectDir = resolve(options.projectDir);
  const problems: Problem[] = [];
  const notes: string[] = [];
  const rel = (path: string): string => relative(projectDir, path) || '.';
  const add = (path: string, message: string): void => {
    problems.push({ file: rel(path), message });
  };
  const resolver = new MetadataResolver();
  const components = new Map<string, { type: string; fullName: string; xml?: string; content?: string }>();
  const callCenters = new Map<string, { file: string; model: CallCenterModel }>();
  let packageXml = '';
  const packageTypes: Record<string, string[]> = {};

  for (const dir of packageDirectories(projectDir, problems)) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      add(dir, 'package directory does not exist');
      continue;
    }
    const ignore = ForceIgnore.findAndCreate(dir);
    for (const file of walk(dir)) {
      if (ignore.denies(file)) {
        notes.push(`${rel(file)} is excluded by .forceignore`);
        continue;
      }
      const text = readFileSync(file, 'utf8');
      if (MARKUP.test(file)) {
        const p = xmlProblem(text);
        if (p) {
          add(file, p);
          continue;
        }
      }
      let resolved;
      try {
        resolved = resolver.getComponentsFromPath(file);
      } catch (error) {
        add(
          file,
          `Salesforce's resolver rejects this file: ${(error as Error).message.split(`${file}: `).join('')}`,
        );
        continue;
      }
      if (resolved.length === 0) add(file, 'not part of any metadata component (misplaced or unknown file)');
      for (const c of resolved) {
        const key = `${c.type.name}:${c.fullName}`;
        if (!c.xml)
          add(
            file,
            `${c.type.name} ${c.fullName} has no -meta.xml file${c.type.suffix ? ` (expected ${c.fullName}.${c.type.suffix}-meta.xml)` : ''}`,
          );
        else if (!existsSync(c.xml))
          add(file, `${c.type.name} ${c.fullName} has no metadata file: expected ${rel(c.xml)}`);
        if (!components.has(key))
          components.set(key, { type: c.type.name, fullName: c.fullName, xml: c.xml, content: c.content });
      }
      if (file.endsWith('.callCenter-meta.xml')) {
        const local: string[] = [];
        const model = parseMetadataCallCenter(text, basename(file, '.callCenter-meta.xml'), local);
        if (model) local.push(...checkCallCenter(model));
        for (const m of local) add(file, m);
        if (model && model.internalName) callCenters.set(model.internalName, { file, model });
      }
    }
    try {
      const set = ComponentSet.fromSource(dir);
      packageXml = await set.getPackageXml();
      for (const c of set.getSourceComponents().toArray())
        (packageTypes[c.type.name] ??= []).push(c.fullName);
    } catch (error) {
      add(dir, `ComponentSet.fromSource failed: ${(error as Error).message}`);
    }
  }

  for (const expected of EXPECTED_COMPONENTS) {
    if (!components.has(`${expected.type}:${expected.fullName}`))
      problems.push({
        file: 'force-app',
        message: `expected ${expected.type} ${expected.fullName} is missing`,
      });
  }
  crossReferenceProblems(components, add, notes, options.requireBundle === true);
  importFileProblems(projectDir, options.importFiles, callCenters, add);
  return { problems, notes, packageTypes, packageXml };
}

type Add = (path: string, message: string) => void;
type Components = Map<string, { type: string; fullName: string; xml?: string; content?: string }>;

function crossReferenceProblems(
  components: Components,
  add: Add,
  notes: string[],
  requireBundle: boolean,
): void {
  const has = (type: string, name: string): boolean => components.has(`${type}:${name}`);
  const bundleBuilt = has('StaticResource', BUNDLE_RESOURCE);
  for (const c of components.values()) {
    if (c.type === 'ApexPage' && c.content && existsSync(c.content)) {
      const page = readFileSync(c.content, 'utf8');
      for (const m of page.matchAll(/\$Resource\.([A-Za-z0-9_]+)/g)) {
        const name = m[1] ?? '';
        if (has('StaticResource', name)) continue;
        if (name === BUNDLE_RESOURCE && !requireBundle)
          notes.push(
            `static resource ${name} is not built yet: run npm run build before deploying (page ${c.fullName} loads it)`,
          );
        else
          add(
            c.content,
            `loads static resource ${name}, which is not in the package${name === BUNDLE_RESOURCE ? ' (run npm run build)' : ''}`,
          );
      }
      for (const m of page.matchAll(/\/support\/api\/(\d+)\.0\/lightning\/opencti(?:_min)?\.js/g)) {
        if (Number(m[1]) < MIN_OPENCTI_VERSION)
          add(
            c.content,
            `loads Open CTI ${m[1]}.0; the softphone needs ${MIN_OPENCTI_VERSION}.0 or later (Lightning Message Service)`,
          );
      }
    }
    if (c.type === 'AuraDefinitionBundle' && c.content && existsSync(c.content)) {
      for (const file of readdirSync(c.content).filter((f) => f.endsWith('.cmp'))) {
        const markup = readFileSync(join(c.content, file), 'utf8');
        for (const m of markup.matchAll(/<lightning:messageChannel[^>]*\btype="([A-Za-z0-9_]+)__c"/g)) {
          if (!has('LightningMessageChannel', m[1] ?? ''))
            add(join(c.content, file), `uses message channel ${m[1]}__c, which is not in the package`);
        }
        const controller = /\bcontroller="([A-Za-z0-9_]+)"/.exec(markup)?.[1];
        if (controller && !has('ApexClass', controller))
          add(join(c.content, file), `uses Apex controller ${controller}, which is not in the package`);
      }
    }
    if (c.type === 'PermissionSet' && c.xml && existsSync(c.xml)) {
      const doc = new XMLParser({ isArray: (n) => ['pageAccesses', 'classAccesses'].includes(n) }).parse(
        readFileSync(c.xml, 'utf8'),
      ) as {
        PermissionSet?: {
          pageAccesses?: Array<{ apexPage?: string }>;
          classAccesses?: Array<{ apexClass?: string }>;
        };
      };
      for (const p of doc.PermissionSet?.pageAccesses ?? [])
        if (p.apexPage && !has('ApexPage', p.apexPage))
          add(c.xml, `grants page ${p.apexPage}, which is not in the package`);
      for (const p of doc.PermissionSet?.classAccesses ?? [])
        if (p.apexClass && !has('ApexClass', p.apexClass))
          add(c.xml, `grants class ${p.apexClass}, which is not in the package`);
    }
  }
  if (bundleBuilt) notes.push(`static resource ${BUNDLE_RESOURCE} is built`);
}

function importFileProblems(
  projectDir: string,
  files: readonly string[] | undefined,
  callCenters: Map<string, { file: string; model: CallCenterModel }>,
  add: Add,
): void {
  const dir = join(projectDir, 'docs', 'call-center');
  const list =
    files ??
    (existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.xml'))
          .map((f) => join(dir, f))
      : []);
  for (const file of list) {
    const text = readFileSync(file, 'utf8');
    const p = xmlProblem(text);
    if (p) {
      add(file, p);
      continue;
    }
    const local: string[] = [];
    const model = parseImportCallCenter(text, local);
    if (model) {
      local.push(...checkCallCenter(model));
      const meta = model.internalName === undefined ? undefined : callCenters.get(model.internalName);
      if (!meta)
        local.push(
          `no callCenters/${model.internalName ?? '?'}.callCenter-meta.xml in the package for this import file`,
        );
      else
        local.push(
          ...compareCallCenters(meta.model, model).map((d) => `differs from ${basename(meta.file)}: ${d}`),
        );
    }
    for (const m of local) add(file, m);
  }
}

/** The CLI behind scripts/validate-force-app.mjs. Returns the exit code. */
export async function runCli(
  argv: readonly string[],
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Promise<number> {
  let projectDir = process.cwd();
  let requireBundle = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--project') projectDir = argv[++i] ?? projectDir;
    else if (arg === '--require-bundle') requireBundle = true;
    else if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') {
      out('usage: node scripts/validate-force-app.mjs [--project DIR] [--require-bundle] [--json]');
      return 0;
    } else {
      out(`unknown option ${arg ?? ''} (try --help)`);
      return 2;
    }
  }
  const report = await validateForceApp({ projectDir, requireBundle });
  if (json) out(JSON.stringify(report, null, 2));
  else {
    for (const note of report.notes) out(`note: ${note}`);
    for (const [type, members] of Object.entries(report.packageTypes).sort())
      out(`${type}: ${members.sort().join(', ')}`);
    for (const p of report.problems) out(`ERROR ${p.file}: ${p.message}`);
    out(report.problems.length === 0 ? 'force-app is valid.' : `${report.problems.length} problem(s) found.`);
  }
  return report.problems.length === 0 ? 0 : 1;
}
