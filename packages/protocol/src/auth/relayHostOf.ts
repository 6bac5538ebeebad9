/**
 * R16: the relay's host as AUTH binds it: the authority (`host[:port]`, default port left out,
 * lower case) of the websocket URL a client dials, or of the `Host` header a relay receives.
 * Both sides derive it the same way: `relayHostOf('wss://Trame.example:443/ws')` and
 * `relayHostOf('trame.example')` are `trame.example`. Returns '' for what is not a host.
 */
export function relayHostOf(urlOrHost: string): string {
  const s = urlOrHost.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
  try {
    // A bare Host header takes the scheme whose default port it would omit; ws and wss alike
    // drop theirs (80, 443), so a header `x:443` names `x` either way, as a wss URL does.
    const u = new URL(hasScheme ? s : `wss://${s}`);
    const port = u.port === '80' || u.port === '443' ? '' : u.port;
    return port ? `${u.hostname}:${port}` : u.hostname;
  } catch {
    return '';
  }
}
