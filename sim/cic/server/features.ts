/**
 * What the simulated server says about itself: feature versions (`include=features`,
 * `GET /icws/connection/features`), version information and the server-info document.
 */
import type { Site } from '../site/site.js';

export function featureList(messagingVersion: number): { featureId: string; version: number }[] {
  return [
    { featureId: 'connection', version: 11 },
    { featureId: 'messaging', version: messagingVersion },
    { featureId: 'interactions', version: 13 },
    { featureId: 'queues', version: 2 },
    { featureId: 'status', version: 3 },
    { featureId: 'activations', version: 1 },
    { featureId: 'directories', version: 3 },
    { featureId: 'configuration', version: 6 },
    { featureId: 'licenses', version: 2 },
    { featureId: 'phone-numbers', version: 1 },
    { featureId: 'security', version: 2 },
  ];
}

export function versionInfo(): Record<string, string> {
  return {
    majorVersion: '23',
    minorVersion: '3',
    su: '0',
    build: '23.3.0.512',
    productId: 'ICServer',
    codebaseId: 'icsim',
    productReleaseDisplayString: '2023 R3 (simulated)',
    productPatchDisplayString: 'Patch 0',
  };
}

/** Picks the session language from an Accept-Language header (falls back to the site's first language). */
export function pickLanguage(site: Site, header: string | undefined): string {
  const supported = site.file.languages.map((l) => l.languageId.toLowerCase());
  const fallback = supported[0] ?? 'en-us';
  if (header === undefined) return fallback;
  const wanted = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((w) => w.tag !== '' && w.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    if (supported.includes(tag)) return tag;
    const prefix = supported.find((s) => s.split('-')[0] === tag.split('-')[0]);
    if (prefix !== undefined) return prefix;
  }
  return fallback;
}

export function serverInfo(site: Site, language: string): Record<string, unknown> {
  return {
    languages: site.file.languages.map((l) => ({ languageID: l.languageId, languageDisplayName: l.displayName })),
    acceptLanguage: language,
    authentication: {
      allowIcAuth: site.file.allowIcAuth,
      identityProviders: site.file.identityProviders.map((p) => ({
        displayName: p.displayName,
        identityProviderId: p.id,
        builtInIdentityProvider: false,
      })),
      userAgreementText: site.file.userAgreementText,
    },
  };
}
