/**
 * A real OpenID Connect provider for the SSO tests (the `oidc-provider` package, the certified
 * implementation): one confidential client for the portal, authorization code flow with PKCE, and
 * its development login form, which accepts any username (the account id) — the account's
 * `preferred_username` is that username, `name` a display name. Consent is granted automatically,
 * as an intranet IdP does for its own applications. As with many IdPs, the profile claims come
 * from the userinfo endpoint, not the ID token (conformIdTokenClaims).
 */
import http from "node:http";
import Provider, { type Configuration } from "oidc-provider";

export const TEST_OIDC_CLIENT_ID = "fazhi-portal";
export const TEST_OIDC_CLIENT_SECRET = "test-oidc-client-secret-0123456789";

export interface TestOidcProvider {
  issuer: string;
  port: number;
  stop: () => Promise<void>;
}

export async function startOidcProvider(options: { port: number; redirectUris: string[]; host?: string }): Promise<TestOidcProvider> {
  const host = options.host ?? "127.0.0.1";
  const issuer = `http://${host}:${options.port}`;
  const configuration: Configuration = {
    clients: [
      {
        client_id: TEST_OIDC_CLIENT_ID,
        client_secret: TEST_OIDC_CLIENT_SECRET,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        async claims() {
          return { sub, preferred_username: sub, name: `测试用户 ${sub}` };
        },
      };
    },
    claims: { openid: ["sub"], profile: ["preferred_username", "name"] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ["test-oidc-cookie-key-0123456789abcdef"] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId as string);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client?.clientId, accountId: ctx.oidc.session?.accountId });
      grant.addOIDCScope("openid profile");
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  // Quiet: the development keys and interactions are expected here.
  provider.on("server_error", (_ctx, error) => console.error("[test-oidc]", error));
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  return {
    issuer,
    port: options.port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
