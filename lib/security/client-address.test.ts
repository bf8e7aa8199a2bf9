import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, parseTrustedProxies } from "./client-address";

const none = parseTrustedProxies(undefined);

describe("clientAddress without trusted proxies", () => {
  it("uses the address Next filled in from the socket", () => {
    expect(clientAddress("203.0.113.7", none)).toBe("203.0.113.7");
  });

  it("takes the right-most entry, never the client-written left-most one", () => {
    expect(clientAddress("198.51.100.1, 203.0.113.7", none)).toBe("203.0.113.7");
  });

  it("says unknown when there is nothing", () => {
    expect(clientAddress(undefined, none)).toBe("unknown");
    expect(clientAddress(" , ", none)).toBe("unknown");
  });
});

describe("clientAddress behind trusted proxies", () => {
  const proxies = parseTrustedProxies("10.0.0.0/8, 192.168.1.5, fd00::/8");

  it("skips the proxies from the right and returns the first untrusted hop", () => {
    expect(clientAddress("198.51.100.9, 203.0.113.7, 10.1.2.3", proxies)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7, 192.168.1.5, 10.0.0.2", proxies)).toBe("203.0.113.7");
  });

  it("ignores a spoofed left-most entry that pretends to be a proxy or anyone", () => {
    expect(clientAddress("10.9.9.9, 203.0.113.7", proxies)).toBe("203.0.113.7");
  });

  it("returns the left-most hop when every hop is a proxy", () => {
    expect(clientAddress("10.0.0.7, 10.0.0.2", proxies)).toBe("10.0.0.7");
  });

  it("understands IPv6, IPv4-mapped IPv6 and ports", () => {
    expect(clientAddress("2001:db8::1, fd00::2", proxies)).toBe("2001:db8::1");
    expect(clientAddress("::ffff:203.0.113.7, ::ffff:10.0.0.2", proxies)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7:5123, [fd00::3]:443", proxies)).toBe("203.0.113.7");
  });

  it("treats a hop that is not an address as the client", () => {
    expect(clientAddress("203.0.113.7, garbage, 10.0.0.1", proxies)).toBe("garbage");
  });
});

describe("parseTrustedProxies", () => {
  it("accepts addresses and ranges, ignores blanks", () => {
    expect(parseTrustedProxies(" 127.0.0.1 , ,::1,172.16.0.0/12 ").count).toBe(3);
    expect(parseTrustedProxies("").count).toBe(0);
  });

  it.each(["localhost", "10.0.0.0/33", "10.0.0.1/", "10.0.0.0/8/1", "::1/129", "1.2.3"])("rejects %s", (bad) => {
    expect(() => parseTrustedProxies(bad)).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("normalizeAddress", () => {
  it("lower-cases and strips brackets and ports", () => {
    expect(normalizeAddress(" [2001:DB8::1]:80 ")).toBe("2001:db8::1");
    expect(normalizeAddress("1.2.3.4:80")).toBe("1.2.3.4");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8::1");
  });
});
