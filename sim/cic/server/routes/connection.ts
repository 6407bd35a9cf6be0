/**
 * Connection resources: log on (IC auth, single sign-on token, auth token), server information,
 * connection state, log off, switchover status, auth tokens, password change, licences.
 */
import { z } from 'zod';
import type { SiteUser } from '../../site/site.js';
import { SimErrorId } from '../errors.js';
import { featureList, pickLanguage, serverInfo, versionInfo } from '../features.js';
import { ErrorId, HttpError, parseBody } from '../http-util.js';
import type { Router, SessionContext } from '../router.js';
import { effectiveStationJson } from '../station-model.js';
import { resolveStation, stationSettingsSchema } from '../station-service.js';
import { RequestUrn, Urn, compactDate } from '../wire.js';
import { License } from '../../telephony/host.js';

const appFields = {
  applicationName: z.string().min(1),
  marketPlaceApplicationLicenseName: z.string().optional(),
  marketPlaceApplicationCode: z.string().optional(),
  /** Simulator accommodation: connect the station in the same request. */
  stationSettings: stationSettingsSchema.optional(),
};

const logonSchema = z.discriminatedUnion('__type', [
  z.object({ __type: z.literal(RequestUrn.icAuth), userID: z.string().min(1), password: z.string(), ...appFields }),
  z.object({ __type: z.literal(RequestUrn.singleSignOn), singleSignOnToken: z.string().min(1), ...appFields }),
  z.object({
    __type: z.literal(RequestUrn.authToken),
    authToken: z.string().min(1),
    authTokenSourceSession: z.string().min(1),
    disconnectSourceSession: z.boolean().optional(),
    ...appFields,
  }),
]);

const passwordSchema = z.object({ oldPassword: z.string(), newPassword: z.string() });
const licensesSchema = z.object({ licenseList: z.array(z.string().min(1)) });

const authFailed = () =>
  new HttpError(400, ErrorId.authenticationFailure, 'The authentication process failed: the user ID or password is not valid.');

export function connectionRoutes(router: Router): void {
  router.open('POST', '/icws/connection', async (ctx) => {
    const { world, req, url, server } = ctx;
    const acceptLanguage = req.headers['accept-language'];
    if (acceptLanguage === undefined || acceptLanguage.trim() === '') {
      throw new HttpError(400, ErrorId.missingHeader, 'The Accept-Language header is required to create a session.', {
        propertyName: 'Accept-Language',
      });
    }
    if (!world.isAccepting(server.role)) {
      throw new HttpError(503, ErrorId.notAcceptingConnections, 'This server is not accepting connections; use an alternate host.', {
        alternateHostList: world.alternateHosts(server.role),
      });
    }
    const body = ctx.body as { __type?: unknown } | undefined;
    if (body !== undefined && typeof body === 'object' && body !== null && typeof body.__type === 'string') {
      const known: readonly string[] = [RequestUrn.icAuth, RequestUrn.singleSignOn, RequestUrn.authToken];
      if (!known.includes(body.__type)) {
        throw new HttpError(400, SimErrorId.unsupportedAuthType, `Unsupported connection request type "${body.__type}".`, {
          propertyName: '__type',
        });
      }
    }
    const request = parseBody(logonSchema, ctx.body, 'connection request');
    let user: SiteUser | undefined;
    if (request.__type === RequestUrn.icAuth) {
      if (!world.site.file.allowIcAuth) throw authFailed();
      user = world.checkPassword(request.userID, request.password);
      if (user === undefined) throw authFailed();
    } else if (request.__type === RequestUrn.singleSignOn) {
      user = world.consumeSsoToken(request.singleSignOnToken);
      if (user === undefined) {
        throw new HttpError(400, ErrorId.authenticationFailure, 'The single sign-on token is not valid or was already used.');
      }
    } else {
      const source = world.sessions.get(request.authTokenSourceSession);
      user = world.consumeAuthToken(request.authToken, request.authTokenSourceSession);
      if (user === undefined) throw new HttpError(400, ErrorId.authenticationFailure, 'The auth token is not valid.');
      if (request.disconnectSourceSession === true && source !== undefined) {
        world.endSession(source, { reason: 'The session was handed over.', shouldReconnect: false }, { notify: true, grace: false });
      }
    }
    // Resolve the station first, so a refused station leaves no session behind.
    const station = request.stationSettings ? resolveStation(world, user, request.stationSettings) : null;
    const language = pickLanguage(world.site, acceptLanguage);
    const session = world.createSession(user, { language, applicationName: request.applicationName, role: server.role });
    if (station !== null) world.applyStation(session, station);

    const include = new Set(
      (url.searchParams.get('include') ?? '')
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    );
    const response: Record<string, unknown> = {
      sessionId: session.id,
      csrfToken: session.csrfToken,
      alternateHostList: world.alternateHosts(server.role),
      userID: user.userId,
      userDisplayName: user.displayName,
      icServer: session.serverName,
    };
    if (user.daysUntilPasswordExpiration !== undefined) response['daysUntilPasswordExpiration'] = user.daysUntilPasswordExpiration;
    if (include.has('version')) response['version'] = versionInfo();
    if (include.has('features')) response['features'] = featureList(session.messagingVersion);
    if (include.has('server-time')) response['serverTimeInfo'] = { serverUtcTime: compactDate(world.clock.now()) };
    if (include.has('default-workstation')) response['defaultWorkstationId'] = user.defaultWorkstation ?? null;
    if (include.has('effective-station')) response['effectiveStation'] = effectiveStationJson(session.station);
    return {
      status: 201,
      body: response,
      headers: {
        'ININ-ICWS-Session-ID': session.id,
        'ININ-ICWS-CSRF-Token': session.csrfToken,
        Location: `/icws/${session.id}/connection`,
        'Set-Cookie': `${session.cookieName}=${session.cookieValue}; Path=/icws/${session.id}; HttpOnly`,
      },
    };
  });

  router.open('GET', '/icws/connection/server-info', (ctx) => {
    const language = pickLanguage(
      ctx.world.site,
      ctx.url.searchParams.get('displayLanguage') ?? ctx.req.headers['accept-language'],
    );
    return { status: 200, body: serverInfo(ctx.world.site, language) };
  });
  router.open('GET', '/icws/connection/version', () => ({ status: 200, body: versionInfo() }));
  router.open('GET', '/icws/connection/features', (ctx) => ({
    status: 200,
    body: { featureInfoList: featureList(ctx.world.options.messagingVersion) },
  }));
  router.open('GET', '/icws/connection/features/:featureId', (ctx) => {
    const feature = featureList(ctx.world.options.messagingVersion).find(
      (f) => f.featureId.toLowerCase() === ctx.params['featureId']?.toLowerCase(),
    );
    if (feature === undefined) {
      throw new HttpError(400, ErrorId.notFound, `The feature "${ctx.params['featureId']}" is not supported.`);
    }
    return { status: 200, body: feature };
  });
  router.open('GET', '/icws/connection/server-time', (ctx) => ({
    status: 200,
    body: { serverUtcTime: compactDate(ctx.world.clock.now()) },
  }));

  // Connection state works on a session that has ended too ("existing or previous connection").
  router.open('GET', '/icws/:sessionId/connection', (ctx) => {
    const { world, req, params, server } = ctx;
    const sessionId = params['sessionId'] ?? '';
    const csrf = req.headers['inin-icws-csrf-token'] as string | undefined;
    const live = world.sessions.get(sessionId);
    if (live !== undefined && world.sessionRoles.get(sessionId) === server.role) {
      const session = world.authorize(server.role, sessionId, req.headers.cookie, csrf, { csrf: true, allowDraining: true });
      session.touch();
      return { status: 200, body: world.connectionState(session) };
    }
    const end = world.tombstone(sessionId, req.headers.cookie, csrf);
    if (end !== undefined) {
      return { status: 200, body: { connectionState: 2, reason: end.reason, shouldReconnect: end.shouldReconnect } };
    }
    // Not ours: fail the same way authorize does.
    world.authorize(server.role, sessionId, req.headers.cookie, csrf, { csrf: true, allowDraining: false });
    return { status: 500, body: { errorId: ErrorId.internal, message: 'unreachable' } };
  });

  router.session('DELETE', '/icws/:sessionId/connection', ({ world, session }) => {
    world.endSession(session, { reason: 'You logged off.', shouldReconnect: false }, { notify: false, grace: false });
    return { status: 200 };
  });

  router.session('GET', '/icws/:sessionId/connection/switchover-status', ({ world }) => {
    const primary = world.servers.get('primary') ?? '';
    const backup = world.servers.get('backup');
    return {
      status: 200,
      body: {
        isSwitchoverActive: backup !== undefined,
        primaryHost: world.active === 'primary' ? primary : (backup ?? primary),
        ...(backup !== undefined ? { backupHost: world.active === 'primary' ? backup : primary } : {}),
        isManualSwitchOnly: false,
        backupState: 0,
        subsystemsDown: [],
      },
    };
  });

  router.session('POST', '/icws/:sessionId/connection/unique-auth-token', ({ world, session, body }) => {
    parseBody(z.object({ authTokenSeed: z.string().min(1) }), body);
    return { status: 200, body: { authToken: world.mintAuthToken(session) } };
  });

  router.session('POST', '/icws/:sessionId/security/password', changePassword);

  router.session('POST', '/icws/:sessionId/licenses', (ctx) => acquireLicenses(ctx, false));
  router.session('PUT', '/icws/:sessionId/licenses', (ctx) => acquireLicenses(ctx, true));
  router.session('DELETE', '/icws/:sessionId/licenses', ({ session }) => {
    session.licenses.clear();
    return { status: 200 };
  });
}

function acquireLicenses({ world, session, body }: SessionContext, replace: boolean) {
  const { licenseList } = parseBody(licensesSchema, body);
  const user = world.requireUser(session.userId);
  if (replace) session.licenses.clear();
  const results = licenseList.map((name) => {
    const known = (Object.values(License) as string[]).includes(name);
    const assigned = user.licenseSet.has(name);
    if (assigned) session.licenses.add(name);
    // licenseStatus: 2 Available, 3 NotAssigned, 9 LicenseUnknown.
    return {
      licenseName: name,
      isAvailable: assigned,
      licenseStatus: assigned ? 2 : known ? 3 : 9,
      errorDetails: assigned ? '' : known ? 'The license is not assigned to this user.' : 'Unknown license.',
    };
  });
  return { status: 200, body: { licenseOperationResultList: results } };
}

const PasswordPolicyError = {
  DoesntMatch: 7,
  RecentlyUsed: 1,
  TooShort: 3,
  AllSequentialDigits: 5,
  TooFewUpper: 9,
  TooFewLower: 10,
  TooFewNumeric: 11,
  TooFewSpecial: 12,
} as const;

function changePassword({ world, session, body }: SessionContext) {
  const { oldPassword, newPassword } = parseBody(passwordSchema, body);
  const state = world.passwordState(session.userId);
  const policy = world.site.file.passwordPolicy;
  const errors: { passwordPolicyErrorId: number; passwordPolicyErrorMsg: string }[] = [];
  const add = (id: number, msg: string) => errors.push({ passwordPolicyErrorId: id, passwordPolicyErrorMsg: msg });
  if (oldPassword !== state.current) {
    add(PasswordPolicyError.DoesntMatch, 'The old password is not correct.');
  } else {
    const count = (re: RegExp) => (newPassword.match(re) ?? []).length;
    if (newPassword.length < policy.minLength) {
      add(PasswordPolicyError.TooShort, `The password must be at least ${policy.minLength} characters long.`);
    }
    if (count(/[A-Z]/g) < policy.minUpper) add(PasswordPolicyError.TooFewUpper, `Use at least ${policy.minUpper} upper-case letters.`);
    if (count(/[a-z]/g) < policy.minLower) add(PasswordPolicyError.TooFewLower, `Use at least ${policy.minLower} lower-case letters.`);
    if (count(/[0-9]/g) < policy.minNumeric) add(PasswordPolicyError.TooFewNumeric, `Use at least ${policy.minNumeric} digits.`);
    if (count(/[^A-Za-z0-9]/g) < policy.minSpecial) {
      add(PasswordPolicyError.TooFewSpecial, `Use at least ${policy.minSpecial} special characters.`);
    }
    if (policy.noSequentialDigits && /^\d+$/.test(newPassword) && isSequential(newPassword)) {
      add(PasswordPolicyError.AllSequentialDigits, 'The password may not be all sequential digits.');
    }
    if (newPassword === state.current || state.history.slice(0, policy.history).includes(newPassword)) {
      add(PasswordPolicyError.RecentlyUsed, 'The password was used recently.');
    }
  }
  if (errors.length > 0) {
    throw new HttpError(400, SimErrorId.passwordPolicy, 'The password could not be changed.', {
      __type: Urn.passwordError,
      passwordErrors: errors,
    });
  }
  world.setPassword(session.userId, newPassword);
  world.log(`password changed for ${session.userId}`);
  return { status: 204 };
}

function isSequential(digits: string): boolean {
  if (digits.length < 2) return false;
  const step = Number(digits[1]) - Number(digits[0]);
  if (Math.abs(step) !== 1) return false;
  for (let i = 2; i < digits.length; i++) if (Number(digits[i]) - Number(digits[i - 1]) !== step) return false;
  return true;
}
