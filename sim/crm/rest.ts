/**
 * The slice of the Salesforce APIs that jsforce needs for call logs: SOAP `login`, and REST
 * `sobjects/<Type>` create / retrieve / update / delete / describe, `composite/sobjects`, `query`
 * and `search`. Sessions come from login; every REST call needs `Authorization: Bearer <sessionId>`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database, DmlResult } from './db.js';
import { escapeXml, HttpError, readBody, sendJson, sendText, unescapeXml } from './http.js';
import { normalizeId } from './ids.js';
import { objectDef, type FieldDef, type ObjectDef } from './sobjects.js';
import { QueryError, runSosl, runSoql } from './soql.js';

export interface RestOptions {
  /** The current org data (replaced on reset). */
  db: () => Database;
  /** Origin the emulator is reached at (used in serverUrl). */
  baseUrl: () => string;
  /** Called after any write, so console pages can re-render. */
  onWrite: () => void;
  /** Browser origins allowed to call the REST API cross-origin (Setup → CORS). */
  corsOrigins: readonly string[];
}

const REST_PATH = /^\/services\/data\/v(\d{2}\.\d)(\/.*)?$/;
const SOAP_PATH = /^\/services\/Soap\/u\/(\d{2}\.\d)\/?$/;

export class RestApi {
  private readonly sessions = new Map<string, { userId: string }>();

  constructor(private readonly options: RestOptions) {}

  reset(): void {
    this.sessions.clear();
  }

  /** Handles the request if it is ours; returns false otherwise. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const soap = SOAP_PATH.exec(url.pathname);
    const rest = REST_PATH.exec(url.pathname);
    if (!soap && !rest && url.pathname !== '/services/data' && url.pathname !== '/services/data/') return false;
    const cors = this.corsHeaders(req);
    if (req.method === 'OPTIONS') {
      res.writeHead(cors['access-control-allow-origin'] ? 204 : 403, {
        ...cors,
        'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
        'access-control-allow-headers': 'authorization, content-type, x-sfdc-session, sforce-call-options',
        'access-control-max-age': '600',
      });
      res.end();
      return true;
    }
    try {
      if (soap) await this.login(req, res, soap[1] as string);
      else if (!rest) sendJson(res, 200, [{ label: 'Summer 24', url: '/services/data/v62.0', version: '62.0' }], cors);
      else {
        this.authenticate(req);
        await this.route(req, res, rest[1] as string, rest[2] ?? '/', url, cors);
      }
    } catch (error) {
      if (error instanceof HttpError) sendJson(res, error.status, error.body, cors);
      else if (error instanceof QueryError) sendJson(res, 400, [{ message: error.message, errorCode: error.errorCode }], cors);
      else throw error;
    }
    return true;
  }

  private corsHeaders(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    if (!origin || !this.options.corsOrigins.includes(origin)) return {};
    return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
  }

  private async login(req: IncomingMessage, res: ServerResponse, version: string): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, { error: 'POST only' });
    const body = await readBody(req);
    const username = /<(?:\w+:)?username>([^<]*)<\/(?:\w+:)?username>/.exec(body)?.[1];
    const password = /<(?:\w+:)?password>([^<]*)<\/(?:\w+:)?password>/.exec(body)?.[1];
    const db = this.options.db();
    const user = db.users.find((u) => u.Username === unescapeXml(username ?? '') && u.Password === unescapeXml(password ?? ''));
    if (!/<(?:\w+:)?login[\s>]/.test(body) || !user) {
      const fault = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
        '<soapenv:Body><soapenv:Fault><faultcode>sf:INVALID_LOGIN</faultcode>',
        '<faultstring>INVALID_LOGIN: Invalid username, password, security token; or user locked out.</faultstring>',
        '</soapenv:Fault></soapenv:Body></soapenv:Envelope>',
      ].join('');
      sendText(res, 500, 'text/xml; charset=utf-8', fault);
      return;
    }
    const sessionId = `${db.organization.Id.slice(0, 15)}!${randomBytes(24).toString('base64url')}`;
    const userId = normalizeId(user.Id) as string;
    this.sessions.set(sessionId, { userId });
    const base = this.options.baseUrl();
    const org = db.organization;
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
      '<soapenv:Body><loginResponse><result>',
      `<metadataServerUrl>${escapeXml(`${base}/services/Soap/m/${version}/${org.Id}`)}</metadataServerUrl>`,
      '<passwordExpired>false</passwordExpired><sandbox>true</sandbox>',
      `<serverUrl>${escapeXml(`${base}/services/Soap/u/${version}/${org.Id}`)}</serverUrl>`,
      `<sessionId>${escapeXml(sessionId)}</sessionId>`,
      `<userId>${userId}</userId>`,
      '<userInfo>',
      `<organizationId>${org.Id}</organizationId><organizationName>${escapeXml(org.Name)}</organizationName>`,
      `<userEmail>${escapeXml(user.Email)}</userEmail><userFullName>${escapeXml(`${user.FirstName} ${user.LastName}`)}</userFullName>`,
      `<userId>${userId}</userId><userLanguage>${escapeXml(user.LanguageLocaleKey)}</userLanguage><userName>${escapeXml(user.Username)}</userName>`,
      '</userInfo>',
      '</result></loginResponse></soapenv:Body></soapenv:Envelope>',
    ].join('');
    sendText(res, 200, 'text/xml; charset=utf-8', xml);
  }

  private authenticate(req: IncomingMessage): void {
    const header = req.headers.authorization ?? '';
    const m = /^(?:Bearer|OAuth)\s+(.+)$/.exec(header);
    if (!m || !this.sessions.has((m[1] as string).trim())) {
      throw new HttpError(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse, version: string, path: string, url: URL, cors: Record<string, string>): Promise<void> {
    const db = this.options.db();
    const method = req.method ?? 'GET';
    const parts = path.split('/').filter((p) => p !== '');
    const notFound = (): never => {
      throw new HttpError(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    };
    if (parts.length === 0 && method === 'GET') {
      const resources = ['sobjects', 'query', 'search', 'composite'];
      sendJson(res, 200, Object.fromEntries(resources.map((r) => [r, `/services/data/v${version}/${r}`])), cors);
      return;
    }
    const [head, typeName, idOrAction] = parts;
    if (head === 'query' && parts.length === 1 && method === 'GET') {
      const q = url.searchParams.get('q');
      if (!q) throw new HttpError(400, [{ message: 'missing q', errorCode: 'MALFORMED_QUERY' }]);
      sendJson(res, 200, runSoql(db, q, version), cors);
      return;
    }
    if (head === 'search' && parts.length === 1 && method === 'GET') {
      const q = url.searchParams.get('q');
      if (!q) throw new HttpError(400, [{ message: 'missing q', errorCode: 'MALFORMED_SEARCH' }]);
      sendJson(res, 200, runSosl(db, q, version), cors);
      return;
    }
    if (head === 'composite' && typeName === 'sobjects' && parts.length === 2 && (method === 'POST' || method === 'PATCH')) {
      const body = parseJsonBody(await readBody(req));
      const records = Array.isArray(body['records']) ? (body['records'] as Array<Record<string, unknown>>) : notFound();
      const results = records.map((r) => {
        const attributes = r['attributes'] as { type?: string } | undefined;
        const result: DmlResult =
          method === 'POST' ? db.create(attributes?.type ?? '', r) : db.update(typeof r['Id'] === 'string' ? r['Id'] : '', r);
        return result.success ? { id: result.id, success: true, errors: [] } : { success: false, errors: result.errors.map(restError) };
      });
      this.options.onWrite();
      sendJson(res, 200, results, cors);
      return;
    }
    if (head !== 'sobjects') notFound();
    if (!typeName) {
      if (method !== 'GET') notFound();
      sendJson(res, 200, { encoding: 'UTF-8', maxBatchSize: 200, sobjects: [] }, cors);
      return;
    }
    const def = objectDef(typeName);
    if (!def || def.name !== typeName) {
      throw new HttpError(404, [{ errorCode: 'NOT_FOUND', message: `The requested resource does not exist: sObject type '${typeName}'` }]);
    }
    if (parts.length === 3 && idOrAction === 'describe' && method === 'GET') {
      sendJson(res, 200, describe(def, version), cors);
      return;
    }
    if (parts.length === 2 && method === 'POST') {
      const result = db.create(def.name, parseJsonBody(await readBody(req)));
      if (!result.success) throw new HttpError(400, result.errors.map(restError));
      this.options.onWrite();
      sendJson(res, 201, { id: result.id, success: true, errors: [] }, cors);
      return;
    }
    if (parts.length !== 3 || !idOrAction) notFound();
    const id = normalizeId(idOrAction as string);
    const record = id ? db.get(id) : undefined;
    if (!record || record.type !== def.name) {
      throw new HttpError(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
    }
    if (method === 'GET') {
      const wanted = url.searchParams.get('fields');
      const names = wanted ? wanted.split(',').map((f) => f.trim()) : def.fields.map((f) => f.name);
      const out: Record<string, unknown> = { attributes: { type: def.name, url: `/services/data/v${version}/sobjects/${def.name}/${id}` } };
      for (const n of names) {
        const f = def.fields.find((x) => x.name.toLowerCase() === n.toLowerCase());
        if (!f) throw new HttpError(400, [{ errorCode: 'INVALID_FIELD', message: `No such column '${n}' on sobject of type ${def.name}` }]);
        out[f.name] = record.fields[f.name] ?? null;
      }
      sendJson(res, 200, out, cors);
      return;
    }
    if (method === 'PATCH') {
      const result = db.update(id as string, parseJsonBody(await readBody(req)));
      if (!result.success) throw new HttpError(400, result.errors.map(restError));
      this.options.onWrite();
      res.writeHead(204, cors);
      res.end();
      return;
    }
    if (method === 'DELETE') {
      const result = db.delete(id as string);
      if (!result.success) throw new HttpError(400, result.errors.map(restError));
      this.options.onWrite();
      res.writeHead(204, cors);
      res.end();
      return;
    }
    throw new HttpError(405, [{ errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${method}' not allowed. Allowed are GET,PATCH,DELETE` }]);
  }
}

function parseJsonBody(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, [{ errorCode: 'JSON_PARSER_ERROR', message: 'The request body is not valid JSON' }]);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HttpError(400, [{ errorCode: 'JSON_PARSER_ERROR', message: 'The request body must be a JSON object' }]);
  }
  return value as Record<string, unknown>;
}

function restError(e: { errorCode: string; message: string; fields: string[] }): { errorCode: string; message: string; fields: string[] } {
  return { errorCode: e.errorCode, message: e.message, fields: e.fields };
}

function describeField(f: FieldDef): Record<string, unknown> {
  return {
    name: f.name,
    label: f.label,
    type: f.type === 'int' ? 'int' : f.type,
    length: f.length ?? 0,
    createable: f.createable,
    updateable: f.updateable,
    nillable: !f.requiredOnCreate && f.defaultValue === undefined && f.name !== 'Id',
    defaultedOnCreate: f.defaultValue !== undefined,
    restrictedPicklist: f.restricted ?? false,
    referenceTo: f.referenceTo ?? [],
    picklistValues: (f.picklist ?? []).map((value) => ({ active: true, defaultValue: value === f.defaultValue, label: value, validFor: null, value })),
  };
}

function describe(def: ObjectDef, version: string): Record<string, unknown> {
  const writable = def.name !== 'User' && def.name !== 'ServicePresenceStatus';
  return {
    name: def.name,
    label: def.label,
    labelPlural: def.labelPlural,
    keyPrefix: def.keyPrefix,
    createable: writable,
    updateable: writable,
    deletable: writable,
    queryable: true,
    searchable: ['Account', 'Contact', 'Lead', 'Case', 'Opportunity'].includes(def.name),
    fields: def.fields.map(describeField),
    urls: {
      sobject: `/services/data/v${version}/sobjects/${def.name}`,
      describe: `/services/data/v${version}/sobjects/${def.name}/describe`,
      rowTemplate: `/services/data/v${version}/sobjects/${def.name}/{ID}`,
    },
  };
}
