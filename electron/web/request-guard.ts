import type { IncomingHttpHeaders } from 'node:http';

export type GuardVerdict = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: GuardVerdict = { allowed: true };
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'] as const;

/** The Host values a browser sends when it really is talking to this host on this port. */
export function allowedHosts(port: number): string[] {
  return LOOPBACK_NAMES.map((name) => `${name}:${port}`);
}

/**
 * DNS rebinding defence: a hostile page whose own name has been re-pointed at 127.0.0.1 reaches
 * this port, but its requests still carry the hostile name in Host. Only loopback names pass.
 */
export function checkHost(host: string | undefined, port: number): GuardVerdict {
  if (host !== undefined && allowedHosts(port).includes(host.toLowerCase())) return ALLOWED;
  return {
    allowed: false,
    reason: `Scorecal refused this request: its Host header (${host ?? 'none'}) is not ${allowedHosts(port).join(' or ')}.`,
  };
}

/**
 * Cross-origin defence: when a browser says where a request comes from, it must be this very
 * origin (the same name the request is addressed to), never another site or another local port.
 */
export function checkOrigin(
  origin: string | undefined,
  host: string | undefined,
  port: number,
): GuardVerdict {
  if (origin === undefined) return ALLOWED;
  const addressed = `http://${(host ?? '').toLowerCase()}`;
  const sameOrigin =
    allowedHosts(port).some((allowed) => `http://${allowed}` === addressed) && origin === addressed;
  if (sameOrigin) return ALLOWED;
  return { allowed: false, reason: `Scorecal refused a request from another origin (${origin}).` };
}

/**
 * Fetch metadata as a second opinion for requests that change something: a browser marks
 * requests from other sites, including other ports of this machine ('same-site'), and those
 * are refused even if some Origin quirk let them through.
 */
export function checkFetchSite(method: string | undefined, fetchSite: string | undefined): GuardVerdict {
  const safeMethod = method === 'GET' || method === 'HEAD';
  if (safeMethod || fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none')
    return ALLOWED;
  return {
    allowed: false,
    reason: `Scorecal refused a ${method ?? 'state-changing'} request that the browser marked as ${fetchSite}.`,
  };
}

/** All source checks of one request, before its credentials are even looked at. */
export function checkRequestSource(
  request: { method?: string | undefined; headers: IncomingHttpHeaders },
  port: number,
): GuardVerdict {
  const { headers } = request;
  const fetchSite = headers['sec-fetch-site'];
  const verdicts = [
    checkHost(headers.host, port),
    checkOrigin(headers.origin, headers.host, port),
    checkFetchSite(request.method, Array.isArray(fetchSite) ? fetchSite.join(',') : fetchSite),
  ];
  return verdicts.find((verdict) => !verdict.allowed) ?? ALLOWED;
}
