import path from "node:path";
import { describe, expect, it } from "vitest";
import { exampleProxySettings, nginxConfig, UPSTREAM_HEADER } from "./nginx";

const ROOT = path.resolve(__dirname, "../..");

describe("the two-instance test's nginx configuration", () => {
  it("takes the deploy example's location block and body limit", () => {
    const { location, bodyLimit } = exampleProxySettings(ROOT);
    expect(location).toMatch(/^location \/ \{[\s\S]*\}$/);
    expect(location).toContain("proxy_set_header X-Forwarded-For $remote_addr;");
    expect(bodyLimit).toMatch(/^client_max_body_size \d+m;$/);
  });

  it("balances both instances, keeps the port in Host, and names the instance that served", () => {
    const conf = nginxConfig(ROOT, "/tmp/work", 3423, [3421, 3422]);
    expect(conf).toContain("server 127.0.0.1:3421;");
    expect(conf).toContain("server 127.0.0.1:3422;");
    expect(conf).toContain("listen 127.0.0.1:3423;");
    expect(conf).toContain("proxy_set_header X-Forwarded-Host $http_host;");
    expect(conf).not.toMatch(/\$host\b/);
    expect(conf).toContain(`add_header ${UPSTREAM_HEADER} $upstream_addr always;`);
    expect(conf).not.toContain("ssl_certificate");
  });
});
