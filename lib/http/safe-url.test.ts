import http from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyAddress, isAllowedAddress, parseOutboundUrl, resolveOutboundUrl, safeRequest, UnsafeUrlError } from "./safe-url";

const deny = { allowPrivateNetworks: false };
const allow = { allowPrivateNetworks: true };

/** The host of a URL as the request would see it. */
async function refusal(raw: string, opts = deny, lookup?: (h: string) => Promise<{ address: string; family: number }[]>) {
  try {
    await resolveOutboundUrl(raw, { ...opts, lookup });
    return null;
  } catch (err) {
    return err instanceof UnsafeUrlError ? err.reason : String(err);
  }
}

describe("classifyAddress", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["fd12:3456::1", "private"],
    ["fc00::1", "private"],
    ["169.254.169.254", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["169.254.10.1", "link_local"],
    ["fe80::1", "link_local"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::ffff:a9fe:a9fe", "metadata"],
    ["::ffff:10.0.0.1", "private"],
    ["8.8.8.8", "public"],
    ["172.32.0.1", "public"],
    ["2a00:1450:4001:80b::200e", "public"],
    ["::ffff:8.8.8.8", "public"],
    ["not-an-ip", "reserved"],
  ])("%s is %s", (ip, cls) => expect(classifyAddress(ip)).toBe(cls));

  it("never lets a mapped IPv6 form of a refused IPv4 address through", () => {
    fc.assert(
      fc.property(fc.ipV4(), (v4) => {
        const [a, b, c, d] = v4.split(".").map(Number);
        const hex = `::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
        expect(classifyAddress(`::ffff:${v4}`)).toBe(classifyAddress(v4));
        expect(classifyAddress(hex)).toBe(classifyAddress(v4));
      }),
    );
  });

  it("refuses every address in 127/8, 10/8 and 169.254/16 without the opt-in, and link-local even with it", () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(octet, octet, octet, (b, c, d) => {
        expect(isAllowedAddress(`127.${b}.${c}.${d}`, deny)).toBe(false);
        expect(isAllowedAddress(`10.${b}.${c}.${d}`, deny)).toBe(false);
        expect(isAllowedAddress(`127.${b}.${c}.${d}`, allow)).toBe(true);
        expect(isAllowedAddress(`169.254.${c}.${d}`, allow)).toBe(false);
      }),
    );
  });

  it("classifies any string without throwing, and only real addresses can be public", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.ipV4(), fc.ipV6(), fc.ipV4Extended()), (s) => {
        const cls = classifyAddress(s);
        if (cls === "public") expect(s.replace(/^\[|\]$/g, "")).toMatch(/[.:]/);
      }),
    );
  });

  it("judges fe80::/10 and fc00::/7 across their whole range", () => {
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        const first = ip.split(":")[0];
        const head = first === "" ? 0 : parseInt(first, 16);
        if (ip.includes(".") || ip.startsWith("::")) return;
        if ((head & 0xffc0) === 0xfe80) expect(classifyAddress(ip)).toBe("link_local");
        if ((head & 0xfe00) === 0xfc00 && ip !== "fd00:ec2::254") expect(["private", "metadata"]).toContain(classifyAddress(ip));
      }),
    );
  });
});

describe("resolveOutboundUrl", () => {
  it.each([
    "http://127.0.0.1/hook",
    "http://2130706433/hook", // decimal
    "http://0x7f000001/hook", // hex
    "http://0177.0.0.1/hook", // octal
    "http://127.1/hook",
    "http://[::1]/hook",
    "http://[::ffff:127.0.0.1]/hook",
    "http://[::ffff:7f00:1]/hook",
    "http://10.0.0.8:8080/hook",
  ])("refuses %s without the opt-in", async (url) => {
    expect(await refusal(url)).toBe("forbidden_address");
    expect(await refusal(url, allow)).toBeNull();
  });

  it.each(["http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/", "http://0xa9fea9fe/", "http://[fe80::1]/", "http://0.0.0.0/", "http://[::]/"])(
    "refuses %s even with private networks allowed",
    async (url) => {
      expect(await refusal(url, allow)).toBe("forbidden_address");
    },
  );

  it("refuses other schemes and credentials", async () => {
    expect(await refusal("ftp://example.com/")).toBe("scheme");
    expect(await refusal("file:///etc/passwd")).toBe("scheme");
    expect(await refusal("javascript:alert(1)")).toBe("scheme");
    expect(await refusal("https://user:pw@example.com/")).toBe("credentials");
    expect(await refusal("not a url")).toBe("invalid");
    expect(() => parseOutboundUrl("https://crm.example.com/hooks")).not.toThrow();
  });

  it("checks every address a name resolves to", async () => {
    const lookup = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "10.0.0.1", family: 4 },
    ];
    expect(await refusal("https://rebind.example/", deny, lookup)).toBe("forbidden_address");
    expect(await refusal("https://ok.example/", deny, async () => [{ address: "93.184.216.34", family: 4 }])).toBeNull();
    expect(await refusal("https://gone.example/", deny, async () => Promise.reject(new Error("ENOTFOUND")))).toBe("unresolvable");
  });
});

describe("safeRequest", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === "/big") {
        res.write(Buffer.alloc(64 * 1024, 97));
        res.end(Buffer.alloc(64 * 1024, 97));
      } else if (req.url === "/slow") {
        setTimeout(() => res.end("late"), 2_000);
      } else {
        res.statusCode = 202;
        res.end(`host=${req.headers.host}`);
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const opts = { timeoutMs: 500, maxResponseBytes: 1024, allowPrivateNetworks: true };

  it("connects to the checked address, whatever the name resolves to later", async () => {
    let calls = 0;
    const lookup = async () => (++calls === 1 ? [{ address: "127.0.0.1", family: 4 }] : [{ address: "169.254.169.254", family: 4 }]);
    const port = base.split(":")[1];
    const res = await safeRequest(`http://receiver.test:${port}/ok`, { ...opts, body: "{}", lookup });
    expect(res.status).toBe(202);
    expect(res.body).toBe(`host=receiver.test:${port}`);
    expect(calls).toBe(1);
  });

  it("refuses loopback without the opt-in", async () => {
    await expect(safeRequest(`http://${base}/ok`, { ...opts, allowPrivateNetworks: false })).rejects.toBeInstanceOf(UnsafeUrlError);
  });

  it("cuts off an oversized answer and a slow one", async () => {
    await expect(safeRequest(`http://${base}/big`, opts)).rejects.toThrow(/larger than 1024 bytes/);
    await expect(safeRequest(`http://${base}/slow`, opts)).rejects.toThrow(/no answer within 500 ms/);
  });
});
